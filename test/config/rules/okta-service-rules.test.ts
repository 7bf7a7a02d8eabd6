/**
 * Rules for Okta API service apps, their signing keys, Okta API scopes and admin roles, in the cdk-nag style of
 * okta-rules.test.ts: for every code, "fails ..." tests with a minimal violating stack file (exact code, exact
 * key path, a distinctive part of the message) and "passes ..." counterparts showing the compliant form.
 * Keys are real keys generated here with node:crypto; no key material is committed.
 */
import { createPrivateKey, generateKeyPairSync, type JsonWebKey, type KeyObject } from "node:crypto";
import { describe, it, expect } from "vitest";
import { formatDiagnostics } from "../../../config/diagnostics";
import { RULES, type RuleCode } from "../../../config/rules/catalogue";
import { codes, expectAbsent, expectProblem, load, only, serviceApp, withCode } from "../../support/load";
import { oktaStack } from "../../support/stacks";

const BOT = "oidc-apps:okta.apps.bot";
const PORTAL = "oidc-apps:okta.apps.portal";
const KID = "2026-11";

/** A minimal, valid service app `bot` (private key JWT, one generated key), with `extra` merged in. */
function bot(extra: Record<string, unknown> = {}): string {
  return oktaStack({ bot: { type: "service", keys: [{ kid: KID }], ...extra } });
}
/** `bot` with exactly these keys. */
function botKeys(...keys: Record<string, unknown>[]): string {
  return bot({ keys });
}
/** A minimal, valid web app `portal`, with `extra` merged in. */
function portal(extra: Record<string, unknown> = {}): string {
  return oktaStack({ portal: { type: "web", redirectUris: ["https://portal.example.com/callback"], ...extra } });
}

/** A key pair as PEM text: SPKI public key, PKCS#8 private key. */
function pem({ publicKey, privateKey }: { publicKey: KeyObject; privateKey: KeyObject }): { publicKey: string; privateKey: string } {
  return { publicKey: publicKey.export({ type: "spki", format: "pem" }).toString(), privateKey: privateKey.export({ type: "pkcs8", format: "pem" }).toString() };
}
const RSA = pem(generateKeyPairSync("rsa", { modulusLength: 2048 }));
const RSA_WEAK = pem(generateKeyPairSync("rsa", { modulusLength: 1024 }));
const EC_P256 = pem(generateKeyPairSync("ec", { namedCurve: "P-256" }));
const EC_P521 = pem(generateKeyPairSync("ec", { namedCurve: "P-521" }));
const EC_SECP256K1 = pem(generateKeyPairSync("ec", { namedCurve: "secp256k1" }));
const ED25519 = pem(generateKeyPairSync("ed25519"));
const jwkOf = (pem: string): JsonWebKey => createPrivateKey(pem).export({ format: "jwk" });
/** The public members of a private JWK. */
const publicOf = ({ d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...pub }: JsonWebKey): JsonWebKey => pub;
/** The base64 body lines of a PEM (no BEGIN/END armour). */
const bodyLines = (pem: string) => pem.split("\n").filter((l) => l.length > 0 && !l.startsWith("-----"));

/** Rule codes with a describe block below; checked against the catalogue at the end. */
const described = new Set<string>();
function rule(code: RuleCode, body: () => void): void {
  described.add(code);
  describe(code, body);
}

rule("OKTA_SCOPE_UNKNOWN", () => {
  it("fails on a misspelt scope (okta.users.reed), suggesting okta.users.read", () => {
    const r = load(bot({ apiScopes: ["okta.users.reed"], adminRoles: ["READ_ONLY_ADMIN"] }));
    expectProblem(r, "OKTA_SCOPE_UNKNOWN", `${BOT}.apiScopes[0]`, '"okta.users.reed" is not an Okta API scope. Did you mean "okta.users.read"');
  });

  it("fails on an unknown scope at its own index, leaving the known ones alone", () => {
    const r = load(bot({ apiScopes: ["okta.groups.read", "okta.user.manage"], adminRoles: ["USER_ADMIN"] }));
    const d = expectProblem(r, "OKTA_SCOPE_UNKNOWN", `${BOT}.apiScopes[1]`, '"okta.user.manage" is not an Okta API scope');
    expect(d.message).toContain('"okta.users.manage"');
    expect(d.fix).toBe(RULES.OKTA_SCOPE_UNKNOWN.fix);
  });

  it("fails on an OIDC scope, which is not an Okta API scope", () => {
    expectProblem(load(bot({ apiScopes: ["openid"], adminRoles: ["READ_ONLY_ADMIN"] })), "OKTA_SCOPE_UNKNOWN", `${BOT}.apiScopes[0]`, '"openid" is not an Okta API scope');
  });

  it("fails on a misspelt scope of a web app the same way", () => {
    expectProblem(load(portal({ apiScopes: ["okta.users.reed"] })), "OKTA_SCOPE_UNKNOWN", `${PORTAL}.apiScopes[0]`, 'Did you mean "okta.users.read"');
  });

  it("passes catalogue scopes, including .self and non-read/manage ones", () => {
    expectAbsent(load(bot({ apiScopes: ["okta.users.read", "okta.users.manage.self", "okta.clients.register"], adminRoles: ["USER_ADMIN"] })), "OKTA_SCOPE_UNKNOWN");
  });

  it("passes catalogue scopes on a web app (no admin role needed there)", () => {
    expectAbsent(load(portal({ apiScopes: ["okta.users.read"] })), "OKTA_SCOPE_UNKNOWN");
  });
});

