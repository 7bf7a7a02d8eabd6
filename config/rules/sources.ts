/** Sources cited by rules of several groups, written once. */
export const OKTA_APPS_API = "Okta Apps API, OAuth 2.0 client settings (developer.okta.com/docs/api/openapi/okta-management/management/tag/Application)";
export const BCP = "OAuth 2.0 Security Best Current Practice, RFC 9700 (rfc-editor.org/rfc/rfc9700)";
export const OKTA_SERVICE_GUIDE = "Okta, Implement OAuth for Okta with a service app (developer.okta.com/docs/guides/implement-oauth-for-okta-serviceapp/main/)";
/** Our own rules, where the providers allow more: the README section that states and explains the policy. */
export const policy = (section: string) => `oidc-apps policy, README § ${section}`;
