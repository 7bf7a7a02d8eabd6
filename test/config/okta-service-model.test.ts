/**
 * The model the loader builds for Okta service apps (config/okta-service.ts buildServiceApp): defaults, the
 * active key, brought keys as public JWKs derived with node:crypto, client-secret apps, scopes and roles.
 */
import { createPublicKey, generateKeyPairSync, type KeyObject } from "node:crypto";
import { describe, it, expect } from "vitest";
import type { OktaServiceAppSpec } from "../../config/model";
import { load, serviceApp } from "../support/load";
import { oktaStack } from "../support/stacks";

/** Load a stack with these apps that must be clean, and return its service app `bot`. */
function bot(settings: Record<string, unknown>): OktaServiceAppSpec {
  const r = load(oktaStack({ bot: { type: "service", ...settings } }));
  expect(r.diagnostics).toEqual([]);
  return serviceApp(r.model, "bot");
}

/** A key pair as PEM text: SPKI public key, PKCS#8 private key. */
function pem({ publicKey, privateKey }: { publicKey: KeyObject; privateKey: KeyObject }): { publicKey: string; privateKey: string } {
  return { publicKey: publicKey.export({ type: "spki", format: "pem" }).toString(), privateKey: privateKey.export({ type: "pkcs8", format: "pem" }).toString() };
}
const RSA = pem(generateKeyPairSync("rsa", { modulusLength: 2048 }));
// P-256: the one EC curve proven through the provider (KEY_UNSUPPORTED refuses P-384 and P-521).
const EC_P256 = pem(generateKeyPairSync("ec", { namedCurve: "P-256" }));
/** What node:crypto itself exports for a public key. */
const exported = (pem: string) => createPublicKey(pem).export({ format: "jwk" });

describe("service app defaults", () => {
  it("defaults to private key JWT, client_credentials, the app name as label, and a generated RSA 2048 key", () => {
    expect(bot({ keys: [{ kid: "2026-11" }] })).toEqual({
      kind: "service",
      name: "bot",
      label: "bot",
      grantTypes: ["client_credentials"],
      apiScopes: [],
      tokenEndpointAuthMethod: "private_key_jwt",
      keys: [{ source: "generated", kid: "2026-11", algorithm: "RSA", rsaBits: 2048 }],
      activeKeyId: "2026-11",
      adminRoles: [],
    });
  });

  it("has no client secret version when it authenticates with private key JWT", () => {
    const app = bot({ keys: [{ kid: "a" }] });
    expect(app).not.toHaveProperty("clientSecretVersion");
  });

  it("defaults a generated EC key to P256", () => {
    expect(bot({ keys: [{ kid: "a", algorithm: "EC" }] }).keys).toEqual([{ source: "generated", kid: "a", algorithm: "EC", curve: "P256" }]);
  });

  it("keeps explicit generation settings", () => {
    const app = bot({ keys: [{ kid: "a", algorithm: "EC", curve: "P256" }, { kid: "b", rsaBits: 4096 }, { kid: "c", algorithm: "RSA", rsaBits: 3072 }] });
    expect(app.keys).toEqual([
      { source: "generated", kid: "a", algorithm: "EC", curve: "P256" },
      { source: "generated", kid: "b", algorithm: "RSA", rsaBits: 4096 },
      { source: "generated", kid: "c", algorithm: "RSA", rsaBits: 3072 },
    ]);
  });

  it("keeps the label and the key order of the stack file", () => {
    const app = bot({ label: "Directory sync", keys: [{ kid: "z" }, { kid: "a" }, { kid: "m" }] });
    expect(app.label).toBe("Directory sync");
    expect(app.keys.map((k) => k.kid)).toEqual(["z", "a", "m"]);
  });
});

