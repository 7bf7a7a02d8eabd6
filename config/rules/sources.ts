/** Sources cited by rules of several groups, written once. */
export const OKTA_APPS_API = "Okta Apps API, OAuth 2.0 client settings (developer.okta.com/docs/api/openapi/okta-management/management/tag/Application)";
export const BCP = "OAuth 2.0 Security Best Current Practice, RFC 9700 (rfc-editor.org/rfc/rfc9700)";
export const OKTA_SERVICE_GUIDE = "Okta, Implement OAuth for Okta with a service app (developer.okta.com/docs/guides/implement-oauth-for-okta-serviceapp/main/)";
/**
 * Where each policy of our own (a rule where the providers allow more) is stated and explained: the heading of
 * its section and the doc that holds it. test/config/rules/catalogue.test.ts checks that each heading exists there.
 */
const POLICY_DOCS = {
  "Stack files": "stack-file.md",
  "Okta apps": "stack-file.md",
  "Okta API service apps": "stack-file.md",
  "Auth0 apps": "stack-file.md",
  "Validation": "stack-file.md",
  "Untrusted input": "stack-file.md",
  "Environments": "stack-file.md",
  "What gets created": "stack-file.md",
  "Recipes: `oidc-apps:recipes`": "recipes.md",
  "Adopting existing apps": "operations.md",
} as const;

/** Our own rules, where the providers allow more: the section of the docs that states and explains the policy. */
export const policy = (section: keyof typeof POLICY_DOCS) => `oidc-apps policy, ${docSection(section)}`;

/** A section of the docs, as rule sources and fixes cite it: `docs/<file>.md § <heading>`. */
export const docSection = (section: keyof typeof POLICY_DOCS) => `docs/${POLICY_DOCS[section]} § ${section}`;
