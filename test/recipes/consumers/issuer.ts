/**
 * Consumer tests: shared setup. A stack is rendered offline into its plan (the real program under the mock
 * runtime, as `npm run plan` does) with the values a provider computes on apply planted, and a loopback issuer
 * (oidc-provider on 127.0.0.1) is configured from that plan: one client per Okta or Auth0 app resource, from the
 * resource's inputs, granted exactly the scopes of the plan's scope-grant resources. The consumer tests then
 * replay, against it, the requests each product's source makes with what the handoff gives it.
 *
 * Why planted values: the plan shows what a provider computes on apply as "(known after apply)" and secrets as
 * "[secret]". `capture()`'s `computed` option fills the provider's side the way it would be filled on apply:
 *  - `tls.PrivateKey` returns a real key pair generated here, so the program itself derives the JWKS (the plan
 *    then shows the real `jwks` block Okta would receive) and the private halves (PKCS#8 PEM, private JWK) that
 *    reach the handoff. Nothing is copied into the plan by the test: a bug in the derivation shows up as a
 *    refused assertion.
 *  - Okta and Auth0 return client ids; `random.RandomPassword` returns a known secret, which Okta echoes as the
 *    app's client secret. The plan masks the secret; the issuer registers the value planted for the
 *    RandomPassword under the same component (what the plan's `[secret]` stands for), and the consumer uses the
 *    value the handoff carries (`--show-secrets`): a handoff wired to the wrong secret is refused.
 *
 * No real network: consumers reach the issuer only through `Issuer.fetch`, which serves the org's (or tenant's)
 * origin from the loopback server, behind a stand-in for the TLS-terminating proxy, and refuses any other origin.
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, randomUUID, sign as cryptoSign, verify as cryptoVerify, type JsonWebKey, type KeyObject } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { PassThrough } from "node:stream";
import * as pulumi from "@pulumi/pulumi";
import Provider, { errors, type ClientMetadata, type KoaContextWithOIDC } from "oidc-provider";
import main from "../../../program/index";
import { OKTA_API_SCOPES } from "../../../config/catalogues/okta-api-scopes";
import { GRANT_TYPE_URNS, normaliseGrantType } from "../../../config/grant-types";
import { loadStack } from "../../../recipes/load-stack";
import type { StackModel } from "../../../config/model";
import { capture } from "../../../plan/capture";
import { PROJECT } from "../../../config/sections";
import type { Plan, PlanResource } from "../../../plan/run";
import { resolveOutput, SECRET, UNKNOWN } from "../../../plan/values";
import { oktaApps, readStack, recipeConfig, stackYaml } from "../../support/stacks";

export const OAUTH = "okta:app/oAuth:OAuth";
export const API_SCOPES = "okta:index/appOauthApiScope:AppOauthApiScope";
export const TLS_KEY = "tls:index/privateKey:PrivateKey";
export const RANDOM_PASSWORD = "random:index/randomPassword:RandomPassword";
export const AUTH0_CLIENT = "auth0:index/client:Client";
export const AUTH0_CREDENTIALS = "auth0:index/clientCredentials:ClientCredentials";
export const AUTH0_GRANT = "auth0:index/clientGrant:ClientGrant";

/** OpenID Connect scopes: Okta's org authorization server gives them to any app that signs people in. */
export const OIDC_SCOPES = ["openid", "profile", "email", "phone", "address", "offline_access"];

// ---------------------------------------------------------------------------------------------------------
// Rendering a stack, with the provider-computed values planted
// ---------------------------------------------------------------------------------------------------------

export interface KeyPair {
  readonly privateKeyPemPkcs8: string;
  /** What @pulumi/tls calls privateKeyPem: PKCS#1 for RSA, SEC1 for ECDSA. */
  readonly privateKeyPem: string;
  readonly publicKeyPem: string;
}

const rsaPairs = new Map<string, KeyPair>();

/** A fresh RSA 2048 pair per key resource name (cached: generation costs a few hundred ms on a small machine). */
export function rsaPair(name: string): KeyPair {
  let pair = rsaPairs.get(name);
  if (!pair) {
    const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    pair = {
      privateKeyPemPkcs8: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
      privateKeyPem: privateKey.export({ type: "pkcs1", format: "pem" }).toString(),
      publicKeyPem: publicKey.export({ type: "spki", format: "pem" }).toString(),
    };
    rsaPairs.set(name, pair);
  }
  return pair;
}

/** An EC pair as @pulumi/tls returns one for `algorithm: ECDSA`. */
export function ecPair(namedCurve: "P-256" | "P-384" = "P-256"): KeyPair {
  const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve });
  return {
    privateKeyPemPkcs8: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
    privateKeyPem: privateKey.export({ type: "sec1", format: "pem" }).toString(),
    publicKeyPem: publicKey.export({ type: "spki", format: "pem" }).toString(),
  };
}

/** The client id Okta (or Auth0) assigns to an app resource on create, as planted here. */
export const plantedClientId = (type: string, name: string) => (type === AUTH0_CLIENT ? `auth0-${name}` : `0oa-${name}`);

/** The value a `random.RandomPassword` resource returns, as planted here: 64 alphanumerics, like ours. */
export const plantedSecret = (randomPasswordName: string) => createHash("sha256").update(`planted:${randomPasswordName}`).digest("hex");

export interface RenderedStack {
  /** The plan, as `npm run plan -- --json` renders it (with the planted values where the provider computes them). */
  readonly plan: Plan;
  /** The stack outputs with their secrets, as `pulumi stack output --show-secrets --json` gives them. */
  readonly revealed: RevealedOutputs;
  /** The validated model the plan was made from (what each recipe's consumer requests); absent when the stack has errors. */
  readonly model?: StackModel;
}

export interface RevealedOutputs {
  readonly okta?: Record<string, Record<string, unknown>>;
  readonly auth0?: Record<string, Record<string, unknown>>;
  readonly handoffs?: Record<string, Record<string, unknown>>;
}

