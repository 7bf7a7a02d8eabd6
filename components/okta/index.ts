export { WebApp, BrowserApp, NativeApp, type OktaUserAppArgs } from "./user-app";
export { ServiceApp, type ServiceAppArgs } from "./service-app";
export { TrustedOrigins, originSlug } from "./trusted-origins";
export { oauthArgs } from "./oauth-args";
