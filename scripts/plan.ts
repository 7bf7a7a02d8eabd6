/**
 * `npm run plan -- <stack> [--format text|json] [--config-file PATH]`: the desired state of a stack, rendered
 * offline (no Pulumi CLI, no credentials). With `--diff BASE.json` or `--diff-ref REV`, what changes against a
 * base instead, with risk notes (`--format text|markdown|json`). Exit 0 valid, 1 config errors, 2 usage.
 */
import { readStackFileText } from "../config/stack-file";
import { runPlan, type Plan } from "../plan/run";
import { planText } from "../plan/text";
import { BaseError, readPlanFile, stackFileAtRevision } from "../plan/diff/base";
import { COMMENT_LIMIT, commentMarker, diffMarkdown, diffPlans, diffText, type DiffLabels } from "../plan/diff";
import { commandLine, COMMON_OPTIONS, readStackFile, stackFileOf } from "./command-line";

const USAGE =
  "usage: npm run plan -- <stack> [--format text|json] [--config-file PATH]\n" +
  "       npm run plan -- <stack> (--diff BASE.json | --diff-ref GIT_REV) [--format text|markdown|json] [--config-file PATH]";

export async function cli(argv: readonly string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const options = { ...COMMON_OPTIONS, diff: { type: "string" }, "diff-ref": { type: "string" } } as const;
  const { parsed, usage } = commandLine(argv, options, USAGE, out, err);
  if (typeof parsed === "number") return parsed;
  const { values, positionals } = parsed;
  const format = values.format;
  const diffing = values.diff !== undefined || values["diff-ref"] !== undefined;
  if (format !== "text" && format !== "json" && format !== "markdown") return usage(`unknown format "${format}"`);
  if (format === "markdown" && !diffing) return usage("--format markdown is for diffs: add --diff or --diff-ref");
  if (values.diff !== undefined && values["diff-ref"] !== undefined) return usage("give either --diff or --diff-ref, not both");
  if (values.diff === "" || values["diff-ref"] === "") return usage("--diff and --diff-ref need a value");

  const stack = positionals[0]!;
  const stackFile = stackFileOf(stack, values["config-file"]);
  const text = readStackFile(stackFile);
  if (text === undefined) return usage(`cannot read the stack file ${stackFile}`);
  const plan = await render(stack, stackFile, text);
  const failed = plan.diagnostics.some((d) => d.severity === "error");

  if (!diffing) {
    out(format === "json" ? JSON.stringify(plan, null, 2) + "\n" : planText(plan, stackFile));
    return failed ? 1 : 0;
  }

  // The base first, so a usage problem with it is reported even when the head has errors.
  let base: Plan;
  const notes: string[] = [];
  let labels: DiffLabels;
  try {
    if (values.diff !== undefined) {
      base = readPlanFile(values.diff);
      labels = { base: values.diff, command: `npm run plan -- ${stack} --diff ${values.diff}` };
    } else {
      const rev = values["diff-ref"]!;
      const baseText = stackFileAtRevision(stackFile, rev);
      labels = { base: `${rev}:${stackFile}`, command: `npm run plan -- ${stack} --diff-ref ${rev}${values["config-file"] ? ` --config-file ${stackFile}` : ""}` };
      if (baseText === undefined) {
        notes.push(`${stackFile} does not exist at ${rev}: the stack is new, everything shows as added.`);
        base = emptyPlan(stack);
      } else {
        base = await render(stack, `${rev}:${stackFile}`, baseText);
      }
    }
  } catch (e) {
    if (e instanceof BaseError) return usage(e.message);
    throw e;
  }

  if (failed) {
    // Nothing to compare: the head registers nothing. Show why, in the requested form.
    if (format === "markdown") out(errorsMarkdown(plan, stackFile));
    else out(format === "json" ? JSON.stringify(plan, null, 2) + "\n" : planText(plan, stackFile));
    return 1;
  }
  const diff = diffPlans(base, plan, { notes });
  out(format === "json" ? JSON.stringify(diff, null, 2) + "\n" : format === "markdown" ? diffMarkdown(diff, labels) : diffText(diff, labels));
  return 0;
}

async function render(stack: string, stackFile: string, text: string): Promise<Plan> {
  const file = readStackFileText(text);
  return file.diagnostics.length > 0
    ? { ...emptyPlan(stack), diagnostics: [...file.diagnostics] }
    : runPlan({ stack, stackFile, config: file.config, secretKeys: file.secretKeys });
}

function emptyPlan(stack: string): Plan {
  return { project: "oidc-apps", stack, resources: [], invokes: [], outputs: {}, diagnostics: [] };
}

/** The PR comment for a head that does not render: its diagnostics, no values beyond what they already say. */
function errorsMarkdown(plan: Plan, stackFile: string): string {
  const errors = plan.diagnostics.filter((d) => d.severity === "error");
  const esc = (s: string) => s.replace(/\r?\n/g, " ").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\|/g, "\\|").replace(/@/g, "&#64;");
  const lines = [
    commentMarker(plan.stack),
    `### Plan diff for stack \`${esc(plan.stack)}\``,
    "",
    `**❌ ${errors.length} error${errors.length === 1 ? "" : "s"} in \`${esc(stackFile)}\`**: nothing would be created, so there is no diff.`,
    "",
    "| Code | Path | Problem | Fix |",
    "| --- | --- | --- | --- |",
  ];
  const rows = errors.map((d) => `| ${esc(d.code)} | \`${d.path.replace(/`/g, "'").replace(/\|/g, "\\|")}\` | ${esc(d.message)} | ${esc(d.fix ?? "")} |`);
  // Within GitHub's comment limit, however many errors there are.
  let text = lines.join("\n");
  for (const [i, row] of rows.entries()) {
    if (text.length + row.length + 200 > COMMENT_LIMIT) {
      text += `\n| … | ${rows.length - i} more errors | run \`npm run plan -- ${esc(plan.stack)}\` | |`;
      break;
    }
    text += `\n${row}`;
  }
  return `${text}\n`;
}

if (require.main === module) {
  cli(process.argv.slice(2), (s) => process.stdout.write(s), (s) => process.stderr.write(s)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      // Not a user mistake: a defect in oidc-apps. Show everything.
      // The plan runs the program without stack traces (see plan/capture.ts): say how to get them.
      const hint = process.env["OIDC_APPS_STACK_TRACES"] ? "" : "\n(run again with OIDC_APPS_STACK_TRACES=1 for a full stack trace)";
      process.stderr.write(`internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}${hint}\n`);
      process.exitCode = 3;
    },
  );
}