export interface RenderOptions {
  /** Plain apps under `oidc-apps:okta` next to the recipes. */
  readonly oktaApps?: Record<string, unknown>;
  readonly environment?: string;
  /** Key pairs by key resource name (default: a fresh RSA 2048 pair per name). */
  readonly keys?: Readonly<Record<string, KeyPair>>;
}

/** The stack file the consumer tests use: the org `acme` on oktapreview.com, the tenant acme.us.auth0.com. */
export function stackFile(instances: Record<string, unknown>, options: RenderOptions = {}): string {
  return stackYaml(
    recipeConfig(instances, {
      "okta:baseUrl": "oktapreview.com",
      "oidc-apps:environment": options.environment ?? "development",
      ...(Object.keys(instances).length > 0 ? {} : { "oidc-apps:recipes": undefined }),
      ...(options.oktaApps ? oktaApps(options.oktaApps) : {}),
    }),
  );
}

/** Render a stack the way plan/run.ts does, with the provider-computed values planted (see the file comment). */
export async function renderStack(recipes: Record<string, unknown>, options: RenderOptions = {}): Promise<RenderedStack> {
  const file = readStack(stackFile(recipes, options));
  const loaded = loadStack({ config: file.config, secretKeys: file.secretKeys });
  let diagnostics: Plan["diagnostics"] = [];
  const run = await capture(
    {
      project: PROJECT,
      stack: "consumers",
      config: file.config,
      secretKeys: file.secretKeys,
      computed: (type, name) => {
        switch (type) {
          case TLS_KEY:
            return { ...(options.keys?.[name] ?? rsaPair(name)) };
          case OAUTH:
            // Okta returns the client secret it was given (`clientBasicSecret`): the component's RandomPassword.
            return { clientId: plantedClientId(type, name), clientSecret: plantedSecret(`${name}-client-secret`) };
          case AUTH0_CLIENT:
            return { clientId: plantedClientId(type, name) };
          case RANDOM_PASSWORD:
            return { result: plantedSecret(name) };
          default:
            return undefined;
        }
      },
    },
    () => main({ stackFile: "stacks/Pulumi.consumers.yaml", secretKeys: file.secretKeys, onDiagnostics: (d) => (diagnostics = [...d]) }),
  );
  const failed = diagnostics.some((d) => d.severity === "error");
  if (!run.result.ok && !failed) throw run.result.error;
  if (!run.result.ok) return { plan: { project: PROJECT, stack: "consumers", resources: run.resources, invokes: run.invokes, outputs: {}, diagnostics }, revealed: {} };
  const plan: Plan = { project: PROJECT, stack: "consumers", resources: run.resources, invokes: run.invokes, outputs: await resolveOutput(run.result.value), diagnostics };
  const revealed = (await reveal(run.result.value)) as RevealedOutputs;
  return { plan, revealed, ...(loaded.model ? { model: loaded.model } : {}) };
}

/** Like resolveOutput, but a secret gives its value (`--show-secrets`); an unknown still prints as unknown. */
async function reveal(value: unknown): Promise<unknown> {
  if (pulumi.Output.isInstance(value)) {
    const internals = value as unknown as { isKnown: Promise<boolean>; promise(): Promise<unknown> };
    if (!(await internals.isKnown)) return UNKNOWN;
    return reveal(await internals.promise());
  }
  if (Array.isArray(value)) return Promise.all(value.map(reveal));
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value as Record<string, unknown>).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = await reveal(v);
    }
    return out;
  }
  return value;
}

// ---------------------------------------------------------------------------------------------------------
// Reading the plan
// ---------------------------------------------------------------------------------------------------------

/** A handoff as the plan shows it (secrets masked). */
export const handoffOf = (stack: RenderedStack, instance: string) => (stack.plan.outputs as { handoffs: Record<string, Record<string, unknown>> }).handoffs[instance]!;

/** A handoff with its secrets: what the product's settings page is given. */
export function revealedHandoff(stack: RenderedStack, instance: string): Record<string, unknown> {
  const handoff = stack.revealed.handoffs?.[instance];
  if (!handoff) throw new Error(`no handoff ${instance}`);
  return handoff;
}

export function resource(plan: Plan, type: string, name: string): PlanResource {
  const r = plan.resources.find((x) => x.type === type && x.name === name);
  if (!r) throw new Error(`no ${type} named ${name} in the plan: ${plan.resources.map((x) => `${x.type}::${x.name}`).join(", ")}`);
  return r;
}

const inputs = (r: PlanResource) => r.inputs as Record<string, unknown>;

/** A value the issuer needs: it must be known in the plan (a planted value, or a literal). */
function known<T>(value: T, what: string): T {
  if (value === UNKNOWN || value === SECRET) throw new Error(`${what} is ${String(value)} in the plan`);
  return value;
}

/** The org the plan provisions: the Okta provider resource's orgName and baseUrl. */
export function orgUrlOf(plan: Plan): string {
  const provider = plan.resources.find((r) => r.type === "pulumi:providers:okta");
  if (!provider) throw new Error("the plan has no Okta provider");
  const { orgName, baseUrl } = inputs(provider) as { orgName: string; baseUrl: string };
  return `https://${orgName}.${baseUrl}`;
}

/** Every Okta API scope grant resource of an app: those under the app's component (the grant's appId is only known after apply). */
export function grantsOf(plan: Plan, app: PlanResource): PlanResource[] {
  return plan.resources.filter((r) => r.type === API_SCOPES && r.parent !== null && r.parent === app.parent);
}

/** The Okta API scopes the plan grants an app (the union of its grant resources, in their order). */
export function grantedScopes(plan: Plan, app: PlanResource): string[] {
  return [...new Set(grantsOf(plan, app).flatMap((g) => inputs(g)["scopes"] as string[]))];
}

