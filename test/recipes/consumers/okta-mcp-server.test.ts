/**
 * The Okta MCP server plays its part against an issuer configured from the plan: the requests its source
 * (okta/okta-mcp-server v1.1.4, src/okta_mcp_server/utils/auth/auth_manager.py) makes with the handoff's `env`.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MCP_ASSERTION_LIFETIME_SECONDS, OKTA_MCP_SERVER_VERSION } from "../../../recipes/consumers/okta-mcp-server";
import { ecPair, handoffOf, postForm, privateKey, renderStack, revealedHandoff, signJws, startOktaIssuer, type Issuer, type RenderedStack } from "./issuer";

const MCP = `okta/okta-mcp-server v${OKTA_MCP_SERVER_VERSION}`;
const SCOPES = ["okta.users.read", "okta.groups.read", "okta.logs.read"];

type Env = Record<string, string | undefined>;

/** `sys.exit(1)` in the server: it does not start. */
class Exit extends Error {}

/** PyJWT (2.11+, the lock has 2.13.0) `RSAAlgorithm.prepare_key`: a PEM that loads as anything but RSA is refused. */
class InvalidKeyError extends Error {}

function pyjwtRsaKey(pem: Buffer) {
  let key;
  try {
    key = privateKey(pem.toString("utf8"));
  } catch {
    throw new InvalidKeyError("Could not parse the provided public key.");
  }
  if (key.asymmetricKeyType !== "rsa") {
    const actual = key.asymmetricKeyType === "ec" ? "EllipticCurvePrivateKey" : String(key.asymmetricKeyType);
    throw new InvalidKeyError(`Expected one of (RSAPrivateKey, RSAPublicKey), got: ${actual}. Invalid Key type for RSAAlgorithm`);
  }
  return key;
}

/** `OktaAuthManager`, reduced to what it sends: the constructor's env reading, then one of its two flows. */
class OktaAuthManager {
  orgUrl: string;
  readonly clientId: string;
  scopes: string;
  readonly privateKey?: string;
  readonly keyId?: string;
  readonly useBrowserlessAuth: boolean;
  /** What it stores in keyring. */
  readonly stored: { api_token?: string; refresh_token?: string } = {};

  constructor(
    private readonly env: Env,
    private readonly issuer: Issuer,
  ) {
    const orgUrl = env["OKTA_ORG_URL"];
    const clientId = env["OKTA_CLIENT_ID"];
    if (!orgUrl || !clientId) throw new Exit("OKTA_ORG_URL and OKTA_CLIENT_ID are required");
    this.clientId = clientId;
    this.scopes = `openid profile email offline_access ${(env["OKTA_SCOPES"] ?? "").trim()}`;
    this.privateKey = env["OKTA_PRIVATE_KEY"]?.replaceAll("\\n", "\n");
    this.keyId = env["OKTA_KEY_ID"];
    this.useBrowserlessAuth = Boolean(this.privateKey && this.keyId);
    this.orgUrl = orgUrl.startsWith("https://") ? orgUrl : `https://${orgUrl}`;
  }

  /** `_get_client_assertion`: RS256 hard-coded, kid = OKTA_KEY_ID, iss = sub = client id, aud = token URL, 5 minutes, no jti. */
  clientAssertion(): string {
    const tokenUrl = `${this.orgUrl}/oauth2/v1/token`;
    const iat = Math.floor(Date.now() / 1000);
    const claims = { iss: this.clientId, sub: this.clientId, aud: tokenUrl, iat, exp: iat + MCP_ASSERTION_LIFETIME_SECONDS };
    // jwt.encode(claims, key_bytes, algorithm="RS256", headers={"kid": key_id}); PyJWT adds typ.
    const key = pyjwtRsaKey(Buffer.from(this.privateKey!, "utf8"));
    return signJws({ typ: "JWT", alg: "RS256", kid: this.keyId }, claims, key);
  }

