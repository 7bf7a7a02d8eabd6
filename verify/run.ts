/**
 * verify's core: plan the checks from the stack file's model and the outputs, run them against each app's
 * issuer, and report. Every failure (network, timeout, refusal, a defect in a check) becomes a failed check
 * on its app; nothing here throws for one app's sake. Everything printed is redacted (every secret of the
 * outputs and every credential sent, in any encoding) and then escaped (printable.ts), here, in one place.
 */
import type * as client from "openid-client";
import type { StackModel } from "../config/model";
import { authorizationRequest } from "./checks/authorize";
import { prepareClient } from "./checks/client";
import { discover } from "./checks/discovery";
import { clientCredentials, deviceAuthorization } from "./checks/grants";
import type { Outcome } from "./checks/outcome";
import { describeError } from "./errors";
import type { StackOutputsJson } from "./outputs";
import { printable } from "./printable";
import { credentialsOf, Redactor, secretsOf } from "./redact";
import { appStatus, buildReport, type AppResult, type CheckResult, type Report } from "./report";
import { planTargets, type AppTarget, type CheckSpec, type ConsumerInfo } from "./targets";
import { issuerRefusal, type RequestPolicy } from "./transport";

export const DEFAULT_TIMEOUT_MS = 10_000;
/** Apps checked at once: enough to keep a run short, few enough to stay far below Okta's rate limits. */
export const DEFAULT_CONCURRENCY = 4;

export interface VerifyOptions {
  /** Per request. Default 10 s. */
  readonly timeoutMs?: number;
  /**
   * Talk to this issuer instead of each app's own, and expect it in the metadata. For tests and local mocks
   * (http is allowed only for a loopback issuer).
   */
  readonly issuerOverride?: string;
  readonly concurrency?: number;
}

export async function verifyStack(stack: string, model: StackModel, outputs: StackOutputsJson, options: VerifyOptions = {}): Promise<Report> {
  const redactor = new Redactor(secretsOf(outputs), credentialsOf(outputs));
  const policy: RequestPolicy = { timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS, sent: (secret) => redactor.add(secret) };
  const targets = planTargets(model, outputs);
  const results = await mapLimit(targets, options.concurrency ?? DEFAULT_CONCURRENCY, (t) => verifyApp(t, options.issuerOverride, policy));
  // Redacted, then escaped: the redaction sees the text as it came, the escaping leaves no line break or
  // workflow command in what is printed.
  const r = (text: string) => printable(redactor.redact(text));
  return buildReport(
    printable(stack),
    results.map((a) => ({
      ...a,
      // From the outputs (an app only there is named by its key): escaped, as everything printed is.
      name: r(a.name),
      type: r(a.type),
      ...(a.clientId !== undefined ? { clientId: r(a.clientId) } : {}),
      ...(a.issuer !== undefined ? { issuer: r(a.issuer) } : {}),
      checks: a.checks.map((c) => ({
        ...c,
        message: r(c.message),
        ...(c.subject ? { subject: r(c.subject) } : {}),
        // From the stack file, not the outputs; redacted all the same, as everything printed is.
        ...(c.consumer ? { consumer: redactConsumer(c.consumer, r) } : {}),
      })),
    })),
  );
}

function redactConsumer(c: ConsumerInfo, r: (text: string) => string): ConsumerInfo {
  return {
    ...c,
    recipe: r(c.recipe),
    product: r(c.product),
    checkedAgainst: r(c.checkedAgainst),
    scopes: c.scopes.map(r),
    ...(c.audience !== undefined ? { audience: r(c.audience) } : {}),
    ...(c.signingAlgs !== undefined ? { signingAlgs: c.signingAlgs.map(r) } : {}),
  };
}

/** What discovery established for an app; the other checks run only with it. */
interface Session {
  readonly metadata: client.ServerMetadata;
  readonly issuer: URL;
  readonly clientId: string;
}

