/**
 * URI classification shared by the Okta and Auth0 rules. Pure: parsing uses WHATWG `URL`, the same parser
 * browsers and Node use, so "absolute" means what a browser would accept.
 */

/** Hosts that RFC 8252 §7.3 and Okta treat as loopback: plain http is acceptable there. */
const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

export interface ParsedUri {
  readonly url: URL;
  readonly scheme: string; // without the colon
  readonly isHttp: boolean; // http or https
  readonly isLoopback: boolean;
  readonly hasWildcard: boolean;
}

/** Parse an absolute URI, or undefined when it is not one. A `*` host label is kept intact for wildcard checks. */
export function parseUri(raw: string): ParsedUri | undefined {
  if (!/^[A-Za-z][A-Za-z0-9+.-]*:/.test(raw)) return undefined;
  // `localhost:8080/callback` parses as scheme "localhost:"; a port right after the colon means a missing scheme.
  if (/^[^:/]+:\d+(\/|$)/.test(raw)) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return undefined;
  }
  const scheme = url.protocol.slice(0, -1).toLowerCase();
  const isHttp = scheme === "http" || scheme === "https";
  return {
    url,
    scheme,
    isHttp,
    isLoopback: isHttp && LOOPBACK_HOSTS.has(url.hostname.toLowerCase()),
    hasWildcard: raw.includes("*"),
  };
}

export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname.toLowerCase());
}

/** Host labels of an http(s) URI, as the URL parser sees the host (so userinfo such as `*.a.com@b.com` is not mistaken for it). */
export function hostLabels(raw: string): string[] {
  const p = parseUri(raw);
  return p && p.isHttp ? p.url.hostname.split(".") : [];
}

/**
 * The origin (scheme, host, port) that `raw` denotes, for Okta trusted origins and browsers, or undefined
 * when `raw` is not an http(s) URI. `exact` is false when `raw` carries more than an origin (a path, a query,
 * a default port, a trailing slash), so the caller can say "write it as <origin>".
 */
export function originOf(raw: string): { origin: string; exact: boolean } | undefined {
  const p = parseUri(raw);
  if (!p || !p.isHttp || p.hasWildcard) return undefined;
  return { origin: p.url.origin, exact: raw === p.url.origin };
}
