/**
 * `npm run plan -- <stack> [--format text|json] [--config-file PATH]`: the desired state of a stack, rendered
 * offline (no Pulumi CLI, no credentials). Exit 0 valid, 1 config errors, 2 usage.
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { readStackFileText } from "../config/stack-file";
import { runPlan, type Plan } from "../plan/run";
import { planText } from "../plan/text";

const USAGE = "usage: npm run plan -- <stack> [--format text|json] [--config-file PATH]";

export async function cli(argv: readonly string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: { format: { type: "string", default: "text" }, "config-file": { type: "string" }, help: { type: "boolean", short: "h" } },
    });
  } catch (e) {
    err(`${(e as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    out(`${USAGE}\n`);
    return 0;
  }
  const format = values.format;
  if (positionals.length !== 1 || (format !== "text" && format !== "json")) {
    err(`${positionals.length !== 1 ? "expected exactly one stack name" : `unknown format "${format}"`}\n${USAGE}\n`);
    return 2;
  }
  const stack = positionals[0]!;
  const stackFile = values["config-file"] ?? `stacks/Pulumi.${stack}.yaml`;
  let text: string;
  try {
    text = readFileSync(stackFile, "utf8");
  } catch {
    err(`cannot read the stack file ${stackFile}\n${USAGE}\n`);
    return 2;
  }

  const file = readStackFileText(text);
  const plan: Plan =
    file.diagnostics.length > 0
      ? { project: "oidc-apps", stack, resources: [], invokes: [], outputs: {}, diagnostics: [...file.diagnostics] }
      : await runPlan({ stack, stackFile, config: file.config, secretKeys: file.secretKeys });
  out(format === "json" ? JSON.stringify(plan, null, 2) + "\n" : planText(plan, stackFile));
  return plan.diagnostics.some((d) => d.severity === "error") ? 1 : 0;
}

if (require.main === module) {
  cli(process.argv.slice(2), (s) => process.stdout.write(s), (s) => process.stderr.write(s)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      // Not a user mistake: a defect in oidc-apps. Show everything.
      process.stderr.write(`internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exitCode = 3;
    },
  );
}
