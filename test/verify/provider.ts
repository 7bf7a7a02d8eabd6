/**
 * A real OpenID provider (oidc-provider, OpenID Certified) on 127.0.0.1 with clients that mirror the fixture
 * stack: registered from the same model verify reads, with the JWKS our key machinery produced. Knobs break
 * one thing at a time, the way a half-applied or drifted org would be broken.
 */
import { generateKeyPairSync } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import Provider, { errors, type ClientMetadata, type KoaContextWithOIDC } from "oidc-provider";
import { oktaJwk } from "../../components/keys/signing-keys";
import type { PublicJwk } from "../../config/keys";
import type { OktaServiceAppSpec, OktaUserAppSpec, StackModel } from "../../config/model";
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
  close(): Promise<void>;
}

/** Client ids as the fixture's outputs name them. */
const CLIENT_IDS = { portal: "0oa-portal", "mcp-cli": "0oa-mcp-cli", "mcp-automation": "0oa-mcp-automation", "partner-portal": "auth0-partner-portal" };
const DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";

export async function startProvider(model: StackModel, secrets: { web: string; auth0: string }, serviceKey: PublicJwk, knobs: ProviderKnobs = {}): Promise<RunningProvider> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

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

  const signingJwk = providerSigningJwk();

  const assertions: RunningProvider["assertions"] = [];
  const provider = new Provider(knobs.issuer ? knobs.issuer(url) : url, {
    clients,
    // Okta API scopes are plain scopes at Okta's org authorization server: declare them, so a client asking for
    // one outside its own `scope` is refused with invalid_scope, as Okta refuses an ungranted one.
    scopes: ["openid", "offline_access", ...new Set([...service.apiScopes, ...native.apiScopes])],
    jwks: { keys: [signingJwk] },
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
          // The Management API client grant: only the Auth0 app holds one, with these scopes.
          if (resource === MANAGEMENT_API && ctx.oidc.client?.clientId === CLIENT_IDS["partner-portal"]) {
            return { scope: managementScopes.join(" "), accessTokenFormat: "opaque" };
          }
          throw new errors.InvalidTarget();
        },
      },
    },
  });
  const issued: string[] = [];
  provider.on("client_credentials.saved", (token: { jti: string }) => issued.push(token.jti));
  provider.on("device_code.saved", (code: { jti: string; userCode: string }) => issued.push(code.jti, code.userCode));
  server.on("request", provider.callback());

  return { url, issued, assertions, close: () => closeServer(server) };
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
