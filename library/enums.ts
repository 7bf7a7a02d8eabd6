/**
 * The library's enumerations: the stack file's string values, each as an `as const` object and the union of its
 * values. That is one of the two closed-set shapes the Pulumi component analyzer turns into a schema enum
 * (@pulumi/pulumi 3.248.0 provider/experimental/analyzer.js `analyzeType` and `extractEnumMembers`: a TS `enum`,
 * or this pattern; a bare string-literal union is refused), and unlike a TS `enum` it lets a TypeScript caller
 * write the stack file's value itself (`grantTypes: ["authorization_code"]`) as well as
 * `GrantType.AuthorizationCode`. Each value is the stack file's own.
 */

/** Which rules an app is held to; production is the strictest and protects the app. */
export const Environment = {
  /** Loopback http redirect URIs allowed; nothing protected. */
  Development: "development",
  /** As development, for pre-production orgs. */
  Staging: "staging",
  /** https only, no wildcards, no loopback; the app is protected and retained on delete. */
  Production: "production",
} as const;
export type Environment = (typeof Environment)[keyof typeof Environment];

/** OAuth 2.0 grant types, by their short names (the stack file's `grantTypes`). */
export const GrantType = {
  AuthorizationCode: "authorization_code",
  RefreshToken: "refresh_token",
  ClientCredentials: "client_credentials",
  /** Deprecated (RFC 9700): needs `allowDeprecatedGrants`. */
  Implicit: "implicit",
  /** Deprecated (RFC 9700): needs `allowDeprecatedGrants`. */
  Password: "password",
  DeviceCode: "device_code",
  TokenExchange: "token_exchange",
} as const;
export type GrantType = (typeof GrantType)[keyof typeof GrantType];

/** How a client authenticates at the token endpoint; which ones a kind of app accepts is a rule. */
export const ClientAuthMethod = {
  ClientSecretBasic: "client_secret_basic",
  ClientSecretPost: "client_secret_post",
  PrivateKeyJwt: "private_key_jwt",
} as const;
export type ClientAuthMethod = (typeof ClientAuthMethod)[keyof typeof ClientAuthMethod];

/** Refresh-token rotation (the stack file's `refreshToken.rotation`). */
export const RefreshTokenRotation = {
  /** A new refresh token on every use. */
  Rotate: "rotate",
  /** The same refresh token until it expires (web apps only on Okta). */
  Static: "static",
} as const;
export type RefreshTokenRotation = (typeof RefreshTokenRotation)[keyof typeof RefreshTokenRotation];

/** Okta's wildcard redirect matching (the stack file's `wildcardRedirect`). */
export const WildcardRedirect = {
  /** Exact matching only. */
  Disabled: "disabled",
  /** One `https://*.example.com/...` entry may match subdomains; never in production. */
  Subdomain: "subdomain",
} as const;
export type WildcardRedirect = (typeof WildcardRedirect)[keyof typeof WildcardRedirect];

/** What an Okta trusted origin is trusted for. */
export const TrustedOriginScope = {
  Cors: "CORS",
  Redirect: "REDIRECT",
  IframeEmbed: "IFRAME_EMBED",
} as const;
export type TrustedOriginScope = (typeof TrustedOriginScope)[keyof typeof TrustedOriginScope];

/** Generated signing key algorithms. */
export const KeyAlgorithm = {
  RSA: "RSA",
  EC: "EC",
} as const;
export type KeyAlgorithm = (typeof KeyAlgorithm)[keyof typeof KeyAlgorithm];

/** Curves for generated EC keys (only P256 is accepted by the rules today). */
export const EcCurve = {
  P256: "P256",
  P384: "P384",
  P521: "P521",
} as const;
export type EcCurve = (typeof EcCurve)[keyof typeof EcCurve];

/** Okta's standard admin roles for an API service app. */
export const StandardAdminRole = {
  ReadOnlyAdmin: "READ_ONLY_ADMIN",
  UserAdmin: "USER_ADMIN",
  GroupMembershipAdmin: "GROUP_MEMBERSHIP_ADMIN",
  HelpDeskAdmin: "HELP_DESK_ADMIN",
  AppAdmin: "APP_ADMIN",
  ReportAdmin: "REPORT_ADMIN",
  ApiAccessManagementAdmin: "API_ACCESS_MANAGEMENT_ADMIN",
  /** Controls the whole org: needs `acknowledgeRoles`. */
  OrgAdmin: "ORG_ADMIN",
  /** Controls the whole org: needs `acknowledgeRoles`. */
  SuperAdmin: "SUPER_ADMIN",
  AccessCertificationsAdmin: "ACCESS_CERTIFICATIONS_ADMIN",
  AccessRequestsAdmin: "ACCESS_REQUESTS_ADMIN",
  WorkflowsAdmin: "WORKFLOWS_ADMIN",
} as const;
export type StandardAdminRole = (typeof StandardAdminRole)[keyof typeof StandardAdminRole];
