/**
 * Defguard plays its part against an issuer configured from the plan: the OIDC login
 * (crates/defguard_core/src/enterprise/handlers/openid_login.rs) and the Okta directory sync
 * (crates/defguard_core/src/enterprise/directory_sync/okta.rs) of DefGuard/defguard v2.0.1, with the handoff's
 * values pasted into its OpenID provider settings.
 */
import { createPrivateKey, randomUUID, type JsonWebKey } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFGUARD_ASSERTION_LIFETIME_SECONDS, DEFGUARD_JWK_REQUIRED_MEMBERS, DEFGUARD_VERSION } from "../../../recipes/consumers/defguard";
import { basic, browse, discover, ecPair, postForm, renderStack, revealedHandoff, signJws, startOktaIssuer, USER, verifyIdToken, type Issuer, type RenderedStack } from "./issuer";

const DEFGUARD = `DefGuard/defguard v${DEFGUARD_VERSION}`;
const URL_ = "https://defguard.example.net";
const PUBLIC_URL = "https://enroll.example.net";

/** `DirectorySyncError::InvalidProviderConfiguration` and `JWTError`: the sync fails, the settings were saved. */
class SyncError extends Error {}

/**
 * `jsonwebkey::JsonWebKey::from_str` (jsonwebkey 0.4.0): one JWK object; `kty` RSA/EC/oct; `alg`, when present,
 * HS256/RS256/ES256 matching the key type; RSA `e` must be AQAB; EC only P-256; `use` sig or enc.
 */
function jsonWebKeyFromStr(text: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new SyncError(`invalid JSON: ${String(e)}`);
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) throw new SyncError(`invalid type: ${Array.isArray(value) ? "sequence" : typeof value}, expected a JWK`);
  const jwk = value as Record<string, unknown>;
  const kty = jwk["kty"];
  if (kty === undefined) throw new SyncError("missing field `kty`");
  if (kty !== "RSA" && kty !== "EC" && kty !== "oct") throw new SyncError(`unknown variant \`${String(kty)}\``);
  const alg = jwk["alg"];
  if (alg !== undefined && alg !== ({ RSA: "RS256", EC: "ES256", oct: "HS256" } as const)[kty]) throw new SyncError(`invalid algorithm ${String(alg)} for a ${kty} key`);
  if (jwk["use"] !== undefined && jwk["use"] !== "sig" && jwk["use"] !== "enc") throw new SyncError(`unknown variant \`${String(jwk["use"])}\``);
  if (kty === "RSA" && jwk["e"] !== "AQAB") throw new SyncError("unsupported RSA public exponent");
  if (kty === "EC" && jwk["crv"] !== "P-256") throw new SyncError(`unknown variant \`${String(jwk["crv"])}\``);
  return jwk;
}

/**
 * `OktaDirectorySync::build_token`: the JWK (with its `kid`, required here) → `try_to_pem` → `EncodingKey::from_rsa_pem`
 * → RS256 with the JWK's kid; claims iss = sub = the directory-sync client id, aud = `<base_url>/oauth2/v1/token`,
 * iat, exp = iat + 3600, no jti.
 */
function buildToken(jwkText: string, clientId: string, baseUrl: string): string {
  const jwk = jsonWebKeyFromStr(jwkText);
  const kid = jwk["kid"];
  if (typeof kid !== "string") throw new SyncError("Missing key id in the provided JSON key");
  if (jwk["kty"] === "RSA" && jwk["d"] !== undefined && ["p", "q", "dp", "dq", "qi"].some((m) => jwk[m] === undefined)) throw new SyncError("MissingRsaParams");
  // try_to_pem gives a private key PEM only when the private members are there; from_rsa_pem takes RSA only.
  const { kid: _kid, alg: _alg, use: _use, ...material } = jwk;
  let key;
  try {
    key = createPrivateKey({ key: material as JsonWebKey, format: "jwk" });
  } catch {
    throw new SyncError("Failed to build a JWT token: InvalidKeyFormat");
  }
  if (key.asymmetricKeyType !== "rsa") throw new SyncError("Failed to build a JWT token: InvalidKeyFormat (EncodingKey::from_rsa_pem with a non-RSA PEM)");
  const iat = Math.floor(Date.now() / 1000);
  const aud = `${baseUrl.replace(/\/+$/, "")}/oauth2/v1/token`;
  return signJws({ typ: "JWT", alg: "RS256", kid }, { iss: clientId, sub: clientId, aud, iat, exp: iat + DEFGUARD_ASSERTION_LIFETIME_SECONDS }, key);
}