/** What the plan's `[secret]` client secret of an app stands for: the value planted for its component's RandomPassword. */
function plannedClientSecret(plan: Plan, app: PlanResource, field: string): string | undefined {
  const value = inputs(app)[field];
  if (value === undefined) return undefined;
  if (value !== SECRET) throw new Error(`${app.name}.${field} is not a secret in the plan`);
  const password = plan.resources.find((r) => r.type === RANDOM_PASSWORD && r.parent === app.parent);
  if (!password) throw new Error(`${app.name}: no RandomPassword under ${app.parent}`);
  return plantedSecret(password.name);
}

// ---------------------------------------------------------------------------------------------------------
// The loopback issuer
// ---------------------------------------------------------------------------------------------------------

/** What a test may change in the issuer before the consumer runs: one thing broken at a time. */
export interface IssuerOptions {
  /** The scopes registered for an app, from the plan's grant (default: exactly the plan's grant). */
  readonly grant?: (app: string, planned: readonly string[]) => readonly string[];
  /** The grant types registered for an app, from the plan's (Okta's names). */
  readonly grantTypes?: (app: string, planned: readonly string[]) => readonly string[];
  /**
   * Who checks private key JWT client assertions. `okta` (default): the issuer applies Okta's documented rules
   * (`jti` optional); `oidc-provider`: oidc-provider's own client authentication, which requires a `jti`.
   */
  readonly assertions?: "okta" | "oidc-provider";
}

export interface AcceptedAssertion {
  readonly clientId: string;
  readonly header: Record<string, unknown>;
  readonly claims: Record<string, unknown>;
}

export interface RegisteredClient {
  readonly app: string;
  readonly metadata: ClientMetadata;
  /** The scopes granted in the plan (before IssuerOptions.grant). */
  readonly planned: readonly string[];
}

