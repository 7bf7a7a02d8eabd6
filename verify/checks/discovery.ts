/**
 * Discovery: the issuer's metadata is reachable and names the issuer the outputs name. openid-client does the
 * comparison (discovery() rejects metadata whose `issuer` is not the URL it was given); this module only
 * explains the outcome.
 */
import * as client from "openid-client";
import { describeError } from "../errors";
import { discoveryOptions, type RequestPolicy } from "../transport";
import type { Outcome } from "./outcome";

export type Discovered = { readonly outcome: Outcome; readonly metadata?: client.ServerMetadata };

/** `expected` is the issuer as the outputs (or --issuer-override) spell it, for the message. */
export async function discover(expected: string, clientId: string, policy: RequestPolicy): Promise<Discovered> {
  const issuer = new URL(expected);
  try {
    const config = await client.discovery(issuer, clientId, undefined, client.None(), discoveryOptions(issuer, policy));
    const metadata = config.serverMetadata();
    return { outcome: { status: "pass", message: `issuer ${metadata.issuer}` }, metadata };
  } catch (e) {
    if (e instanceof client.ClientError && e.code === "OAUTH_JSON_ATTRIBUTE_COMPARISON_FAILED") {
      const body = (e.cause as { body?: { issuer?: unknown } } | undefined)?.body;
      return { outcome: { status: "fail", message: `issuer mismatch: the metadata at ${wellKnown(issuer)} says issuer ${JSON.stringify(body?.issuer)}, expected ${JSON.stringify(expected)}` } };
    }
    return { outcome: { status: "fail", message: `metadata at ${wellKnown(issuer)} unavailable: ${describeError(e, policy.timeoutMs)}` } };
  }
}

/** Where discovery looked (OpenID Connect Discovery: the issuer's path + /.well-known/openid-configuration). */
function wellKnown(issuer: URL): string {
  return `${issuer.href.replace(/\/$/, "")}/.well-known/openid-configuration`;
}