  /** `_browserless_authenticate`: client credentials at the org authorization server, scope = OKTA_SCOPES. */
  async browserless(): Promise<void> {
    this.orgUrl = this.orgUrl.replace(/\/+$/, "");
    if ((this.env["OKTA_SCOPES"] ?? "").trim()) this.scopes = this.env["OKTA_SCOPES"]!.trim();
    const response = await postForm(this.issuer, `${this.orgUrl}/oauth2/v1/token`, {
      grant_type: "client_credentials",
      scope: this.scopes,
      client_assertion_type: "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
      client_assertion: this.clientAssertion(),
    });
    if (response.status !== 200 || typeof response.body["access_token"] !== "string") throw new Exit(`token request: HTTP ${response.status} ${JSON.stringify(response.body)}`);
    this.stored.api_token = response.body["access_token"];
  }

  /** `_initiate_device_authorization`, the browser step (`webbrowser.open(verification_uri_complete)`), then `_poll_for_token`. */
  async device(userApproves: (userCode: string, verificationUriComplete: string) => Promise<void>): Promise<void> {
    const start = await postForm(this.issuer, `${this.orgUrl}/oauth2/v1/device/authorize`, { client_id: this.clientId, scope: this.scopes });
    if (start.status >= 400) throw new Exit(`device authorization: HTTP ${start.status} ${JSON.stringify(start.body)}`);
    const data = start.body as { device_code: string; user_code: string; verification_uri_complete: string; expires_in: number; interval: number };
    for (const key of ["device_code", "verification_uri_complete", "expires_in", "interval"] as const) if (data[key] === undefined) throw new Error(`KeyError: ${key}`);
    await userApproves(data.user_code, data.verification_uri_complete);
    const startTime = Date.now() / 1000;
    while (Date.now() / 1000 - startTime < data.expires_in) {
      const poll = await postForm(this.issuer, `${this.orgUrl}/oauth2/v1/token`, { client_id: this.clientId, device_code: data.device_code, grant_type: "urn:ietf:params:oauth:grant-type:device_code" });
      if (poll.status === 200 && typeof poll.body["access_token"] === "string") {
        this.stored.api_token = poll.body["access_token"];
        if (typeof poll.body["refresh_token"] === "string") this.stored.refresh_token = poll.body["refresh_token"];
        return;
      }
      // authorization_pending: sleep(interval) and poll again; slow_down, access_denied, anything else: None.
      throw new Exit(`device token: ${JSON.stringify(poll.body)}`);
    }
  }

  /** `refresh_access_token`: no scope parameter. */
  async refresh(): Promise<boolean> {
    const response = await postForm(this.issuer, `${this.orgUrl}/oauth2/v1/token`, { grant_type: "refresh_token", client_id: this.clientId, refresh_token: this.stored.refresh_token ?? "" });
    if (response.status !== 200) return false;
    this.stored.api_token = response.body["access_token"] as string;
    this.stored.refresh_token = response.body["refresh_token"] as string;
    return true;
  }
}

/** The handoff's env as an MCP client passes it, its OKTA_ORG_URL served by the issuer. */
function envOf(stack: RenderedStack, instance: string, issuer: Issuer): Env {
  const env = revealedHandoff(stack, instance)["env"] as Env;
  // The handoff names the org; the issuer stands in for it.
  expect(env["OKTA_ORG_URL"]).toBe(issuer.issuer);
  return env;
}

