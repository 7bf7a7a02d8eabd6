/**
 * Public keys for private key JWT: parse what a user brings (PEM or JWK) and derive the JWKS entry with
 * `node:crypto`, never by hand. Pure; used at config time for brought keys and at apply time for generated ones.
 */
import { createPublicKey, type JsonWebKey, type KeyObject } from "node:crypto";
import { slug } from "./paths";

/** A public JWK as Okta's `jwks` takes it (the provider's block has kid, kty, n, e, x, y; `crv` is kept for consumers). */
export type PublicJwk = { kty: "RSA"; kid: string; n: string; e: string } | { kty: "EC"; kid: string; crv: string; x: string; y: string };

export const MIN_RSA_BITS = 2048;
/**
 * EC curves proven to work: P-256 only. The provider's `jwks` block has no `crv` and sends EC keys as kid, kty,
 * x, y (terraform-provider-okta v6.12 okta/services/idaas/resource_okta_app_oauth.go `buildAppOAuthV6`: "NO crv");
 * its recorded test (test/fixtures/vcr/idaas/TestAccResourceOktaAppOauth_serviceWithJWKS) shows Okta accepting a
 * P-256 key sent so. A P-384 or P-521 key without its curve is unproven, so it is refused.
 */
export const EC_CURVES: ReadonlySet<string> = new Set(["P-256"]);

export type KeyProblem = "private" | "malformed" | "weak" | "unsupported";
export type KeyResult = { ok: true; jwk: PublicJwk } | { ok: false; problem: KeyProblem; detail: string };

/** A PEM public key (SPKI "PUBLIC KEY", PKCS#1 "RSA PUBLIC KEY" or a certificate) → its JWK. */
export function jwkFromPem(pem: string, kid: string): KeyResult {
  // createPublicKey would happily derive a public key from a private one: refuse private material outright so it
  // never sits in a stack file or in Pulumi state.
  if (/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(pem)) {
    return { ok: false, problem: "private", detail: "is a private key; paste only the public key (`openssl pkey -in key.pem -pubout`)" };
  }
  let key: KeyObject;
  try {
    key = createPublicKey(pem);
  } catch {
    return { ok: false, problem: "malformed", detail: "is not a PEM public key (expected -----BEGIN PUBLIC KEY-----)" };
  }
  return fromKeyObject(key, kid);
}

/** A JWK object → the normalised public JWK (re-exported through node:crypto, so it is validated). */
export function jwkFromJwk(input: Record<string, unknown>, kid: string): KeyResult {
  if (["d", "p", "q", "dp", "dq", "qi"].some((k) => k in input)) {
    return { ok: false, problem: "private", detail: "contains private key material (d, p, q...); publish only the public members" };
  }
  let key: KeyObject;
  try {
    key = createPublicKey({ key: input as JsonWebKey, format: "jwk" });
  } catch {
    return { ok: false, problem: "malformed", detail: "is not a valid public JWK (RSA: kty, n, e; EC: kty, crv, x, y)" };
  }
  return fromKeyObject(key, kid);
}

function fromKeyObject(key: KeyObject, kid: string): KeyResult {
  const type = key.asymmetricKeyType;
  if (type === "rsa") {
    const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
    if (bits < MIN_RSA_BITS) return { ok: false, problem: "weak", detail: `is an RSA key of ${bits} bits; Okta and Auth0 require at least ${MIN_RSA_BITS}` };
    const jwk = key.export({ format: "jwk" });
    return { ok: true, jwk: { kty: "RSA", kid, n: jwk.n!, e: jwk.e! } };
  }
  if (type === "ec") {
    const jwk = key.export({ format: "jwk" });
    if (!jwk.crv || !EC_CURVES.has(jwk.crv)) return { ok: false, problem: "unsupported", detail: `uses the curve ${jwk.crv ?? "?"}; EC keys must be on P-256 (the Okta provider sends no curve, and only P-256 is proven), or use RSA` };
    return { ok: true, jwk: { kty: "EC", kid, crv: jwk.crv, x: jwk.x!, y: jwk.y! } };
  }
  return { ok: false, problem: "unsupported", detail: `is of type ${type ?? "unknown"}; private key JWT takes RSA or EC keys` };
}

/** The JWS algorithm a client signs with for this key: RS256, or ES256/384/512 by curve. */
export function signingAlg(jwk: PublicJwk): string {
  if (jwk.kty === "RSA") return "RS256";
  return { "P-256": "ES256", "P-384": "ES384", "P-521": "ES512" }[jwk.crv] ?? "ES256";
}

/** kids are free text; resource names need a stable slug. */
export function keySlug(kid: string): string {
  return slug(kid) || "key";
}

interface KeyChoice {
  readonly kid: string;
  readonly active?: boolean | undefined;
  readonly publicKey?: string | undefined;
  readonly publicJwk?: unknown;
}

/**
 * The key clients sign with: the one marked `active: true`, else the last one not marked `active: false` (a
 * key being introduced), else the last one. The service app's `activeKeyId` and every recipe handoff use this.
 */
export function activeKey<K extends KeyChoice>(keys: readonly K[]): K | undefined {
  return keys.find((k) => k.active === true) ?? keys.filter((k) => k.active !== false).at(-1) ?? keys.at(-1);
}

/** Generated keys have a private half we can output; brought ones (publicKey, publicJwk) do not. */
export function isGenerated(key: KeyChoice): boolean {
  return key.publicKey === undefined && key.publicJwk === undefined;
}
