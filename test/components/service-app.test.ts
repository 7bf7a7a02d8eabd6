/**
 * Service apps under the mock runtime with real cryptography: the mock plays the tls provider with key pairs
 * generated here, and the tests check that what Okta is given (the JWKS) verifies what a client signs with
 * what we output (the private key).
 */
import { createPublicKey, generateKeyPairSync, sign, verify, type JsonWebKey } from "node:crypto";
import * as pulumi from "@pulumi/pulumi";
import { describe, expect, it } from "vitest";
import { ServiceApp } from "../support/program-components";
import type { KeySpec, OktaServiceAppSpec } from "../../config/model";
import { oktaOrg } from "../../config/okta";
import { capture } from "../../plan/capture";

const org = oktaOrg("acme", "okta.com");
// Values the config determines are plain, the rest Outputs (issue 19).
const value = <T>(o: pulumi.Output<T> | T) => (pulumi.Output.isInstance(o) ? new Promise<T>((resolve) => (o as pulumi.Output<T>).apply(resolve)) : Promise.resolve(o as T));

type Pair = { privateKeyPemPkcs8: string; publicKeyPem: string };
const rsaPair = (): Pair => {
  const k = generateKeyPairSync("rsa", { modulusLength: 2048, publicKeyEncoding: { type: "spki", format: "pem" }, privateKeyEncoding: { type: "pkcs8", format: "pem" } });
  return { privateKeyPemPkcs8: k.privateKey, publicKeyPem: k.publicKey };
};
const ecPair = (): Pair => {
  const k = generateKeyPairSync("ec", { namedCurve: "P-256", publicKeyEncoding: { type: "spki", format: "pem" }, privateKeyEncoding: { type: "pkcs8", format: "pem" } });
  return { privateKeyPemPkcs8: k.privateKey, publicKeyPem: k.publicKey };
};

function spec(keys: KeySpec[], overrides: Partial<OktaServiceAppSpec> = {}): OktaServiceAppSpec {
  return {
    kind: "service",
    name: "bot",
    label: "Bot",
    grantTypes: ["client_credentials"],
    apiScopes: ["okta.users.read", "okta.groups.read", "okta.logs.read"],
    tokenEndpointAuthMethod: "private_key_jwt",
    keys,
    activeKeyId: keys.at(-1)?.kid,
    adminRoles: [{ kind: "standard", type: "READ_ONLY_ADMIN" }, { kind: "custom", role: "cr0abc", resourceSet: "iam0def" }],
    ...overrides,
  };
}

/** Run a ServiceApp with the given tls key pairs standing in for what the tls provider would generate. */
async function runService(s: OktaServiceAppSpec, pairs: Record<string, Pair> = {}) {
  const run = await capture({ project: "oidc-apps", stack: "test", computed: (type, name) => (type === "tls:index/privateKey:PrivateKey" ? pairs[name] : type === "okta:app/oAuth:OAuth" ? { clientId: "0oa-bot" } : undefined) }, () => new ServiceApp("bot", { spec: s, org, protect: false }));
  if (!run.result.ok) throw run.result.error;
  return { ...run, app: run.result.value };
}

const b64url = (b: Buffer | string) => Buffer.from(b).toString("base64url");

/** A client assertion as the MCP server would make it: a JWT signed with the private key we output. */
function clientAssertion(privatePem: string, kid: string, alg: "RS256" | "ES256"): string {
  const input = `${b64url(JSON.stringify({ alg, kid, typ: "JWT" }))}.${b64url(JSON.stringify({ iss: "0oa-bot", sub: "0oa-bot", aud: "https://acme.okta.com/oauth2/v1/token" }))}`;
  const sig = sign("sha256", Buffer.from(input), alg === "ES256" ? { key: privatePem, dsaEncoding: "ieee-p1363" } : privatePem);
  return `${input}.${b64url(sig)}`;
}

/** Verify as Okta would: pick the JWKS entry by kid and check the signature. */
function verifiesWith(jwt: string, jwks: JsonWebKey[]): boolean {
  const [h, p, s] = jwt.split(".") as [string, string, string];
  const header = JSON.parse(Buffer.from(h, "base64url").toString()) as { alg: string; kid: string };
  const jwk = jwks.find((k) => k["kid"] === header.kid);
  if (!jwk) return false;
  const key = createPublicKey({ key: jwk, format: "jwk" });
  return verify("sha256", Buffer.from(`${h}.${p}`), header.alg === "ES256" ? { key, dsaEncoding: "ieee-p1363" } : key, Buffer.from(s, "base64url"));
}

