/**
 * The library's enumerations: the stack file's string values as TypeScript enums, the one closed-set shape the
 * Pulumi component analyzer accepts (it refuses string-literal unions). Each value is the stack file's own.
 */

/** Which rules an app is held to; production is the strictest and protects the app. */
export enum Environment {
  /** Loopback http redirect URIs allowed; nothing protected. */
  Development = "development",
  /** As development, for pre-production orgs. */
  Staging = "staging",
  /** https only, no wildcards, no loopback; the app is protected and retained on delete. */
  Production = "production",
}

/** OAuth 2.0 grant types, by their short names (the stack file's `grantTypes`). */
export enum GrantType {
  AuthorizationCode = "authorization_code",
  RefreshToken = "refresh_token",
  ClientCredentials = "client_credentials",
  /** Deprecated (RFC 9700): needs `allowDeprecatedGrants`. */
  Implicit = "implicit",
  /** Deprecated (RFC 9700): needs `allowDeprecatedGrants`. */
  Password = "password",
  DeviceCode = "device_code",
  TokenExchange = "token_exchange",
}

/** How a client authenticates at the token endpoint; which ones a kind of app accepts is a rule. */
export enum ClientAuthMethod {
  ClientSecretBasic = "client_secret_basic",
  ClientSecretPost = "client_secret_post",
  PrivateKeyJwt = "private_key_jwt",
}

/** Refresh-token rotation (the stack file's `refreshToken.rotation`). */
export enum RefreshTokenRotation {
  /** A new refresh token on every use. */
  Rotate = "rotate",
  /** The same refresh token until it expires (web apps only on Okta). */
  Static = "static",
}

/** Okta's wildcard redirect matching (the stack file's `wildcardRedirect`). */
export enum WildcardRedirect {
  /** Exact matching only. */
  Disabled = "disabled",
  /** One `https://*.example.com/...` entry may match subdomains; never in production. */
  Subdomain = "subdomain",
}

/** What an Okta trusted origin is trusted for. */
export enum TrustedOriginScope {
  Cors = "CORS",
  Redirect = "REDIRECT",
  IframeEmbed = "IFRAME_EMBED",
}

/** Generated signing key algorithms. */
export enum KeyAlgorithm {
  RSA = "RSA",
  EC = "EC",
}

/** Curves for generated EC keys (only P256 is accepted by the rules today). */
export enum EcCurve {
  P256 = "P256",
  P384 = "P384",
  P521 = "P521",
}

/** Okta's standard admin roles for an API service app. */
export enum StandardAdminRole {
  ReadOnlyAdmin = "READ_ONLY_ADMIN",
  UserAdmin = "USER_ADMIN",
  GroupMembershipAdmin = "GROUP_MEMBERSHIP_ADMIN",
  HelpDeskAdmin = "HELP_DESK_ADMIN",
  AppAdmin = "APP_ADMIN",
  ReportAdmin = "REPORT_ADMIN",
  ApiAccessManagementAdmin = "API_ACCESS_MANAGEMENT_ADMIN",
  /** Controls the whole org: needs `acknowledgeRoles`. */
  OrgAdmin = "ORG_ADMIN",
  /** Controls the whole org: needs `acknowledgeRoles`. */
  SuperAdmin = "SUPER_ADMIN",
  AccessCertificationsAdmin = "ACCESS_CERTIFICATIONS_ADMIN",
  AccessRequestsAdmin = "ACCESS_REQUESTS_ADMIN",
  WorkflowsAdmin = "WORKFLOWS_ADMIN",
}
