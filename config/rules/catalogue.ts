/**
 * The rule catalogue: every diagnostic code oidc-apps can emit, with its severity, a one-line summary, the
 * reason (with a source where the rule comes from a provider or a standard) and the fix. Code that reports a
 * problem names a code from here; severity and fix come from here, so they cannot drift apart.
 */
import type { Severity } from "../diagnostics";

export interface Rule {
  readonly severity: Severity;
  readonly summary: string;
  readonly rationale: string;
  readonly fix: string;
}

const OKTA_APPS_API = "Okta Apps API, OAuth 2.0 client settings (developer.okta.com/docs/api/openapi/okta-management/management/tag/Application)";
const BCP = "OAuth 2.0 Security Best Current Practice, RFC 9700";

export const RULES = {
  // Shape of the stack file
  YAML_SYNTAX: { severity: "error", summary: "The stack file is not valid YAML.", rationale: "Pulumi cannot read it either.", fix: "Correct the YAML at the line and column given." },
  CONFIG_NOT_A_MAP: { severity: "error", summary: "A section that must be a map is something else.", rationale: "The section holds named entries.", fix: "Write the section as a YAML map (key: value lines)." },
  CONFIG_UNKNOWN_KEY: { severity: "error", summary: "A key oidc-apps does not know.", rationale: "A misspelt key would otherwise be ignored silently and the app created without the setting.", fix: "Remove the key or correct its spelling." },
  CONFIG_REQUIRED: { severity: "error", summary: "A required key is missing.", rationale: "There is no safe default for it.", fix: "Add the key." },
  CONFIG_INVALID_TYPE: { severity: "error", summary: "A value has the wrong type.", rationale: "The providers take typed values.", fix: "Write a value of the type given." },
  CONFIG_INVALID_VALUE: { severity: "error", summary: "A value is not one of the allowed values.", rationale: "The providers accept a fixed set.", fix: "Use one of the values listed." },
  CONFIG_CLEARTEXT_CREDENTIAL: { severity: "error", summary: "A provider credential is in the stack file in clear text.", rationale: "Stack files are committed; a credential in one is leaked to everyone who can read the repository.", fix: "Remove it from the file and set it with `pulumi config set --secret <key>` or the provider's environment variable." },
  ENVIRONMENT_REQUIRED: { severity: "error", summary: "`oidc-apps:environment` is missing.", rationale: "Production strictness and protection depend on it; guessing would be unsafe.", fix: "Add `oidc-apps:environment: development | staging | production`." },
  APP_NAME_INVALID: { severity: "error", summary: "An app's logical name is not a lowercase slug.", rationale: "The name becomes resource names and output keys; renaming it later replaces the app.", fix: "Use lowercase letters, digits and hyphens, 1-50 characters, starting and ending with a letter or digit." },

  // Okta org
  OKTA_ORG_REQUIRED: { severity: "error", summary: "Okta apps are declared but `okta:orgName` is not set.", rationale: "The issuer and the provider need the org.", fix: "Add `okta:orgName: <your org>` (and `okta:baseUrl` unless it is okta.com) to the stack file." },
  OKTA_BASE_URL_INVALID: { severity: "error", summary: "`okta:baseUrl` is not a domain name.", rationale: "The provider builds `https://<orgName>.<baseUrl>` from it.", fix: "Use the domain only, e.g. `okta.com` or `oktapreview.com`." },

  // Okta grant types (terraform-provider-okta resource_okta_app_oauth.go; Okta Apps API grant_types)
  OKTA_GRANT_NOT_ALLOWED: { severity: "error", summary: "A grant type this kind of Okta app cannot use.", rationale: `Okta rejects it on create; the provider does not check at preview. Source: ${OKTA_APPS_API}.`, fix: "Remove the grant type, or use an app type that allows it." },
  OKTA_GRANT_REQUIRED: { severity: "error", summary: "A grant type this kind of Okta app must have is missing.", rationale: "Okta and terraform-provider-okta require it for the app type (appRequirementsByType).", fix: "Add the grant type named in the message." },
  OKTA_GRANT_DEPRECATED: { severity: "error", summary: "The implicit or password grant without an explicit opt-in.", rationale: `Both are deprecated: they expose tokens in the front channel or hand passwords to the client (${BCP} §2.1.2, §2.4).`, fix: "Use authorization_code (with PKCE). If you must keep it, list the grant under `allowDeprecatedGrants`." },
  OKTA_GRANT_DUPLICATE: { severity: "warning", summary: "A grant type is listed twice.", rationale: "Harmless but usually a copy-paste slip.", fix: "Remove the duplicate." },

  // Refresh tokens
  OKTA_REFRESH_WITHOUT_GRANT: { severity: "error", summary: "Refresh-token settings on an app without the refresh_token grant.", rationale: "Okta ignores them and the provider fails when the grant is later removed with rotation set (pulumi-okta #224).", fix: "Add `refresh_token` to grantTypes, or remove `refreshToken`." },
  OKTA_REFRESH_GRACE_RANGE: { severity: "error", summary: "Refresh-token grace period outside 0-60 seconds.", rationale: "Okta accepts a rotation grace period (refresh_token_leeway) of 0 to 60 seconds.", fix: "Use a whole number of seconds from 0 to 60 (Okta's default is 30)." },

  // Redirect URIs
  OKTA_REDIRECT_REQUIRED: { severity: "error", summary: "An app that signs users in with authorization code has no redirect URI.", rationale: "Okta has nowhere to send the code.", fix: "Add the app's callback URL to redirectUris." },
  OKTA_REDIRECT_NOT_ABSOLUTE: { severity: "error", summary: "A redirect URI is not an absolute URI.", rationale: "OAuth 2.0 (RFC 6749 §3.1.2) requires absolute redirect URIs.", fix: "Write the full URI including the scheme, e.g. https://app.example.com/callback." },
  OKTA_REDIRECT_FRAGMENT: { severity: "error", summary: "A redirect URI has a fragment.", rationale: "RFC 6749 §3.1.2: the redirection endpoint URI MUST NOT include a fragment component.", fix: "Remove the `#...` part." },
  OKTA_REDIRECT_HTTP: { severity: "error", summary: "A redirect URI uses plain http on a host that is not loopback, or http at all in production.", rationale: `Codes and tokens would cross the network unencrypted (${BCP} §4.1; RFC 8252 §7.3 allows http only for loopback).`, fix: "Use https. Loopback http (localhost, 127.0.0.1, [::1]) is allowed outside production only." },
  OKTA_REDIRECT_LOOPBACK: { severity: "error", summary: "A loopback redirect URI in a production stack.", rationale: "Production apps must not send codes to whatever listens on a user's machine.", fix: "Remove the localhost entry from the production stack; keep it in development stacks." },
  OKTA_REDIRECT_CUSTOM_SCHEME: { severity: "error", summary: "A custom-scheme redirect URI on an app that is not native.", rationale: "Custom URI schemes are for native apps (RFC 8252 §7.1); a web or browser app can only be reached over http(s).", fix: "Use an https URI, or make the app `type: native`." },
  OKTA_REDIRECT_WILDCARD: { severity: "error", summary: "A wildcard redirect URI that Okta would not accept, or one that was not asked for.", rationale: `Okta's wildcard_redirect allows one \`*\` as the whole lowest host label, with at least one label between it and the top-level domain, over https only, and only with wildcard_redirect SUBDOMAIN (${OKTA_APPS_API}). Wildcards are discouraged as insecure.`, fix: "Set `wildcardRedirect: subdomain` and write `https://*.example.com/callback`, or list each URI." },
  OKTA_REDIRECT_WILDCARD_PRODUCTION: { severity: "error", summary: "A wildcard redirect URI in a production stack.", rationale: "A wildcard lets any subdomain (including a taken-over one) receive codes and tokens.", fix: "List each production redirect URI explicitly." },
  OKTA_REDIRECT_DUPLICATE: { severity: "warning", summary: "A URI is listed twice.", rationale: "Harmless but usually a copy-paste slip.", fix: "Remove the duplicate." },
  OKTA_LOGIN_URI_INVALID: { severity: "error", summary: "The initiate-login URI is not an absolute https URI (http allowed for loopback outside production).", rationale: "Okta sends users' browsers to it to start sign-in.", fix: "Use the https URL of the app's login route." },

  // Trusted origins
  OKTA_TRUSTED_ORIGIN_INVALID: { severity: "error", summary: "A trusted origin is not an origin (scheme, host and optional port).", rationale: "Okta matches trusted origins against the browser's Origin header, which never has a path.", fix: "Write it as the origin given in the message, e.g. https://app.example.com." },
  OKTA_TRUSTED_ORIGIN_HTTP: { severity: "error", summary: "A trusted origin over plain http that is not loopback, or any loopback or http origin in production.", rationale: "A CORS origin over http can be impersonated on the network.", fix: "Use https." },
  OKTA_ASSIGN_GROUPS_DUPLICATE: { severity: "warning", summary: "A group is listed twice in assignTo.", rationale: "Harmless but usually a copy-paste slip.", fix: "Remove the duplicate." },

  // Okta API scopes and admin roles
  OKTA_SCOPE_UNKNOWN: { severity: "error", summary: "An Okta API scope that does not exist.", rationale: "Okta refuses to grant it; the provider does not check names at preview. Catalogue from Okta's management OpenAPI spec (config/catalogues/okta-api-scopes.ts).", fix: "Use a scope from the catalogue; the message suggests the nearest." },
  OKTA_SCOPE_REDUNDANT: { severity: "warning", summary: "A read scope next to the manage scope of the same resource.", rationale: "Okta: manage scopes can do everything the read scopes do.", fix: "Keep only the manage scope, or drop manage if read is enough." },
  OKTA_ROLE_ACKNOWLEDGE: { severity: "error", summary: "SUPER_ADMIN or ORG_ADMIN for an app without an explicit acknowledgement.", rationale: "Either role controls the whole org; a machine credential holding it is the org's most valuable secret.", fix: "Use a narrower role, or add the role to `acknowledgeRoles`." },
  OKTA_ROLE_DUPLICATE: { severity: "warning", summary: "An admin role is listed twice.", rationale: "Harmless but usually a copy-paste slip.", fix: "Remove the duplicate." },
  OKTA_SERVICE_NO_ADMIN_ROLE: { severity: "warning", summary: "A service app with Okta API scopes but no admin role.", rationale: "Okta: you must assign an admin role to the app, since admin roles aren't assigned to apps automatically; without one its API calls are refused (developer.okta.com, Implement OAuth for Okta with a service app).", fix: "Add the narrowest role that covers the scopes, e.g. `adminRoles: [READ_ONLY_ADMIN]` for read scopes." },

  // Service apps and keys
  OKTA_SERVICE_KEYS_REQUIRED: { severity: "error", summary: "A private key JWT service app without keys.", rationale: "Okta needs a public key (JWKS) to verify the app's client assertions.", fix: "Add a key to generate, or bring a public key." },
  OKTA_SERVICE_KEYS_UNUSED: { severity: "error", summary: "Keys on an app that authenticates with a client secret.", rationale: "They would be ignored.", fix: "Remove the keys, or use clientAuth: private_key_jwt." },
  OKTA_SCOPES_NEED_PRIVATE_KEY_JWT: { severity: "error", summary: "A client-secret service app that asks for Okta API scopes.", rationale: "Okta issues tokens with okta.* scopes to service apps only for private key JWT.", fix: "Use clientAuth: private_key_jwt." },
  KEY_DUPLICATE_KID: { severity: "error", summary: "Two keys of one app share a key id.", rationale: "Clients name the key they signed with by kid; the JWKS must be unambiguous.", fix: "Give each key a unique kid (a date such as 2026-11 works well)." },
  KEY_ACTIVE_MULTIPLE: { severity: "error", summary: "More than one key is marked active.", rationale: "Clients sign with one key; the outputs must say which.", fix: "Mark one key `active: true` (default: the last one)." },
  KEY_SOURCE_CONFLICT: { severity: "error", summary: "A key mixes generation settings with a brought key, or settings of the other algorithm.", rationale: "It is unclear which key is meant.", fix: "Either generate (algorithm, rsaBits or curve) or bring (publicKey or publicJwk)." },
  KEY_PRIVATE_MATERIAL: { severity: "error", summary: "Private key material where a public key belongs.", rationale: "A private key in a stack file is committed to the repository and copied into state; it must stay with its owner.", fix: "Paste the public key only (`openssl pkey -in key.pem -pubout`), and treat the pasted private key as leaked: replace it." },
  KEY_INVALID: { severity: "error", summary: "A public key that cannot be parsed.", rationale: "Okta could not verify signatures with it.", fix: "Paste a PEM public key (-----BEGIN PUBLIC KEY-----) or a public JWK." },
  KEY_WEAK: { severity: "error", summary: "An RSA key shorter than 2048 bits.", rationale: "Okta and Auth0 reject RSA keys under 2048 bits (NIST SP 800-57).", fix: "Generate a 2048-bit or longer key." },
  KEY_UNSUPPORTED: { severity: "error", summary: "A key type Okta does not take for private key JWT.", rationale: "Okta verifies RS256/384/512 and ES256/384/512 only.", fix: "Use an RSA key, or an EC key on P-256, P-384 or P-521." },

  // Auth0
  AUTH0_DOMAIN_REQUIRED: { severity: "error", summary: "Auth0 apps are declared but `auth0:domain` is not set, or is not a domain.", rationale: "The provider, the issuer and the Management API audience need the tenant domain.", fix: "Add `auth0:domain: <tenant>.<region>.auth0.com` (or your custom domain) to the stack file." },
  AUTH0_URL_INVALID: { severity: "error", summary: "An Auth0 URL that is not an absolute http(s) URL, or a web origin with a path.", rationale: "Regular Web Applications are reached over http(s); web origins are matched as origins.", fix: "Write the full https URL (web origins: scheme, host and port only)." },
  AUTH0_URL_HTTP: { severity: "error", summary: "An Auth0 URL over plain http that is not loopback, or http or loopback at all in production.", rationale: "Auth0 only discourages these; oidc-apps applies the same transport policy as for Okta so codes and tokens never cross a network unencrypted.", fix: "Use https; keep localhost URLs in development stacks." },
  AUTH0_URL_WILDCARD: { severity: "error", summary: "A wildcard URL that Auth0 would not accept, or any wildcard in production.", rationale: "Auth0 (wildcards-for-subdomains): one `*`, in the left-most subdomain label, never directly before the top-level domain (`https://*.com` will not work); wildcards should not be used in production.", fix: "Write `https://*.example.com/callback`, or list each URL." },
  AUTH0_URL_TOO_MANY: { severity: "error", summary: "More than 100 URLs in one field.", rationale: "Auth0 accepts up to 100 callback URLs, logout URLs and web origins each.", fix: "Consolidate the URLs (one callback route per host), or split the app." },
  AUTH0_CALLBACK_REQUIRED: { severity: "error", summary: "An app with authorization_code and no callback URL.", rationale: "Auth0 has nowhere to send the code.", fix: "Add the app's callback URL to callbacks." },
  AUTH0_LOGIN_URI_INVALID: { severity: "error", summary: "The initiate-login URI is not an absolute https URI.", rationale: "Auth0: initiate_login_uri must be HTTPS or an empty string.", fix: "Use the https URL of the app's login route." },
  AUTH0_GRANT_DEPRECATED: { severity: "error", summary: "The implicit grant without an explicit opt-in.", rationale: "Deprecated by the OAuth 2.0 Security BCP (RFC 9700 §2.1.2): tokens in the front channel.", fix: "Use authorization_code, or list implicit under `allowDeprecatedGrants`." },
  AUTH0_REFRESH_WITHOUT_GRANT: { severity: "error", summary: "Refresh-token settings on an app without the refresh_token grant.", rationale: "They would have no effect.", fix: "Add refresh_token to grantTypes, or remove refreshToken." },
  AUTH0_MGMT_NEEDS_CLIENT_CREDENTIALS: { severity: "error", summary: "Management API scopes on an app without the client_credentials grant.", rationale: "A client grant for the Management API is used through the client credentials flow.", fix: "Add client_credentials to grantTypes." },
  AUTH0_SCOPE_UNKNOWN: { severity: "error", summary: "A Management API scope that does not exist.", rationale: "Auth0 rejects client grants with unknown scopes. Catalogue from the auth0 SDK's generated OauthScope (config/catalogues/auth0-management-scopes.ts).", fix: "Use a scope from the catalogue; the message suggests the nearest." },
  AUTH0_KEYS: { severity: "error", summary: "Keys that do not fit Auth0 private key JWT (none, more than two, EC, or keys without private_key_jwt).", rationale: "Auth0 takes at most two RSA public keys per app (RS256, RS384, PS256).", fix: "Give one or two RSA keys with clientAuth: private_key_jwt." },

  // Recipes
  RECIPE_UNKNOWN: { severity: "error", summary: "A recipe that does not exist.", rationale: "Nothing would be created for it.", fix: "Use one of the recipes listed in the message." },
  RECIPE_NEEDS_PROVIDER: { severity: "error", summary: "A recipe whose provider is not configured in the stack.", rationale: "The recipe creates apps in Okta or Auth0 and needs the org or tenant.", fix: "Add `okta:orgName` or `auth0:domain` to the stack file." },
  RECIPE_APP_NAME_CONFLICT: { severity: "error", summary: "A recipe would create an app whose name is already taken.", rationale: "App names are unique per provider; a recipe's apps are named `<instance>` and `<instance>-<role>`.", fix: "Rename the recipe instance or the app." },
  RECIPE_APP_INVALID: { severity: "error", summary: "A recipe's parameters expand into an app that breaks a rule.", rationale: "The expanded app is checked by the same rules as any app; the message names the rule and the expanded key.", fix: "Change the recipe parameter the message points to." },
  RECIPE_SCOPE_NOT_GRANTED: { severity: "warning", summary: "A scope the third-party product asks for that Auth0's Management API does not have.", rationale: "It stays in the handoff (the product asks for it) but cannot be granted; failing the apply over it would help no one.", fix: "Check the spelling against the Management API scopes; if the product really asks for it, nothing to do." },
  RECIPE_ADMIN_ROLE_REQUIRED: { severity: "error", summary: "Manage scopes for the Okta MCP server without an admin role that can write.", rationale: "The default, Read-Only Administrator, would make every write call fail.", fix: "Set adminRole to the narrowest role that covers the scopes." },
} as const satisfies Record<string, Rule>;

export type RuleCode = keyof typeof RULES;
