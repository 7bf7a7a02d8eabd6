/**
 * What a component throws when its args break the stack file's rules: every problem at once, each at its path
 * relative to the component (`portal.redirectUris[0]`), before anything is registered.
 */
import * as pulumi from "@pulumi/pulumi";
import type { Diagnostic } from "../config/diagnostics";
import { show } from "../config/show";

/**
 * A `pulumi.RunError`: the engine prints the message without a stack trace, as it does for the stack file's
 * errors. `diagnostics` holds the same problems, structured (rule code, path, message, fix).
 */
export class InvalidArgsError extends pulumi.RunError {
  constructor(
    component: string,
    name: string,
    readonly diagnostics: readonly Diagnostic[],
  ) {
    super(formatProblems(component, name, diagnostics));
    this.name = "InvalidArgsError";
  }
}

function formatProblems(component: string, name: string, diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === "error");
  const head = `${component} ${show(name)}: ${errors.length} error${errors.length === 1 ? "" : "s"} in its arguments; nothing was created.`;
  return [head, ...errors.map((d) => `  ${formatProblem(d)}`)].join("\n");
}

/** `error OKTA_REDIRECT_HTTP portal.redirectUris[0]: … \n    fix: …` */
export function formatProblem(d: Diagnostic): string {
  return `${d.severity} ${d.code} ${d.path}: ${d.message}${d.fix ? `\n    fix: ${d.fix}` : ""}`;
}