describe("ServiceApp keys", () => {
  for (const [alg, pair, key] of [
    ["RS256", rsaPair(), { source: "generated", kid: "2026-11", algorithm: "RSA", rsaBits: 2048 }],
    ["ES256", ecPair(), { source: "generated", kid: "2026-11", algorithm: "EC", curve: "P256" }],
  ] as const) {
    it(`the JWKS given to Okta verifies a ${alg} assertion signed with the output private key`, async () => {
      const { resources, app } = await runService(spec([key]), { "bot-key-2026-11": pair });
      const oauth = resources.find((r) => r.type === "okta:app/oAuth:OAuth")!.inputs as { jwks: JsonWebKey[] };
      const outputs = app.privateKeys["2026-11"]!;
      expect(await pulumi.isSecret(outputs.pem)).toBe(true);
      expect(await pulumi.isSecret(outputs.jwk)).toBe(true);
      const privatePem = await value(outputs.pem);
      expect(privatePem).toBe(pair.privateKeyPemPkcs8);
      // Okta's jwks block carries no crv (the provider has none); the published JWKS output does.
      const published = await value(app.jwks);
      const jwt = clientAssertion(privatePem, "2026-11", alg);
      expect(verifiesWith(jwt, published as unknown as JsonWebKey[])).toBe(true);
      if (alg === "RS256") expect(verifiesWith(jwt, oauth.jwks)).toBe(true);
      else expect(oauth.jwks).toEqual([{ kid: "2026-11", kty: "EC", x: (published[0] as { x: string }).x, y: (published[0] as { y: string }).y }]);
      // A key pair that is not ours must not verify.
      expect(verifiesWith(clientAssertion(alg === "RS256" ? rsaPair().privateKeyPemPkcs8 : ecPair().privateKeyPemPkcs8, "2026-11", alg), published as unknown as JsonWebKey[])).toBe(false);
      // The private JWK output (what Defguard takes) is the same key, with kid and alg.
      const privateJwk = JSON.parse(await value(outputs.jwk)) as JsonWebKey & { kid: string; alg: string };
      expect(privateJwk).toMatchObject({ kid: "2026-11", alg, use: "sig" });
      expect(verifiesWith(clientAssertion(privatePem, "2026-11", alg), [{ ...privateJwk, d: undefined } as JsonWebKey])).toBe(true);
    });
  }

  it("keeps kid and JWKS stable across runs, and lists every key so a rotation can overlap", async () => {
    const pairs = { "bot-key-2026-10": rsaPair(), "bot-key-2026-11": rsaPair() };
    const keys: KeySpec[] = [
      { source: "generated", kid: "2026-10", algorithm: "RSA", rsaBits: 2048 },
      { source: "generated", kid: "2026-11", algorithm: "RSA", rsaBits: 2048 },
    ];
    const first = await runService(spec(keys), pairs);
    const second = await runService(spec(keys), pairs);
    const jwksOf = (r: typeof first) => (r.resources.find((x) => x.type === "okta:app/oAuth:OAuth")!.inputs as { jwks: { kid: string }[] }).jwks;
    expect(jwksOf(first).map((k) => k.kid)).toEqual(["2026-10", "2026-11"]);
    expect(jwksOf(second)).toEqual(jwksOf(first));
    expect(await value(first.app.keyIds)).toEqual(["2026-10", "2026-11"]);
    expect(await value(first.app.activeKeyId!)).toBe("2026-11");
    expect(first.resources.filter((r) => r.type === "tls:index/privateKey:PrivateKey").map((r) => r.name)).toEqual(["bot-key-2026-10", "bot-key-2026-11"]);
  });

  it("a brought key creates no key resource and no private-key output", async () => {
    const mine = rsaPair();
    const jwk = createPublicKey(mine.publicKeyPem).export({ format: "jwk" });
    const { resources, app } = await runService(spec([{ source: "provided", kid: "laptop", jwk: { kty: "RSA", kid: "laptop", n: jwk.n!, e: jwk.e! } }]));
    expect(resources.some((r) => r.type.startsWith("tls:"))).toBe(false);
    expect(app.privateKeys).toEqual({});
    const oauth = resources.find((r) => r.type === "okta:app/oAuth:OAuth")!.inputs as { jwks: JsonWebKey[] };
    expect(verifiesWith(clientAssertion(mine.privateKeyPemPkcs8, "laptop", "RS256"), oauth.jwks)).toBe(true);
  });
});

