/**
 * `npm run check -- <stack> [--config-file PATH] [--format text|json]`: validation only, for editors, pre-commit
 * hooks and CI. Reads the stack file exactly as the plan and the program do (`readStackFileText`, then
 * `loadStackConfig`) and prints the diagnostics; it never loads the Pulumi runtime, so it takes milliseconds.
 * Exit 0 valid (warnings allowed), 1 the stack file has errors, 2 usage error, as for `npm run plan`.
 */
import { formatDiagnostic, type Diagnostic } from "../config/diagnostics";
import { loadStack } from "../recipes/load-stack";
import { readStackFileText } from "../config/stack-file";
import { didYouMean } from "../config/suggest";
import { commandLine, type CommandSpec, COMMON_OPTIONS, INTERNAL_EXIT, readStackFileFor, USAGE_CODES, USAGE_EXIT } from "./command-line";

/** What `npm run check -- --help` prints, and what the parser accepts. */
export const CHECK_COMMAND: CommandSpec<typeof COMMON_OPTIONS> = {
  command: "npm run check --",
  summary: "Validate a stack file, as the plan and `pulumi up` do, and print every problem with its key path and fix. Never loads the Pulumi runtime: milliseconds, for editors, pre-commit hooks and CI.",
  usage: ["npm run check -- <stack> [--config-file PATH] [--format text|json]"],
  arguments: [{ name: "<stack>", listsStacks: true, help: "the stack name, which names its file stacks/Pulumi.<stack>.yaml; not its environment (the file's oidc-apps:environment: development, staging, production)." }],
  argumentsProblem: "expected exactly one stack name",
  options: COMMON_OPTIONS,
  optionHelp: {
    format: { value: "text|json", help: "text: one line per problem, `<severity> <CODE> <file>: <key path>: <message>`, its fix below; json: { stack, stackFile, errors, warnings, diagnostics }" },
    "config-file": { value: "PATH", help: "check this stack file instead of stacks/Pulumi.<stack>.yaml" },
    help: { help: "print this help and exit 0" },
  },
  environment: [],
  exitCodes: [
    { code: 0, help: "valid; warnings, if any, are listed" },
    { code: 1, help: "the stack file has errors (all of them are listed)" },
    USAGE_EXIT,
    INTERNAL_EXIT,
  ],
  notes: ["The rules, their codes and fixes: docs/rules.md."],
};

/** What `--format json` prints: the plan's diagnostics contract, without the plan. */
export interface CheckReport {
  readonly stack: string;
  readonly stackFile: string;
  readonly errors: number;
  readonly warnings: number;
  readonly diagnostics: readonly Diagnostic[];
}

/** Validate one stack file's text: the YAML first; the loader only when the YAML is readable. */
export function checkStackText(text: string, stack?: string): readonly Diagnostic[] {
  const file = readStackFileText(text);
  if (file.diagnostics.length > 0) return file.diagnostics;
  // The stack name too, as the program passes it: a stack named prod must be a production stack.
  return loadStack({ config: file.config, secretKeys: file.secretKeys, ...(stack !== undefined ? { stack } : {}) }).diagnostics;
}

export function cli(argv: readonly string[], out: (s: string) => void, err: (s: string) => void): number {
  const { parsed, usage } = commandLine(argv, CHECK_COMMAND, out, err);
  if (typeof parsed === "number") return parsed;
  const format = parsed.values.format;
  if (format !== "text" && format !== "json") {
    return usage({ code: USAGE_CODES.optionValue, subject: "--format", message: `unknown format "${format}"; it is text or json.${didYouMean(format, ["text", "json"])}`, fix: "Write --format text or --format json." });
  }
  const stack = parsed.positionals[0]!;
  const read = readStackFileFor(stack, parsed.values["config-file"]);
  if ("problem" in read) return usage(read.problem);
  const { stackFile, text } = read;

  const diagnostics = checkStackText(text, stack);
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  const report: CheckReport = { stack, stackFile, errors, warnings: diagnostics.length - errors, diagnostics };
  out(format === "json" ? JSON.stringify(report, null, 2) + "\n" : checkText(report));
  return errors > 0 ? 1 : 0;
}

/**
 * One line per problem, `<severity> <CODE> <file>: <key path>: <message>` with the fix indented below, after a
 * summary line: the format of `pulumi up`'s own report, easy to match in an editor's problem matcher.
 */
export function checkText(report: CheckReport): string {
  const count = (n: number, what: string) => `${n} ${what}${n === 1 ? "" : "s"}`;
  const head =
    report.errors > 0
      ? `${report.stackFile}: ${count(report.errors, "error")}, ${count(report.warnings, "warning")}; nothing would be created.`
      : `${report.stackFile}: ok${report.warnings > 0 ? `, ${count(report.warnings, "warning")}` : ""}.`;
  return [head, ...report.diagnostics.map((d) => formatDiagnostic(d, report.stackFile))].join("\n") + "\n";
}

/**
 * `npm run -s check -- prod | head`: when the reader closes the pipe early, writes fail with EPIPE, emitted
 * asynchronously on the stream; unhandled, Node would die with a stack trace. The reader has what it wanted:
 * stop quietly with the exit status already decided (0 or 1). Any other write error is ours to report.
 */
function quietOnClosedPipe(stream: NodeJS.WriteStream): void {
  stream.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(typeof process.exitCode === "number" ? process.exitCode : 0);
    process.stderr.write(`internal error: cannot write the output: ${e.message}\n`);
    process.exit(3);
  });
}

if (require.main === module) {
  quietOnClosedPipe(process.stdout);
  try {
    process.exitCode = cli(process.argv.slice(2), (s) => process.stdout.write(s), (s) => process.stderr.write(s));
  } catch (e) {
    // Not a user mistake: a defect in oidc-apps. Show everything.
    process.stderr.write(`internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 3;
  }
}
