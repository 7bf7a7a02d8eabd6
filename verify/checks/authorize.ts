/**
 * Authorization request with a redirect URI: is the URI registered for the client? openid-client builds the
 * request (client id, response type, PKCE); verify sends it like a browser would, but stops at the first
 * response. `prompt=none` makes a server that accepts the redirect URI answer at once, by redirecting back
 * to it (with login_required, since verify has no session). An unregistered redirect URI is never redirected
 * to (OAuth 2.0 §4.1.2.1): the server shows an error page instead. A scope the server refuses comes back as
 * an error redirect where the server checks scopes before it looks for a session (oidc-provider does); as at
 * the token endpoint, invalid_scope and access_denied are read as scope refusals.
 */
import * as client from "openid-client";
import { describeError } from "../errors";
import { serverText } from "../printable";
import { applyPolicy, endpointRefusal, guardedFetch, type RequestPolicy } from "../transport";
import type { Outcome } from "./outcome";

/** Answers that mean "redirect URI fine, but no session here": expected with prompt=none. */
const NO_SESSION = new Set(["login_required", "interaction_required", "consent_required", "account_selection_required"]);

/** Answers that can mean "a requested scope is not granted" (as at the token endpoint: grants.ts). */
const SCOPE_ERRORS = new Set(["invalid_scope", "access_denied"]);

/** What one authorization request came back with: the redirect's `error` (if any), or a failed check. */
type Answer = { readonly kind: "redirected"; readonly error?: string; readonly description?: string } | { readonly kind: "failed"; readonly outcome: Outcome };

/**
 * `scopes` is the `scope` parameter, exactly: `openid` for an app's own check, a recipe consumer's whole list
 * when verify speaks for the consumer. A scope error names the scopes not granted, found by asking for each
 * one alone (next to `openid` when the list has it).
 */
export async function authorizationRequest(metadata: client.ServerMetadata, issuer: URL, clientId: string, redirectUri: string, scopes: readonly string[], policy: RequestPolicy): Promise<Outcome> {
  const answer = await send(metadata, issuer, clientId, redirectUri, scopes, policy);
  if (answer.kind === "failed") return answer.outcome;
  const { error, description } = answer;
  if (error && !NO_SESSION.has(error)) {
    const answered = `${error}${describe(description ?? null)}`;
    if (SCOPE_ERRORS.has(error)) {
      const refused = await notGranted(scopes, (ask) => send(metadata, issuer, clientId, redirectUri, ask, policy));
      if (refused) return { status: "fail", message: `${refused.join(" ")}: ${refused.length === 1 ? "this scope is" : "these scopes are"} not granted to the app (redirected back with ${answered})` };
    }
    return { status: "fail", message: `the redirect URI is registered, but the authorization server answered ${answered}` };
  }
  const asked = scopes.length === 1 && scopes[0] === "openid" ? "" : ` for ${scopes.join(" ")}`;
  return { status: "pass", message: `accepted${asked}: redirected back${error ? ` with ${error} (no session, as expected with prompt=none)` : ""}` };
}

/** The scopes refused when asked for alone; undefined when another answer gets in the way, or none is refused. */
async function notGranted(scopes: readonly string[], ask: (scopes: readonly string[]) => Promise<Answer>): Promise<string[] | undefined> {
  if (scopes.length <= 1) return scopes.length === 1 ? [...scopes] : undefined;
  const base = scopes.includes("openid") ? ["openid"] : [];
  const refused: string[] = [];
  for (const group of [...(base.length > 0 ? [base] : []), ...scopes.filter((s) => s !== "openid").map((s) => [...base, s])]) {
    const answer = await ask(group);
    if (answer.kind === "failed") return undefined;
    if (!answer.error || NO_SESSION.has(answer.error)) continue;
    if (!SCOPE_ERRORS.has(answer.error)) return undefined;
    const scope = group.at(-1)!;
    refused.push(scope);
    // `openid` itself refused: every other request with it would be too.
    if (group.length === 1 && scope === "openid" && base.length > 0) break;
  }
  return refused.length > 0 ? refused : undefined;
}

async function send(metadata: client.ServerMetadata, issuer: URL, clientId: string, redirectUri: string, scopes: readonly string[], policy: RequestPolicy): Promise<Answer> {
  const failed = (message: string): Answer => ({ kind: "failed", outcome: { status: "fail", message } });
  let url: URL;
  try {
    const config = applyPolicy(new client.Configuration(metadata, clientId, undefined, client.None()), issuer, policy);
    const challenge = await client.calculatePKCECodeChallenge(client.randomPKCECodeVerifier());
    url = client.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri,
      scope: scopes.join(" "),
      prompt: "none",
      state: client.randomState(),
      // PKCE always: public clients (browser, native) must send it, confidential ones may.
      code_challenge: challenge,
      code_challenge_method: "S256",
    });
  } catch (e) {
    return failed(`cannot build the authorization request: ${describeError(e, policy.timeoutMs)}`);
  }
  // Discovery already refused metadata with an endpoint elsewhere; the guarded fetch would refuse it too.
  const refusal = endpointRefusal(url, issuer);
  if (refusal) return failed(`the authorization endpoint ${refusal}`);

  let response: Response;
  try {
    response = await guardedFetch(issuer, policy)(url, { redirect: "manual", signal: AbortSignal.timeout(policy.timeoutMs) });
  } catch (e) {
    return failed(`authorization request failed: ${describeError(e, policy.timeoutMs)}`);
  }
  const location = response.headers.get("location");
  const detail = await errorDetail(response);
  if (response.status < 300 || response.status >= 400 || !location) {
    return failed(`not accepted: HTTP ${response.status} instead of a redirect back${detail}; the redirect URI is not registered for this client (or the client id is unknown)`);
  }
  const target = new URL(location, url);
  if (!redirectsTo(target.href, redirectUri)) {
    return failed(`not accepted: redirected to ${where(target)} instead of back to the redirect URI${queryError(target)}`);
  }
  const error = target.searchParams.get("error");
  const description = target.searchParams.get("error_description");
  return { kind: "redirected", ...(error ? { error: serverText(error, 80) } : {}), ...(description ? { description: serverText(description) } : {}) };
}

/** The response redirects to the redirect URI itself, with the response appended as a query or fragment. */
function redirectsTo(location: string, redirectUri: string): boolean {
  if (location === redirectUri) return true;
  return ["?", "&", "#"].some((sep) => location.startsWith(redirectUri + sep));
}

/** Scheme, host and path only: the query may carry state and codes. From the server: bounded. */
function where(url: URL): string {
  return serverText(url.protocol === "http:" || url.protocol === "https:" ? `${url.origin}${url.pathname}` : `${url.protocol}${url.pathname}`, 120);
}

function queryError(url: URL): string {
  const error = url.searchParams.get("error");
  const description = url.searchParams.get("error_description");
  return error ? ` (${serverText(error, 80)}${describe(description === null ? null : serverText(description))})` : "";
}

function describe(text: string | null): string {
  return text ? `: ${text}` : "";
}

/** A JSON error body names the problem; HTML error pages are not parsed. The body is discarded either way. */
async function errorDetail(response: Response): Promise<string> {
  try {
    if (response.status >= 400 && response.headers.get("content-type")?.includes("json")) {
      const body = (await response.json()) as { error?: unknown; error_description?: unknown };
      if (typeof body.error === "string") return ` (${serverText(body.error, 80)}${typeof body.error_description === "string" ? describe(serverText(body.error_description)) : ""})`;
      return "";
    }
    await response.body?.cancel();
  } catch {
    // The body is only a hint.
  }
  return "";
}
