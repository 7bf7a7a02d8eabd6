export { buildOktaUserApp, type OktaUserAppArgs } from "./user-app";
export { buildOktaServiceApp, type ServiceAppArgs } from "./service-app";
export { createTrustedOrigins, originSlug } from "./trusted-origins";
export { oauthArgs } from "./oauth-args";
