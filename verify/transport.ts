/**
 * Where requests go and how they may travel. Every request verify makes goes to the issuer's own origin
 * (scheme, host and port): discovery is refused when the metadata names an endpoint anywhere else, and the
 * fetch every request goes through refuses any other origin before a byte is sent. The issuer itself is https;
 * plain http only for a loopback issuer (the tests' oidc-provider on 127.0.0.1, or a local mock), and then only
 * to that same loopback origin. So neither a typo in an issuer nor a metadata document can send a client secret
 * or a signed assertion in clear text or to another host.
 */
import * as client from "openid-client";
import { isLoopbackHost } from "../config/uris";
import { serverText } from "./printable";

export interface RequestPolicy {
  /** Per request, in milliseconds. */
  readonly timeoutMs: number;
  /**
   * Told each credential as it is sent (a client assertion, a client secret, the Authorization header), so
   * that redaction knows what the issuer received and could echo.
   */
  readonly sent?: (secret: string) => void;
}

/** True when `url` is http on a loopback host: the one case where plain http is acceptable. */
export function isLoopbackHttp(url: URL): boolean {
  return url.protocol === "http:" && isLoopbackHost(url.hostname);
}

/** Why verify will not talk to this issuer at all, or undefined: https, or http on a loopback host. */
export function issuerRefusal(issuer: URL): string | undefined {
  if (issuer.username || issuer.password) return `the issuer ${issuer.protocol}//${issuer.host}${issuer.pathname} has credentials in its URL; nothing sent`;
  if (issuer.protocol === "https:" || isLoopbackHttp(issuer)) return undefined;
  if (issuer.protocol === "http:") return "refused to send a request over plain http (only https, or http to a loopback address)";
  return `the issuer is not an https URL (${serverText(issuer.protocol, 20)}); nothing sent`;
}

/**
 * Metadata members that name a place to send requests to (RFC 8414 §2 and the registries extending it: every
 * `*_endpoint`, and `jwks_uri`). `mtls_endpoint_aliases` is not read: verify never uses it, and the fetch
 * guard would refuse it anyway.
 */
function endpointMembers(metadata: client.ServerMetadata): [string, unknown][] {
  return Object.entries(metadata).filter(([k]) => k.endsWith("_endpoint") || k === "jwks_uri");
}

/**
 * Why the metadata cannot be used, or undefined: every endpoint it names must be on the issuer's origin
 * (https, or the loopback http issuer's own origin). The message names the endpoint and where it points
 * (scheme, host, path; never a query).
 */
export function metadataRefusal(metadata: client.ServerMetadata, issuer: URL): string | undefined {
  for (const [member, value] of endpointMembers(metadata)) {
    const url = typeof value === "string" ? parse(value) : undefined;
    if (!url) return `the metadata's ${member} is not a URL; nothing sent`;
    const refusal = endpointRefusal(url, issuer);
    if (refusal) return `the metadata's ${member} ${refusal}`;
  }
  return undefined;
}

/**
 * Whether a request may go to `endpoint`: only on the issuer's origin. Returns the reason when refused, as
 * the end of a sentence about the endpoint.
 */
export function endpointRefusal(endpoint: URL, issuer: URL): string | undefined {
  if (endpoint.origin === issuer.origin && endpoint.origin !== "null") return undefined;
  const where = endpoint.protocol === "http:" || endpoint.protocol === "https:" ? `${endpoint.origin}${endpoint.pathname}` : endpoint.protocol;
  const shown = serverText(where, 120);
  if (endpoint.protocol === "http:" && issuer.protocol === "https:" && endpoint.host === issuer.host) {
    return `${shown} is plain http on the https issuer's host; refusing to send anything to it`;
  }
  return `${shown} is not on the issuer's origin ${issuer.origin}; refusing to send anything to it`;
}

/** Thrown by the guarded fetch for a request that would leave the issuer's origin. */
export class RefusedRequest extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = "RefusedRequest";
  }
}

/**
 * The fetch every request goes through: to the issuer's origin only, with `manual` redirects (so a redirect
 * cannot carry the request elsewhere either), telling `policy.sent` the credentials it carries.
 */
export function guardedFetch(issuer: URL, policy: RequestPolicy): (url: string | URL, init?: RequestInit) => Promise<Response> {
  return (url, init) => {
    const target = typeof url === "string" ? parse(url) : url;
    const refusal = target ? endpointRefusal(target, issuer) : "is not a URL; refusing to send anything to it";
    if (refusal) return Promise.reject(new RefusedRequest(`the request to ${refusal}`));
    if (policy.sent) recordCredentials(init, policy.sent);
    return fetch(target!, { ...init, redirect: "manual" });
  };
}

/** The credentials a request carries: form parameters and the Authorization header. */
function recordCredentials(init: RequestInit | undefined, sent: (secret: string) => void): void {
  const body = init?.body;
  if (body instanceof URLSearchParams) {
    for (const name of ["client_secret", "client_assertion"]) {
      const value = body.get(name);
      if (value) sent(value);
    }
  }
  const headers = new Headers(init?.headers);
  const authorization = headers.get("authorization");
  // The credentials, without the scheme: `Basic ` is not secret, and would mark text around it.
  if (authorization) sent(authorization.replace(/^\S+\s+/, ""));
}

/**
 * Apply the request policy to a Configuration: openid-client's timeout is in seconds (fractions allowed),
 * every request goes through the guarded fetch, and http is allowed only towards a loopback issuer (the guard
 * keeps it on that issuer's origin).
 */
export function applyPolicy(config: client.Configuration, issuer: URL, policy: RequestPolicy): client.Configuration {
  config.timeout = policy.timeoutMs / 1000;
  config[client.customFetch] = guardedFetch(issuer, policy) as client.CustomFetch;
  if (isLoopbackHttp(issuer)) client.allowInsecureRequests(config);
  return config;
}

/** Options for `client.discovery` with the same policy. */
export function discoveryOptions(issuer: URL, policy: RequestPolicy): client.DiscoveryRequestOptions {
  return {
    timeout: policy.timeoutMs / 1000,
    [client.customFetch]: guardedFetch(issuer, policy) as client.CustomFetch,
    ...(isLoopbackHttp(issuer) ? { execute: [client.allowInsecureRequests] } : {}),
  };
}

function parse(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}
