/** Signing keys (`keys:`) as the model holds them, shared by Okta service apps and Auth0 apps. */
import { jwkFromJwk, jwkFromPem, type KeyResult } from "./keys";
import { wellFormed, type Lenient } from "./lenient";
import type { KeySpec } from "./model";
import type { RawKey } from "./schema/okta";

/** A brought key's parsed JWK, or undefined for a generated key (or a brought one whose material is malformed). */
export function broughtKey(k: Pick<Lenient<RawKey>, "publicKey" | "publicJwk">, kid: string): KeyResult | undefined {
  if (wellFormed(k.publicKey)) return jwkFromPem(k.publicKey, kid);
  if (wellFormed(k.publicJwk)) return jwkFromJwk(k.publicJwk, kid);
  return undefined;
}

export function keySpec(k: RawKey): KeySpec {
  const brought = broughtKey(k, k.kid);
  if (brought) {
    if (!brought.ok) throw new Error(`internal: key ${k.kid} should have been rejected by the rules`);
    return { source: "provided", kid: k.kid, jwk: brought.jwk };
  }
  if (k.algorithm === "EC") return { source: "generated", kid: k.kid, algorithm: "EC", curve: k.curve ?? "P256" };
  return { source: "generated", kid: k.kid, algorithm: "RSA", rsaBits: k.rsaBits ?? 2048 };
}