export interface Issuer {
  /** The issuer identifier (the org URL, or the tenant's `https://<domain>/`). */
  readonly issuer: string;
  readonly tokenEndpoint: string;
  /** The clients registered from the plan. */
  readonly clients: readonly RegisteredClient[];
  /** fetch, for the issuer's origin only (served from the loopback server); any other origin is refused. */
  readonly fetch: (url: string | URL, init?: RequestInit) => Promise<Response>;
  /** Client assertions the issuer accepted (Okta rules), header and claims. */
  readonly accepted: AcceptedAssertion[];
  /** Why the issuer refused requests (the detail oidc-provider logs but does not answer with). */
  readonly refusals: string[];
  /** The user approves a device authorization (the browser step of the device flow). */
  approveDevice(userCode: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * The plan's grant types are Okta's names, which are the RFC names oidc-provider uses too (GRANT_TYPE_URNS):
 * an unknown one is a defect of the plan.
 */
function grantTypesFor(raw: readonly string[], app: string): string[] {
  return raw.map((g) => {
    const short = normaliseGrantType(g);
    if (!short) throw new Error(`${app}: unknown grant type ${g} in the plan`);
    return GRANT_TYPE_URNS[short];
  });
}

/** Okta's org authorization server endpoints (developer.okta.com, "OpenID Connect & OAuth 2.0 API", org AS). */
const OKTA_ROUTES = {
  authorization: "/oauth2/v1/authorize",
  token: "/oauth2/v1/token",
  device_authorization: "/oauth2/v1/device/authorize",
  code_verification: "/activate",
  jwks: "/oauth2/v1/keys",
  userinfo: "/oauth2/v1/userinfo",
  revocation: "/oauth2/v1/revoke",
  introspection: "/oauth2/v1/introspect",
  end_session: "/oauth2/v1/logout",
};

/** Auth0's endpoints. */
const AUTH0_ROUTES = {
  authorization: "/authorize",
  token: "/oauth/token",
  device_authorization: "/oauth/device/code",
  jwks: "/.well-known/jwks.json",
  userinfo: "/userinfo",
  revocation: "/oauth/revoke",
};

/** The Okta org's issuer, configured from the plan's `okta.app.OAuth` and `okta.AppOauthApiScope` resources. */
export async function startOktaIssuer(stack: RenderedStack, options: IssuerOptions = {}): Promise<Issuer> {
  const { plan } = stack;
  const issuer = orgUrlOf(plan);
  for (const g of plan.resources.filter((r) => r.type === API_SCOPES)) {
    // Okta API scopes are granted by the org authorization server, the one the consumers call.
    if (inputs(g)["issuer"] !== issuer) throw new Error(`${g.name}: grants on ${String(inputs(g)["issuer"])}, not on the org authorization server ${issuer}`);
  }
  const clients: RegisteredClient[] = [];
  const assertionClients = new Map<string, { jwks: Record<string, unknown>[]; bridgeSecret: string }>();
  const pkceRequired = new Map<string, boolean>();
  const rotateRefreshTokens = new Map<string, boolean>();
  for (const app of plan.resources.filter((r) => r.type === OAUTH)) {
    const i = inputs(app);
    const clientId = plantedClientId(OAUTH, app.name);
    const planned = grantedScopes(plan, app);
    const granted = options.grant ? options.grant(app.name, planned) : planned;
    const grantTypes = grantTypesFor(options.grantTypes ? options.grantTypes(app.name, i["grantTypes"] as string[]) : (i["grantTypes"] as string[]), app.name);
    const method = known(i["tokenEndpointAuthMethod"] as string, `${app.name}.tokenEndpointAuthMethod`);
    const service = i["type"] === "service";
    // Okta's org authorization server: OIDC scopes for apps that sign people in; Okta API scopes only as granted.
    // A service app (client credentials) gets no OIDC scope.
    const scope = [...(service ? [] : OIDC_SCOPES), ...granted].join(" ");
    const metadata: ClientMetadata = {
      client_id: clientId,
      application_type: i["type"] === "native" ? "native" : "web",
      grant_types: grantTypes,
      redirect_uris: [...((i["redirectUris"] as string[] | undefined) ?? [])],
      post_logout_redirect_uris: [...((i["postLogoutRedirectUris"] as string[] | undefined) ?? [])],
      // oidc-provider ties response types to grants: Okta's `token` on service apps means no front channel.
      response_types: ((i["responseTypes"] as string[] | undefined) ?? []).filter((t) => t === "code" || grantTypes.includes("implicit")),
      token_endpoint_auth_method: method,
      scope,
    };
    if (method === "private_key_jwt") {
      // The JWKS as Okta receives it: the provider's `jwks` block, exactly as the plan shows it.
      const jwks = known(i["jwks"], `${app.name}.jwks`) as Record<string, unknown>[];
      for (const k of jwks) for (const [field, v] of Object.entries(k)) known(v, `${app.name}.jwks[${String(k["kid"])}].${field}`);
      if ((options.assertions ?? "okta") === "okta") {
        const bridgeSecret = randomUUID();
        assertionClients.set(clientId, { jwks, bridgeSecret });
        Object.assign(metadata, { token_endpoint_auth_method: "client_secret_basic", client_secret: bridgeSecret });
      } else {
        Object.assign(metadata, { jwks: { keys: jwks } });
      }
    } else if (method === "client_secret_basic" || method === "client_secret_post") {
      const secret = plannedClientSecret(plan, app, "clientBasicSecret");
      if (!secret) throw new Error(`${app.name}: ${method} without a client secret in the plan`);
      metadata["client_secret"] = secret;
    }
    pkceRequired.set(clientId, i["pkceRequired"] === true);
    rotateRefreshTokens.set(clientId, i["refreshTokenRotation"] === "ROTATE");
    clients.push({ app: app.name, metadata, planned });
  }
  return startIssuer({
    issuer,
    routes: OKTA_ROUTES,
    clients,
    // Every Okta API scope is a scope of the org authorization server: declared, so a client asking for one it
    // was not granted is refused with invalid_scope, as Okta refuses a scope missing from the app's grants.
    scopes: [...OIDC_SCOPES, ...OKTA_API_SCOPES],
    assertionClients,
    pkceRequired,
    rotateRefreshTokens,
    refuseUnknownScopes: true,
    resourceServer: () => undefined,
  });
}

/** The Auth0 tenant's issuer, configured from the plan's `auth0.Client`, `auth0.ClientCredentials` and `auth0.ClientGrant` resources. */
export async function startAuth0Issuer(stack: RenderedStack, options: IssuerOptions = {}): Promise<Issuer> {
  const { plan } = stack;
  const provider = plan.resources.find((r) => r.type === "pulumi:providers:auth0");
  if (!provider) throw new Error("the plan has no Auth0 provider");
  const issuer = `https://${String(inputs(provider)["domain"])}/`;
  const clients: RegisteredClient[] = [];
  /** audience → client id → granted scopes */
  const grants = new Map<string, Map<string, readonly string[]>>();
  for (const app of plan.resources.filter((r) => r.type === AUTH0_CLIENT)) {
    const i = inputs(app);
    const clientId = plantedClientId(AUTH0_CLIENT, app.name);
    const credentials = plan.resources.find((r) => r.type === AUTH0_CREDENTIALS && r.parent === app.parent);
    if (!credentials) throw new Error(`${app.name}: no ClientCredentials in the plan`);
    const method = inputs(credentials)["authenticationMethod"] as string;
    const planned: string[] = [];
    for (const g of plan.resources.filter((r) => r.type === AUTH0_GRANT && inputs(r)["clientId"] === clientId)) {
      const audience = inputs(g)["audience"] as string;
      const scopes = inputs(g)["scopes"] as string[];
      planned.push(...scopes);
      const byClient = grants.get(audience) ?? new Map<string, readonly string[]>();
      byClient.set(clientId, options.grant ? options.grant(app.name, scopes) : scopes);
      grants.set(audience, byClient);
    }
    const grantTypes = grantTypesFor(options.grantTypes ? options.grantTypes(app.name, i["grantTypes"] as string[]) : (i["grantTypes"] as string[]), app.name);
    const metadata: ClientMetadata = {
      client_id: clientId,
      grant_types: grantTypes,
      redirect_uris: [...(i["callbacks"] as string[])],
      response_types: grantTypes.includes("authorization_code") ? ["code"] : [],
      token_endpoint_auth_method: method,
      scope: OIDC_SCOPES.join(" "),
    };
    if (method === "client_secret_basic" || method === "client_secret_post") {
      const secret = plannedClientSecret(plan, credentials, "clientSecret");
      if (!secret) throw new Error(`${app.name}: ${method} without a client secret in the plan`);
      metadata["client_secret"] = secret;
    }
    clients.push({ app: app.name, metadata, planned });
  }
  return startIssuer({
    issuer,
    routes: AUTH0_ROUTES,
    clients,
    scopes: OIDC_SCOPES,
    assertionClients: new Map(),
    pkceRequired: new Map(),
    // Auth0: the client's refreshToken.rotationType.
    rotateRefreshTokens: new Map(plan.resources.filter((r) => r.type === AUTH0_CLIENT).map((r) => [plantedClientId(AUTH0_CLIENT, r.name), (inputs(r)["refreshToken"] as { rotationType?: string } | undefined)?.rotationType === "rotating"])),
    refuseUnknownScopes: false,
    // Auth0 names the API with `audience`; its client grants decide the scopes. A scope outside the grant is
    // refused with access_denied ("Client has not been granted scopes: ..."), not silently dropped.
    resourceServer: (ctx, audience) => {
      const granted = grants.get(audience)?.get(ctx.oidc.client?.clientId ?? "");
      if (!granted) return undefined;
      const requested = String(ctx.oidc.params?.["scope"] ?? "").split(" ").filter(Boolean);
      const missing = requested.filter((s) => !granted.includes(s) && !OIDC_SCOPES.includes(s));
      if (missing.length > 0) throw new AccessDenied(`Client has not been granted scopes: ${missing.join(", ")}`);
      return { scope: granted.join(" "), accessTokenFormat: "opaque" };
    },
  });
}

const { AccessDenied } = errors as unknown as { AccessDenied: new (description?: string) => Error };

/** The parts of oidc-provider's API used here beyond test/verify/oidc-provider.d.ts. */
interface ProviderApi {
  proxy: boolean;
  callback(): (req: IncomingMessage, res: ServerResponse) => void;
  on(event: string, listener: (...args: never[]) => void): unknown;
  interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<{ prompt: { name: string; details: Record<string, unknown> }; params: Record<string, unknown>; session?: { accountId: string }; grantId?: string }>;
  interactionFinished(req: IncomingMessage, res: ServerResponse, result: Record<string, unknown>, options: { mergeWithLastSubmission: boolean }): Promise<void>;
  Grant: { new (args: { accountId: string; clientId: string }): GrantApi; find(id: string): Promise<GrantApi | undefined> };
  DeviceCode: { findByUserCode(userCode: string): Promise<DeviceCodeApi | undefined> };
}

interface GrantApi {
  addOIDCScope(scope: string): void;
  addOIDCClaims(claims: string[]): void;
  addResourceScope(resource: string, scope: string): void;
  save(): Promise<string>;
}

interface DeviceCodeApi {
  clientId: string;
  params: Record<string, unknown>;
  scope?: string;
  accountId?: string;
  grantId?: string;
  save(): Promise<unknown>;
}

/** The one user of these issuers. */
export const USER = { sub: "alice", email: "alice@example.com", name: "Alice Example" };

interface IssuerConfig {
  readonly issuer: string;
  readonly routes: Record<string, string>;
  readonly clients: readonly RegisteredClient[];
  readonly scopes: readonly string[];
  /** Private key JWT clients checked by the Okta rules here, with the internal secret forwarded to oidc-provider. */
  readonly assertionClients: ReadonlyMap<string, { jwks: Record<string, unknown>[]; bridgeSecret: string }>;
  readonly pkceRequired: ReadonlyMap<string, boolean>;
  /** The plan's refresh token rotation per client: a rotating client gets a new refresh token on every use. */
  readonly rotateRefreshTokens: ReadonlyMap<string, boolean>;
  /** Okta: a scope the authorization server does not declare is refused. */
  readonly refuseUnknownScopes: boolean;
  readonly resourceServer: (ctx: KoaContextWithOIDC, resource: string) => { scope: string; accessTokenFormat: "opaque" } | undefined;
}

async function startIssuer(config: IssuerConfig): Promise<Issuer> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const loopback = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const issuerUrl = new URL(config.issuer);
  const tokenEndpoint = new URL(config.routes["token"]!, issuerUrl).href;
  const accepted: AcceptedAssertion[] = [];
  const refusals: string[] = [];
  const seenJti = new Set<string>();

  const provider = new Provider(config.issuer, {
    clients: config.clients.map((c) => c.metadata),
    scopes: [...config.scopes],
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name", "preferred_username"], phone: ["phone_number"], address: ["address"] },
    // Okta puts the claims of the requested scopes in the ID token of the code flow.
    conformIdTokenClaims: false,
    findAccount: (_ctx: unknown, sub: string) => ({
      accountId: sub,
      claims: () => ({ sub, email: USER.email, email_verified: true, name: USER.name, preferred_username: USER.email }),
    }),
    jwks: { keys: [issuerSigningJwk()] },
    // Okta signs ID tokens with RS256 (and RS256 is what the consumers' OIDC libraries accept by default).
    clientDefaults: { id_token_signed_response_alg: "RS256", grant_types: ["authorization_code"], response_types: ["code"] },
    routes: config.routes,
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    pkce: { required: (_ctx: unknown, client: { clientId: string }) => config.pkceRequired.get(client.clientId) ?? false },
    rotateRefreshToken: (ctx: KoaContextWithOIDC) => config.rotateRefreshTokens.get(ctx.oidc.client?.clientId ?? "") ?? false,
    cookies: { keys: ["consumer-test-cookie-key"] },
    ttl: { ClientCredentials: 600, DeviceCode: 600, AccessToken: 600, IdToken: 600, RefreshToken: 3600, Interaction: 600, Session: 600, Grant: 600 },
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      deviceFlow: { enabled: true },
      revocation: { enabled: true },
      resourceIndicators: {
        enabled: true,
        // Auth0's `audience` stands for a resource indicator; the token endpoint's allow-list has no `audience`.
        defaultResource: (ctx: KoaContextWithOIDC) => ctx.oidc.body?.["audience"],
        getResourceServerInfo: (ctx: KoaContextWithOIDC, resource: string) => {
          const info = config.resourceServer(ctx, resource);
          if (!info) throw new errors.InvalidTarget();
          return info;
        },
      },
    },
  }) as unknown as ProviderApi;
  // Behind the TLS-terminating stand-in: URLs oidc-provider builds (discovery, verification URI, the token
  // endpoint a client assertion's `aud` names) are the org's own.
  provider.proxy = true;
  for (const event of ["grant.error", "authorization.error", "device_authorization.error", "server_error"]) {
    provider.on(event, ((_ctx: unknown, err: { error_detail?: string; error_description?: string; scope?: string; message: string }) => {
      refusals.push(`${err.error_detail ?? err.error_description ?? err.message}${err.scope ? `: ${err.scope}` : ""}`);
    }) as (...args: never[]) => void);
  }
  // Okta's device authorization response has `interval` (5 s); oidc-provider leaves it out (RFC 8628 §3.2: the
  // client then assumes 5). The Okta MCP server reads it unconditionally.
  provider.on("device_authorization.success", ((_ctx: unknown, body: Record<string, unknown>) => {
    body["interval"] ??= 5;
  }) as (...args: never[]) => void);
  const callback = provider.callback();