describe("a read scope next to its manage scope (OKTA_SCOPE_REDUNDANT, retired)", () => {
  // Okta grants a requested scope only when it is in the app's grants collection, so a consumer that asks for
  // the read scope needs it granted: the pair is not redundant and must not draw advice to drop one.
  it("passes without a diagnostic, on service and web apps", () => {
    expect(load(bot({ apiScopes: ["okta.users.read", "okta.users.manage"], adminRoles: ["USER_ADMIN"] })).diagnostics).toEqual([]);
    expect(load(portal({ apiScopes: ["okta.apps.read", "okta.apps.manage"] })).diagnostics).toEqual([]);
  });
});


rule("OKTA_ROLE_ACKNOWLEDGE", () => {
  it("fails on SUPER_ADMIN without acknowledgeRoles, and the fix says how to acknowledge it", () => {
    const d = expectProblem(load(bot({ adminRoles: ["SUPER_ADMIN"] })), "OKTA_ROLE_ACKNOWLEDGE", `${BOT}.adminRoles[0]`, "SUPER_ADMIN gives this app full control of the org");
    expect(d.fix).toContain("`acknowledgeRoles: [SUPER_ADMIN]`");
    expect(d.fix).toContain("Prefer a narrower role");
  });

  it("fails on ORG_ADMIN without acknowledgeRoles, at its index, with the ORG_ADMIN acknowledgement in the fix", () => {
    const d = expectProblem(load(bot({ adminRoles: ["APP_ADMIN", "ORG_ADMIN"] })), "OKTA_ROLE_ACKNOWLEDGE", `${BOT}.adminRoles[1]`, "ORG_ADMIN gives this app full control");
    expect(d.fix).toContain("`acknowledgeRoles: [ORG_ADMIN]`");
  });

  it("fails when only the other privileged role is acknowledged", () => {
    const r = load(bot({ adminRoles: ["SUPER_ADMIN"], acknowledgeRoles: ["ORG_ADMIN"] }));
    expectProblem(r, "OKTA_ROLE_ACKNOWLEDGE", `${BOT}.adminRoles[0]`, "SUPER_ADMIN gives this app full control");
  });

  it("passes SUPER_ADMIN with acknowledgeRoles: [SUPER_ADMIN]", () => {
    expectAbsent(load(bot({ adminRoles: ["SUPER_ADMIN"], acknowledgeRoles: ["SUPER_ADMIN"] })), "OKTA_ROLE_ACKNOWLEDGE");
  });

  it("passes ORG_ADMIN with acknowledgeRoles: [ORG_ADMIN]", () => {
    expectAbsent(load(bot({ adminRoles: ["ORG_ADMIN"], acknowledgeRoles: ["ORG_ADMIN"] })), "OKTA_ROLE_ACKNOWLEDGE");
  });

  it("passes narrower roles without any acknowledgement", () => {
    expectAbsent(load(bot({ adminRoles: ["READ_ONLY_ADMIN", "APP_ADMIN"] })), "OKTA_ROLE_ACKNOWLEDGE");
  });
});

rule("OKTA_ROLE_DUPLICATE", () => {
  it("warns on a standard role listed twice, at the second one", () => {
    const r = load(bot({ adminRoles: ["APP_ADMIN", "READ_ONLY_ADMIN", "APP_ADMIN"] }));
    expectProblem(r, "OKTA_ROLE_DUPLICATE", `${BOT}.adminRoles[2]`, '"APP_ADMIN" is listed more than once', "warning");
  });

  it("warns on a custom role listed twice", () => {
    const custom = { custom: { role: "cr0abc", resourceSet: "iam0def" } };
    expectProblem(load(bot({ adminRoles: [custom, custom] })), "OKTA_ROLE_DUPLICATE", `${BOT}.adminRoles[1]`, "is listed more than once", "warning");
  });

  // KNOWN BUG (config/rules/okta-scopes-and-roles.ts checkAdminRoles): duplicates are found by JSON.stringify, which depends on key
  // order, so the same custom role written `{ resourceSet, role }` the second time is not reported (and the model
  // keeps both, see okta-service-model.test.ts). Flip to `it` when fixed.
  it("warns on the same custom role written with its keys in another order", () => {
    const r = load(bot({ adminRoles: [{ custom: { role: "cr0abc", resourceSet: "iam0def" } }, { custom: { resourceSet: "iam0def", role: "cr0abc" } }] }));
    expectProblem(r, "OKTA_ROLE_DUPLICATE", `${BOT}.adminRoles[1]`, "is listed more than once", "warning");
  });

  it("passes distinct roles, including one custom role bound to two resource sets", () => {
    const r = load(bot({ adminRoles: ["APP_ADMIN", { custom: { role: "cr0abc", resourceSet: "iam0def" } }, { custom: { role: "cr0abc", resourceSet: "iam0xyz" } }] }));
    expectAbsent(r, "OKTA_ROLE_DUPLICATE");
  });
});

