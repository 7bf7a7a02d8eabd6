/**
 * The signing key for private key JWT, from the output PKCS#8 PEM. node:crypto parses the PEM and WebCrypto
 * imports it (openid-client signs with a CryptoKey and derives the JWS algorithm from it); the algorithm is
 * chosen with the same rule that told the issuer which algorithm to expect (config/keys.ts signingAlg).
 */
import { createPrivateKey, createPublicKey, webcrypto } from "node:crypto";
import type * as client from "openid-client";
import { jwkFromPem, signingAlg, type PublicJwk } from "../config/keys";

/** WebCrypto import parameters for each JWS algorithm our keys can have. */
const IMPORT_PARAMS: Record<string, webcrypto.RsaHashedImportParams | webcrypto.EcKeyImportParams> = {
  RS256: { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" },
  ES256: { name: "ECDSA", namedCurve: "P-256" },
  ES384: { name: "ECDSA", namedCurve: "P-384" },
  ES512: { name: "ECDSA", namedCurve: "P-521" },
};

export type LoadedKey = { ok: true; key: client.PrivateKey; publicJwk: PublicJwk } | { ok: false; reason: string };

/** Import the private key for signing client assertions; the reason never contains key material. */
export async function loadSigningKey(pem: string, kid: string): Promise<LoadedKey> {
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
  const alg = signingAlg(publicJwk);
  const params = IMPORT_PARAMS[alg];
  if (!params) return { ok: false, reason: `kid ${kid}: no signing algorithm for this key (${alg})` };
  const key = (await webcrypto.subtle.importKey("pkcs8", der, params, false, ["sign"])) as unknown as client.CryptoKey;
  return { ok: true, key: { key, kid }, publicJwk };
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