  server.on("request", (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch((e: unknown) => {
      refusals.push(`test issuer: ${String(e)}`);
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
      res.end();
    });
  });

  const unknownScopes = (scope: string | null) => (config.refuseUnknownScopes ? (scope ?? "").split(" ").filter((s) => s !== "" && !config.scopes.includes(s)) : []);

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", loopback);
    if (url.pathname.startsWith("/interaction/")) return interaction(req, res);
    if (req.method === "GET" && url.pathname === config.routes["authorization"]) {
      // Okta refuses a scope its authorization server does not have; oidc-provider would drop it silently.
      const unknown = unknownScopes(url.searchParams.get("scope"));
      const client = config.clients.find((c) => c.metadata.client_id === url.searchParams.get("client_id"));
      const redirectUri = url.searchParams.get("redirect_uri") ?? "";
      if (unknown.length > 0 && client && (client.metadata["redirect_uris"] as string[]).includes(redirectUri)) {
        refusals.push(`unknown scope: ${unknown.join(" ")}`);
        const back = new URL(redirectUri);
        back.searchParams.set("error", "invalid_scope");
        back.searchParams.set("error_description", `The following scopes are not known: ${unknown.join(" ")}`);
        if (url.searchParams.has("state")) back.searchParams.set("state", url.searchParams.get("state")!);
        res.writeHead(303, { location: back.href });
        res.end();
        return;
      }
      // Okta issues a refresh token for offline_access when the app has the refresh grant; oidc-provider only
      // with prompt=consent (OIDC Core §11). The user here always consents, so ask for it on the consumer's behalf.
      if ((url.searchParams.get("scope") ?? "").split(" ").includes("offline_access") && !url.searchParams.has("prompt")) {
        url.searchParams.set("prompt", "consent");
        req.url = `${url.pathname}${url.search}`;
      }
    }
    if (req.method === "POST" && (url.pathname === config.routes["token"] || url.pathname === config.routes["device_authorization"])) {
      const params = new URLSearchParams(await readBody(req));
      // Likewise at the token and device endpoints: a malformed scope list (one comma-joined word, say) would
      // otherwise pass silently.
      const unknown = unknownScopes(params.get("scope"));
      if (unknown.length > 0) {
        refusals.push(`unknown scope: ${unknown.join(" ")}`);
        res.writeHead(400, { "content-type": "application/json" });
        res.end(JSON.stringify({ error: "invalid_scope", error_description: `The following scopes are not known: ${unknown.join(" ")}` }));
        return;
      }
      const forwarded = url.pathname === config.routes["token"] ? authenticateAssertion(params, req.headers) : { body: params.toString(), ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}) };
      if ("error" in forwarded) {
        refusals.push(forwarded.detail);
        res.writeHead(401, { "content-type": "application/json" });
        res.end(JSON.stringify({ error: forwarded.error, error_description: forwarded.detail }));
        return;
      }
      return callback(replay(req, forwarded.body, forwarded.authorization), res);
    }
    return callback(req, res);
  }

  /**
   * Okta's private key JWT rules (developer.okta.com "Implement OAuth for Okta with a service app", Create and
   * sign the JWT; "Client authentication methods"): `aud` the full URL of the endpoint called, `iss` and `sub`
   * the client id, `exp` at most an hour ahead, `jti` optional (when present, a replay is refused), `iat`
   * optional; signed with one of the app's JWKS keys (by `kid`) with RS256/384/512 for RSA, ES256/384/512 for EC.
   * An accepted assertion is forwarded to oidc-provider as the client's internal secret, so oidc-provider still
   * decides grant types and scopes.
   */
  function authenticateAssertion(params: URLSearchParams, headers: IncomingMessage["headers"]): { body: string; authorization?: string } | { error: string; detail: string } {
    const assertion = params.get("client_assertion");
    const claimedId = params.get("client_id") ?? basicClientId(headers.authorization);
    const untouched = { body: params.toString(), ...(headers.authorization ? { authorization: headers.authorization } : {}) };
    if (assertion === null) {
      if (claimedId !== undefined && config.assertionClients.has(claimedId)) return { error: "invalid_client", detail: `${claimedId} authenticates with private_key_jwt: client_assertion missing` };
      return untouched;
    }
    // Clients oidc-provider authenticates itself (IssuerOptions.assertions: oidc-provider) keep their assertion.
    if (![claimedId, issOf(assertion)].some((id) => id !== undefined && config.assertionClients.has(id))) return untouched;
    if (params.get("client_assertion_type") !== "urn:ietf:params:oauth:client-assertion-type:jwt-bearer") return { error: "invalid_client", detail: "client_assertion_type is not jwt-bearer" };
    const parts = assertion.split(".");
    if (parts.length !== 3) return { error: "invalid_client", detail: "client_assertion is not a compact JWS" };
    let header: Record<string, unknown>;
    let claims: Record<string, unknown>;
    try {
      header = JSON.parse(Buffer.from(parts[0]!, "base64url").toString("utf8")) as Record<string, unknown>;
      claims = JSON.parse(Buffer.from(parts[1]!, "base64url").toString("utf8")) as Record<string, unknown>;
    } catch {
      return { error: "invalid_client", detail: "client_assertion is not JSON" };
    }
    const clientId = String(claims["iss"]);
    const client = config.assertionClients.get(clientId);
    if (!client) return { error: "invalid_client", detail: `no private_key_jwt client ${clientId}` };
    if (claimedId !== undefined && claimedId !== clientId) return { error: "invalid_client", detail: "client_id does not match the assertion's iss" };
    if (claims["sub"] !== clientId) return { error: "invalid_client", detail: "sub must be the client id" };
    const aud = claims["aud"];
    if (!(aud === tokenEndpoint || (Array.isArray(aud) && aud.includes(tokenEndpoint)))) return { error: "invalid_client", detail: `aud must be the token endpoint ${tokenEndpoint}, got ${JSON.stringify(aud)}` };
    const now = Date.now() / 1000;
    const exp = claims["exp"];
    if (typeof exp !== "number") return { error: "invalid_client", detail: "exp is required" };
    if (exp <= now) return { error: "invalid_client", detail: "the assertion has expired" };
    if (exp > now + 3600) return { error: "invalid_client", detail: "exp is more than an hour in the future" };
    if (claims["nbf"] !== undefined && Number(claims["nbf"]) > now + 5) return { error: "invalid_client", detail: "nbf is in the future" };
    const alg = String(header["alg"]);
    const family = /^RS(256|384|512)$/.test(alg) ? "RSA" : /^ES(256|384|512)$/.test(alg) ? "EC" : undefined;
    if (!family) return { error: "invalid_client", detail: `alg ${alg} is not accepted for private_key_jwt` };
    const candidates = client.jwks.filter((k) => header["kid"] === undefined || k["kid"] === header["kid"]);
    if (candidates.length === 0) return { error: "invalid_client", detail: `no key ${String(header["kid"])} in the app's JWKS` };
    const input = Buffer.from(`${parts[0]}.${parts[1]}`);
    const signature = Buffer.from(parts[2]!, "base64url");
    const verified = candidates.some((jwk) => {
      if (jwk["kty"] !== family) return false;
      const key = publicKeyOf(jwk);
      if (!key) return false;
      const hash = `sha${alg.slice(2)}`;
      try {
        return cryptoVerify(hash, input, family === "EC" ? { key, dsaEncoding: "ieee-p1363" } : key, signature);
      } catch {
        return false;
      }
    });
    if (!verified) return { error: "invalid_client", detail: `the ${alg} signature does not verify with the app's key ${String(header["kid"])}` };
    if (claims["jti"] !== undefined) {
      const jti = `${clientId} ${String(claims["jti"])}`;
      if (seenJti.has(jti)) return { error: "invalid_client", detail: "jti was used before" };
      seenJti.add(jti);
    }
    accepted.push({ clientId, header, claims });
    const forward = new URLSearchParams(params);
    for (const k of ["client_assertion", "client_assertion_type", "client_id"]) forward.delete(k);
    return { body: forward.toString(), authorization: basic(clientId, client.bridgeSecret) };
  }

  /** The user signs in (as USER) and consents to whatever is asked: the app's grants are what is under test. */
  async function interaction(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const details = await provider.interactionDetails(req, res);
    let result: Record<string, unknown>;
    if (details.prompt.name === "login") {
      result = { login: { accountId: USER.sub } };
    } else {
      const clientId = String(details.params["client_id"]);
      const grant = (details.grantId ? await provider.Grant.find(details.grantId) : undefined) ?? new provider.Grant({ accountId: details.session!.accountId, clientId });
      const d = details.prompt.details as { missingOIDCScope?: string[]; missingOIDCClaims?: string[]; missingResourceScopes?: Record<string, string[]> };
      if (d.missingOIDCScope) grant.addOIDCScope(d.missingOIDCScope.join(" "));
      if (d.missingOIDCClaims) grant.addOIDCClaims(d.missingOIDCClaims);
      for (const [indicator, scopes] of Object.entries(d.missingResourceScopes ?? {})) grant.addResourceScope(indicator, scopes.join(" "));
      result = { consent: { grantId: await grant.save() } };
    }
    await provider.interactionFinished(req, res, result, { mergeWithLastSubmission: true });
  }

  const fetchIssuer = (target: string | URL, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(target);
    if (url.origin !== issuerUrl.origin) return Promise.reject(new Error(`no network in consumer tests: ${url.origin} is not the issuer ${issuerUrl.origin}`));
    const headers = new Headers(init.headers);
    headers.set("x-forwarded-proto", issuerUrl.protocol.replace(":", ""));
    headers.set("x-forwarded-host", issuerUrl.host);
    return fetch(`${loopback}${url.pathname}${url.search}`, { ...init, headers, redirect: "manual", signal: AbortSignal.timeout(5_000) });
  };

  return {
    issuer: config.issuer,
    tokenEndpoint,
    clients: config.clients,
    fetch: fetchIssuer,
    accepted,
    refusals,
    async approveDevice(userCode) {
      // Stored normalised, as the verification page would look it up.
      const code = await provider.DeviceCode.findByUserCode(userCode.toUpperCase().replace(/\W/g, ""));
      if (!code) throw new Error(`no device authorization with user code ${userCode}`);
      // What the verification page does when the user signs in and approves all that the device asked for.
      const scope = String(code.params["scope"] ?? "");
      const grant = new provider.Grant({ accountId: USER.sub, clientId: code.clientId });
      grant.addOIDCScope(scope);
      Object.assign(code, { accountId: USER.sub, grantId: await grant.save(), scope, authTime: Math.floor(Date.now() / 1000) });
      await code.save();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

/** The request again, with a new form body (and client authentication), for oidc-provider to read. */
function replay(req: IncomingMessage, body: string, authorization: string | undefined): IncomingMessage {
  const headers: IncomingMessage["headers"] = { ...req.headers, "content-length": String(Buffer.byteLength(body)), "content-type": "application/x-www-form-urlencoded" };
  delete headers.authorization;
  if (authorization) headers.authorization = authorization;
  const copy = new PassThrough();
  Object.assign(copy, { method: req.method, url: req.url, headers, httpVersion: req.httpVersion, httpVersionMajor: req.httpVersionMajor, httpVersionMinor: req.httpVersionMinor, socket: req.socket, complete: true });
  copy.end(body);
  return copy as unknown as IncomingMessage;
}

function issOf(assertion: string): string | undefined {
  try {
    const claims = JSON.parse(Buffer.from(assertion.split(".")[1] ?? "", "base64url").toString("utf8")) as { iss?: unknown };
    return typeof claims.iss === "string" ? claims.iss : undefined;
  } catch {
    return undefined;
  }
}

function basicClientId(authorization: string | undefined): string | undefined {
  if (!authorization?.toLowerCase().startsWith("basic ")) return undefined;
  const decoded = Buffer.from(authorization.slice(6), "base64").toString("utf8");
  const i = decoded.indexOf(":");
  return i < 0 ? undefined : decodeURIComponent(decoded.slice(0, i));
}

/** A JWKS entry → a public key. EC entries as Okta receives them have no `crv`: its coordinates' size names the curve. */
function publicKeyOf(jwk: Record<string, unknown>): KeyObject | undefined {
  const full = { ...jwk };
  if (full["kty"] === "EC" && full["crv"] === undefined) {
    const size = Buffer.from(String(full["x"]), "base64url").length;
    full["crv"] = size === 32 ? "P-256" : size === 48 ? "P-384" : size === 66 ? "P-521" : undefined;
  }
  delete full["kid"];
  try {
    return createPublicKey({ key: full as JsonWebKey, format: "jwk" });
  } catch {
    return undefined;
  }
}

let signingJwk: Record<string, unknown> | undefined;

function issuerSigningJwk(): Record<string, unknown> {
  signingJwk ??= { ...generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ format: "jwk" }), kid: "issuer-signing", use: "sig", alg: "RS256" };
  return signingJwk;
}

