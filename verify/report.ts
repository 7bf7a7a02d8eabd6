/**
 * The verify report: per app, pass or fail, with each check's outcome and reason. Rendered as text for people
 * and as JSON for CI. Apps are sorted by provider then name, checks keep the order they ran in, and the JSON's
 * keys have a fixed order, so the same results always print the same.
 */
import { PROJECT } from "../config/sections";
import type { CheckName, ConsumerInfo, Provider } from "./targets";

export type CheckStatus = "pass" | "fail" | "skip";

export interface CheckResult {
  readonly check: CheckName;
  /** The redirect URI or audience the check is about, when an app has several of the kind. */
  readonly subject?: string;
  readonly status: CheckStatus;
  readonly message: string;
  /**
   * Present when the check sent (or would have sent) a recipe consumer's request instead of the app's own:
   * the recipe instance, the product, what its requests were read from, and the request's flow, scopes,
   * audience and signing algorithms.
   */
  readonly consumer?: ConsumerInfo;
}

export interface AppResult {
  readonly provider: Provider;
  readonly name: string;
  readonly type: string;
  /** An app passes when none of its checks failed; skipped checks are listed, they do not fail it. */
  readonly status: "pass" | "fail";
  readonly clientId?: string;
  /** The issuer verify talked to. */
  readonly issuer?: string;
  readonly checks: readonly CheckResult[];
}

export interface Report {
  readonly stack: string;
  readonly ok: boolean;
  readonly summary: { readonly apps: number; readonly passed: number; readonly failed: number; readonly skippedChecks: number };
  readonly apps: readonly AppResult[];
}

export function buildReport(stack: string, apps: readonly AppResult[]): Report {
  const failed = apps.filter((a) => a.status === "fail").length;
  const skippedChecks = apps.reduce((n, a) => n + a.checks.filter((c) => c.status === "skip").length, 0);
  return { stack, ok: failed === 0, summary: { apps: apps.length, passed: apps.length - failed, failed, skippedChecks }, apps };
}

export function appStatus(checks: readonly CheckResult[]): "pass" | "fail" {
  return checks.some((c) => c.status === "fail") ? "fail" : "pass";
}

/** JSON with keys in a fixed order (object literals below, not the inputs' order). */
export function reportJson(report: Report): string {
  const ordered = {
    stack: report.stack,
    ok: report.ok,
    summary: { ...report.summary },
    apps: report.apps.map((a) => ({
      provider: a.provider,
      name: a.name,
      type: a.type,
      status: a.status,
      ...(a.clientId !== undefined ? { clientId: a.clientId } : {}),
      ...(a.issuer !== undefined ? { issuer: a.issuer } : {}),
      checks: a.checks.map((c) => ({
        check: c.check,
        ...(c.subject !== undefined ? { subject: c.subject } : {}),
        status: c.status,
        message: c.message,
        ...(c.consumer !== undefined ? { consumer: consumerJson(c.consumer) } : {}),
      })),
    })),
  };
  return JSON.stringify(ordered, null, 2) + "\n";
}

function consumerJson(c: ConsumerInfo) {
  return {
    recipe: c.recipe,
    product: c.product,
    checkedAgainst: c.checkedAgainst,
    flow: c.flow,
    scopes: [...c.scopes],
    ...(c.audience !== undefined ? { audience: c.audience } : {}),
    ...(c.signingAlgs !== undefined ? { signingAlgs: [...c.signingAlgs] } : {}),
  };
}

export function reportText(report: Report): string {
  const { apps, passed, failed, skippedChecks } = report.summary;
  const lines = [`${PROJECT} verify · stack ${report.stack} · ${apps} app${apps === 1 ? "" : "s"}: ${passed} passed, ${failed} failed${skippedChecks ? `, ${skippedChecks} check${skippedChecks === 1 ? "" : "s"} skipped` : ""}`];
  const width = Math.max(0, ...report.apps.flatMap((a) => a.checks.map((c) => c.check.length)));
  for (const app of report.apps) {
    lines.push("", `${app.status.toUpperCase()} ${app.provider}/${app.name} (${app.type})${app.clientId ? ` client ${app.clientId}` : ""}`);
    for (const c of app.checks) {
      lines.push(`  ${c.status.padEnd(4)}  ${c.check.padEnd(width)}  ${c.subject ? `${c.subject}: ` : ""}${c.message}`);
    }
  }
  return lines.join("\n") + "\n";
}
