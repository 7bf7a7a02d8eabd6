/**
 * Runs a program the way the Node.js language host does for `pulumi preview` / the preview half of `pulumi up`:
 * a fresh `node` process running `@pulumi/pulumi/cmd/run` (which loads `source-map-support/register` and keeps
 * Node's default `Error.stackTraceLimit`), with the stack's config in `PULUMI_CONFIG`, its secret keys in
 * `PULUMI_CONFIG_SECRET_KEYS`, and `--monitor` / `--engine` pointing at the mock engine. The program is the
 * project's Pulumi.yaml `main` (bin/program/bundle.js), as the host passes it, unless another path is given. Not `.`:
 * cmd/run/run.js would then take package.json `exports`/`main`, which is the library (bin/index.js), not the program.
 */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { parse } from "yaml";
import type { MockEngine } from "./engine";

export const CMD_RUN = join(dirname(require.resolve("@pulumi/pulumi/package.json")), "cmd", "run", "index.js");

export interface HostRun {
  readonly stack: string;
  readonly project: string;
  readonly config: Record<string, string>;
  readonly secretKeys?: Iterable<string>;
  /** Default: the project's Pulumi.yaml `main`. */
  readonly program?: string;
  readonly env?: Record<string, string | undefined>;
  /** Extra flags for node itself (profiling: `--cpu-prof`). */
  readonly nodeArgs?: readonly string[];
}

export interface HostResult {
  /** Wall time from spawning node to its exit. */
  readonly ms: number;
  readonly status: number | null;
  readonly stderr: string;
  readonly registered: ReturnType<MockEngine["registered"]>;
  readonly log: string[];
  /** bench/host/timing.js: ms since the process started when the program was required, called, resolved; peak RSS. */
  readonly marks: { required?: number; loaded?: number; called?: number; returned?: number; resolved?: number; exit?: number; maxRssKb?: number };
  /** CPU the mock engine (this process) spent during the run. */
  readonly engineCpuMs: number;
}

const TIMING = join(__dirname, "timing.js");

export function runUnderHost(engine: MockEngine, root: string, run: HostRun): Promise<HostResult> {
  engine.reset(run.stack, run.project);
  const args = [
    ...(run.nodeArgs ?? []),
    "--require",
    TIMING,
    CMD_RUN,
    `--monitor=${engine.address}`,
    `--engine=${engine.address}`,
    `--project=${run.project}`,
    `--stack=${run.stack}`,
    "--organization=organization",
    `--root-directory=${root}`,
    `--pwd=${root}`,
    "--dry-run",
    run.program ?? mainOf(root),
  ];
  const env: Record<string, string | undefined> = {
    ...process.env,
    PULUMI_CONFIG: JSON.stringify(run.config),
    PULUMI_CONFIG_SECRET_KEYS: JSON.stringify([...(run.secretKeys ?? [])]),
    // Pulumi.yaml `typescript: false`: the host does not register ts-node.
    PULUMI_NODEJS_TYPESCRIPT: "false",
    // What the host requires (cmd/run/run.js: the given path, joined to the working directory, the project root).
    OIDC_APPS_BENCH_PROGRAM: resolve(root, run.program ?? mainOf(root)),
    ...run.env,
  };
  // Not inherited from the bench's own process (tsx): the host's node has no loaders.
  delete env["NODE_OPTIONS"];
  return new Promise((done, reject) => {
    const cpu = process.cpuUsage();
    const started = performance.now();
    const child = spawn(process.execPath, args, { cwd: root, env, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.setEncoding("utf8");
    child.stderr.on("data", (d: string) => (stderr += d));
    child.on("error", reject);
    child.on("close", (status) => {
      const ms = performance.now() - started;
      const used = process.cpuUsage(cpu);
      const line = /OIDC_APPS_BENCH_TIMING (.*)/.exec(stderr)?.[1];
      done({ ms, status, stderr, registered: engine.registered(), log: engine.log(), marks: line ? (JSON.parse(line) as HostResult["marks"]) : {}, engineCpuMs: (used.user + used.system) / 1000 });
    });
  });
}

/** Pulumi.yaml `main`: the language host passes it to cmd/run as the program. */
function mainOf(root: string): string {
  const main = (parse(readFileSync(join(root, "Pulumi.yaml"), "utf8")) as { main?: unknown }).main;
  if (typeof main !== "string") throw new Error(`${join(root, "Pulumi.yaml")} has no \`main\`: the bench runs the program it names`);
  return main;
}

/** Wall time of a fresh `node -e <code>` (the floors), spawned the same way as the host runs. */
export function runNode(root: string, code: string): Promise<number> {
  const env: Record<string, string | undefined> = { ...process.env };
  delete env["NODE_OPTIONS"];
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, ["-e", code], { cwd: root, env, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.setEncoding("utf8");
    child.stderr.on("data", (d: string) => (stderr += d));
    child.on("error", reject);
    child.on("close", (status) => (status === 0 ? resolve(performance.now() - started) : reject(new Error(`node -e failed: ${stderr}`))));
  });
}