// ---------------------------------------------------------------------------------------------------------
// What every consumer does on the wire
// ---------------------------------------------------------------------------------------------------------

/** RFC 6749 §2.3.1: client id and secret, form-encoded, as HTTP Basic credentials. */
export function basic(clientId: string, secret: string): string {
  const enc = (s: string) => encodeURIComponent(s).replace(/%20/g, "+");
  return `Basic ${Buffer.from(`${enc(clientId)}:${enc(secret)}`).toString("base64")}`;
}

/** A compact JWS over JSON header and claims, signed with node:crypto (RS* PKCS#1 v1.5, ES* IEEE P1363). */
export function signJws(header: Record<string, unknown>, claims: Record<string, unknown>, key: KeyObject): string {
  const alg = String(header["alg"]);
  const input = `${Buffer.from(JSON.stringify(header)).toString("base64url")}.${Buffer.from(JSON.stringify(claims)).toString("base64url")}`;
  const hash = `sha${alg.slice(2)}`;
  const signature = alg.startsWith("ES") ? cryptoSign(hash, Buffer.from(input), { key, dsaEncoding: "ieee-p1363" }) : cryptoSign(hash, Buffer.from(input), key);
  return `${input}.${signature.toString("base64url")}`;
}

export const decodeJwt = (jwt: string) => {
  const [h, c] = jwt.split(".");
  return { header: JSON.parse(Buffer.from(h!, "base64url").toString("utf8")) as Record<string, unknown>, claims: JSON.parse(Buffer.from(c!, "base64url").toString("utf8")) as Record<string, unknown> };
};