describe("admin role shape", () => {
  it("passes a custom role `{ custom: { role, resourceSet } }`", () => {
    const r = load(bot({ apiScopes: ["okta.users.read"], adminRoles: [{ custom: { role: "cr0abc", resourceSet: "iam0def" } }] }));
    expect(r.diagnostics).toEqual([]);
    expect(serviceApp(r.model, "bot").adminRoles).toEqual([{ kind: "custom", role: "cr0abc", resourceSet: "iam0def" }]);
  });

  it("fails on an unknown standard role (READONLY_ADMIN), listing the standard roles", () => {
    const d = expectProblem(load(bot({ adminRoles: ["READONLY_ADMIN"] })), "CONFIG_INVALID_VALUE", `${BOT}.adminRoles[0]`, "must be a standard role (READ_ONLY_ADMIN, ");
    expect(d.message).toContain('got "READONLY_ADMIN"');
  });

  it("fails on a custom role without its resource set", () => {
    const d = expectProblem(load(bot({ adminRoles: ["APP_ADMIN", { custom: { role: "cr0abc" } }] })), "CONFIG_INVALID_VALUE", `${BOT}.adminRoles[1]`, "{ custom: { role: <role id>, resourceSet: <resource set id> } }");
    expect(d.message).toContain('"role":"cr0abc"');
  });

  it("fails on acknowledging a role that is not privileged", () => {
    expectProblem(load(bot({ adminRoles: ["APP_ADMIN"], acknowledgeRoles: ["APP_ADMIN"] })), "CONFIG_INVALID_VALUE", `${BOT}.acknowledgeRoles[0]`, "must be one of SUPER_ADMIN, ORG_ADMIN");
  });

  it("fails on admin roles for a web app (an unknown key there)", () => {
    expectProblem(load(portal({ adminRoles: ["APP_ADMIN"] })), "CONFIG_UNKNOWN_KEY", `${PORTAL}.adminRoles`, 'unknown key "adminRoles"');
  });
});

rule("OKTA_SERVICE_NO_ADMIN_ROLE", () => {
  it("warns on Okta API scopes without adminRoles, at adminRoles", () => {
    const r = load(bot({ apiScopes: ["okta.users.read"] }));
    expectProblem(r, "OKTA_SERVICE_NO_ADMIN_ROLE", `${BOT}.adminRoles`, "granted Okta API scopes but no admin role", "warning");
  });

  it("warns on Okta API scopes with an empty adminRoles list", () => {
    expectProblem(load(bot({ apiScopes: ["okta.users.read"], adminRoles: [] })), "OKTA_SERVICE_NO_ADMIN_ROLE", `${BOT}.adminRoles`, "so its calls will be refused", "warning");
  });

  it("passes Okta API scopes with a standard role", () => {
    expectAbsent(load(bot({ apiScopes: ["okta.users.read"], adminRoles: ["READ_ONLY_ADMIN"] })), "OKTA_SERVICE_NO_ADMIN_ROLE");
  });

  it("passes a service app without Okta API scopes and without roles", () => {
    expectAbsent(load(bot()), "OKTA_SERVICE_NO_ADMIN_ROLE");
    expectAbsent(load(bot({ apiScopes: [] })), "OKTA_SERVICE_NO_ADMIN_ROLE");
  });
});

rule("OKTA_SERVICE_KEYS_REQUIRED", () => {
  it("fails on a service app (private key JWT by default) without keys, at keys", () => {
    const r = load(oktaStack({ bot: { type: "service" } }));
    const d = expectProblem(r, "OKTA_SERVICE_KEYS_REQUIRED", `${BOT}.keys`, "private key JWT needs at least one key");
    expect(d.fix).toContain('keys: [{ kid: "<yyyy-mm>" }]');
  });

  it("fails on explicit private_key_jwt with an empty key list", () => {
    expectProblem(load(bot({ clientAuth: "private_key_jwt", keys: [] })), "OKTA_SERVICE_KEYS_REQUIRED", `${BOT}.keys`, "needs at least one key");
  });

  it("passes private key JWT with a generated key", () => {
    expectAbsent(load(bot({ clientAuth: "private_key_jwt" })), "OKTA_SERVICE_KEYS_REQUIRED");
  });

  it("passes a client-secret service app without keys", () => {
    expectAbsent(load(oktaStack({ bot: { type: "service", clientAuth: "client_secret_basic" } })), "OKTA_SERVICE_KEYS_REQUIRED");
  });
});

