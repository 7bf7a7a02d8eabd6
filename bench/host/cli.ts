/**
 * One language-host-like run, for reproducing a row of bench/RESULTS.md by hand:
 *
 *   npx tsx bench/host/cli.ts dev          the dev stack (stacks/Pulumi.dev.yaml), the program bundle (Pulumi.yaml `main`)
 *   npx tsx bench/host/cli.ts dev-unbundled  the same, run from tsc's build of the program (bin/program/index.js)
 *   npx tsx bench/host/cli.ts apps <n>     the generated stack of n apps (bench/stack.ts)
 *   npx tsx bench/host/cli.ts floor        the floor: the five SDKs loaded by the host, nothing registered
 *   npx tsx bench/host/cli.ts invalid      the dev stack with an error in it (`oidc-apps:environment: prod`)
 *
 * `npm run build` first. OIDC_APPS_STACK_TRACES=1 in the environment reaches the program (the opt-out).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ENVIRONMENT_KEY, PROJECT } from "../../config/sections";
import { readStackFileText } from "../../config/stack-file";
import { generatedConfig } from "../stack";
import { startMockEngine } from "./engine";
import { runUnderHost, type HostRun } from "./run-host";

export const SDK_FLOOR_PROGRAM = "bench/host/sdk-floor.js";
/** tsc's build of the program, one file per module with source maps: what Pulumi.yaml `main` ran before the bundle. */
export const UNBUNDLED_PROGRAM = "bin/program/index.js";

/** The runs the bench makes, by name. */
export function hostRun(root: string, what: string, n = 100): HostRun {
  switch (what) {
    case "floor":
      return { stack: "dev", project: PROJECT, config: {}, program: SDK_FLOOR_PROGRAM };
    case "dev": {
      const file = readStackFileText(readFileSync(join(root, "stacks/Pulumi.dev.yaml"), "utf8"));
      return { stack: "dev", project: PROJECT, config: file.config, secretKeys: file.secretKeys };
    }
    case "dev-unbundled":
      return { ...hostRun(root, "dev"), program: UNBUNDLED_PROGRAM };
    case "apps":
      return { stack: "bench", project: PROJECT, config: generatedConfig(n) };
    case "invalid": {
      const run = hostRun(root, "dev");
      return { ...run, config: { ...run.config, [ENVIRONMENT_KEY]: "prod" } };
    }
    default:
      throw new Error(`unknown run ${what}: dev, dev-unbundled, apps <n>, floor or invalid`);
  }
}

if (require.main === module) {
  void (async () => {
    const root = join(__dirname, "..", "..");
    const engine = await startMockEngine();
    try {
      const result = await runUnderHost(engine, root, hostRun(root, process.argv[2] ?? "dev", Number(process.argv[3] ?? 100)));
      const { stderr, ...rest } = result;
      process.stdout.write(JSON.stringify(rest) + "\n");
      if (result.status !== 0) process.stderr.write(stderr);
    } finally {
      await engine.stop();
    }
  })();
}
