/**
 * Diagnostics: what the loader says about a stack file. Every problem is collected (never thrown one at a
 * time) so a user sees all of them at once, each with the stack file, the config key path and a fix.
 */
import { RULES, type RuleCode } from "./rules/catalogue";

export type Severity = "error" | "warning";

export interface Diagnostic {
  readonly severity: Severity;
  /** Stable rule code, e.g. OKTA_REDIRECT_HTTP. Documented in the rule catalogue. */
  readonly code: string;
  /** Config key path, e.g. `oidc-apps:okta.apps.portal.redirectUris[1]`. */
  readonly path: string;
  /** What is wrong, including the offending value where it is not sensitive. */
  readonly message: string;
  /** How to fix it. */
  readonly fix?: string;
}

export class Diagnostics {
  private readonly items: Diagnostic[] = [];

  /** Report a problem under a catalogue code; severity and the default fix come from the catalogue. */
  report(code: RuleCode, path: string, message: string, fix?: string): void {
    const rule = RULES[code];
    this.items.push({ severity: rule.severity, code, path, message, fix: fix ?? rule.fix });
  }

  /** Take over a diagnostic from another collection, as it is or rewritten. */
  add(d: Diagnostic): void {
    this.items.push(d);
  }

  get hasErrors(): boolean {
    return this.items.some((d) => d.severity === "error");
  }

  /** Sorted by path, then code, so the same input always reports in the same order. */
  list(): Diagnostic[] {
    return [...this.items].sort((a, b) => compare(a.path, b.path) || compare(a.code, b.code) || compare(a.message, b.message));
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** One diagnostic as a line a person reads in a terminal or in `pulumi up` output. */
export function formatDiagnostic(d: Diagnostic, stackFile: string): string {
  const fix = d.fix ? `\n    fix: ${d.fix}` : "";
  return `${d.severity} ${d.code} ${stackFile}: ${d.path}: ${d.message}${fix}`;
}

export function formatDiagnostics(list: readonly Diagnostic[], stackFile: string): string {
  const errors = list.filter((d) => d.severity === "error").length;
  const head = `${stackFile}: ${errors} error${errors === 1 ? "" : "s"} in the stack configuration; nothing was created.`;
  return [head, ...list.map((d) => "  " + formatDiagnostic(d, stackFile))].join("\n");
}

/**
 * Thrown by the program when the stack configuration has errors. It carries the structured diagnostics for
 * the offline plan; its message is the formatted list. The program wraps it in `pulumi.RunError` so that the
 * real engine prints the message without a stack trace.
 */
export class ConfigInvalidError extends Error {
  constructor(readonly diagnostics: readonly Diagnostic[], readonly stackFile: string) {
    super(formatDiagnostics(diagnostics, stackFile));
    this.name = "ConfigInvalidError";
  }
}