async function verifyApp(target: AppTarget, issuerOverride: string | undefined, policy: RequestPolicy): Promise<AppResult> {
  const issuerText = issuerOverride ?? target.issuer;
  const checks: CheckResult[] = [];
  let session: Session | undefined;
  for (const planned of target.checks) {
    if (planned.kind !== "run") {
      checks.push({ check: planned.check, ...(planned.subject ? { subject: planned.subject } : {}), status: planned.kind, message: planned.message, ...(planned.consumer ? { consumer: planned.consumer } : {}) });
      continue;
    }
    const { spec } = planned;
    if (spec.check === "discovery") {
      const found = await discoverApp(issuerText, target.clientId, policy);
      session = found.session;
      checks.push({ check: "discovery", ...found.outcome });
      continue;
    }
    const subject = subjectOf(spec);
    const current = session;
    const outcome: Omit<CheckResult, "check"> = current ? asConsumer(await guarded(() => runCheck(spec, current, policy), policy), spec.consumer) : { status: "skip", message: "not run: discovery failed" };
    checks.push({ check: spec.check, ...(subject ? { subject } : {}), ...outcome, ...(spec.consumer ? { consumer: spec.consumer } : {}) });
  }
  return {
    provider: target.provider,
    name: target.name,
    type: target.type,
    status: appStatus(checks),
    ...(target.clientId ? { clientId: target.clientId } : {}),
    ...(issuerText ? { issuer: issuerText } : {}),
    checks,
  };
}

async function discoverApp(issuerText: string | undefined, clientId: string | undefined, policy: RequestPolicy): Promise<{ outcome: Outcome; session?: Session }> {
  const issuer = issuerText === undefined ? undefined : parseUrl(issuerText);
  if (issuerText === undefined || !issuer || !clientId) return { outcome: { status: "fail", message: `the issuer ${JSON.stringify(issuerText ?? "")} is not a URL` } };
  const refusal = issuerRefusal(issuer);
  if (refusal) return { outcome: { status: "fail", message: refusal } };
  let metadata: client.ServerMetadata | undefined;
  const outcome = await guarded(async () => {
    const found = await discover(issuerText, clientId, policy);
    metadata = found.metadata;
    return found.outcome;
  }, policy);
  return { outcome, ...(metadata && outcome.status === "pass" ? { session: { metadata, issuer, clientId } } : {}) };
}

async function runCheck(spec: Exclude<CheckSpec, { check: "discovery" }>, session: Session, policy: RequestPolicy): Promise<Outcome> {
  const { metadata, issuer, clientId } = session;
  if (spec.check === "authorization-request") return authorizationRequest(metadata, issuer, clientId, spec.redirectUri, spec.scopes, policy);
  const prepared = await prepareClient(metadata, issuer, clientId, spec.auth, policy);
  if (!prepared.ok) return { status: "fail", message: prepared.reason };
  return spec.check === "device-authorization" ? deviceAuthorization(prepared, spec, policy) : clientCredentials(prepared, spec, policy);
}

/**
 * A check sent as a recipe consumer sends it says so, so that a failure reads as the product's own:
 * "…, as the Okta MCP server (okta/okta-mcp-server v1.1.4) requests it" / "…; … would fail here".
 */
function asConsumer(outcome: Outcome, consumer: ConsumerInfo | undefined): Outcome {
  if (!consumer) return outcome;
  const who = `${consumer.product} (${consumer.checkedAgainst})`;
  return {
    status: outcome.status,
    message: outcome.status === "pass" ? `${outcome.message}, as ${who} requests it` : `${outcome.message}; ${who} makes this request, so it would fail here`,
  };
}

function subjectOf(spec: CheckSpec): string | undefined {
  if (spec.check === "authorization-request") return spec.redirectUri;
  if (spec.check === "management-api") return spec.audience;
  return undefined;
}

/** A check that throws (a defect, or an error no branch expected) fails its app with the reason, not the run. */
async function guarded(fn: () => Promise<Outcome>, policy: RequestPolicy): Promise<Outcome> {
  try {
    return await fn();
  } catch (e) {
    return { status: "fail", message: `unexpected error: ${describeError(e, policy.timeoutMs)}` };
  }
}

function parseUrl(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}

/** Run `fn` over `items` with at most `limit` in flight; results keep the items' order. */
async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(Math.max(1, limit), items.length) }, worker));
  return results;
}
