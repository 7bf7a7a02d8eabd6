/** Rules and model building for signing keys (`keys:`), shared by Okta service apps and Auth0 apps. */
import type { Diagnostics } from "./diagnostics";
import { jwkFromJwk, jwkFromPem, keySlug, type KeyResult } from "./keys";
import type { KeySpec } from "./model";
import { keyPath, type PathSegment } from "./paths";
import type { RawKey } from "./schema/okta";
import { show } from "./show";

export function checkKeys(keys: unknown[], root: string, at: readonly PathSegment[], diags: Diagnostics): void {
  const kids = new Set<string>();
  let active = 0;
  keys.forEach((key, i) => {
    if (typeof key !== "object" || key === null || Array.isArray(key)) return;
    const k = key as Record<string, unknown>;
    const path = (...rest: string[]) => keyPath(root, [...at, "keys", i, ...rest]);
    if (typeof k["kid"] === "string") {
      // Generated keys are named after their kid's slug, so `2026.11` and `2026-11` would collide too.
      const slug = keySlug(k["kid"]);
      if (kids.has(slug)) diags.report("KEY_DUPLICATE_KID", path("kid"), `the key id ${show(k["kid"])} repeats (or differs only in punctuation from) another key id of this app; key ids must be unique.`);
      kids.add(slug);
    }
    if (k["active"] === true) active++;
    const brought = ["publicKey", "publicJwk"].filter((f) => f in k);
    const generatedFields = ["algorithm", "rsaBits", "curve"].filter((f) => f in k);
    if (brought.length > 1 || (brought.length === 1 && generatedFields.length > 0)) {
      diags.report("KEY_SOURCE_CONFLICT", path(), `give either publicKey, publicJwk, or generation settings (${generatedFields.join(", ") || "algorithm"}), not several.`);
      return;
    }
    const algorithm = k["algorithm"] ?? "RSA";
    if (algorithm === "RSA" && "curve" in k) diags.report("KEY_SOURCE_CONFLICT", path("curve"), "curve applies to EC keys; this key is RSA.", "Remove curve, or set algorithm: EC.");
    if (algorithm === "EC" && "rsaBits" in k) diags.report("KEY_SOURCE_CONFLICT", path("rsaBits"), "rsaBits applies to RSA keys; this key is EC.", "Remove rsaBits, or set algorithm: RSA.");
    const result = broughtKey(k, "check");
    if (result && !result.ok) {
      const field = "publicKey" in k ? "publicKey" : "publicJwk";
      const code = ({ private: "KEY_PRIVATE_MATERIAL", malformed: "KEY_INVALID", weak: "KEY_WEAK", unsupported: "KEY_UNSUPPORTED" } as const)[result.problem];
      // Never echo the key itself: a pasted private key is a secret.
      diags.report(code, path(field), `the key ${result.detail}.`);
    }
  });
  if (active > 1) diags.report("KEY_ACTIVE_MULTIPLE", keyPath(root, [...at, "keys"]), `${active} keys are marked active; clients sign with one.`);
}

/** A brought key's parsed JWK, or undefined for a generated key. */
function broughtKey(k: Record<string, unknown>, kid: string): KeyResult | undefined {
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
