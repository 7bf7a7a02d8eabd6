export { WebApp, BrowserApp, NativeApp, type OktaUserAppArgs, type OktaAppOutputs } from "./user-app";
export { ServiceApp, type ServiceAppArgs } from "./service-app";
export type { PrivateKeyOutputs } from "../keys/signing-keys";
export { TrustedOrigins, originSlug } from "./trusted-origins";
export { oauthArgs } from "./oauth-args";
