/**
 * Where requests go and how they may travel. openid-client refuses plain http; verify lifts that only for
 * loopback hosts (the tests' oidc-provider on 127.0.0.1, or a local mock), never for a host on the network,
 * so a typo in an issuer cannot send a client secret or a signed assertion in clear text.
 */
import * as client from "openid-client";
import { isLoopbackHost } from "../config/uris";

export interface RequestPolicy {
  /** Per request, in milliseconds. */
  readonly timeoutMs: number;
}

/** True when `url` is http on a loopback host: the one case where plain http is acceptable. */
export function isLoopbackHttp(url: URL): boolean {
  return url.protocol === "http:" && isLoopbackHost(url.hostname);
}

/**
 * Apply the request policy to a Configuration: openid-client's timeout is in seconds (fractions allowed), and
 * http is allowed only towards a loopback issuer.
 */
export function applyPolicy(config: client.Configuration, issuer: URL, policy: RequestPolicy): client.Configuration {
  config.timeout = policy.timeoutMs / 1000;
  if (isLoopbackHttp(issuer)) client.allowInsecureRequests(config);
  return config;
}

/** Options for `client.discovery` with the same policy. */
export function discoveryOptions(issuer: URL, policy: RequestPolicy): client.DiscoveryRequestOptions {
  return { timeout: policy.timeoutMs / 1000, ...(isLoopbackHttp(issuer) ? { execute: [client.allowInsecureRequests] } : {}) };
}

/**
 * An endpoint verify calls directly with fetch (the authorization endpoint): https, or http on loopback when
 * the issuer is itself loopback. Returns a reason when refused.
 */
export function endpointRefusal(endpoint: URL, issuer: URL): string | undefined {
  if (endpoint.protocol === "https:") return undefined;
  if (isLoopbackHttp(endpoint) && isLoopbackHttp(issuer)) return undefined;
  return `the metadata's endpoint ${endpoint.origin}${endpoint.pathname} is not https; refusing to call it`;
}
