/**
 * What Pulumi.yaml `main` runs is the esbuild bundle of the program (scripts/bundle-program.ts). Built here into
 * a fresh copy of the project (its sources, tsconfig.json, node_modules linked, a build-info of its own), so the
 * tests never depend on, or disturb, the checkout's bin/:
 * - it holds the program's sources and zod, and requires only the five Pulumi SDKs and Node's own modules (the
 *   SDKs stay as the host loads them; scripts/bundle-program.ts says why);
 * - zod's 64 locales stay out (the namespace import; scripts/bundle-program.ts says what they cost);
 * - its sources are all fingerprinted by the stale-build check (PROGRAM_SOURCES);
 * - under the mock runtime it registers exactly what the TypeScript program does, for every shipped stack file;
 * - it refuses to run a build older than its sources.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import type { Metafile } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readStackFileText } from "../../config/stack-file";
import { PROJECT } from "../../config/sections";
import { capture } from "../../plan/capture";
import { resolveOutput } from "../../plan/values";
import { BUILD_INFO, PROGRAM_SOURCES, sourceHash } from "../../program/build-info";
import { main } from "../../program/main";
import { bundleProgram, PROGRAM_BUNDLE } from "../../scripts/bundle-program";

const ROOT = resolve(__dirname, "../..");
const SDKS = ["@pulumi/auth0", "@pulumi/okta", "@pulumi/pulumi", "@pulumi/random", "@pulumi/tls"];

let project: string;
/** esbuild's record of the bundle's one output file. */
let output: Metafile["outputs"][string];
/** What the bundle holds, relative to the project; the linked node_modules as `node_modules/...` (esbuild gives real paths). */
let inputs: string[];
let bundled: typeof main;

beforeAll(() => {
  project = mkdtempSync(join(tmpdir(), "oidc-apps-bundle-"));
  for (const source of [...PROGRAM_SOURCES, "tsconfig.json"]) cpSync(join(ROOT, source), join(project, source), { recursive: true });
  symlinkSync(join(ROOT, "node_modules"), join(project, "node_modules"), "dir");
  output = Object.values(bundleProgram(project).outputs)[0]!;
  const modules = realpathSync(join(ROOT, "node_modules"));
  // What is in the output: esbuild's top-level `inputs` lists every file it read, tree-shaken ones too.
  inputs = Object.entries(output.inputs).filter(([, { bytesInOutput }]) => bytesInOutput > 0).map(([input]) => {
    const path = resolve(project, input);
    return path.startsWith(`${modules}/`) ? `node_modules/${relative(modules, path)}` : relative(project, path);
  });
  mkdirSync(join(project, "bin"), { recursive: true });
  writeFileSync(join(project, BUILD_INFO), JSON.stringify({ sourceHash: sourceHash(project) }));
  bundled = createRequire(join(project, "package.json"))(join(project, PROGRAM_BUNDLE)) as typeof main;
});

afterAll(() => rmSync(project, { recursive: true, force: true }));

describe("the program bundle (Pulumi.yaml main)", () => {
  it("holds the program's fingerprinted sources and zod, nothing else", () => {
    const ours = inputs.filter((i) => !i.startsWith("node_modules/"));
    expect(ours.length).toBeGreaterThan(50);
    for (const input of ours) expect(PROGRAM_SOURCES.some((s) => input === s || input.startsWith(`${s}/`)), input).toBe(true);
    expect(ours).toContain("program/index.ts");
    for (const input of inputs.filter((i) => i.startsWith("node_modules/"))) expect(input, "only zod is bundled").toMatch(/^node_modules\/zod\//);
  });

  it("leaves zod's locales out but English", () => {
    const locales = inputs.filter((i) => i.startsWith("node_modules/zod/v4/locales/"));
    // Today only en.js; `import { z } from "zod"` anywhere in the program brings back all 64 (and index.js).
    expect(locales).toEqual(["node_modules/zod/v4/locales/en.js"]);
  });

  it("requires only the five Pulumi SDKs and Node's modules", () => {
    const external = [...new Set(output.imports.filter((i) => i.external).map((i) => i.path))].sort();
    expect(external.filter((p) => !p.startsWith("node:"))).toEqual(SDKS);
    const text = readFileSync(join(project, PROGRAM_BUNDLE), "utf8");
    const required = [...new Set([...text.matchAll(/\brequire\("([^"]+)"\)/g)].map((m) => m[1]!))].sort();
    expect(required).toEqual(external);
    // No source map (scripts/bundle-program.ts says why).
    expect(text).not.toContain("sourceMappingURL");
  });

  it.each(["dev", "staging", "prod"])("registers what the TypeScript program does: stacks/Pulumi.%s.yaml", async (stack) => {
    const file = readStackFileText(readFileSync(join(ROOT, `stacks/Pulumi.${stack}.yaml`), "utf8"));
    const run = async (program: typeof main) => {
      const options = { project: PROJECT, stack, config: file.config, secretKeys: file.secretKeys };
      const result = await capture(options, () => program({ stackFile: `stacks/Pulumi.${stack}.yaml`, secretKeys: file.secretKeys, onDiagnostics: () => {} }));
      expect(result.result.ok, `${stack}: the program ran`).toBe(true);
      return { resources: result.resources, invokes: result.invokes, outputs: result.result.ok ? await resolveOutput(result.result.value) : undefined };
    };
    const fromSources = await run(main);
    const fromBundle = await run(bundled);
    expect(fromBundle.resources.length).toBeGreaterThan(10);
    expect(fromBundle).toEqual(fromSources);
  });

  // Last: it edits the copy's sources.
  it("refuses to run once the sources changed after the build (it finds the project two levels up, as tsc's build does)", async () => {
    writeFileSync(join(project, "config/show.ts"), readFileSync(join(project, "config/show.ts"), "utf8") + "\n// edited\n");
    const run = await capture({ project: PROJECT, stack: "dev", config: {} }, () => bundled({ onDiagnostics: () => {} }));
    expect(run.result.ok).toBe(false);
    expect(String((run.result as { error: unknown }).error)).toContain("older than the TypeScript sources: run `npm run build`");
    expect(run.resources).toEqual([]);
  });
});
