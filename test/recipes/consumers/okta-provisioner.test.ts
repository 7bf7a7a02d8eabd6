/**
 * terraform-provider-okta (behind @pulumi/okta 7.0.0) plays its part with the okta-provisioner handoff's
 * environment against an issuer configured from the plan: its private-key auth (the provider reads
 * OKTA_API_SCOPES as a comma list; okta-sdk-golang v6.1.5 okta/client.go `createKeySigner`,
 * `createClientAssertion`, `getAccessTokenForPrivateKey`).
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROVISIONER_SCOPES } from "../../../recipes/okta-provisioner";
import { ecPair, postForm, privateKey, renderStack, revealedHandoff, signJws, startOktaIssuer, type Issuer, type RenderedStack } from "./issuer";

const PROVIDER = "terraform-provider-okta (@pulumi/okta 7.0.0, okta-sdk-golang v6.1.5)";

type Env = Record<string, string | undefined>;

/** An error the provider reports at configure time: no Okta call is made. */
class ProviderError extends Error {}

/**
 * `createKeySigner`: `\n` turned into newlines; PEM "RSA PRIVATE KEY" (PKCS#1) → RS256; "PRIVATE KEY" (PKCS#8)
 * → RS256 for RSA, ES256 for any ECDSA key; anything else refused. go-jose's ES256 signer then requires a P-256
 * key ("expected 256 bit key").
 */
function createKeySigner(pemText: string, kid: string) {
  const pem = pemText.replaceAll("\\n", "\n");
  const type = /-----BEGIN ([A-Z ]+)-----/.exec(pem)?.[1];
  if (!type) throw new ProviderError("invalid private key");
  if (type !== "RSA PRIVATE KEY" && type !== "PRIVATE KEY") throw new ProviderError(`private key "${type}" is not pkcs#1 or pkcs#8 format`);
  const key = privateKey(pem);
  let alg: string;
  if (key.asymmetricKeyType === "rsa") alg = "RS256";
  else if (key.asymmetricKeyType === "ec" && type === "PRIVATE KEY") alg = "ES256";
  else throw new ProviderError(`private key "${type}" is unknown pkcs#8 format type`);
  if (alg === "ES256" && key.asymmetricKeyDetails?.namedCurve !== "prime256v1") {
    const bits = { secp384r1: 384, secp521r1: 521 }[key.asymmetricKeyDetails?.namedCurve ?? ""] ?? 0;
    throw new ProviderError(`go-jose/go-jose: expected 256 bit key, got ${bits} bits instead`);
  }
  return (claims: Record<string, unknown>) => signJws({ alg, kid }, claims, key);
}

/** The provider configured from its environment, requesting its access token. */
async function providerToken(issuer: Issuer, env: Env, { split = true } = {}) {
  const orgUrl = `https://${env["OKTA_ORG_NAME"]}.${env["OKTA_BASE_URL"]}`;
  // The provider's `scopes` setting falls back to OKTA_API_SCOPES, a comma-separated list; the SDK joins it with spaces.
  const raw = env["OKTA_API_SCOPES"] ?? "";
  const scopes = split ? raw.split(",").filter(Boolean) : [raw];
  const sign = createKeySigner(env["OKTA_API_PRIVATE_KEY"] ?? "", env["OKTA_API_PRIVATE_KEY_ID"] ?? "");
  const now = Math.floor(Date.now() / 1000);
  const clientId = env["OKTA_API_CLIENT_ID"]!;
  const assertion = sign({ sub: clientId, iat: now, exp: now + 3600, iss: clientId, aud: `${orgUrl}/oauth2/v1/token`, jti: randomUUID() });
  return postForm(issuer, `${orgUrl}/oauth2/v1/token`, {
    grant_type: "client_credentials",
    scope: scopes.join(" "),
    client_assertion_type: "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
    client_assertion: assertion,
  });
}

