/**
 * The signing key for private key JWT, from the output PKCS#8 PEM. node:crypto parses the PEM and WebCrypto
 * imports it (openid-client signs with a CryptoKey and derives the JWS algorithm from it). The algorithm is
 * the consumer's when a recipe consumer makes the request (the first of its algorithms the key can sign
 * with); otherwise the one the same rule told the issuer to expect (config/keys.ts signingAlg).
 */
import { createPrivateKey, createPublicKey, webcrypto } from "node:crypto";
import type * as client from "openid-client";
import { jwkFromPem, signingAlg, type PublicJwk } from "../config/keys";

/** WebCrypto import parameters for each JWS algorithm verify can sign with. */
const IMPORT_PARAMS: Record<string, webcrypto.RsaHashedImportParams | webcrypto.EcKeyImportParams> = {
  RS256: { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" },
  RS384: { name: "RSASSA-PKCS1-v1_5", hash: "SHA-384" },
  RS512: { name: "RSASSA-PKCS1-v1_5", hash: "SHA-512" },
  PS256: { name: "RSA-PSS", hash: "SHA-256" },
  PS384: { name: "RSA-PSS", hash: "SHA-384" },
  PS512: { name: "RSA-PSS", hash: "SHA-512" },
  ES256: { name: "ECDSA", namedCurve: "P-256" },
  ES384: { name: "ECDSA", namedCurve: "P-384" },
  ES512: { name: "ECDSA", namedCurve: "P-521" },
};

/** The JWS algorithms a key can sign with (RFC 7518 §3.1): any RSA one for RSA, the curve's one for EC. */
export function algorithmsOf(jwk: PublicJwk): string[] {
  return jwk.kty === "RSA" ? ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512"] : [signingAlg(jwk)];
}

export type LoadedKey = { ok: true; key: client.PrivateKey; publicJwk: PublicJwk; alg: string } | { ok: false; reason: string };

/**
 * Import the private key for signing client assertions; the reason never contains key material. With `algs`
 * (the consumer's, in its order), sign with the first one the key can sign with, or refuse naming both sides.
 */
export async function loadSigningKey(pem: string, kid: string, algs?: readonly string[]): Promise<LoadedKey> {
  let der: Buffer;
  let publicJwk: PublicJwk;
  try {
    const privateKey = createPrivateKey(pem);
    der = privateKey.export({ type: "pkcs8", format: "der" });
    const spki = createPublicKey(privateKey).export({ type: "spki", format: "pem" }).toString();
    const parsed = jwkFromPem(spki, kid);
    if (!parsed.ok) return { ok: false, reason: `the private key for kid ${kid} ${parsed.detail}` };
    publicJwk = parsed.jwk;
  } catch {
    return { ok: false, reason: `privateKeys.${kid}.pem is not a PEM private key` };
  }
  let alg = signingAlg(publicJwk);
  if (algs && algs.length > 0) {
    const possible = algorithmsOf(publicJwk);
    const chosen = algs.find((a) => possible.includes(a) && IMPORT_PARAMS[a]);
    if (!chosen) {
      const kind = publicJwk.kty === "RSA" ? "an RSA key" : `an EC ${publicJwk.crv} key`;
      return { ok: false, reason: `the active key ${kid} is ${kind}, which signs ${possible.join(", ")}, but the client assertion must be signed with ${algs.join(" or ")}: no assertion sent` };
    }
    alg = chosen;
  }
  const params = IMPORT_PARAMS[alg];
  if (!params) return { ok: false, reason: `kid ${kid}: no signing algorithm for this key (${alg})` };
  const key = (await webcrypto.subtle.importKey("pkcs8", der, params, false, ["sign"])) as unknown as client.CryptoKey;
  return { ok: true, key: { key, kid }, publicJwk, alg };
}

/**
 * Whether the key pair in the outputs is consistent: the private key's public half is the JWKS entry for its
 * kid. Used to explain a refused assertion: inconsistent outputs, or an issuer that holds another key.
 */
export function inOutputJwks(publicJwk: PublicJwk, jwks: readonly unknown[] | undefined): boolean | undefined {
  if (!jwks) return undefined;
  const entry = jwks.find((k): k is Record<string, unknown> => typeof k === "object" && k !== null && (k as Record<string, unknown>)["kid"] === publicJwk.kid);
  if (!entry) return false;
  return publicJwk.kty === "RSA" ? entry["n"] === publicJwk.n && entry["e"] === publicJwk.e : entry["x"] === publicJwk.x && entry["y"] === publicJwk.y;
}