rule("OKTA_SERVICE_KEYS_UNUSED", () => {
  it("fails on keys with client_secret_post, at keys", () => {
    const r = load(bot({ clientAuth: "client_secret_post" }));
    expectProblem(r, "OKTA_SERVICE_KEYS_UNUSED", `${BOT}.keys`, "keys are only used with clientAuth: private_key_jwt, not client_secret_post");
  });

  it("fails on keys with client_secret_basic", () => {
    expectProblem(load(bot({ clientAuth: "client_secret_basic" })), "OKTA_SERVICE_KEYS_UNUSED", `${BOT}.keys`, "not client_secret_basic");
  });

  it("passes client_secret_post without keys", () => {
    expectAbsent(load(oktaStack({ bot: { type: "service", clientAuth: "client_secret_post" } })), "OKTA_SERVICE_KEYS_UNUSED");
  });
});

rule("OKTA_SCOPES_NEED_PRIVATE_KEY_JWT", () => {
  it("fails on client_secret_basic with an okta.* scope, at clientAuth", () => {
    const r = load(oktaStack({ bot: { type: "service", clientAuth: "client_secret_basic", apiScopes: ["okta.users.read"], adminRoles: ["READ_ONLY_ADMIN"] } }));
    const d = expectProblem(r, "OKTA_SCOPES_NEED_PRIVATE_KEY_JWT", `${BOT}.clientAuth`, "client_secret_basic cannot get tokens with Okta API scopes");
    expect(d.fix).toContain("private_key_jwt");
    expect(codes(r.diagnostics)).toEqual(["OKTA_SCOPES_NEED_PRIVATE_KEY_JWT"]);
  });

  it("fails on client_secret_post with an okta.* scope", () => {
    const r = load(oktaStack({ bot: { type: "service", clientAuth: "client_secret_post", apiScopes: ["okta.apps.read"], adminRoles: ["APP_ADMIN"] } }));
    expectProblem(r, "OKTA_SCOPES_NEED_PRIVATE_KEY_JWT", `${BOT}.clientAuth`, "client_secret_post cannot get tokens");
  });

  it("passes client_secret_basic with no okta scopes", () => {
    expectAbsent(load(oktaStack({ bot: { type: "service", clientAuth: "client_secret_basic" } })), "OKTA_SCOPES_NEED_PRIVATE_KEY_JWT");
    expectAbsent(load(oktaStack({ bot: { type: "service", clientAuth: "client_secret_basic", apiScopes: [] } })), "OKTA_SCOPES_NEED_PRIVATE_KEY_JWT");
  });

  it("passes private key JWT (the default) with okta scopes", () => {
    expectAbsent(load(bot({ apiScopes: ["okta.users.read"], adminRoles: ["READ_ONLY_ADMIN"] })), "OKTA_SCOPES_NEED_PRIVATE_KEY_JWT");
  });
});

rule("KEY_DUPLICATE_KID", () => {
  it("fails on a repeated kid, at the second key's kid", () => {
    const r = load(botKeys({ kid: "2026-05" }, { kid: KID }, { kid: KID }));
    expectProblem(r, "KEY_DUPLICATE_KID", `${BOT}.keys[2].kid`, `the key id "${KID}" repeats`);
  });

  it("fails on 2026.11 next to 2026-11 (the same resource name)", () => {
    const r = load(botKeys({ kid: "2026.11" }, { kid: "2026-11" }));
    expectProblem(r, "KEY_DUPLICATE_KID", `${BOT}.keys[1].kid`, '"2026-11" repeats (or differs only in punctuation from) another key id');
  });

  it("fails on a repeated kid of brought keys too", () => {
    const r = load(botKeys({ kid: "ci", publicKey: RSA.publicKey }, { kid: "ci", publicKey: EC_P256.publicKey }));
    expectProblem(r, "KEY_DUPLICATE_KID", `${BOT}.keys[1].kid`, '"ci" repeats');
  });

  it("passes distinct kids", () => {
    expectAbsent(load(botKeys({ kid: "2026-10" }, { kid: "2026-11" })), "KEY_DUPLICATE_KID");
  });
});