describe(`${PROVIDER} with the okta-provisioner handoff (defaults)`, () => {
  let stack: RenderedStack;
  let issuer: Issuer;
  let short: Issuer;
  const recipe = { recipe: "okta-provisioner", adminRole: "SUPER_ADMIN", acknowledgeRoles: ["SUPER_ADMIN"] };
  const env = () => revealedHandoff(stack, "provisioner")["env"] as Env;

  beforeAll(async () => {
    stack = await renderStack({ provisioner: recipe });
    expect(stack.plan.diagnostics).toEqual([]);
    issuer = await startOktaIssuer(stack);
    short = await startOktaIssuer(stack, { grant: (_app, scopes) => scopes.filter((s) => s !== "okta.appGrants.manage") });
  });
  afterAll(async () => {
    await issuer?.close();
    await short?.close();
  });

  it(`${PROVIDER} gets a token for every OKTA_API_SCOPES scope (comma-separated in the env), RS256 with OKTA_API_PRIVATE_KEY_ID`, async () => {
    const e = env();
    expect(`https://${e["OKTA_ORG_NAME"]}.${e["OKTA_BASE_URL"]}`).toBe(issuer.issuer);
    expect(e["OKTA_API_SCOPES"]).toBe(PROVISIONER_SCOPES.join(","));
    const response = await providerToken(issuer, e);
    expect(response.status).toBe(200);
    expect(String(response.body["scope"]).split(" ").sort()).toEqual([...PROVISIONER_SCOPES].sort());
    const assertion = issuer.accepted[0]!;
    expect(assertion.header).toEqual({ alg: "RS256", kid: e["OKTA_API_PRIVATE_KEY_ID"] });
    expect(assertion.claims).toMatchObject({ iss: e["OKTA_API_CLIENT_ID"], sub: e["OKTA_API_CLIENT_ID"], aud: `${issuer.issuer}/oauth2/v1/token`, jti: expect.any(String) });
  });

  it(`${PROVIDER}'s assertion carries a jti, so oidc-provider's own client authentication accepts it too`, async () => {
    const strict = await startOktaIssuer(stack, { assertions: "oidc-provider" });
    try {
      expect((await providerToken(strict, env())).status).toBe(200);
    } finally {
      await strict.close();
    }
  });

  it(`${PROVIDER} is refused (invalid_scope) when one OKTA_API_SCOPES scope is not granted`, async () => {
    const response = await providerToken(short, env());
    expect(response).toMatchObject({ status: 400, body: { error: "invalid_scope" } });
    expect(short.refusals).toContain("requested scope is not allowed: okta.appGrants.manage");
  });

  it(`${PROVIDER}: the comma list matters: OKTA_API_SCOPES sent unsplit, as one comma-joined scope, is refused`, async () => {
    const response = await providerToken(issuer, env(), { split: false });
    expect(response.body["error"]).toBe("invalid_scope");
  });

  it(`${PROVIDER} with an EC P-256 key (the recipe's one EC curve) signs ES256 with the handed-over PKCS#8 key, and is accepted`, async () => {
    const ec = await renderStack({ provisioner: { ...recipe, keys: [{ kid: "ec-1", algorithm: "EC" }] } }, { keys: { "provisioner-key-ec-1": ecPair("P-256") } });
    expect(ec.plan.diagnostics).toEqual([]);
    const request = ec.model!.recipes[0]!.consumer.requests[0]!;
    expect(request.signingAlgs).toContain("ES256");
    const ecIssuer = await startOktaIssuer(ec);
    try {
      // Okta receives the EC key without `crv` (the provider's jwks block has none); the issuer names the curve from the coordinates.
      expect(ecIssuer.clients.length).toBe(1);
      const e = revealedHandoff(ec, "provisioner")["env"] as Env;
      expect(e["OKTA_API_PRIVATE_KEY"]).toMatch(/^-----BEGIN PRIVATE KEY-----/);
      expect((await providerToken(ecIssuer, e)).status).toBe(200);
      expect(ecIssuer.accepted[0]!.header).toEqual({ alg: "ES256", kid: "ec-1" });
    } finally {
      await ecIssuer.close();
    }
  });

  it(`${PROVIDER} cannot use keys of other types: SEC1 "EC PRIVATE KEY", or EC off P-256 (ES256 only), which the plan refuses too`, async () => {
    const e = env();
    const before = issuer.refusals.length;
    // @pulumi/tls's privateKeyPem for ECDSA is SEC1: not pkcs#1 or pkcs#8 (the handoff gives the PKCS#8 one).
    await expect(providerToken(issuer, { ...e, OKTA_API_PRIVATE_KEY: ecPair("P-256").privateKeyPem })).rejects.toThrow(/is not pkcs#1 or pkcs#8 format/);
    // A P-384 key in PKCS#8: the SDK picks ES256 for any ECDSA key, go-jose refuses the curve; no request is made.
    await expect(providerToken(issuer, { ...e, OKTA_API_PRIVATE_KEY: ecPair("P-384").privateKeyPemPkcs8 })).rejects.toThrow(/expected 256 bit key, got 384 bits/);
    expect(issuer.refusals.length).toBe(before);
    const p384 = await renderStack({ provisioner: { ...recipe, keys: [{ kid: "ec-1", algorithm: "EC", curve: "P384" }] } });
    expect(p384.plan.diagnostics.map((d) => d.severity)).toContain("error");
    expect(p384.plan.resources).toEqual([]);
  });
});