describe(`${MCP}, private key JWT mode`, () => {
  let stack: RenderedStack;
  let issuer: Issuer;
  let short: Issuer;
  const recipe = { recipe: "okta-mcp-server", mode: "private_key_jwt", scopes: SCOPES };

  beforeAll(async () => {
    stack = await renderStack({ bot: recipe });
    expect(stack.plan.diagnostics).toEqual([]);
    issuer = await startOktaIssuer(stack);
    // The same plan, one handed-over scope missing from the app's grant.
    short = await startOktaIssuer(stack, { grant: (_app, scopes) => scopes.filter((s) => s !== "okta.groups.read") });
  });
  afterAll(async () => {
    await issuer?.close();
    await short?.close();
  });

  it(`${MCP} gets a token for OKTA_SCOPES with the handed-over key: RS256, kid OKTA_KEY_ID, 5-minute assertion without jti`, async () => {
    // The plan registers the public half of the key the handoff carries: the plan's jwks block, as Okta gets it.
    const registered = issuer.clients.find((c) => c.app === "bot")!;
    expect(registered.planned).toEqual(SCOPES);
    const env = envOf(stack, "bot", issuer);
    expect(handoffOf(stack, "bot")["env"]).toMatchObject({ OKTA_PRIVATE_KEY: "[secret]" });
    const manager = new OktaAuthManager(env, issuer);
    expect(manager.useBrowserlessAuth).toBe(true);
    await manager.browserless();
    expect(manager.stored.api_token).toEqual(expect.any(String));

    const [assertion] = issuer.accepted;
    expect(assertion!.header).toEqual({ typ: "JWT", alg: "RS256", kid: env["OKTA_KEY_ID"] });
    const { iat, exp, ...rest } = assertion!.claims as { iat: number; exp: number };
    expect(rest).toEqual({ iss: env["OKTA_CLIENT_ID"], sub: env["OKTA_CLIENT_ID"], aud: `${env["OKTA_ORG_URL"]}/oauth2/v1/token` });
    expect(exp - iat).toBe(300);
    expect(assertion!.claims).not.toHaveProperty("jti");
  });

  it(`${MCP} is refused (invalid_scope) and does not start when one handed-over scope is not granted`, async () => {
    const manager = new OktaAuthManager(envOf(stack, "bot", short), short);
    await expect(manager.browserless()).rejects.toThrow(/invalid_scope/);
    expect(short.refusals.join("\n")).toContain("okta.groups.read");
  });

  it(`${MCP} needs OKTA_SCOPES space-separated (it sends the value as is): a comma-joined one is refused`, async () => {
    const env = envOf(stack, "bot", issuer);
    expect(env["OKTA_SCOPES"]).toBe(SCOPES.join(" "));
    const manager = new OktaAuthManager({ ...env, OKTA_SCOPES: SCOPES.join(",") }, issuer);
    await expect(manager.browserless()).rejects.toThrow(/invalid_scope/);
  });

  it(`${MCP} cannot use an EC key: the recipe refuses one, and the server's RS256 signing refuses it before any request`, async () => {
    // The recipe: an EC key is a plan error on the instance, nothing is created.
    const refused = await renderStack({ bot: { ...recipe, keys: [{ kid: "ec-1", algorithm: "EC" }] } });
    expect(refused.plan.diagnostics.map((d) => d.code)).toEqual(["RECIPE_KEY_UNSUPPORTED"]);
    expect(refused.plan.resources).toEqual([]);

    // The same server handed an EC key anyway (a plain service app's generated EC key, PKCS#8 PEM, and its kid).
    const ec = await renderStack({}, { oktaApps: { bot: { type: "service", keys: [{ kid: "ec-1", algorithm: "EC" }], apiScopes: SCOPES, adminRoles: ["READ_ONLY_ADMIN"] } }, keys: { "bot-key-ec-1": ecPair() } });
    expect(ec.plan.diagnostics).toEqual([]);
    const ecIssuer = await startOktaIssuer(ec);
    try {
      const outputs = (ec.plan.outputs as { okta: Record<string, { privateKeys: Record<string, { pem: string }> }> }).okta;
      expect(outputs["bot"]!.privateKeys["ec-1"]!.pem).toBe("[secret]");
      expect(ec.plan.resources.find((r) => r.type === "tls:index/privateKey:PrivateKey")!.inputs).toEqual({ algorithm: "ECDSA", ecdsaCurve: "P256" });
      const bot = ec.revealed.okta!["bot"]! as { clientId: string; privateKeys: Record<string, { pem: string }> };
      const env: Env = { OKTA_ORG_URL: ecIssuer.issuer, OKTA_CLIENT_ID: bot.clientId, OKTA_SCOPES: SCOPES.join(" "), OKTA_KEY_ID: "ec-1", OKTA_PRIVATE_KEY: bot.privateKeys["ec-1"]!.pem };
      const manager = new OktaAuthManager(env, ecIssuer);
      await expect(manager.browserless()).rejects.toThrow(InvalidKeyError);
      await expect(manager.browserless()).rejects.toThrow(/got: EllipticCurvePrivateKey/);
      // No request reached the issuer. Signed anyway (an ECDSA signature under an RS256 header), it is refused.
      expect(ecIssuer.refusals).toEqual([]);
      const iat = Math.floor(Date.now() / 1000);
      const forced = signJws({ typ: "JWT", alg: "RS256", kid: "ec-1" }, { iss: "0oa-bot", sub: "0oa-bot", aud: ecIssuer.tokenEndpoint, iat, exp: iat + 300 }, privateKey(env["OKTA_PRIVATE_KEY"]!));
      const response = await postForm(ecIssuer, ecIssuer.tokenEndpoint, { grant_type: "client_credentials", scope: SCOPES.join(" "), client_assertion_type: "urn:ietf:params:oauth:client-assertion-type:jwt-bearer", client_assertion: forced });
      expect(response).toMatchObject({ status: 401, body: { error: "invalid_client" } });
    } finally {
      await ecIssuer.close();
    }
  });

  it(`${MCP}'s assertion has no jti: Okta documents jti as optional, oidc-provider's own client authentication requires it`, async () => {
    const strict = await startOktaIssuer(stack, { assertions: "oidc-provider" });
    try {
      const manager = new OktaAuthManager(envOf(stack, "bot", strict), strict);
      await expect(manager.browserless()).rejects.toThrow(/invalid_client/);
      expect(strict.refusals).toContain("unique jti (JWT ID) must be provided in the client_assertion JWT");
    } finally {
      await strict.close();
    }
  });
});