rule("KEY_RESOURCE_NAME_COLLISION", () => {
  // `<app>-key-<kid slug>`: the app x with the kid y-key-z and the app x-key-y with the kid z both make x-key-y-key-z.
  const service = (keys: Record<string, unknown>[]) => ({ type: "service", keys });

  it("fails on two service apps whose generated keys get one resource name, naming both apps and kids", () => {
    const r = load(oktaStack({ x: service([{ kid: "y-key-z" }]), "x-key-y": service([{ kid: "z" }]) }));
    const d = expectProblem(r, "KEY_RESOURCE_NAME_COLLISION", "oidc-apps:okta.apps.x.keys[0].kid", 'the generated key "y-key-z" of the app "x" would be the resource "x-key-y-key-z", like the key "z" of the app "x-key-y"');
    expect(d.message).toContain('(oidc-apps:okta.apps.x-key-y.keys[0].kid)');
    expect(d.fix).toBe("Rename one kid.");
  });

  it("fails across providers: an Okta service app's key and an Auth0 app's key", () => {
    const r = load(
      oktaStack(
        { x: service([{ kid: "y-key-z" }]) },
        { "auth0:domain": "acme.us.auth0.com", "oidc-apps:auth0": { apps: { "x-key-y": { type: "regular_web", callbacks: ["https://p.example.com/cb"], clientAuth: "private_key_jwt", keys: [{ kid: "z" }] } } } },
      ),
    );
    expectProblem(r, "KEY_RESOURCE_NAME_COLLISION", "oidc-apps:okta.apps.x.keys[0].kid", 'like the key "z" of the app "x-key-y" (oidc-apps:auth0.apps.x-key-y.keys[0].kid)');
  });

  it("passes the same kids as brought keys (no resource is created for them)", () => {
    const brought = (kid: string) => ({ kid, publicKey: RSA.publicKey });
    expectAbsent(load(oktaStack({ x: service([brought("y-key-z")]), "x-key-y": service([brought("z")]) })), "KEY_RESOURCE_NAME_COLLISION");
  });

  it("passes generated keys whose names differ", () => {
    expectAbsent(load(oktaStack({ x: service([{ kid: "y-key-z" }]), "x-key-y": service([{ kid: "w" }]) })), "KEY_RESOURCE_NAME_COLLISION");
  });
});

rule("KEY_ACTIVE_MULTIPLE", () => {
  it("fails on two keys marked active, at keys", () => {
    const r = load(botKeys({ kid: "a", active: true }, { kid: "b" }, { kid: "c", active: true }));
    expectProblem(r, "KEY_ACTIVE_MULTIPLE", `${BOT}.keys`, "2 keys are marked active; clients sign with one");
  });

  it("passes one key marked active", () => {
    expectAbsent(load(botKeys({ kid: "a", active: true }, { kid: "b" }, { kid: "c", active: false })), "KEY_ACTIVE_MULTIPLE");
  });
});

rule("KEY_ACTIVE_NONE", () => {
  it("fails when every key is marked active: false, at keys", () => {
    const r = load(botKeys({ kid: "a", active: false }, { kid: "b", active: false }));
    expectProblem(r, "KEY_ACTIVE_NONE", `${BOT}.keys`, "all 2 keys are marked active: false, so none is left to sign with");
  });

  it("fails on a single key marked active: false", () => {
    expectProblem(load(botKeys({ kid: "a", active: false })), "KEY_ACTIVE_NONE", `${BOT}.keys`, "the only key is marked active: false");
  });

  it("passes a key being introduced next to the active one (active: false on one key only)", () => {
    const r = load(botKeys({ kid: "a" }, { kid: "b", active: false }));
    expectAbsent(r, "KEY_ACTIVE_NONE");
    expect(serviceApp(r.model, "bot").activeKeyId).toBe("a");
  });
});

rule("KEY_SOURCE_CONFLICT", () => {
  it("fails on publicKey together with rsaBits, at the key", () => {
    const r = load(botKeys({ kid: KID, publicKey: RSA.publicKey, rsaBits: 2048 }));
    expectProblem(r, "KEY_SOURCE_CONFLICT", `${BOT}.keys[0]`, "give either publicKey, publicJwk, or generation settings (rsaBits), not several");
  });

  it("fails on publicKey together with publicJwk", () => {
    const r = load(botKeys({ kid: KID, publicKey: RSA.publicKey, publicJwk: publicOf(jwkOf(RSA.privateKey)) }));
    expectProblem(r, "KEY_SOURCE_CONFLICT", `${BOT}.keys[0]`, "give either publicKey, publicJwk");
  });

  it("fails on curve on an RSA key (RSA by default), at curve", () => {
    const d = expectProblem(load(botKeys({ kid: KID, curve: "P256" })), "KEY_SOURCE_CONFLICT", `${BOT}.keys[0].curve`, "curve applies to EC keys; this key is RSA");
    expect(d.fix).toBe("Remove curve, or set algorithm: EC.");
  });

  it("fails on rsaBits on an EC key, at rsaBits", () => {
    expectProblem(load(botKeys({ kid: KID, algorithm: "EC", rsaBits: 3072 })), "KEY_SOURCE_CONFLICT", `${BOT}.keys[0].rsaBits`, "rsaBits applies to RSA keys; this key is EC");
  });

  it("passes generation settings of the key's own algorithm, and a brought key alone", () => {
    expectAbsent(load(botKeys({ kid: "a", algorithm: "EC", curve: "P256" }, { kid: "b", algorithm: "RSA", rsaBits: 4096 }, { kid: "c", publicKey: RSA.publicKey })), "KEY_SOURCE_CONFLICT");
  });
});