describe("the active key", () => {
  it("is the key marked active: true", () => {
    expect(bot({ keys: [{ kid: "2026-05" }, { kid: "2026-08", active: true }, { kid: "2026-11" }] }).activeKeyId).toBe("2026-08");
  });

  it("is the first key when that one is marked active", () => {
    expect(bot({ keys: [{ kid: "2026-05", active: true }, { kid: "2026-11" }] }).activeKeyId).toBe("2026-05");
  });

  it("is the last key when none is marked", () => {
    expect(bot({ keys: [{ kid: "2026-05" }, { kid: "2026-08" }, { kid: "2026-11" }] }).activeKeyId).toBe("2026-11");
  });

  it("is a brought key when that one is last", () => {
    expect(bot({ keys: [{ kid: "gen" }, { kid: "ci", publicKey: RSA.publicKey }] }).activeKeyId).toBe("ci");
  });

  // KNOWN BUG (config/okta-service.ts buildServiceApp): `active: false` is accepted by the schema but ignored; a
  // new key published ahead of a rotation with `active: false` becomes the active key anyway because it is last.
  // Expected: the last key not marked `active: false`. Flip to `it` when fixed.
  it("is never a key marked active: false", () => {
    expect(bot({ keys: [{ kid: "2026-05" }, { kid: "2026-11", active: false }] }).activeKeyId).toBe("2026-05");
  });
});

describe("brought keys", () => {
  it("turns a PEM public key into a provided JWK whose n and e are what node:crypto exports", () => {
    const expected = exported(RSA.publicKey);
    expect(expected.n?.length).toBeGreaterThan(300);
    const [key] = bot({ keys: [{ kid: "ci", publicKey: RSA.publicKey }] }).keys;
    expect(key).toEqual({ source: "provided", kid: "ci", jwk: { kty: "RSA", kid: "ci", n: expected.n, e: expected.e } });
  });

  it("reads a PKCS#1 (BEGIN RSA PUBLIC KEY) PEM to the same JWK", () => {
    const pkcs1 = createPublicKey(RSA.publicKey).export({ type: "pkcs1", format: "pem" }).toString();
    expect(pkcs1).toContain("-----BEGIN RSA PUBLIC KEY-----");
    const expected = exported(RSA.publicKey);
    expect(bot({ keys: [{ kid: "ci", publicKey: pkcs1 }] }).keys[0]).toEqual({ source: "provided", kid: "ci", jwk: { kty: "RSA", kid: "ci", n: expected.n, e: expected.e } });
  });

  it("turns an EC PEM public key into an EC JWK with its curve and coordinates", () => {
    const expected = exported(EC_P256.publicKey);
    expect(bot({ keys: [{ kid: "ec", publicKey: EC_P256.publicKey }] }).keys[0]).toEqual({
      source: "provided",
      kid: "ec",
      jwk: { kty: "EC", kid: "ec", crv: "P-256", x: expected.x, y: expected.y },
    });
  });

  it("normalises a brought RSA JWK: the stack file's kid, only kty, n and e", () => {
    const { n, e } = exported(RSA.publicKey);
    const publicJwk = { kty: "RSA", kid: "someone-elses-kid", alg: "RS256", use: "sig", key_ops: ["verify"], n, e };
    expect(bot({ keys: [{ kid: "2026-11", publicJwk }] }).keys[0]).toEqual({ source: "provided", kid: "2026-11", jwk: { kty: "RSA", kid: "2026-11", n, e } });
  });

  it("normalises a brought EC JWK: only kty, crv, x and y", () => {
    const { x, y } = exported(EC_P256.publicKey);
    const publicJwk = { kty: "EC", crv: "P-256", x, y, alg: "ES256", use: "sig" };
    expect(bot({ keys: [{ kid: "ec", publicJwk }] }).keys[0]).toEqual({ source: "provided", kid: "ec", jwk: { kty: "EC", kid: "ec", crv: "P-256", x, y } });
  });

  it("mixes generated and brought keys in order", () => {
    const app = bot({ keys: [{ kid: "old", publicKey: RSA.publicKey }, { kid: "new", algorithm: "EC" }] });
    expect(app.keys.map((k) => [k.kid, k.source])).toEqual([
      ["old", "provided"],
      ["new", "generated"],
    ]);
    expect(app.activeKeyId).toBe("new");
  });
});

