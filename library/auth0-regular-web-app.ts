import type * as auth0 from "@pulumi/auth0";
import * as pulumi from "@pulumi/pulumi";
import { buildAuth0WebApp, type Auth0WebAppArgs } from "../components/auth0/web-app";
import { buildAuth0, parseAuth0Apps } from "../config/auth0";
import { checkPrivilegedScopesInProduction, readAuth0Domain } from "../config/rules/auth0";
import { checkKeyResourceNames } from "../config/rules/keys";
import type { Diagnostics } from "../config/diagnostics";
import { STACK_FILE_RULES } from "../config/rules/stack-file";
import { auth0AppSchema } from "../config/schema/auth0";
import { AUTH0_ROOT } from "../config/sections";
import { describeType } from "../config/show";
import { prebuiltOf } from "./channel";
import { pathName, plainArgs } from "./args";
import { appPaths, checked, settingPaths } from "./checked";
import type { EnvironmentArgs, KeyArgs } from "./common-args";
import type { ClientAuthMethod, GrantType, RefreshTokenRotation } from "./enums";
import { environmentOf } from "./environment";
import type { PrivateKey } from "./outputs";

/** Bring an existing Auth0 application under management (Pulumi's `import`). */
export interface Auth0AdoptArgs {
  /** The application's client id. */
  id: string;
  /**
   * The id of its existing Management API client grant, to adopt that too.
   * @default none
   */
  managementApiGrantId?: string;
}

/** Refresh-token settings of an Auth0 app; only with the refresh_token grant. Tokens always expire. */
export interface Auth0RefreshTokenArgs {
  /**
   * Rotation of refresh tokens.
   * @default RefreshTokenRotation.Rotate
   */
  rotation?: RefreshTokenRotation;
  /**
   * Seconds the previous token stays valid after a rotation.
   * @default 0
   */
  leewaySeconds?: number;
  /**
   * Absolute lifetime in seconds.
   * @default 2592000 (30 days)
   */
  tokenLifetimeSeconds?: number;
  /**
   * Idle lifetime in seconds.
   * @default 1296000 (15 days)
   */
  idleTokenLifetimeSeconds?: number;
}

/** The args of an Auth0RegularWebApp: the stack file's keys of a `type: regular_web` app. Plain values (validated before anything is registered). */
export interface Auth0RegularWebAppArgs extends EnvironmentArgs {
  /** The tenant's canonical domain (`acme.us.auth0.com`, not a custom domain): the issuer and the Management API audience derive from it. */
  domain: string;
  /**
   * The application name shown on Auth0's login and consent pages.
   * @default the component's name
   */
  name?: string;
  /**
   * Allowed callback URLs (at most 100): https (http only for loopback outside production).
   * @default []
   */
  callbacks?: string[];
  /**
   * Allowed logout URLs (at most 100).
   * @default []
   */
  allowedLogoutUrls?: string[];
  /**
   * Allowed web origins (at most 100; origins, no path).
   * @default []
   */
  webOrigins?: string[];
  /**
   * Auth0's initiate-login URI (https only).
   * @default none
   */
  initiateLoginUri?: string;
  /**
   * The grant types: authorization_code, refresh_token, client_credentials, implicit (with allowDeprecatedGrants).
   * @default [GrantType.AuthorizationCode, GrantType.RefreshToken]
   */
  grantTypes?: GrantType[];
  /**
   * Deprecated grants opted into: implicit is refused unless listed here too.
   * @default []
   */
  allowDeprecatedGrants?: GrantType[];
  /**
   * How the client authenticates: a client secret (post or basic), or PrivateKeyJwt with `keys`.
   * @default ClientAuthMethod.ClientSecretPost
   */
  clientAuth?: ClientAuthMethod;
  /**
   * Client-secret auth: version of the generated secret; increment to rotate it. Refused with PrivateKeyJwt.
   * @default 1, or none for an adopted app
   */
  clientSecretVersion?: number;
  /**
   * Private key JWT: one or two RSA keys (Auth0's limit).
   * @default []
   */
  keys?: KeyArgs[];
  /**
   * Refresh-token settings; only with the refresh_token grant.
   * @default rotating, leeway 0, 30 days absolute, 15 days idle (Auth0's defaults)
   */
  refreshToken?: Auth0RefreshTokenArgs;
  /**
   * Management API scopes (one client grant for `https://<domain>/api/v2/`); needs client_credentials.
   * @default []
   */
  managementApiScopes?: string[];
  /**
   * Bring an existing application under management instead of creating one.
   * @default none: a new application is created
   */
  adopt?: Auth0AdoptArgs;
}

/**
 * An Auth0 Regular Web Application: an OIDC-conformant, RS256-signed, first-party client with its credentials
 * (a generated client secret, or private key JWT) and a Management API grant when it asks for scopes; the stack
 * file's `type: regular_web`.
 *
 * Construction checks the args with the stack file's rules and throws one InvalidArgsError listing every
 * problem (at paths such as `partner.callbacks[0]`) before anything is registered.
 */
