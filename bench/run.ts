/**
 * `npm run bench`: how fast the program evaluates and starts, measured in fresh processes, repeated, median and
 * spread reported. Writes bench/RESULTS.md with the machine's description. Targets are checked and printed;
 * they are goals for this code, not assertions in the test suite.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { cpus, release, tmpdir, totalmem, type as osType } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";

const ROOT = join(__dirname, "..");
const quick = process.argv.includes("--quick");

interface Sample {
  ms: number;
  resources?: number;
  invokes?: number;
  maxRssKb?: number;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const spread = (xs: number[]) => `${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)}`;

/** Program evaluation under the mock runtime, one fresh process per sample. */
function evaluate(n: number, repeats: number): Sample[] {
  return Array.from({ length: repeats }, () => {
    const out = execFileSync(process.execPath, ["--import", "tsx", join(ROOT, "bench/eval-child.ts"), String(n)], { cwd: ROOT, encoding: "utf8" });
    return JSON.parse(out.trim().split("\n").at(-1)!) as Sample;
  });
}

/** Wall time of a fresh node process that loads the program one way (or only the SDKs: the floor). */
function startup(args: string[], env: Record<string, string>, repeats: number): number[] {
  return Array.from({ length: repeats }, () => {
    const t = performance.now();
    const r = spawnSync(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env }, encoding: "utf8" });
    if (r.status !== 0) throw new Error(`start-up run failed: ${args.join(" ")}\n${r.stderr}`);
    return performance.now() - t;
  });
}

/** Pulumi's own loader: its vendored ts-node 7 with the project's TypeScript (cmd/run/run.js, tsutils.js). */
const tsNodeLoad = `const p=require("path");require(p.resolve("node_modules/@pulumi/pulumi/vendor/ts-node@7.0.1")).register({compiler:"typescript",transpileOnly:process.env.TRANSPILE_ONLY==="true",project:"tsconfig.json"});require(p.resolve("index.ts"))`;

function main(): void {
  const r = quick ? 2 : 5;
  const cacheDir = mkdtempSync(join(tmpdir(), "oidc-apps-bench-ts-node-"));
  execFileSync("npm", ["run", "--silent", "build"], { cwd: ROOT, stdio: "inherit" });

  const sizes = quick ? [10, 100] : [10, 100, 1000];
  const evals = sizes.map((n) => {
    const samples = evaluate(n, n >= 1000 ? Math.min(r, 3) : r);
    const ms = samples.map((s) => s.ms);
    return { n, ms, perApp: median(ms) / n, resources: samples[0]!.resources!, invokes: samples[0]!.invokes!, rssMb: Math.max(...samples.map((s) => s.maxRssKb!)) / 1024 };
  });

  const modes: [string, string[], Record<string, string>, number][] = [
    ["floor: node loading @pulumi/pulumi, @pulumi/okta, @pulumi/auth0", ["-e", 'require("@pulumi/pulumi");require("@pulumi/okta");require("@pulumi/auth0")'], {}, r],
    ["precompiled JavaScript (bin/index.js) — the default", ["-e", 'require("./bin/index.js")'], {}, r],
    ["ts-node, transpile only (PULUMI_NODEJS_TRANSPILE_ONLY=true), cold cache", ["-e", tsNodeLoad], { TRANSPILE_ONLY: "true", TS_NODE_CACHE: "false" }, r],
    // ts-node 7 caches compiled files in a temp directory: the first run after a change pays for the type-check
    // (cold), later ones mostly do not (warm).
    ["ts-node with type-check (Pulumi's TypeScript default), cold cache", ["-e", tsNodeLoad], { TRANSPILE_ONLY: "false", TS_NODE_CACHE: "false" }, Math.min(r, 3)],
    ["ts-node with type-check, warm cache", ["-e", tsNodeLoad], { TRANSPILE_ONLY: "false", TS_NODE_CACHE_DIRECTORY: cacheDir }, r],
  ];
  startup(["-e", tsNodeLoad], { TRANSPILE_ONLY: "false", TS_NODE_CACHE_DIRECTORY: cacheDir }, 1); // warm the cache
  const starts = modes.map(([name, args, env, repeats]) => ({ name, ms: startup(args, env, repeats) }));

  const floor = median(starts[0]!.ms);
  const chosen = median(starts[1]!.ms);
  const per = (n: number) => evals.find((e) => e.n === n)?.perApp;
  const linear = per(1000) !== undefined && per(100) !== undefined ? per(1000)! / per(100)! : undefined;
  const targets = [
    ["time per app at 1,000 apps within 1.25x of at 100 apps", linear === undefined ? "not run (--quick)" : `${linear.toFixed(2)}x`, linear === undefined ? "-" : linear <= 1.25 ? "met" : "missed"],
    ["invokes per stack independent of the number of apps", evals.map((e) => e.invokes).join(", "), new Set(evals.map((e) => e.invokes)).size === 1 ? "met" : "missed"],
    ["start-up of the chosen setup within 1.3x of the floor", `${(chosen / floor).toFixed(2)}x`, chosen / floor <= 1.3 ? "met" : "missed"],
  ];

  const lines = [
    "# Benchmark results",
    "",
    `Machine: ${cpus().length} × ${cpus()[0]?.model ?? "unknown CPU"}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, ${osType()} ${release()}, Node ${process.version}.`,
    `Repeats: ${r} per row (3 for 1,000 apps and for the cold type-checked start-up); each sample is a fresh process. Median, and min–max.`,
    "Measured while nothing else ran on the machine is best; a loaded machine inflates every row alike.",
    "",
    "## Program evaluation under the mock runtime (the offline plan)",
    "",
    "| apps | median ms | min–max ms | ms per app | resources | resources per app | invokes | peak RSS MiB |",
    "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...evals.map((e) => `| ${e.n} | ${median(e.ms).toFixed(0)} | ${spread(e.ms)} | ${e.perApp.toFixed(1)} | ${e.resources} | ${(e.resources / e.n).toFixed(2)} | ${e.invokes} | ${e.rssMb.toFixed(0)} |`),
    "",
    "## Start-up of the dev stack's program",
    "",
    "| how it is loaded | median ms | min–max ms | × floor |",
    "| --- | ---: | ---: | ---: |",
    ...starts.map((s) => `| ${s.name} | ${median(s.ms).toFixed(0)} | ${spread(s.ms)} | ${(median(s.ms) / floor).toFixed(2)} |`),
    "",
    "## Targets",
    "",
    "| target | measured | |",
    "| --- | --- | --- |",
    ...targets.map((t) => `| ${t.join(" | ")} |`),
    "",
  ];
  const text = lines.join("\n");
  process.stdout.write(text);
  if (!quick) writeFileSync(join(ROOT, "bench/RESULTS.md"), text);
}

main();