describe("client-secret service apps", () => {
  it("get clientSecretVersion 1, no keys and no active key", () => {
    const app = bot({ clientAuth: "client_secret_basic" });
    expect(app.tokenEndpointAuthMethod).toBe("client_secret_basic");
    expect(app.clientSecretVersion).toBe(1);
    expect(app.keys).toEqual([]);
    expect(app).not.toHaveProperty("activeKeyId");
  });

  it("keep an explicit clientSecretVersion (bumping it rotates the secret)", () => {
    const app = bot({ clientAuth: "client_secret_post", clientSecretVersion: 4 });
    expect(app.tokenEndpointAuthMethod).toBe("client_secret_post");
    expect(app.clientSecretVersion).toBe(4);
  });
});

describe("API scopes and admin roles", () => {
  it("removes duplicate apiScopes, keeping the first occurrence's order", () => {
    const app = bot({ keys: [{ kid: "a" }], apiScopes: ["okta.users.read", "okta.groups.read", "okta.users.read", "okta.apps.read", "okta.groups.read"], adminRoles: ["READ_ONLY_ADMIN"] });
    expect(app.apiScopes).toEqual(["okta.users.read", "okta.groups.read", "okta.apps.read"]);
  });

  it("maps standard and custom admin roles to { kind: standard | custom }, in order", () => {
    const app = bot({
      keys: [{ kid: "a" }],
      adminRoles: ["READ_ONLY_ADMIN", { custom: { role: "cr0abc", resourceSet: "iam0def" } }, "SUPER_ADMIN"],
      acknowledgeRoles: ["SUPER_ADMIN"],
    });
    expect(app.adminRoles).toEqual([
      { kind: "standard", type: "READ_ONLY_ADMIN" },
      { kind: "custom", role: "cr0abc", resourceSet: "iam0def" },
      { kind: "standard", type: "SUPER_ADMIN" },
    ]);
  });

  // KNOWN BUG (config/okta-service.ts buildServiceApp): OKTA_ROLE_DUPLICATE is only a warning, so the model is
  // built, but adminRoles keeps the duplicate; components/okta/admin-roles.ts names each assignment
  // `<app>-role-<role slug>`, so the program declares two resources with the same name (a duplicate URN, which
  // the Pulumi engine refuses). apiScopes, grantTypes and assignTo groups are de-duplicated; roles should be too.
  // Flip to `it` when fixed.
  it("removes duplicate admin roles (OKTA_ROLE_DUPLICATE is only a warning)", () => {
    const r = load(oktaStack({ bot: { type: "service", keys: [{ kid: "a" }], adminRoles: ["APP_ADMIN", "APP_ADMIN"] } }));
    expect(r.diagnostics.map((d) => d.code)).toEqual(["OKTA_ROLE_DUPLICATE"]);
    expect(serviceApp(r.model, "bot").adminRoles).toEqual([{ kind: "standard", type: "APP_ADMIN" }]);
  });

  it("builds a service app next to a web app without mixing their settings", () => {
    const r = load(
      oktaStack({
        portal: { type: "web", redirectUris: ["https://portal.example.com/callback"], apiScopes: ["okta.users.read"] },
        bot: { type: "service", keys: [{ kid: "a" }], apiScopes: ["okta.groups.read"], adminRoles: ["READ_ONLY_ADMIN"] },
      }),
    );
    expect(r.diagnostics).toEqual([]);
    expect(r.model?.okta?.apps.map((a) => [a.name, a.kind, a.apiScopes])).toEqual([
      ["portal", "web", ["okta.users.read"]],
      ["bot", "service", ["okta.groups.read"]],
    ]);
    expect(r.model?.okta?.trustedOrigins).toEqual([]);
  });
});
