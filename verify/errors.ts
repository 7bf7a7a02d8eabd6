/**
 * Errors from openid-client, oauth4webapi (which it re-throws) and fetch, turned into one line a person can
 * act on. Only the parts that cannot hold a credential are used: HTTP status, OAuth `error` and
 * `error_description`, network error codes. Never the request, the response body as a whole or a header.
 * What the server wrote is bounded in length (printable.ts serverText) and escaped when printed; an echoed
 * credential is caught by redaction (redact.ts).
 */
import * as client from "openid-client";
import { serverText } from "./printable";
import { RefusedRequest } from "./transport";

/** The server's OAuth error, when the failure is one (token, device or discovery endpoint). */
export interface OAuthErrorInfo {
  readonly status: number;
  readonly error: string;
  readonly description?: string;
}

export function oauthError(e: unknown): OAuthErrorInfo | undefined {
  if (e instanceof client.ResponseBodyError) {
    return { status: e.status, error: serverText(e.error, 80), ...(e.error_description ? { description: serverText(e.error_description) } : {}) };
  }
  // A 401 with a WWW-Authenticate challenge (client authentication failed at the token endpoint).
  if (e instanceof client.WWWAuthenticateChallengeError) {
    const params = e.cause.find((c) => c.parameters.error)?.parameters;
    return { status: e.status, error: params?.error ? serverText(params.error, 80) : "unauthorized", ...(params?.error_description ? { description: serverText(params.error_description) } : {}) };
  }
  return undefined;
}

export function formatOAuthError(info: OAuthErrorInfo): string {
  return `HTTP ${info.status} ${info.error}${info.description ? `: ${info.description}` : ""}`;
}

/** One line for any failure of a request; `timeoutMs` is what the caller allowed, for the message. */
export function describeError(e: unknown, timeoutMs: number): string {
  const oauth = oauthError(e);
  if (oauth) return formatOAuthError(oauth);
  if (isTimeout(e)) return `timed out after ${timeoutMs} ms`;
  if (e instanceof RefusedRequest) return e.reason;
  if (e instanceof client.ClientError && e.cause instanceof RefusedRequest) return e.cause.reason;
  if (e instanceof client.ClientError) {
    switch (e.code) {
      case "OAUTH_HTTP_REQUEST_FORBIDDEN":
        return "refused to send a request over plain http (only https, or http to a loopback address)";
      case "OAUTH_RESPONSE_IS_NOT_CONFORM":
        return `unexpected HTTP status ${statusOf(e.cause) ?? "?"}`;
      case "OAUTH_RESPONSE_IS_NOT_JSON":
        return `the response is not JSON (HTTP ${statusOf(e.cause) ?? "?"})`;
      case "OAUTH_JSON_ATTRIBUTE_COMPARISON_FAILED":
        return attributeMismatch(e.cause) ?? serverText(e.message);
    }
    return e.code ? `${serverText(e.message)} (${e.code})` : serverText(e.message);
  }
  const network = networkCode(e);
  if (network) return `network error: ${serverText(network)}`;
  // An error no branch expected: its message may quote a response (a JSON parse error does), so it is bounded.
  return serverText(e instanceof Error ? e.message : String(e));
}

/** Timeouts surface as a DOMException from fetch, or as openid-client's wrapper around one. */
export function isTimeout(e: unknown): boolean {
  if (e instanceof client.ClientError && (e.code === "OAUTH_TIMEOUT" || e.code === "OAUTH_ABORT")) return true;
  return e instanceof Error && (e.name === "TimeoutError" || e.name === "AbortError");
}

/** fetch rejects with TypeError("fetch failed") whose cause carries the system error (ECONNREFUSED, ENOTFOUND...). */
function networkCode(e: unknown): string | undefined {
  if (!(e instanceof TypeError)) return undefined;
  const cause = (e as { cause?: unknown }).cause;
  if (cause && typeof cause === "object") {
    const code = (cause as { code?: unknown }).code;
    const message = (cause as { message?: unknown }).message;
    if (typeof code === "string") return typeof message === "string" && message && message !== code ? `${code} (${message})` : code;
    if (typeof message === "string" && message) return message;
  }
  return e.message === "fetch failed" ? "fetch failed" : undefined;
}

function statusOf(cause: unknown): number | undefined {
  return cause instanceof Response ? cause.status : undefined;
}

/** openid-client's issuer check puts `{ expected, body, attribute }` in the cause. */
function attributeMismatch(cause: unknown): string | undefined {
  if (!cause || typeof cause !== "object") return undefined;
  const { expected, body, attribute } = cause as { expected?: unknown; body?: unknown; attribute?: unknown };
  if (typeof attribute !== "string" || typeof expected !== "string") return undefined;
  const actual = body && typeof body === "object" ? (body as Record<string, unknown>)[attribute] : undefined;
  return `the metadata's ${attribute} is ${serverText(JSON.stringify(actual) ?? "undefined", 120)}, expected ${JSON.stringify(expected)}`;
}
