/** Signing keys (`keys:`) as the model holds them, shared by Okta service apps and Auth0 apps. */
import { jwkFromJwk, jwkFromPem, type KeyResult } from "./keys";
import type { KeySpec } from "./model";
import type { RawKey } from "./schema/okta";

/** A brought key's parsed JWK, or undefined for a generated key. */
export function broughtKey(k: Record<string, unknown>, kid: string): KeyResult | undefined {
  if (typeof k["publicKey"] === "string") return jwkFromPem(k["publicKey"], kid);
  if (typeof k["publicJwk"] === "object" && k["publicJwk"] !== null && !Array.isArray(k["publicJwk"])) return jwkFromJwk(k["publicJwk"] as Record<string, unknown>, kid);
  return undefined;
}

export function keySpec(k: RawKey): KeySpec {
  const brought = broughtKey(k as Record<string, unknown>, k.kid);
  if (brought) {
    if (!brought.ok) throw new Error(`internal: key ${k.kid} should have been rejected by the rules`);
    return { source: "provided", kid: k.kid, jwk: brought.jwk };
  }
  if (k.algorithm === "EC") return { source: "generated", kid: k.kid, algorithm: "EC", curve: k.curve ?? "P256" };
  return { source: "generated", kid: k.kid, algorithm: "RSA", rsaBits: k.rsaBits ?? 2048 };
}
