/** One measurement in a fresh process: the plan diff (diffPlans, then the text a reviewer reads) of two rendered plans. */
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { diffPlans, diffText } from "../plan/diff";
import type { Plan } from "../plan/run";

const [baseFile, headFile] = [process.argv[2]!, process.argv[3]!];
const base = JSON.parse(readFileSync(baseFile, "utf8")) as Plan;
const head = JSON.parse(readFileSync(headFile, "utf8")) as Plan;
const started = performance.now();
const cpu = process.cpuUsage();
const diff = diffPlans(base, head);
const text = diffText(diff, { base: baseFile });
const used = process.cpuUsage(cpu);
const ms = performance.now() - started;
const renamed = diff.added.filter((r) => r.note?.includes("takes over")).length;
process.stdout.write(JSON.stringify({ ms, cpuMs: (used.user + used.system) / 1000, added: diff.added.length, removed: diff.removed.length, renamed, textKb: Math.round(text.length / 1024) }) + "\n");