export interface FormResponse {
  readonly status: number;
  readonly body: Record<string, unknown>;
}

/** POST a form, as every consumer's token request is sent; the JSON answer whatever the status. */
export async function postForm(issuer: Issuer, url: string, form: Record<string, string>, headers: Record<string, string> = {}): Promise<FormResponse> {
  const response = await issuer.fetch(url, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json", ...headers }, body: new URLSearchParams(form).toString() });
  const text = await response.text();
  let body: Record<string, unknown> = {};
  try {
    body = JSON.parse(text) as Record<string, unknown>;
  } catch {
    body = { text };
  }
  return { status: response.status, body };
}

/**
 * A user's browser for the authorization code flow: follows the issuer's redirects with a cookie jar (the user
 * signs in and consents in the issuer's interaction) and stops at the first redirect that leaves the issuer:
 * the consumer's redirect URI, with the authorization response.
 */
export async function browse(issuer: Issuer, start: string): Promise<URL> {
  const jar = new Map<string, string>();
  let url = new URL(start);
  for (let hop = 0; hop < 12; hop++) {
    const response = await issuer.fetch(url, { headers: jar.size > 0 ? { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; ") } : {} });
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(";");
      const [name, ...rest] = pair!.split("=");
      const value = rest.join("=");
      const expired = attrs.some((a) => /^\s*expires=/i.test(a) && Date.parse(a.split("=")[1]!) < Date.now()) || attrs.some((a) => /^\s*max-age=0\s*$/i.test(a));
      if (expired || value === "") jar.delete(name!.trim());
      else jar.set(name!.trim(), value);
    }
    const location = response.headers.get("location");
    if (response.status < 300 || response.status >= 400 || !location) {
      throw new Error(`the issuer answered HTTP ${response.status} at ${url.pathname} instead of redirecting: ${(await response.text()).slice(0, 300)}`);
    }
    await response.body?.cancel();
    const next = new URL(location, url);
    if (next.origin !== new URL(issuer.issuer).origin) return next;
    url = next;
  }
  throw new Error("too many redirects");
}

/** The issuer's discovery document, as an OIDC library reads it. */
export async function discover(issuer: Issuer, configuredIssuer: string): Promise<Record<string, string>> {
  const response = await issuer.fetch(`${configuredIssuer.replace(/\/$/, "")}/.well-known/openid-configuration`);
  if (response.status !== 200) throw new Error(`discovery: HTTP ${response.status}`);
  return (await response.json()) as Record<string, string>;
}

/** Verify an ID token's signature with the issuer's JWKS and return its claims. */
export async function verifyIdToken(issuer: Issuer, jwksUri: string, idToken: string): Promise<Record<string, unknown>> {
  const { header, claims } = decodeJwt(idToken);
  const jwks = (await (await issuer.fetch(jwksUri)).json()) as { keys: Record<string, unknown>[] };
  const jwk = jwks.keys.find((k) => k["kid"] === header["kid"]);
  if (!jwk || header["alg"] !== "RS256") throw new Error(`ID token signed with ${String(header["alg"])} / ${String(header["kid"])}`);
  const [h, c, s] = idToken.split(".");
  if (!cryptoVerify("sha256", Buffer.from(`${h}.${c}`), publicKeyOf(jwk)!, Buffer.from(s!, "base64url"))) throw new Error("ID token signature does not verify");
  return claims;
}

export const privateKey = (pem: string) => createPrivateKey(pem);

/** Split a handoff's scope string the way any consumer may: on whitespace or commas. */
export const scopeWords = (value: string) => value.split(/[\s,]+/).filter(Boolean);
