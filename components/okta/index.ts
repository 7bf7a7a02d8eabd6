export { WebApp, BrowserApp, NativeApp, type OktaUserAppArgs, type OktaAppOutputs } from "./user-app";
export { ServiceApp, type ServiceAppArgs, type PrivateKeyOutputs } from "./service-app";
export { TrustedOrigins, originSlug } from "./trusted-origins";
export { oauthArgs } from "./oauth-args";
