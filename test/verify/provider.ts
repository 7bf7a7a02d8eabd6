/**
 * A real OpenID provider (oidc-provider, OpenID Certified) on 127.0.0.1 with clients that mirror the fixture
 * stack (startProvider), or any stack and its outputs (startProviderFor): registered from the same model
 * verify reads, with the JWKS our key machinery produced. Knobs break one thing at a time, the way a
 * half-applied or drifted org would be broken. The server records what verify sent: client assertions' header
 * and audience, and each request's scopes.
 */
import { generateKeyPairSync } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import Provider, { errors, type ClientMetadata, type KoaContextWithOIDC } from "oidc-provider";
import { oktaJwk } from "../../components/keys/signing-keys";
import type { PublicJwk } from "../../config/keys";
import type { OktaServiceAppSpec, OktaUserAppSpec, StackModel } from "../../config/model";
import type { StackOutputsJson } from "../../verify/outputs";
import { MANAGEMENT_API } from "./fixture";

export interface ProviderKnobs {
  /** The issuer the metadata names; default the server's own URL. */
  readonly issuer?: (url: string) => string;
  /** The public key the service client holds (default: the outputs' key). */
  readonly serviceKey?: PublicJwk;
  /** Scopes granted to the service client (default: the stack file's apiScopes). */
  readonly serviceScopes?: readonly string[];
  /** Redirect URIs registered for the Okta web app (default: the stack file's). */
  readonly webRedirectUris?: readonly string[];
  /** Management API scopes in the Auth0 app's client grant (default: the stack file's). */
  readonly managementScopes?: readonly string[];
}

export interface RunningProvider {
  readonly url: string;
  /** Values of every access token and device code the server issued: canaries for the output. */
  readonly issued: string[];
  /** The header and claims of every client assertion the server accepted the signature of. */
  readonly assertions: { aud: unknown; kid: unknown; alg: unknown }[];
  /**
   * The scopes of each request: as sent (authorization and device authorization requests), or as granted
   * (client-credentials tokens).
   */
  readonly requests: { endpoint: "authorization" | "device_authorization" | "token"; clientId: string; scope: string | undefined }[];
  close(): Promise<void>;
}

/** Client ids as the fixture's outputs name them. */
const CLIENT_IDS = { portal: "0oa-portal", "mcp-cli": "0oa-mcp-cli", "mcp-automation": "0oa-mcp-automation", "partner-portal": "auth0-partner-portal" };
const DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";

export async function startProvider(model: StackModel, secrets: { web: string; auth0: string }, serviceKey: PublicJwk, knobs: ProviderKnobs = {}): Promise<RunningProvider> {
  const web = userApp(model, "portal");
  const native = userApp(model, "mcp-cli");
  const service = serviceApp(model, "mcp-automation");
  const auth0 = model.auth0!.apps.find((a) => a.name === "partner-portal")!;
  const managementScopes = knobs.managementScopes ?? auth0.managementApiScopes;

  const clients: ClientMetadata[] = [
    {
      client_id: CLIENT_IDS.portal,
      client_secret: secrets.web,
      token_endpoint_auth_method: web.tokenEndpointAuthMethod,
      redirect_uris: [...(knobs.webRedirectUris ?? web.redirectUris)],
      grant_types: ["authorization_code", "refresh_token"],
      response_types: ["code"],
    },
    {
      client_id: CLIENT_IDS["mcp-cli"],
      application_type: "native",
      token_endpoint_auth_method: "none",
      redirect_uris: [...native.redirectUris],
      grant_types: ["authorization_code", DEVICE_GRANT],
      response_types: ["code"],
      scope: ["openid", ...native.apiScopes].join(" "),
    },
    {
      client_id: CLIENT_IDS["mcp-automation"],
      token_endpoint_auth_method: "private_key_jwt",
      // Registered as Okta receives it: the provider's jwks block (kid, kty, n, e).
      jwks: { keys: [oktaJwk(knobs.serviceKey ?? serviceKey)] },
      grant_types: ["client_credentials"],
      response_types: [],
      redirect_uris: [],
      scope: (knobs.serviceScopes ?? service.apiScopes).join(" "),
    },
    {
      client_id: CLIENT_IDS["partner-portal"],
      client_secret: secrets.auth0,
      token_endpoint_auth_method: auth0.authenticationMethod,
      redirect_uris: [...auth0.callbacks],
      grant_types: ["authorization_code", "refresh_token", "client_credentials"],
      response_types: ["code"],
    },
  ];
  return serve(() => ({
    clients,
    // Okta API scopes are plain scopes at Okta's org authorization server: declare them, so a client asking for
    // one outside its own `scope` is refused with invalid_scope, as Okta refuses an ungranted one.
    scopes: ["openid", "offline_access", ...new Set([...service.apiScopes, ...native.apiScopes])],
    managementGrants: new Map([[CLIENT_IDS["partner-portal"], managementScopes]]),
    ...(knobs.issuer ? { issuer: knobs.issuer } : {}),
  }));
}

