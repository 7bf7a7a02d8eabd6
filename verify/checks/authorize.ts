/**
 * Authorization request with a redirect URI: is the URI registered for the client? openid-client builds the
 * request (client id, response type, PKCE); verify sends it like a browser would, but stops at the first
 * response. `prompt=none` makes a server that accepts the redirect URI answer at once, by redirecting back
 * to it (with login_required, since verify has no session). An unregistered redirect URI is never redirected
 * to (OAuth 2.0 §4.1.2.1): the server shows an error page instead.
 */
import * as client from "openid-client";
import { describeError } from "../errors";
import { applyPolicy, endpointRefusal, type RequestPolicy } from "../transport";
import type { Outcome } from "./outcome";

/** Answers that mean "redirect URI fine, but no session here": expected with prompt=none. */
const NO_SESSION = new Set(["login_required", "interaction_required", "consent_required", "account_selection_required"]);

export async function authorizationRequest(metadata: client.ServerMetadata, issuer: URL, clientId: string, redirectUri: string, policy: RequestPolicy): Promise<Outcome> {
  let url: URL;
  try {
    const config = applyPolicy(new client.Configuration(metadata, clientId, undefined, client.None()), issuer, policy);
    const challenge = await client.calculatePKCECodeChallenge(client.randomPKCECodeVerifier());
    url = client.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri,
      scope: "openid",
      prompt: "none",
      state: client.randomState(),
      // PKCE always: public clients (browser, native) must send it, confidential ones may.
      code_challenge: challenge,
      code_challenge_method: "S256",
    });
  } catch (e) {
    return { status: "fail", message: `cannot build the authorization request: ${describeError(e, policy.timeoutMs)}` };
  }
  const refusal = endpointRefusal(url, issuer);
  if (refusal) return { status: "fail", message: refusal };

  let response: Response;
  try {
    response = await fetch(url, { redirect: "manual", signal: AbortSignal.timeout(policy.timeoutMs) });
  } catch (e) {
    return { status: "fail", message: `authorization request failed: ${describeError(e, policy.timeoutMs)}` };
  }
  const location = response.headers.get("location");
  const detail = await errorDetail(response);
  if (response.status < 300 || response.status >= 400 || !location) {
    return { status: "fail", message: `not accepted: HTTP ${response.status} instead of a redirect back${detail}; the redirect URI is not registered for this client (or the client id is unknown)` };
  }
  const target = new URL(location, url);
  if (!redirectsTo(target.href, redirectUri)) {
    return { status: "fail", message: `not accepted: redirected to ${where(target)} instead of back to the redirect URI${queryError(target)}` };
  }
  const error = target.searchParams.get("error");
  if (error && !NO_SESSION.has(error)) {
    return { status: "fail", message: `the redirect URI is registered, but the authorization server answered ${error}${describe(target.searchParams.get("error_description"))}` };
  }
  return { status: "pass", message: `accepted: redirected back${error ? ` with ${error} (no session, as expected with prompt=none)` : ""}` };
}

/** The response redirects to the redirect URI itself, with the response appended as a query or fragment. */
function redirectsTo(location: string, redirectUri: string): boolean {
  if (location === redirectUri) return true;
  return ["?", "&", "#"].some((sep) => location.startsWith(redirectUri + sep));
}

/** Scheme, host and path only: the query may carry state and codes. */
function where(url: URL): string {
  return url.protocol === "http:" || url.protocol === "https:" ? `${url.origin}${url.pathname}` : `${url.protocol}${url.pathname}`;
}

function queryError(url: URL): string {
  const error = url.searchParams.get("error");
  return error ? ` (${error}${describe(url.searchParams.get("error_description"))})` : "";
}

function describe(text: string | null): string {
  return text ? `: ${text}` : "";
}

/** A JSON error body names the problem; HTML error pages are not parsed. The body is discarded either way. */
async function errorDetail(response: Response): Promise<string> {
  try {
    if (response.status >= 400 && response.headers.get("content-type")?.includes("json")) {
      const body = (await response.json()) as { error?: unknown; error_description?: unknown };
      if (typeof body.error === "string") return ` (${body.error}${typeof body.error_description === "string" ? describe(body.error_description) : ""})`;
      return "";
    }
    await response.body?.cancel();
  } catch {
    // The body is only a hint.
  }
  return "";
}
