/**
 * Diagnostics: what the loader says about a stack file. Every problem is collected (never thrown one at a
 * time) so a user sees all of them at once, each with the stack file, the config key path and a fix.
 */
import type { Rule, Severity } from "./rules/rule";
import { escapeUnsafe, redactSecrets } from "./text-policy";

export type { Severity };

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
  private readonly seen = new Set<string>();

  /**
   * Report a problem under a rule (config/rules/*.ts); severity and the default fix come from the rule. The
   * same problem (code, path and message) reported twice, by two rules that look at one value, is kept once.
   */
  report(rule: Rule, path: string, message: string, fix?: string): void {
    this.add({ severity: rule.severity, code: rule.code, path, message, fix: fix ?? rule.fix });
  }

  /** Take over a diagnostic from another collection, as it is or rewritten. */
  add(d: Diagnostic): void {
    const safe = printable(d);
    const key = `${safe.code}\u0000${safe.path}\u0000${safe.message}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.items.push(safe);
  }

  get hasErrors(): boolean {
    return this.items.some((d) => d.severity === "error");
  }

  /** Sorted by path, then code, so the same input always reports in the same order. */
  list(): Diagnostic[] {
    return [...this.items].sort((a, b) => compare(a.path, b.path) || compare(a.code, b.code) || compare(a.message, b.message));
  }
}

/** Longest message and path a diagnostic keeps; values in them are quoted short already (`show`). */
const MAX_MESSAGE = 1000;
const MAX_PATH = 400;

/**
 * Every diagnostic as it may be printed anywhere (a terminal, a log, a pull-request comment): no control or
 * format character (escaped, `config/text-policy.ts`), nothing of a secret's shape (redacted), bounded length.
 * Messages quote values through `show` already; this is the guarantee for the rest.
 */
function printable(d: Diagnostic): Diagnostic {
  const clean = (text: string, max: number) => {
    const head = text.length > 2 * max ? text.slice(0, 2 * max) : text;
    const safe = escapeUnsafe(redactSecrets(head));
    return safe.length > max ? `${safe.slice(0, max - 1)}…` : safe;
  };
  return {
    severity: d.severity,
    code: d.code,
    path: clean(d.path, MAX_PATH),
    message: clean(d.message, MAX_MESSAGE),
    ...(d.fix !== undefined ? { fix: clean(d.fix, MAX_MESSAGE) } : {}),
  };
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