rule("KEY_PRIVATE_MATERIAL", () => {
  const lines = bodyLines(RSA.privateKey);

  it("fails on a PKCS#8 private key pasted as publicKey, without echoing any of it", () => {
    expect(RSA.privateKey).toContain("-----BEGIN PRIVATE KEY-----");
    expect(lines.length).toBeGreaterThan(20);
    const r = load(botKeys({ kid: KID, publicKey: RSA.privateKey }));
    const d = expectProblem(r, "KEY_PRIVATE_MATERIAL", `${BOT}.keys[0].publicKey`, "the key is a private key; paste only the public key");
    expect(d.fix).toContain("treat the pasted private key as leaked");
    const everything = JSON.stringify(r.diagnostics) + formatDiagnostics(r.diagnostics, "Pulumi.dev.yaml");
    for (const line of lines) {
      expect(d.message).not.toContain(line);
      expect(everything).not.toContain(line);
    }
  });

  it("fails on a SEC1 EC private key (BEGIN EC PRIVATE KEY)", () => {
    const sec1 = createPrivateKey(EC_P256.privateKey).export({ type: "sec1", format: "pem" }).toString();
    expect(sec1).toContain("-----BEGIN EC PRIVATE KEY-----");
    const r = load(botKeys({ kid: KID, publicKey: sec1 }));
    expectProblem(r, "KEY_PRIVATE_MATERIAL", `${BOT}.keys[0].publicKey`, "is a private key");
    for (const line of bodyLines(sec1)) expect(JSON.stringify(r.diagnostics)).not.toContain(line);
  });

  it("fails on a private JWK (with d) as publicJwk, without echoing any private member", () => {
    const jwk = jwkOf(RSA.privateKey);
    const r = load(botKeys({ kid: KID, publicJwk: jwk }));
    const d = expectProblem(r, "KEY_PRIVATE_MATERIAL", `${BOT}.keys[0].publicJwk`, "the key contains private key material");
    const everything = JSON.stringify(r.diagnostics);
    for (const member of ["d", "p", "q", "dp", "dq", "qi"] as const) {
      const secret = jwk[member];
      expect(secret?.length).toBeGreaterThan(40);
      expect(d.message).not.toContain(secret!);
      expect(everything).not.toContain(secret!);
    }
  });

  // KNOWN BUG (config/rules/keys.ts checkKeys): the message is `the key ${detail}`, but the details for private
  // material start with "this ...", so users read "the key this is a private key; ..." and "the key this JWK
  // contains ...". Flip to `it` when fixed.
  it("says what is wrong in a sentence that reads (no 'the key this ...')", () => {
    const r = load(botKeys({ kid: KID, publicKey: RSA.privateKey }));
    expect(only(r.diagnostics, "KEY_PRIVATE_MATERIAL").message).not.toMatch(/^the key this /);
  });

  it("passes the public halves of the same keys", () => {
    expectAbsent(load(botKeys({ kid: "pem", publicKey: RSA.publicKey }, { kid: "jwk", publicJwk: publicOf(jwkOf(RSA.privateKey)) })), "KEY_PRIVATE_MATERIAL");
  });
});

rule("KEY_INVALID", () => {
  it("fails on a garbage PEM", () => {
    const r = load(botKeys({ kid: KID, publicKey: "-----BEGIN PUBLIC KEY-----\nbm90IGEga2V5\n-----END PUBLIC KEY-----\n" }));
    expectProblem(r, "KEY_INVALID", `${BOT}.keys[0].publicKey`, "is not a PEM public key (expected -----BEGIN PUBLIC KEY-----)");
  });

  it("fails on text that is not PEM at all, at the right key", () => {
    expectProblem(load(botKeys({ kid: "a" }, { kid: "b", publicKey: "ssh-rsa AAAAB3NzaC1yc2E" })), "KEY_INVALID", `${BOT}.keys[1].publicKey`, "is not a PEM public key");
  });

  it("fails on a JWK missing its exponent", () => {
    const { e: _e, ...noExponent } = publicOf(jwkOf(RSA.privateKey));
    expectProblem(load(botKeys({ kid: KID, publicJwk: noExponent })), "KEY_INVALID", `${BOT}.keys[0].publicJwk`, "is not a valid public JWK");
  });

  it("passes a PEM public key and a public JWK", () => {
    expectAbsent(load(botKeys({ kid: "a", publicKey: EC_P256.publicKey }, { kid: "b", publicJwk: publicOf(jwkOf(EC_P256.privateKey)) })), "KEY_INVALID");
  });
});

