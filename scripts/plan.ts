/**
 * `npm run plan -- <stack> [--format text|json] [--config-file PATH]`: the desired state of a stack, rendered
 * offline (no Pulumi CLI, no credentials). With `--diff BASE.json` or `--diff-ref REV`, what changes against a
 * base instead, with risk notes (`--format text|markdown|json`). Exit 0 valid, 1 config errors, 2 usage.
 */
import { readStackFileText } from "../config/stack-file";
import { PROJECT } from "../config/sections";
import { didYouMean } from "../config/suggest";
import { runPlan, type Plan } from "../plan/run";
import { planText } from "../plan/text";
import { BaseError, readPlanFile, stackFileAtRevision } from "../plan/diff/base";
import { COMMENT_LIMIT, commentMarker, diffMarkdown, diffPlans, diffText, type DiffLabels } from "../plan/diff";
import { commandLine, type CommandSpec, COMMON_OPTIONS, INTERNAL_EXIT, readStackFileFor, USAGE_CODES, USAGE_EXIT } from "./command-line";

const OPTIONS = { ...COMMON_OPTIONS, diff: { type: "string" }, "diff-ref": { type: "string" } } as const;

/** What `npm run plan -- --help` prints, and what the parser accepts. */
export const PLAN_COMMAND: CommandSpec<typeof OPTIONS> = {
  command: "npm run plan --",
  summary: "The desired state of a stack, offline (no Pulumi CLI, no credentials): every resource with its inputs, the org lookups, the outputs and the stack file's problems. With --diff or --diff-ref: what changes against a base, with risk notes.",
  usage: [
    "npm run plan -- <stack> [--format text|json] [--config-file PATH]",
    "npm run plan -- <stack> (--diff BASE.json | --diff-ref GIT_REV) [--format text|markdown|json] [--config-file PATH]",
  ],
  arguments: [{ name: "<stack>", listsStacks: true, help: "the stack name, which names its file stacks/Pulumi.<stack>.yaml; not its environment (the file's oidc-apps:environment: development, staging, production)." }],
  argumentsProblem: "expected exactly one stack name",
  options: OPTIONS,
  optionHelp: {
    format: { value: "text|json|markdown", help: "text: a tree for people; json: the plan contract (docs/architecture.md); markdown: diffs only, for a PR comment" },
    "config-file": { value: "PATH", help: "render this stack file instead of stacks/Pulumi.<stack>.yaml (the stack name is still given)" },
    diff: { value: "BASE.json", help: "compare with a plan saved earlier by --format json" },
    "diff-ref": { value: "GIT_REV", help: "compare with the stack file as it is at this git revision (e.g. origin/main)" },
    help: { help: "print this help and exit 0" },
  },
  environment: [{ name: "OIDC_APPS_STACK_TRACES", help: "set (to anything) to keep stack traces while the program runs, for an internal error (slower)" }],
  exitCodes: [
    { code: 0, help: "the stack file is valid (warnings allowed); for a diff, the diff was printed" },
    { code: 1, help: "the stack file has errors: they are printed, nothing would be created" },
    USAGE_EXIT,
    INTERNAL_EXIT,
  ],
  notes: ["Print the JSON without npm's banner: npm run -s plan -- dev --format json. Validation alone, in milliseconds: npm run check -- <stack>."],
};

export async function cli(argv: readonly string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const { parsed, usage } = commandLine(argv, PLAN_COMMAND, out, err);
  if (typeof parsed === "number") return parsed;
  const { values, positionals } = parsed;
  const format = values.format;
  const diffing = values.diff !== undefined || values["diff-ref"] !== undefined;
  if (format !== "text" && format !== "json" && format !== "markdown") {
    return usage({ code: USAGE_CODES.optionValue, subject: "--format", message: `unknown format "${format}"; it is text, json or markdown (diffs only).${didYouMean(format, ["text", "json", "markdown"])}`, fix: "Write --format text, --format json, or --format markdown with --diff or --diff-ref." });
  }
  if (format === "markdown" && !diffing) return usage({ code: USAGE_CODES.optionValue, subject: "--format", message: "--format markdown is for diffs: add --diff or --diff-ref", fix: "Add --diff BASE.json or --diff-ref GIT_REV, or use --format text or json." });
  if (values.diff !== undefined && values["diff-ref"] !== undefined) return usage({ code: USAGE_CODES.usage, subject: "--diff", message: "give either --diff or --diff-ref, not both", fix: "Keep one of them." });
  if (values.diff === "" || values["diff-ref"] === "") return usage({ code: USAGE_CODES.optionValue, subject: values.diff === "" ? "--diff" : "--diff-ref", message: "--diff and --diff-ref need a value", fix: "Write --diff BASE.json or --diff-ref GIT_REV." });

  const stack = positionals[0]!;
  const read = readStackFileFor(stack, values["config-file"]);
  if ("problem" in read) return usage(read.problem);
  const { stackFile, text } = read;
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
      labels = { base: values.diff, rendered: "the base as saved (rendered by whatever code wrote it), the head rendered offline with this checkout's code", command: `npm run plan -- ${stack} --diff ${values.diff}` };
    } else {
      const rev = values["diff-ref"]!;
      const baseText = stackFileAtRevision(stackFile, rev);
      // Both sides by this checkout's code: what the stack file change does, never what a code change does
      // (CI renders the base with the base revision's code: scripts/plan-diff-ci.ts).
      labels = { base: `${rev}:${stackFile}`, rendered: "both sides rendered offline with this checkout's code, so this shows what the stack file change does, not what a code change does", command: `npm run plan -- ${stack} --diff-ref ${rev}${values["config-file"] ? ` --config-file ${stackFile}` : ""}` };
      if (baseText === undefined) {
        notes.push(`${stackFile} does not exist at ${rev}: the stack is new, everything shows as added.`);
        base = emptyPlan(stack);
      } else {
        base = await render(stack, `${rev}:${stackFile}`, baseText);
      }
    }
  } catch (e) {
    if (e instanceof BaseError) return usage({ code: USAGE_CODES.diffBase, subject: values.diff !== undefined ? "--diff" : "--diff-ref", message: e.message, fix: `See \`${PLAN_COMMAND.command} --help\`.` });
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

/** A stack file's text rendered with this checkout's code (its loader problems as the plan's diagnostics). */
export async function render(stack: string, stackFile: string, text: string): Promise<Plan> {
  const file = readStackFileText(text);
  return file.diagnostics.length > 0
    ? { ...emptyPlan(stack), diagnostics: [...file.diagnostics] }
    : runPlan({ stack, config: file.config, secretKeys: file.secretKeys });
}

export function emptyPlan(stack: string): Plan {
  return { project: PROJECT, stack, resources: [], invokes: [], outputs: {}, diagnostics: [] };
}

/** The PR comment for a head that does not render: its diagnostics, no values beyond what they already say. */
export function errorsMarkdown(plan: Plan, stackFile: string): string {
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
