/**
 * `npm run check -- <stack> [--config-file PATH] [--format text|json]`: validation only, for editors, pre-commit
 * hooks and CI. Reads the stack file exactly as the plan and the program do (`readStackFileText`, then
 * `loadStackConfig`) and prints the diagnostics; it never loads the Pulumi runtime, so it takes milliseconds.
 * Exit 0 valid (warnings allowed), 1 the stack file has errors, 2 usage error, as for `npm run plan`.
 */
import { formatDiagnostic, type Diagnostic } from "../config/diagnostics";
import { loadStackConfig } from "../config/load";
import { readStackFileText } from "../config/stack-file";
import { commandLine, COMMON_OPTIONS, readStackFile, stackFileOf } from "./command-line";

const USAGE = "usage: npm run check -- <stack> [--config-file PATH] [--format text|json]";

/** What `--format json` prints: the plan's diagnostics contract, without the plan. */
export interface CheckReport {
  readonly stack: string;
  readonly stackFile: string;
  readonly errors: number;
  readonly warnings: number;
  readonly diagnostics: readonly Diagnostic[];
}

/** Validate one stack file's text: the YAML first; the loader only when the YAML is readable. */
export function checkStackText(text: string): readonly Diagnostic[] {
  const file = readStackFileText(text);
  if (file.diagnostics.length > 0) return file.diagnostics;
  return loadStackConfig({ config: file.config, secretKeys: file.secretKeys }).diagnostics;
}

export function cli(argv: readonly string[], out: (s: string) => void, err: (s: string) => void): number {
  const { parsed, usage } = commandLine(argv, COMMON_OPTIONS, USAGE, out, err);
  if (typeof parsed === "number") return parsed;
  const format = parsed.values.format;
  if (format !== "text" && format !== "json") return usage(`unknown format "${format}"`);
  const stack = parsed.positionals[0]!;
  const stackFile = stackFileOf(stack, parsed.values["config-file"]);
  const text = readStackFile(stackFile);
  if (text === undefined) return usage(`cannot read the stack file ${stackFile}`);

  const diagnostics = checkStackText(text);
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

if (require.main === module) {
  try {
    process.exitCode = cli(process.argv.slice(2), (s) => process.stdout.write(s), (s) => process.stderr.write(s));
  } catch (e) {
    // Not a user mistake: a defect in oidc-apps. Show everything.
    process.stderr.write(`internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 3;
  }
}