/** The OpenID Connect scopes every Okta OIDC app may ask the org authorization server for. */
const OIDC_SCOPES = ["openid", "profile", "email", "address", "phone", "offline_access"];

export interface ModelProviderKnobs {
  readonly issuer?: (url: string) => string;
  /**
   * The scopes a client may ask for, by app name: what the org holds for it (default: a service app's
   * apiScopes; a user app's OIDC scopes and apiScopes, as Okta grants them).
   */
  readonly clientScopes?: Readonly<Record<string, readonly string[]>>;
  /** The public key the issuer holds for a service app, by app name (default: the outputs' JWKS). */
  readonly keys?: Readonly<Record<string, PublicJwk>>;
}

/**
 * A provider for any stack: every app of the model registered as the org would hold it after `pulumi up`,
 * with client ids, secrets and JWKS from the outputs (fixture.ts outputsOf). Every scope any app or recipe
 * consumer names is declared, so a client asking for one outside its own `scope` is refused with
 * invalid_scope at the authorization, device and token endpoints.
 */
export async function startProviderFor(model: StackModel, outputs: StackOutputsJson, knobs: ModelProviderKnobs = {}): Promise<RunningProvider> {
  const clients: ClientMetadata[] = [];
  const declared = new Set(OIDC_SCOPES);
  for (const app of model.okta?.apps ?? []) {
    const out = outputs.okta?.[app.name];
    if (!out) throw new Error(`fixture: no outputs for okta/${app.name}`);
    app.apiScopes.forEach((s) => declared.add(s));
    const scope = (knobs.clientScopes?.[app.name] ?? (app.kind === "service" ? app.apiScopes : [...OIDC_SCOPES, ...app.apiScopes])).join(" ");
    if (app.kind === "service") {
      const key = knobs.keys?.[app.name];
      clients.push({
        client_id: out.clientId,
        token_endpoint_auth_method: "private_key_jwt",
        jwks: { keys: key ? [oktaJwk(key)] : [...(out.jwks ?? [])] },
        grant_types: ["client_credentials"],
        response_types: [],
        redirect_uris: [],
        scope,
      });
      continue;
    }
    clients.push({
      client_id: out.clientId,
      ...(app.kind === "native" ? { application_type: "native" } : {}),
      ...(out.clientSecret ? { client_secret: out.clientSecret } : {}),
      token_endpoint_auth_method: app.tokenEndpointAuthMethod,
      redirect_uris: [...app.redirectUris],
      grant_types: app.grantTypes.filter((g) => g === "authorization_code" || g === "refresh_token" || g === "device_code").map((g) => (g === "device_code" ? DEVICE_GRANT : g)),
      response_types: ["code"],
      scope,
    });
  }
  const managementGrants = new Map<string, readonly string[]>();
  for (const app of model.auth0?.apps ?? []) {
    const out = outputs.auth0?.[app.name];
    if (!out) throw new Error(`fixture: no outputs for auth0/${app.name}`);
    clients.push({
      client_id: out.clientId,
      client_secret: out.clientSecret,
      token_endpoint_auth_method: app.authenticationMethod,
      redirect_uris: [...app.callbacks],
      grant_types: app.grantTypes.filter((g) => g !== "implicit"),
      response_types: ["code"],
    });
    managementGrants.set(out.clientId, knobs.clientScopes?.[app.name] ?? app.managementApiScopes);
  }
  // Okta consumers' scopes are Okta scopes; Auth0's are the Management API's (its resource server below).
  for (const r of model.recipes) for (const q of r.consumer.requests) if (q.provider === "okta") q.scopes.forEach((s) => declared.add(s));
  return serve(() => ({ clients, scopes: [...declared], managementGrants, ...(knobs.issuer ? { issuer: knobs.issuer } : {}) }));
}