/** `query_access_token`: client credentials with the hard-coded TOKEN_SCOPE, no client_id field, no DPoP. */
async function directorySync(issuer: Issuer, settings: { baseUrl: string; dirsyncClientId: string; privateJwk: string }): Promise<string> {
  const assertion = buildToken(settings.privateJwk, settings.dirsyncClientId, settings.baseUrl);
  const response = await postForm(issuer, `${settings.baseUrl.replace(/\/+$/, "")}/oauth2/v1/token`, {
    grant_type: "client_credentials",
    client_assertion_type: "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
    client_assertion: assertion,
    scope: "okta.users.read okta.groups.read",
  });
  if (response.status !== 200 || typeof response.body["access_token"] !== "string") throw new SyncError(`token request: HTTP ${response.status} ${JSON.stringify(response.body)}`);
  return response.body["access_token"];
}

/**
 * The login (`get_auth_info` + `auth_callback`, openidconnect 4.0.1): discovery at `<base_url>`, scopes openid +
 * email + profile, state and nonce, the code redeemed with client_secret_basic, the ID token verified (RS256,
 * issuer, audience, nonce) and its `email` required.
 */
async function login(issuer: Issuer, settings: { baseUrl: string; clientId: string; clientSecret: string }, redirectUri: string): Promise<Record<string, unknown>> {
  const metadata = await discover(issuer, settings.baseUrl);
  if (metadata["issuer"] !== settings.baseUrl) throw new Error(`discovered issuer ${metadata["issuer"]} is not the base URL ${settings.baseUrl}`);
  const state = randomUUID();
  const nonce = randomUUID();
  const authorize = new URL(metadata["authorization_endpoint"]!);
  for (const [k, v] of Object.entries({ response_type: "code", client_id: settings.clientId, state, redirect_uri: redirectUri, scope: "openid email profile", nonce })) authorize.searchParams.set(k, v);
  const callback = await browse(issuer, authorize.href);
  expect(`${callback.origin}${callback.pathname}`).toBe(redirectUri);
  if (callback.searchParams.get("error")) throw new Error(`authorization error: ${callback.searchParams.get("error")}`);
  expect(callback.searchParams.get("state")).toBe(state);
  const tokens = await postForm(issuer, metadata["token_endpoint"]!, { grant_type: "authorization_code", code: callback.searchParams.get("code")!, redirect_uri: redirectUri }, { authorization: basic(settings.clientId, settings.clientSecret) });
  if (tokens.status !== 200) throw new Error(`token request: HTTP ${tokens.status} ${JSON.stringify(tokens.body)}`);
  const claims = await verifyIdToken(issuer, metadata["jwks_uri"]!, tokens.body["id_token"] as string);
  expect(claims["iss"]).toBe(settings.baseUrl);
  expect([claims["aud"]].flat()).toContain(settings.clientId);
  expect(claims["nonce"]).toBe(nonce);
  if (typeof claims["email"] !== "string") throw new Error("the ID token has no email claim");
  return claims;
}

/** What the admin pastes into Defguard's Okta provider form, from the handoff (`--show-secrets --json`, the JWK through `jq -c`). */
function settingsOf(stack: RenderedStack) {
  const h = revealedHandoff(stack, "dg") as { baseUrl: string; clientId: string; clientSecret: string; directorySync: { clientId: string; privateKey: unknown } };
  return { baseUrl: h.baseUrl, clientId: h.clientId, clientSecret: h.clientSecret, dirsyncClientId: h.directorySync.clientId, privateKey: h.directorySync.privateKey, privateJwk: JSON.stringify(h.directorySync.privateKey) };
}