describe(`${MCP}, device authorization mode`, () => {
  let stack: RenderedStack;
  let issuer: Issuer;
  let short: Issuer;
  const recipe = { recipe: "okta-mcp-server", mode: "device", scopes: SCOPES };

  beforeAll(async () => {
    stack = await renderStack({ mcp: recipe });
    expect(stack.plan.diagnostics).toEqual([]);
    issuer = await startOktaIssuer(stack);
    short = await startOktaIssuer(stack, { grant: (_app, scopes) => scopes.filter((s) => s !== "okta.logs.read") });
  });
  afterAll(async () => {
    await issuer?.close();
    await short?.close();
  });

  it(`${MCP} signs in as a public client with openid profile email offline_access + OKTA_SCOPES, and refreshes`, async () => {
    expect(issuer.clients.find((c) => c.app === "mcp")!.metadata).toMatchObject({ token_endpoint_auth_method: "none", application_type: "native" });
    const manager = new OktaAuthManager(envOf(stack, "mcp", issuer), issuer);
    expect(manager.useBrowserlessAuth).toBe(false);
    expect(manager.scopes).toBe(`openid profile email offline_access ${SCOPES.join(" ")}`);
    let opened = "";
    await manager.device(async (userCode, uri) => {
      opened = uri;
      await issuer.approveDevice(userCode);
    });
    expect(new URL(opened).origin).toBe(issuer.issuer);
    expect(manager.stored.api_token).toEqual(expect.any(String));
    // offline_access with the plan's refresh grant: a refresh token, which the server then uses.
    expect(manager.stored.refresh_token).toEqual(expect.any(String));
    const first = manager.stored.refresh_token;
    expect(await manager.refresh()).toBe(true);
    // A public client's refresh token rotates (the plan's refreshTokenRotation: ROTATE).
    expect(manager.stored.refresh_token).not.toBe(first);
  });

  it(`${MCP} is refused (invalid_scope) at the device authorization when one handed-over scope is not granted`, async () => {
    const manager = new OktaAuthManager(envOf(stack, "mcp", short), short);
    await expect(manager.device(async (userCode) => short.approveDevice(userCode))).rejects.toThrow(/invalid_scope/);
  });
});