describe("ServiceApp grants and roles", () => {
  it("in production protects and retains only the app: scope grants and admin roles are revocable", async () => {
    const run = await capture({ project: "oidc-apps", stack: "test" }, () => new ServiceApp("bot", { spec: spec([{ source: "generated", kid: "k", algorithm: "RSA", rsaBits: 2048 }]), org, protect: true }));
    expect(run.resources.filter((r) => r.retainOnDelete).map((r) => r.type)).toEqual(["okta:app/oAuth:OAuth"]);
    expect(run.resources.filter((r) => r.protect).map((r) => r.type)).toEqual(["okta:app/oAuth:OAuth"]);
    // Removing SUPER_ADMIN or a scope from the stack file removes it from the org: nothing else is retained.
    expect(run.resources.filter((r) => r.type.includes("oauth2V1ClientsRole") || r.type.includes("appOauthApiScope")).every((r) => !r.retainOnDelete)).toBe(true);
  });

  it("three scopes and two roles: one scope grant and two role resources, all under the component", async () => {
    const { resources } = await runService(spec([{ source: "generated", kid: "k", algorithm: "RSA", rsaBits: 2048 }]), { "bot-key-k": rsaPair() });
    const parent = "oidc-apps:okta:ServiceApp::bot";
    const grants = resources.filter((r) => r.type === "okta:index/appOauthApiScope:AppOauthApiScope");
    expect(grants).toHaveLength(1);
    expect(grants[0]).toMatchObject({ name: "bot-api-scopes", parent, inputs: { issuer: "https://acme.okta.com", scopes: ["okta.users.read", "okta.groups.read", "okta.logs.read"] } });
    const roles = resources.filter((r) => r.type.includes("oauth2V1ClientsRole"));
    expect(roles.map((r) => [r.type, r.name, r.parent, r.inputs])).toEqual([
      ["okta:index/oauth2V1ClientsRoleReadOnlyAdmin:Oauth2V1ClientsRoleReadOnlyAdmin", "bot-role-read-only-admin", parent, { clientId: "0oa-bot", type: "READ_ONLY_ADMIN" }],
      ["okta:index/oauth2V1ClientsRoleCustom:Oauth2V1ClientsRoleCustom", "bot-role-custom-cr0abc-iam0def", parent, { clientId: "0oa-bot", resourceSet: "iam0def", role: "cr0abc", type: "CUSTOM" }],
    ]);
  });

  it("sends the service-app OAuth inputs: client credentials, private key JWT, token response", async () => {
    const { resources, app } = await runService(spec([{ source: "generated", kid: "k", algorithm: "RSA", rsaBits: 3072 }]), { "bot-key-k": rsaPair() });
    const oauth = resources.find((r) => r.type === "okta:app/oAuth:OAuth")!.inputs as Record<string, unknown>;
    expect(oauth).toMatchObject({ type: "service", grantTypes: ["client_credentials"], responseTypes: ["token"], tokenEndpointAuthMethod: "private_key_jwt", pkceRequired: false });
    // Update, unlike Create, calls createOrUpdateAuthenticationPolicy for service apps unless this is set
    // (resource_okta_app_oauth.go `resourceAppOAuthUpdate`): without it a key rotation fails mid-apply.
    expect(oauth["skipAuthenticationPolicy"]).toBe(true);
    expect(oauth).not.toHaveProperty("clientBasicSecret");
    expect(resources.find((r) => r.type === "tls:index/privateKey:PrivateKey")!.inputs).toEqual({ algorithm: "RSA", rsaBits: 3072 });
    expect(await value(app.scopes)).toBe("okta.users.read okta.groups.read okta.logs.read");
    expect(await value(app.tokenEndpoint)).toBe("https://acme.okta.com/oauth2/v1/token");
  });

  it("a client-secret service app gets a generated secret, as a secret, and no keys", async () => {
    const { resources, app } = await runService(spec([], { tokenEndpointAuthMethod: "client_secret_basic", apiScopes: [], adminRoles: [], clientSecretVersion: 2 }));
    expect(resources.map((r) => r.type)).toEqual(["oidc-apps:okta:ServiceApp", "random:index/randomPassword:RandomPassword", "okta:app/oAuth:OAuth"]);
    expect((resources[2]!.inputs as Record<string, unknown>)["clientBasicSecret"]).toBe("[secret]");
    expect(await pulumi.isSecret(app.clientSecret!)).toBe(true);
  });
});
