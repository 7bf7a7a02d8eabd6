/** Renders a generated stack's plan to a JSON file, for the diff bench (bench/diff-child.ts). */
import { writeFileSync } from "node:fs";
import { runPlan } from "../plan/run";
import { generatedConfig } from "./stack";

const [n, prefix, file] = [Number(process.argv[2]), process.argv[3]!, process.argv[4]!];
runPlan({ stack: "bench", config: generatedConfig(n, prefix), secretKeys: new Set() }).then(
  (plan) => writeFileSync(file, JSON.stringify(plan)),
  (e: unknown) => {
    process.stderr.write(String(e instanceof Error ? e.stack : e) + "\n");
    process.exitCode = 1;
  },
);
