/**
 * Args shared by the library's components, in the stack file's vocabulary. Every value is plain, not a
 * `pulumi.Input`: a component validates its args with the stack file's rules while it is constructed, before it
 * registers anything, and an Output's value is not known then.
 */
import type { EcCurve, Environment, GrantType, KeyAlgorithm, RefreshTokenRotation, TrustedOriginScope, WildcardRedirect } from "./enums";

/** Args every component takes. */
export interface EnvironmentArgs {
  /**
   * Which rules apply. Production is the strictest (https only, no wildcards, no loopback) and protects the
   * app: a change that would replace it fails, and it is retained in the org on delete.
   * @default Environment.Production
   */
  environment?: Environment;
}

/** Bring an existing Okta app under management instead of creating one (Pulumi's `import`). */
export interface AdoptArgs {
  /** The existing app's id. */
  id: string;
}

/** Refresh-token settings of an Okta app; only with the refresh_token grant. */
export interface OktaRefreshTokenArgs {
  /**
   * Rotation of refresh tokens; static only on web apps.
   * @default RefreshTokenRotation.Rotate for browser and native apps, RefreshTokenRotation.Static for web apps
   */
  rotation?: RefreshTokenRotation;
  /**
   * Seconds the previous refresh token stays valid after a rotation, 0 to 60.
   * @default 30
   */
  gracePeriodSeconds?: number;
}

/** One Okta trusted origin. */
export interface TrustedOriginArgs {
  /** The origin, e.g. `https://portal.example.com` (scheme, host and port only). */
  origin: string;
  /**
   * What the origin is trusted for.
   * @default [TrustedOriginScope.Cors, TrustedOriginScope.Redirect]
   */
  scopes?: TrustedOriginScope[];
}

/**
 * Who is assigned to an Okta app: the stack file's `assignTo`. Nobody (`{}` or left out) is the stack file's
 * `none`; `{ everyone: true }` is `everyone`; `{ groups: [...] }` is `{ groups: [...] }`. Setting both is
 * refused.
 */
export interface AssignToArgs {
  /**
   * Assign the org's Everyone group (warned about in production).
   * @default false
   */
  everyone?: boolean;
  /**
   * Okta group names, looked up by exact name (case-sensitive); a name no group has exactly fails the run.
   * Each component looks up its own groups (one lookup per group and component; the stack-file program
   * looks each group up once per stack).
   * @default []
   */
  groups?: string[];
}

/**
 * A private key JWT signing key: either generated (`algorithm`, `rsaBits`, `curve`) or brought (`publicKey`
 * or `publicJwk`), never both.
 */
export interface KeyArgs {
  /** The key id; the key's resource name derives from it. */
  kid: string;
  /**
   * The key clients sign with; one key is active.
   * @default true for the last key, false for the others
   */
  active?: boolean;
  /**
   * A generated key's algorithm.
   * @default KeyAlgorithm.RSA
   */
  algorithm?: KeyAlgorithm;
  /**
   * A generated RSA key's size: 2048, 3072 or 4096.
   * @default 2048
   */
  rsaBits?: number;
  /**
   * A generated EC key's curve.
   * @default EcCurve.P256
   */
  curve?: EcCurve;
  /** A brought key: its public key as PEM. The private key never enters Pulumi. */
  publicKey?: string;
  /** A brought key: its public JWK. The private key never enters Pulumi. */
  publicJwk?: Record<string, string>;
}

/** Args every Okta app takes. */
export interface OktaAppArgs extends EnvironmentArgs {
  /**
   * The app's name in Okta, shown to users.
   * @default the component's name
   */
  label?: string;
  /**
   * The org's URL, `https://<orgName>.<baseUrl>` (e.g. `https://acme.okta.com`): the issuer of the org
   * authorization server. Needed for `apiScopes`; without it the component outputs no issuer.
   * @default none
   */
  orgUrl?: string;
  /**
   * Okta API scopes granted to the app (e.g. `okta.users.read`), checked against Okta's catalogue.
   * @default []
   */
  apiScopes?: string[];
  /**
   * Bring an existing app under management instead of creating one.
   * @default none: a new app is created
   */
  adopt?: AdoptArgs;
}

/** Args every Okta app that signs people in (web, browser, native) takes. */
export interface OktaSignInAppArgs extends OktaAppArgs {
  /**
   * The grant types the app may use (short names).
   * @default [GrantType.AuthorizationCode]
   */
  grantTypes?: GrantType[];
  /**
   * Deprecated grants opted into: implicit and password are refused unless listed here too.
   * @default []
   */
  allowDeprecatedGrants?: GrantType[];
  /**
   * Sign-in redirect URIs: https (http only for loopback outside production); required with authorization_code.
   * @default []
   */
  redirectUris?: string[];
  /**
   * Sign-out redirect URIs.
   * @default []
   */
  postLogoutRedirectUris?: string[];
  /**
   * Okta's wildcard redirect matching; subdomain needs one `https://*.example.com/...` redirect URI and is
   * refused in production.
   * @default WildcardRedirect.Disabled
   */
  wildcardRedirect?: WildcardRedirect;
  /**
   * Okta's initiate-login URI (login mode SPEC, scope openid).
   * @default none: login mode DISABLED
   */
  initiateLoginUri?: string;
  /**
   * Refresh-token settings; only with the refresh_token grant.
   * @default rotation as for its kind, grace period 30 seconds
   */
  refreshToken?: OktaRefreshTokenArgs;
  /**
   * Trusted origins of this app, created under it. Origins several apps share belong in one OktaTrustedOrigins
   * instead: Okta keeps one per origin.
   * @default []
   */
  trustedOrigins?: TrustedOriginArgs[];
  /**
   * Who is assigned to the app.
   * @default nobody
   */
  assignTo?: AssignToArgs;
}
