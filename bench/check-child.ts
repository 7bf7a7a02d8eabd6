/**
 * One measurement in a fresh process: `check` (scripts/check.ts checkStackText: the YAML, then the loader) of
 * a stack file, modules loaded before the clock starts. The bench also times the whole command.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { checkStackText } from "../scripts/check";
import { generatedConfig, stackFileText } from "./stack";

// `--write <n> <file>`: write the generated stack of n apps as a stack file first (not timed).
if (process.argv[2] === "--write") writeFileSync(process.argv[4]!, stackFileText(generatedConfig(Number(process.argv[3]))));
const text = readFileSync(process.argv.at(-1)!, "utf8");
const started = performance.now();
const diagnostics = checkStackText(text);
const ms = performance.now() - started;
if (diagnostics.some((d) => d.severity === "error")) throw new Error(`the stack file has errors: ${JSON.stringify(diagnostics.slice(0, 3))}`);
process.stdout.write(JSON.stringify({ ms, kb: Math.round(text.length / 1024), diagnostics: diagnostics.length }) + "\n");
