/**
 * Signing keys for private key JWT. Generated keys are `@pulumi/tls` private keys (their private half lives in
 * Pulumi state, encrypted, and is output as a secret); brought keys are only their public JWK, so their
 * private half never enters Pulumi at all. The JWKS entries are derived with node:crypto.
 */
import { createPrivateKey, createPublicKey, type JsonWebKey } from "node:crypto";
import * as pulumi from "@pulumi/pulumi";
import * as tls from "@pulumi/tls";
import { jwkFromPem, signingAlg, type PublicJwk } from "../../config/keys";
import { keyResourceName } from "../../config/names";
import type { KeySpec } from "../../config/model";

export interface SigningKey {
  readonly kid: string;
  /** The public JWK: what goes into the app's JWKS. */
  readonly jwk: pulumi.Output<PublicJwk>;
  /** The public key as SPKI PEM (what Auth0's client credentials take). */
  readonly publicKeyPem: pulumi.Output<string>;
  /** Generated keys only: PKCS#8 PEM (what the Okta MCP server takes). Secret. */
  readonly privateKeyPem?: pulumi.Output<string>;
  /** Generated keys only: the private JWK as JSON with `kid` and `alg` (what Defguard takes). Secret. */
  readonly privateJwk?: pulumi.Output<string>;
}

/**
 * One key per spec; generated ones become `<name>-key-<kid slug>` resources under `parent` (the loader refuses
 * two apps whose keys would share a name, KEY_RESOURCE_NAME_COLLISION). Not protected: removing
 * an old key from config must delete it (the last step of a rotation); the app that trusts the keys is what
 * production protects.
 */
export function signingKeys(name: string, specs: readonly KeySpec[], parent: pulumi.Resource): SigningKey[] {
  // A loop, not `map`: the SDK reads the whole call stack of each resource, and a callback adds two frames.
  const keys: SigningKey[] = [];
  for (const spec of specs) {
    if (spec.source === "provided") {
      keys.push({ kid: spec.kid, jwk: pulumi.output(spec.jwk), publicKeyPem: pulumi.output(pemOf(spec.jwk)) });
      continue;
    }
    const key = new tls.PrivateKey(
      keyResourceName(name, spec.kid),
      spec.algorithm === "RSA" ? { algorithm: "RSA", rsaBits: spec.rsaBits } : { algorithm: "ECDSA", ecdsaCurve: spec.curve },
      { parent },
    );
    const jwk = key.publicKeyPem.apply((pem) => publicJwk(pem, spec.kid));
    keys.push({
      kid: spec.kid,
      jwk,
      publicKeyPem: key.publicKeyPem,
      privateKeyPem: pulumi.secret(key.privateKeyPemPkcs8),
      privateJwk: pulumi.secret(pulumi.all([key.privateKeyPemPkcs8, jwk]).apply(([pem, pub]) => privateJwkJson(pem, pub))),
    });
  }
  return keys;
}

export interface PrivateKeyOutputs {
  /** PKCS#8 PEM. Secret. */
  readonly pem: pulumi.Output<string>;
  /** Private JWK JSON with kid and alg. Secret. */
  readonly jwk: pulumi.Output<string>;
}

/** The generated keys' private halves by kid, as outputs; brought keys have none. */
export function privateKeyOutputs(keys: readonly SigningKey[]): Record<string, PrivateKeyOutputs> {
  const out: Record<string, PrivateKeyOutputs> = {};
  for (const k of keys) if (k.privateKeyPem && k.privateJwk) out[k.kid] = { pem: k.privateKeyPem, jwk: k.privateJwk };
  return out;
}

function pemOf(jwk: PublicJwk): string {
  return createPublicKey({ key: jwk as unknown as JsonWebKey, format: "jwk" }).export({ type: "spki", format: "pem" }).toString();
}

function publicJwk(pem: string, kid: string): PublicJwk {
  const result = jwkFromPem(pem, kid);
  if (!result.ok) throw new Error(`internal: generated key ${kid} ${result.detail}`);
  return result.jwk;
}

/** The private JWK with `kid`, `alg` and `use`, as JSON: keys in a fixed order so the text is stable. */
export function privateJwkJson(pkcs8Pem: string, pub: PublicJwk): string {
  const jwk = createPrivateKey(pkcs8Pem).export({ format: "jwk" });
  const { kid } = pub;
  return JSON.stringify({ ...jwk, kid, alg: signingAlg(pub), use: "sig" });
}

/** The JWKS entry in the shape of okta.app.OAuth's `jwks` block (no `crv`: the provider's block has none). */
export function oktaJwk(jwk: PublicJwk): { kid: string; kty: string; n?: string; e?: string; x?: string; y?: string } {
  return jwk.kty === "RSA" ? { kid: jwk.kid, kty: "RSA", e: jwk.e, n: jwk.n } : { kid: jwk.kid, kty: "EC", x: jwk.x, y: jwk.y };
}