interface ServerSetup {
  readonly clients: ClientMetadata[];
  readonly scopes: string[];
  /** The Management API client grants: the scopes each Auth0 client holds, by client id. */
  readonly managementGrants: ReadonlyMap<string, readonly string[]>;
  readonly issuer?: (url: string) => string;
}

async function serve(setup: () => ServerSetup): Promise<RunningProvider> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const { clients, scopes, managementGrants, issuer } = setup();

  const assertions: RunningProvider["assertions"] = [];
  const requests: RunningProvider["requests"] = [];
  const provider = new Provider(issuer ? issuer(url) : url, {
    clients,
    scopes,
    jwks: { keys: [providerSigningJwk()] },
    clientDefaults: { id_token_signed_response_alg: "ES256" },
    // Called after the assertion's signature is verified: record what verify signed.
    assertJwtClientAuthClaimsAndHeader: (_ctx: unknown, claims: { aud: unknown }, header: { kid: unknown; alg: unknown }) => {
      assertions.push({ aud: claims.aud, kid: header.kid, alg: header.alg });
    },
    cookies: { keys: ["verify-test-cookie-key"] },
    ttl: { ClientCredentials: 600, DeviceCode: 600 },
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      deviceFlow: { enabled: true },
      resourceIndicators: {
        enabled: true,
        // Auth0 names the API with `audience` (not RFC 8707's `resource`); here it stands for a resource
        // indicator. The token endpoint's parameter allow-list has no `audience`, so read it from the form body.
        defaultResource: (ctx: KoaContextWithOIDC) => ctx.oidc.body?.["audience"],
        getResourceServerInfo: (ctx: KoaContextWithOIDC, resource: string) => {
          // The Management API client grant: only Auth0 apps hold one, with these scopes.
          const granted = ctx.oidc.client ? managementGrants.get(ctx.oidc.client.clientId) : undefined;
          if (resource === MANAGEMENT_API && granted) return { scope: granted.join(" "), accessTokenFormat: "opaque" };
          throw new errors.InvalidTarget();
        },
      },
    },
  });
  const issued: string[] = [];
  provider.on("client_credentials.saved", (token: { jti: string; clientId: string; scope?: string }) => {
    issued.push(token.jti);
    requests.push({ endpoint: "token", clientId: token.clientId, scope: token.scope });
  });
  provider.on("device_code.saved", (code: { jti: string; userCode: string }) => issued.push(code.jti, code.userCode));
  // With prompt=none and no session every authorization request ends in an error redirect (login_required at best).
  provider.on("authorization.error", (ctx: KoaContextWithOIDC) => {
    requests.push({ endpoint: "authorization", clientId: String(ctx.query?.["client_id"]), scope: stringOrUndefined(ctx.query?.["scope"]) });
  });
  provider.on("device_authorization.success", (ctx: KoaContextWithOIDC) => {
    requests.push({ endpoint: "device_authorization", clientId: ctx.oidc.client?.clientId ?? "?", scope: stringOrUndefined(ctx.oidc.body?.["scope"]) });
  });
  server.on("request", provider.callback());

  return { url, issued, assertions, requests, close: () => closeServer(server) };
}

function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

let signingJwk: Record<string, unknown> | undefined;

/**
 * The provider's own signing key: it signs nothing verify reads, it only must not be the development default.
 * EC, because RSA generation costs about half a second on a small machine.
 */
function providerSigningJwk(): Record<string, unknown> {
  signingJwk ??= { ...generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey.export({ format: "jwk" }), kid: "provider-signing", use: "sig", alg: "ES256" };
  return signingJwk;
}

function userApp(model: StackModel, name: string): OktaUserAppSpec {
  const app = model.okta?.apps.find((a) => a.name === name);
  if (!app || app.kind === "service") throw new Error(`fixture: no user app ${name}`);
  return app;
}

function serviceApp(model: StackModel, name: string): OktaServiceAppSpec {
  const app = model.okta?.apps.find((a) => a.name === name);
  if (app?.kind !== "service") throw new Error(`fixture: no service app ${name}`);
  return app;
}

export function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}
