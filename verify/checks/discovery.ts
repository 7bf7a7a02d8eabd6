/**
 * Discovery: the issuer's metadata is reachable, names the issuer the outputs name, and sends verify nowhere
 * else. openid-client compares the issuer (discovery() rejects metadata whose `issuer` is not the URL it was
 * given); this module refuses metadata with an endpoint off the issuer's origin (transport.ts), so that no
 * other check runs against it, and explains the outcome.
 */
import * as client from "openid-client";
import { describeError } from "../errors";
import { serverText } from "../printable";
import { discoveryOptions, metadataRefusal, type RequestPolicy } from "../transport";
import type { Outcome } from "./outcome";

export type Discovered = { readonly outcome: Outcome; readonly metadata?: client.ServerMetadata };

/** `expected` is the issuer as the outputs (or --issuer-override) spell it, for the message. */
export async function discover(expected: string, clientId: string, policy: RequestPolicy): Promise<Discovered> {
  const issuer = new URL(expected);
  try {
    const config = await client.discovery(issuer, clientId, undefined, client.None(), discoveryOptions(issuer, policy));
    const metadata = config.serverMetadata();
    const refusal = metadataRefusal(metadata, issuer);
    if (refusal) return { outcome: { status: "fail", message: `metadata at ${wellKnown(issuer)} refused: ${refusal}` } };
    return { outcome: { status: "pass", message: `issuer ${metadata.issuer}` }, metadata };
  } catch (e) {
    if (e instanceof client.ClientError && e.code === "OAUTH_JSON_ATTRIBUTE_COMPARISON_FAILED") {
      const body = (e.cause as { body?: { issuer?: unknown } } | undefined)?.body;
      return { outcome: { status: "fail", message: `issuer mismatch: the metadata at ${wellKnown(issuer)} says issuer ${serverText(JSON.stringify(body?.issuer) ?? "undefined", 120)}, expected ${JSON.stringify(expected)}` } };
    }
    return { outcome: { status: "fail", message: `metadata at ${wellKnown(issuer)} unavailable: ${describeError(e, policy.timeoutMs)}` } };
  }
}

/** Where discovery looked (OpenID Connect Discovery: the issuer's path + /.well-known/openid-configuration). */
function wellKnown(issuer: URL): string {
  return `${issuer.href.replace(/\/$/, "")}/.well-known/openid-configuration`;
}