describe(`${DEFGUARD} with Okta (defguard-okta, directorySync)`, () => {
  let stack: RenderedStack;
  let issuer: Issuer;
  let short: Issuer;

  beforeAll(async () => {
    stack = await renderStack({ dg: { recipe: "defguard-okta", url: URL_, publicUrl: PUBLIC_URL, directorySync: true } });
    expect(stack.plan.diagnostics).toEqual([]);
    issuer = await startOktaIssuer(stack);
    short = await startOktaIssuer(stack, { grant: (app, scopes) => (app === "dg-directory-sync" ? scopes.filter((s) => s !== "okta.groups.read") : scopes) });
  });
  afterAll(async () => {
    await issuer?.close();
    await short?.close();
  });

  it(`${DEFGUARD} signs users in through the dashboard and the enrollment proxy (openid email profile, client_secret_basic)`, async () => {
    const settings = settingsOf(stack);
    expect(settings.baseUrl).toBe(issuer.issuer);
    expect(issuer.clients.find((c) => c.app === "dg")!.metadata).toMatchObject({ token_endpoint_auth_method: "client_secret_basic" });
    for (const redirectUri of [`${URL_}/auth/callback`, `${PUBLIC_URL}/openid/callback`]) {
      const claims = await login(issuer, settings, redirectUri);
      expect(claims).toMatchObject({ sub: USER.sub, email: USER.email });
    }
  });

  it(`${DEFGUARD}'s directory sync gets a token with the handed-over JWK: RS256 with its kid, a one-hour assertion without jti, exactly okta.users.read okta.groups.read`, async () => {
    const settings = settingsOf(stack);
    // The handoff's privateKey is one JWK object, what jsonwebkey parses: the members Defguard needs, alg absent or RS256.
    expect(typeof settings.privateKey === "object" && settings.privateKey !== null && !Array.isArray(settings.privateKey)).toBe(true);
    const jwk = settings.privateKey as Record<string, unknown>;
    for (const member of DEFGUARD_JWK_REQUIRED_MEMBERS) expect(jwk[member], member).toEqual(expect.any(String));
    expect(jwk["e"]).toBe("AQAB");
    expect([undefined, "RS256"]).toContain(jwk["alg"]);

    expect(await directorySync(issuer, settings)).toEqual(expect.any(String));
    const assertion = issuer.accepted.find((a) => a.clientId === settings.dirsyncClientId)!;
    expect(assertion.header).toEqual({ typ: "JWT", alg: "RS256", kid: jwk["kid"] });
    const { iat, exp, ...rest } = assertion.claims as { iat: number; exp: number };
    expect(rest).toEqual({ iss: settings.dirsyncClientId, sub: settings.dirsyncClientId, aud: `${settings.baseUrl}/oauth2/v1/token` });
    expect(exp - iat).toBe(3600);
  });

  it(`${DEFGUARD}'s directory sync is refused (invalid_scope) when okta.groups.read is not granted`, async () => {
    await expect(directorySync(short, settingsOf(stack))).rejects.toThrow(/invalid_scope/);
    expect(short.refusals).toContain("requested scope is not allowed: okta.groups.read");
  });

  it(`${DEFGUARD}'s assertion has no jti either: Okta documents it as optional, oidc-provider's own client authentication refuses it`, async () => {
    const strict = await startOktaIssuer(stack, { assertions: "oidc-provider" });
    try {
      await expect(directorySync(strict, settingsOf(stack))).rejects.toThrow(/invalid_client/);
      expect(strict.refusals).toContain("unique jti (JWT ID) must be provided in the client_assertion JWT");
    } finally {
      await strict.close();
    }
  });

  it(`${DEFGUARD} takes the key as the one JWK object the handoff gives: a JWKS, a PEM or a JSON string of it fail`, async () => {
    const settings = settingsOf(stack);
    const attempt = (privateJwk: string) => directorySync(issuer, { ...settings, privateJwk });
    // Okta's "keys" wrapper passes Defguard's save check (it is JSON) and fails at sync.
    await expect(attempt(JSON.stringify({ keys: [settings.privateKey] }))).rejects.toThrow(/missing field `kty`/);
    // A JSON string holding the JWK (escaped JSON pasted as a string) likewise.
    await expect(attempt(JSON.stringify(settings.privateJwk))).rejects.toThrow(/invalid type: string/);
    // The PEM is not JSON at all: Defguard's save check drops it silently, and the sync has no key.
    const pem = (stack.revealed.okta!["dg-directory-sync"] as { privateKeys: Record<string, { pem: string }> }).privateKeys["dg-directory-sync-1"]!.pem;
    expect(pem).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    await expect(attempt(pem)).rejects.toThrow(/invalid JSON/);
    // Without kid: Defguard needs it for the header.
    const { kid: _kid, ...noKid } = settings.privateKey as Record<string, unknown>;
    await expect(attempt(JSON.stringify(noKid))).rejects.toThrow(/Missing key id/);
  });

  it(`${DEFGUARD} cannot use an EC key: jsonwebkey parses the EC JWK, EncodingKey::from_rsa_pem refuses it, no request is made`, async () => {
    // An EC key generated by a plain service app, handed over as its private JWK (kty EC, crv P-256, alg ES256).
    const ec = await renderStack({}, { oktaApps: { sync: { type: "service", keys: [{ kid: "ec-1", algorithm: "EC" }], apiScopes: ["okta.users.read", "okta.groups.read"], adminRoles: ["READ_ONLY_ADMIN"] } }, keys: { "sync-key-ec-1": ecPair() } });
    expect(ec.plan.diagnostics).toEqual([]);
    const ecIssuer = await startOktaIssuer(ec);
    try {
      const sync = ec.revealed.okta!["sync"] as { clientId: string; privateKeys: Record<string, { jwk: string }> };
      const jwkText = sync.privateKeys["ec-1"]!.jwk;
      expect(JSON.parse(jwkText)).toMatchObject({ kty: "EC", crv: "P-256", kid: "ec-1", alg: "ES256" });
      expect(jsonWebKeyFromStr(jwkText)).toMatchObject({ kty: "EC" });
      await expect(directorySync(ecIssuer, { baseUrl: ecIssuer.issuer, dirsyncClientId: sync.clientId, privateJwk: jwkText })).rejects.toThrow(/InvalidKeyFormat/);
      expect(ecIssuer.refusals).toEqual([]);
      expect(ecIssuer.accepted).toEqual([]);
    } finally {
      await ecIssuer.close();
    }
  });
});
