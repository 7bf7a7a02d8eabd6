/** One measurement in a fresh process: evaluate the program for a generated stack of n apps. */
import { performance } from "node:perf_hooks";
import { runPlan } from "../plan/run";
import { generatedConfig } from "./stack";

async function measure(n: number) {
  const config = generatedConfig(n);
  const started = performance.now();
  const plan = await runPlan({ stack: "bench", stackFile: "bench", config, secretKeys: new Set() });
  const ms = performance.now() - started;
  if (plan.diagnostics.length > 0) throw new Error(`generated stack has diagnostics: ${JSON.stringify(plan.diagnostics.slice(0, 3))}`);
  return { n, ms, resources: plan.resources.length, invokes: plan.invokes.length, maxRssKb: process.resourceUsage().maxRSS };
}

measure(Number(process.argv[2])).then(
  (r) => process.stdout.write(JSON.stringify(r) + "\n"),
  (e: unknown) => {
    process.stderr.write(String(e instanceof Error ? e.stack : e) + "\n");
    process.exitCode = 1;
  },
);
