/**
 * oidc-apps as a library: Pulumi components other programs use, one per kind of app the stack file declares,
 * held to the same rules with the same defaults. Only the public classes, their args and the enums are
 * exported: every exported ComponentResource subclass becomes a component of the Pulumi package.
 */
export { Auth0RegularWebApp, type Auth0AdoptArgs, type Auth0RefreshTokenArgs, type Auth0RegularWebAppArgs } from "./auth0-regular-web-app";
export type { AdoptArgs, AssignToArgs, EnvironmentArgs, KeyArgs, OktaAppArgs, OktaRefreshTokenArgs, OktaSignInAppArgs, TrustedOriginArgs } from "./common-args";
export { ClientAuthMethod, EcCurve, Environment, GrantType, KeyAlgorithm, RefreshTokenRotation, StandardAdminRole, TrustedOriginScope, WildcardRedirect } from "./enums";
export { InvalidArgsError } from "./errors";
export { OktaBrowserApp, type OktaBrowserAppArgs } from "./okta-browser-app";
export { OktaNativeApp, type OktaNativeAppArgs } from "./okta-native-app";
export { OktaServiceApp, type CustomAdminRoleArgs, type OktaServiceAppArgs } from "./okta-service-app";
export { OktaTrustedOrigins, type OktaTrustedOriginsArgs } from "./okta-trusted-origins";
export { OktaWebApp, type OktaWebAppArgs } from "./okta-web-app";
export type { Jwk, PrivateKey } from "./outputs";
