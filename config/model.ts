/**
 * The validated stack, with every default applied. Components receive pieces of this (plus provider and
 * lookup results from `index.ts`); they never see raw config.
 */
import type { GrantType } from "./grant-types";
import type { PublicJwk } from "./keys";
import type { Consumer, HandoffTemplate } from "./recipe-types";
import type { Environment } from "./schema/root";

export type Assignment = { readonly kind: "everyone" } | { readonly kind: "none" } | { readonly kind: "groups"; readonly groups: readonly string[] };

export type TrustedOriginScope = "CORS" | "REDIRECT" | "IFRAME_EMBED";

export interface RefreshTokenSettings {
  /** Okta's `refresh_token_rotation`. */
  readonly rotation: "ROTATE" | "STATIC";
  /** Okta's `refresh_token_leeway`: grace period in seconds after rotation (0..60). */
  readonly leewaySeconds: number;
}

interface OktaAppBase {
  /** Stable logical name: resource names and output keys derive from it. */
  readonly name: string;
  readonly label: string;
  /** Short names; the component maps them to Okta's values. */
  readonly grantTypes: readonly GrantType[];
  /** Okta API scopes granted to the app (one scope-grant resource); empty for none. */
  readonly apiScopes: readonly string[];
  /** Import the existing app with this id instead of creating one. */
  readonly adopt?: { readonly id: string };
}

export interface OktaUserAppSpec extends OktaAppBase {
  readonly kind: "web" | "browser" | "native";
  readonly redirectUris: readonly string[];
  readonly postLogoutRedirectUris: readonly string[];
  readonly wildcardRedirect: boolean;
  readonly initiateLoginUri?: string;
  /** Present exactly when the app has the refresh_token grant. */
  readonly refreshToken?: RefreshTokenSettings;
  readonly assignTo: Assignment;
  readonly tokenEndpointAuthMethod: "client_secret_basic" | "client_secret_post" | "none";
  readonly pkceRequired: boolean;
  /**
   * Web apps: keeper of the generated client secret; increment to rotate. Absent on an adopted app that does
   * not set it: the app keeps the secret it has (an existing secret cannot be read back into our generator).
   */
  readonly clientSecretVersion?: number;
}

/** A signing key for private key JWT. */
export type KeySpec =
  | { readonly source: "generated"; readonly kid: string; readonly algorithm: "RSA"; readonly rsaBits: 2048 | 3072 | 4096 }
  | { readonly source: "generated"; readonly kid: string; readonly algorithm: "EC"; readonly curve: "P256" | "P384" | "P521" }
  /** Brought by the user: only the public half is known, and the private key never enters Pulumi state. */
  | { readonly source: "provided"; readonly kid: string; readonly jwk: PublicJwk };

export type AdminRoleSpec =
  | { readonly kind: "standard"; readonly type: string }
  | { readonly kind: "custom"; readonly role: string; readonly resourceSet: string };

export interface OktaServiceAppSpec extends OktaAppBase {
  readonly kind: "service";
  readonly tokenEndpointAuthMethod: "private_key_jwt" | "client_secret_basic" | "client_secret_post";
  /** Private key JWT only; the JWKS lists every key, so a rotation can overlap. */
  readonly keys: readonly KeySpec[];
  /** The key clients should sign with (explicit `active: true`, default the last one). */
  readonly activeKeyId?: string;
  /** Client-secret auth only. */
  readonly clientSecretVersion?: number;
  readonly adminRoles: readonly AdminRoleSpec[];
}

export type OktaAppSpec = OktaUserAppSpec | OktaServiceAppSpec;

/** One Okta trusted origin, shared by every app that lists it (Okta keeps one per origin). */
export interface TrustedOriginSpec {
  readonly origin: string;
  readonly scopes: readonly TrustedOriginScope[];
  /** Apps that asked for it, for the plan and for reviewers. */
  readonly usedBy: readonly string[];
}

export interface OktaOrg {
  readonly orgName: string;
  readonly baseUrl: string;
  /** `https://<orgName>.<baseUrl>`: the org authorization server's issuer and the API scope-grant issuer. */
  readonly orgUrl: string;
}

export interface OktaModel {
  readonly org: OktaOrg;
  readonly apps: readonly OktaAppSpec[];
  readonly trustedOrigins: readonly TrustedOriginSpec[];
}

export interface Auth0WebAppSpec {
  readonly kind: "regular_web";
  readonly name: string;
  readonly adopt?: { readonly id: string; readonly managementApiGrantId?: string };
  /** Auth0's application name, shown on the consent and login pages. */
  readonly displayName: string;
  readonly callbacks: readonly string[];
  readonly allowedLogoutUrls: readonly string[];
  readonly webOrigins: readonly string[];
  readonly initiateLoginUri?: string;
  readonly grantTypes: readonly string[];
  readonly authenticationMethod: "client_secret_post" | "client_secret_basic" | "private_key_jwt";
  /** Client-secret auth: keeper of the generated secret. */
  readonly clientSecretVersion?: number;
  /** private_key_jwt: RSA keys, at most two (Auth0's limit), so a rotation can overlap. */
  readonly keys: readonly KeySpec[];
  /** private_key_jwt: the key the client signs with (explicit `active: true`, default the last one). */
  readonly activeKeyId?: string;
  /** Present exactly when the app has the refresh_token grant. */
  readonly refreshToken?: {
    readonly rotationType: "rotating" | "non-rotating";
    readonly leewaySeconds: number;
    readonly tokenLifetimeSeconds: number;
    readonly idleTokenLifetimeSeconds: number;
  };
  readonly managementApiScopes: readonly string[];
}

export interface Auth0Model {
  readonly domain: string;
  readonly apps: readonly Auth0WebAppSpec[];
}

export interface StackModel {
  readonly environment: Environment;
  /** Production is strict and protects apps against deletion and replacement. */
  readonly protect: boolean;
  readonly okta?: OktaModel;
  readonly auth0?: Auth0Model;
  /** Recipe instances, what each hands to its third-party product, and what that product asks the issuer for. */
  readonly recipes: readonly { readonly instance: string; readonly recipe: string; readonly handoff: HandoffTemplate; readonly consumer: Consumer }[];
}