export class Auth0RegularWebApp extends pulumi.ComponentResource {
  /** The Auth0 client. */
  readonly client: auth0.Client;
  /** The tenant domain. */
  readonly domain: string;
  /** The OAuth client id. */
  readonly clientId: pulumi.Output<string>;
  /** Client-secret auth only: the client secret, a Pulumi secret. */
  readonly clientSecret?: pulumi.Output<string>;
  /** The issuer, `https://<domain>/`. */
  readonly issuer: string;
  /** Private key JWT: the kids of the keys Auth0 holds. */
  readonly keyIds?: string[];
  /** Private key JWT: the kid the client signs with. */
  readonly activeKeyId?: string;
  /** Generated keys' private halves by kid, as Pulumi secrets; brought keys have none. */
  readonly privateKeys: Record<string, PrivateKey>;

  constructor(name: string, args: Auth0RegularWebAppArgs, opts?: pulumi.ComponentResourceOptions) {
    const plan = prebuiltOf<Auth0WebAppArgs>(args) ?? { type: "oidc-apps:index:Auth0RegularWebApp", ...planAuth0App(name, args) };
    super(plan.type, name, {}, opts);
    const parts = buildAuth0WebApp(this, name, plan);
    this.client = parts.client;
    this.domain = parts.domain;
    this.clientId = parts.clientId;
    this.clientSecret = parts.clientSecret;
    this.issuer = parts.issuer;
    if (parts.keyIds) this.keyIds = parts.keyIds;
    if (parts.activeKeyId !== undefined) this.activeKeyId = parts.activeKeyId;
    this.privateKeys = parts.privateKeys;
    // No registered outputs (issue 19): the program exports every value as a stack output, and registering
    // them again cost each app an RPC (and a second copy of its secrets in the state). It marks the end.
    this.registerOutputs({});
  }
}

/** Args only the library has (the stack file keeps the domain in `auth0:domain`); the rest is the entry. */
const LIBRARY_ONLY = ["environment", "domain"];

/** The top-level args: the stack file's keys of a `type: regular_web` app but `type`, and the library's own. */
const ARG_KEYS = [...Object.keys(auth0AppSchema.shape).filter((key) => key !== "type"), ...LIBRARY_ONLY];

/** The args through the stack file's parser, rules and model builder (config/auth0.ts). */
function planAuth0App(name: string, args: unknown): Auth0WebAppArgs {
  const component = "Auth0RegularWebApp";
  const at = pathName(name);
  const rewrites = [appPaths(AUTH0_ROOT, name, at), settingPaths(["auth0:domain"], at, "domain")];
  return checked(component, name, rewrites, (diags, held) => {
    const raw = plainArgs(args, { component, at, keys: ARG_KEYS, kind: "regular_web" }, diags, held);
    if (!raw) return undefined;
    const environment = environmentOf(raw["environment"], at, diags);
    const production = environment === "production";
    // Own keys only, no prototype (a `__proto__` arg was refused already); `type` from the class.
    const entry = Object.create(null) as Record<string, unknown>;
    for (const [key, value] of Object.entries(raw)) if (!LIBRARY_ONLY.includes(key)) entry[key] = value;
    entry["type"] = "regular_web";
    const parsed = parseAuth0Apps({ apps: { [name]: entry } }, production, diags);
    const domain = domainOf(raw["domain"], at, diags);
    const app = parsed?.[0];
    if (app?.raw.clientAuth === "private_key_jwt") checkKeyResourceNames([{ root: AUTH0_ROOT, name, keys: app.raw.keys ?? [] }], diags);
    if (production) checkPrivilegedScopesInProduction([[name, entry]], new Set(), diags);
    // The model is built from args the rules passed only: the builder assumes them (a key the rules refused throws).
    if (diags.hasErrors || !app || !domain || !environment) return undefined;
    return { spec: buildAuth0(domain, [app]).apps[0]!, domain, protect: production };
  });
}

/** `domain`: required, a string, then the rules of the stack file's `auth0:domain`. */
function domainOf(raw: unknown, at: string, diags: Diagnostics): string | undefined {
  if (raw === undefined || raw === "") {
    diags.report(STACK_FILE_RULES.CONFIG_REQUIRED, `${at}.domain`, "is required: the tenant's canonical domain, e.g. `acme.us.auth0.com`.", "Set `domain` to the canonical tenant domain, `<tenant>.<region>.auth0.com` (not a custom domain).");
    return undefined;
  }
  if (typeof raw !== "string") {
    diags.report(STACK_FILE_RULES.CONFIG_INVALID_TYPE, `${at}.domain`, `must be a string, the tenant's canonical domain (e.g. \`acme.us.auth0.com\`), got ${describeType(raw)}.`);
    return undefined;
  }
  return readAuth0Domain({ "auth0:domain": raw }, true, undefined, diags);
}
