/**
 * One measurement in a fresh process, printed as one JSON line; bench/run.ts runs these (each row of
 * bench/RESULTS.md names its command). Modules are loaded before the clock starts: this times the work.
 *
 *   plan <n>            the offline plan of the generated stack of n apps (runPlan: config, program, capture)
 *   render <n>          the same, then its text (planText): what `npm run plan` prints
 *   baseline <n> [k]    the hand-written program (bench/baseline.ts) for the same stack, under the same capture;
 *                       k apps per turn of the event loop (default the program's APPS_PER_TURN; 0: all in one turn)
 *   equal <n>           the plan and the baseline's plan compared: resources, lookups and outputs must be equal
 *   config <n>          config validation and model building only (loadStackConfig)
 *   recipes <n>         the same for n recipe instances (bench/stack.ts generatedRecipes)
 */
import { isDeepStrictEqual } from "node:util";
import { getHeapStatistics } from "node:v8";
import { performance } from "node:perf_hooks";
import { loadStack } from "../recipes/load-stack";
import { PROJECT } from "../config/sections";
import { main } from "../program/main";
import { capture } from "../plan/capture";
import { runPlan, type Plan } from "../plan/run";
import { planText } from "../plan/text";
import { resolveOutput } from "../plan/values";
import { baselineProgram } from "./baseline";
import { generatedConfig, generatedRecipes } from "./stack";

const [mode, n, perTurn] = [process.argv[2]!, Number(process.argv[3]), Number(process.argv[4] ?? main.APPS_PER_TURN)];

const plan = (config: Record<string, string>) => runPlan({ stack: "bench", config, secretKeys: new Set() });

async function baseline(): Promise<Pick<Plan, "resources" | "invokes" | "outputs">> {
  const run = await capture({ project: PROJECT, stack: "bench" }, baselineProgram(n, perTurn));
  if (!run.result.ok) throw run.result.error;
  return { resources: run.resources, invokes: run.invokes, outputs: await resolveOutput(run.result.value) };
}

async function measure(): Promise<Record<string, unknown>> {
  const config = mode === "recipes" ? generatedRecipes(n) : generatedConfig(n);
  const started = performance.now();
  const cpu = process.cpuUsage();
  const done = (extra: Record<string, unknown>) => {
    const used = process.cpuUsage(cpu);
    return { mode, n, ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000, maxRssKb: process.resourceUsage().maxRSS, heapLimitMb: getHeapStatistics().heap_size_limit / 2 ** 20, ...extra };
  };
  switch (mode) {
    case "plan":
    case "render": {
      const p = await plan(config);
      if (p.diagnostics.length > 0) throw new Error(`generated stack has diagnostics: ${JSON.stringify(p.diagnostics.slice(0, 3))}`);
      const evaluated = performance.now();
      const text = mode === "render" ? planText(p, "bench") : "";
      return done({ resources: p.resources.length, invokes: p.invokes.length, textMs: mode === "render" ? performance.now() - evaluated : 0, textKb: Math.round(text.length / 1024) });
    }
    case "baseline": {
      const b = await baseline();
      return done({ resources: b.resources.length, invokes: b.invokes.length });
    }
    case "config":
    case "recipes": {
      const loaded = loadStack({ config, secretKeys: new Set() });
      if (!loaded.model || loaded.diagnostics.some((d) => d.severity === "error")) throw new Error(`generated stack has errors: ${JSON.stringify(loaded.diagnostics.slice(0, 3))}`);
      return done({ apps: (loaded.model.okta?.apps.length ?? 0) + (loaded.model.auth0?.apps.length ?? 0), diagnostics: loaded.diagnostics.length });
    }
    case "equal": {
      const ours = await plan(config);
      const theirs = await baseline();
      for (const key of ["resources", "invokes", "outputs"] as const) {
        if (isDeepStrictEqual(ours[key], theirs[key])) continue;
        const [a, b] = [ours[key], theirs[key]];
        const at = Array.isArray(a) && Array.isArray(b) ? a.findIndex((x, i) => !isDeepStrictEqual(x, b[i])) : -1;
        const where = at >= 0 ? ` at ${at}: ${JSON.stringify((a as unknown[])[at])} vs ${JSON.stringify((b as unknown[])[at])}` : "";
        throw new Error(`the baseline's ${key} differ from the plan's${where}`);
      }
      return done({ equal: true, resources: ours.resources.length });
    }
    default:
      throw new Error(`unknown mode ${mode}`);
  }
}

measure().then(
  (r) => process.stdout.write(JSON.stringify(r) + "\n"),
  (e: unknown) => {
    process.stderr.write(String(e instanceof Error ? e.stack : e) + "\n");
    process.exitCode = 1;
  },
);