rule("KEY_WEAK", () => {
  it("fails on a real 1024-bit RSA public key", () => {
    const r = load(botKeys({ kid: KID, publicKey: RSA_WEAK.publicKey }));
    expectProblem(r, "KEY_WEAK", `${BOT}.keys[0].publicKey`, "is an RSA key of 1024 bits; Okta and Auth0 require at least 2048");
  });

  it("fails on the same key as a JWK", () => {
    expectProblem(load(botKeys({ kid: KID, publicJwk: publicOf(jwkOf(RSA_WEAK.privateKey)) })), "KEY_WEAK", `${BOT}.keys[0].publicJwk`, "RSA key of 1024 bits");
  });

  it("passes a 2048-bit RSA public key", () => {
    expectAbsent(load(botKeys({ kid: KID, publicKey: RSA.publicKey })), "KEY_WEAK");
  });
});

rule("KEY_UNSUPPORTED", () => {
  it("fails on an ed25519 public key", () => {
    const r = load(botKeys({ kid: KID, publicKey: ED25519.publicKey }));
    expectProblem(r, "KEY_UNSUPPORTED", `${BOT}.keys[0].publicKey`, "is of type ed25519; private key JWT takes RSA or EC keys");
  });

  it("fails on an EC secp256k1 public key", () => {
    const r = load(botKeys({ kid: KID, publicKey: EC_SECP256K1.publicKey }));
    expectProblem(r, "KEY_UNSUPPORTED", `${BOT}.keys[0].publicKey`, "uses the curve secp256k1; EC keys must be on P-256");
  });

  it("fails EC keys on P-384 and P-521, brought or generated: the provider sends no curve, only P-256 is proven", () => {
    const brought = load(botKeys({ kid: "a", publicKey: EC_P521.publicKey }));
    expectProblem(brought, "KEY_UNSUPPORTED", `${BOT}.keys[0].publicKey`, "uses the curve P-521; EC keys must be on P-256");
    const generated = load(botKeys({ kid: "a", algorithm: "EC", curve: "P384" }));
    expectProblem(generated, "KEY_UNSUPPORTED", `${BOT}.keys[0].curve`, "P384 is not proven with Okta");
  });

  it("passes EC keys on P-256, brought or generated", () => {
    expectAbsent(load(botKeys({ kid: "a", publicKey: EC_P256.publicKey }, { kid: "b", algorithm: "EC", curve: "P256" }, { kid: "c", algorithm: "EC" })), "KEY_UNSUPPORTED");
  });
});

describe("service apps: everything at once", () => {
  it("reports every problem of one app together, sorted by path", () => {
    const r = load(
      oktaStack({
        bot: {
          type: "service",
          apiScopes: ["okta.users.reed"],
          adminRoles: ["SUPER_ADMIN"],
          keys: [{ kid: "a", active: true }, { kid: "a", publicKey: RSA_WEAK.publicKey, active: true }],
        },
      }),
    );
    expect(r.model).toBeUndefined();
    expect(r.diagnostics.map((d) => [d.code, d.path])).toEqual([
      ["OKTA_ROLE_ACKNOWLEDGE", `${BOT}.adminRoles[0]`],
      ["OKTA_SCOPE_UNKNOWN", `${BOT}.apiScopes[0]`],
      ["KEY_ACTIVE_MULTIPLE", `${BOT}.keys`],
      ["KEY_DUPLICATE_KID", `${BOT}.keys[1].kid`],
      ["KEY_WEAK", `${BOT}.keys[1].publicKey`],
    ]);
  });

  it("loads a full, clean service app", () => {
    const r = load(
      bot({
        label: "Directory sync",
        apiScopes: ["okta.users.read", "okta.groups.manage"],
        adminRoles: ["READ_ONLY_ADMIN", { custom: { role: "cr0abc", resourceSet: "iam0def" } }],
        keys: [{ kid: "2026-05", publicKey: RSA.publicKey }, { kid: "2026-11", algorithm: "EC" }],
      }),
    );
    expect(r.diagnostics).toEqual([]);
    expect(serviceApp(r.model, "bot").label).toBe("Directory sync");
  });
});

rule("OKTA_ROLE_SCOPE_NOT_COVERED", () => {
  it("warns on a manage scope held by a Read-Only Administrator (Okta: read-only admins are unable to edit data)", () => {
    const r = load(bot({ apiScopes: ["okta.users.read", "okta.users.manage"], adminRoles: ["READ_ONLY_ADMIN"] }));
    const d = expectProblem(r, "OKTA_ROLE_SCOPE_NOT_COVERED", `${BOT}.apiScopes[1]`, '"okta.users.manage" is granted, but Okta documents that the app\'s role (READ_ONLY_ADMIN) does not permit', "warning");
    expect(d.fix).toContain("HELP_DESK_ADMIN, USER_ADMIN");
  });

  it("warns on okta.roles.manage without SUPER_ADMIN (the only role that can assign admin roles), and on Report Admin outside the System Log", () => {
    expectProblem(load(bot({ apiScopes: ["okta.roles.manage"], adminRoles: ["APP_ADMIN", "ORG_ADMIN"], acknowledgeRoles: ["ORG_ADMIN"] })), "OKTA_ROLE_SCOPE_NOT_COVERED", `${BOT}.apiScopes[0]`, "none of the app's roles (APP_ADMIN, ORG_ADMIN) permits", "warning");
    expectProblem(load(bot({ apiScopes: ["okta.logs.read", "okta.users.read"], adminRoles: ["REPORT_ADMIN"] })), "OKTA_ROLE_SCOPE_NOT_COVERED", `${BOT}.apiScopes[1]`, '"okta.users.read"', "warning");
  });

  it("passes when any role covers the scope, for SUPER_ADMIN, for custom roles, and for what Okta does not document", () => {
    expectAbsent(load(bot({ apiScopes: ["okta.users.read", "okta.groups.manage", "okta.logs.read"], adminRoles: ["READ_ONLY_ADMIN", "GROUP_MEMBERSHIP_ADMIN"] })), "OKTA_ROLE_SCOPE_NOT_COVERED");
    expectAbsent(load(bot({ apiScopes: ["okta.roles.manage"], adminRoles: ["SUPER_ADMIN"], acknowledgeRoles: ["SUPER_ADMIN"] })), "OKTA_ROLE_SCOPE_NOT_COVERED");
    expectAbsent(load(bot({ apiScopes: ["okta.users.manage"], adminRoles: [{ custom: { role: "cr0abc", resourceSet: "iam0def" } }] })), "OKTA_ROLE_SCOPE_NOT_COVERED");
    expectAbsent(load(bot({ apiScopes: ["okta.trustedOrigins.manage"], adminRoles: ["APP_ADMIN"] })), "OKTA_ROLE_SCOPE_NOT_COVERED");
  });
});

rule("OKTA_ROLE_ACKNOWLEDGE_UNUSED", () => {
  it("fails on acknowledging a role the app does not hold", () => {
    expectProblem(load(bot({ apiScopes: ["okta.users.read"], adminRoles: ["READ_ONLY_ADMIN"], acknowledgeRoles: ["SUPER_ADMIN"] })), "OKTA_ROLE_ACKNOWLEDGE_UNUSED", `${BOT}.acknowledgeRoles[0]`, "acknowledges SUPER_ADMIN, but adminRoles does not include it");
  });

  it("fails on acknowledgeRoles without any adminRoles", () => {
    expectProblem(load(bot({ acknowledgeRoles: ["ORG_ADMIN"] })), "OKTA_ROLE_ACKNOWLEDGE_UNUSED", `${BOT}.acknowledgeRoles[0]`, "acknowledges ORG_ADMIN");
  });

  it("passes an acknowledgement of a role the app holds", () => {
    expectAbsent(load(bot({ apiScopes: ["okta.apps.manage"], adminRoles: ["SUPER_ADMIN"], acknowledgeRoles: ["SUPER_ADMIN"] })), "OKTA_ROLE_ACKNOWLEDGE_UNUSED");
  });
});

rule("OKTA_SECRET_VERSION_UNUSED", () => {
  it("fails on clientSecretVersion with private_key_jwt (the default): there is no secret to rotate", () => {
    expectProblem(load(bot({ clientSecretVersion: 3 })), "OKTA_SECRET_VERSION_UNUSED", `${BOT}.clientSecretVersion`, "has no client secret, so there is no secret to rotate");
  });

  it("passes clientSecretVersion on a client-secret service app", () => {
    expectAbsent(load(oktaStack({ bot: { type: "service", clientAuth: "client_secret_basic", clientSecretVersion: 3 } })), "OKTA_SECRET_VERSION_UNUSED");
  });
});

describe("the service rule catalogue", () => {
  it("has a describe block above for every service, scope, role and key rule the loader emits", () => {
    const section = /^(OKTA_SERVICE_|OKTA_SCOPES?_|OKTA_ROLE_|KEY_)/;
    // Every rule is emitted: the corpus has a violating example that emits each (test/contract/corpus.test.ts).
    const emitted = Object.keys(RULES).filter((code) => section.test(code));
    expect(emitted).toHaveLength(18);
    expect(emitted.filter((code) => !described.has(code))).toEqual([]);
  });

  it("takes severity and the default fix from the catalogue", () => {
    const r = load(bot({ apiScopes: ["okta.users.read"], keys: [{ kid: KID }, { kid: KID }] }));
    expect(withCode(r.diagnostics, "KEY_DUPLICATE_KID")[0]?.fix).toBe(RULES.KEY_DUPLICATE_KID.fix);
    expect(withCode(r.diagnostics, "OKTA_SERVICE_NO_ADMIN_ROLE")[0]?.severity).toBe("warning");
    expect(withCode(r.diagnostics, "KEY_DUPLICATE_KID")[0]?.severity).toBe("error");
  });
});
