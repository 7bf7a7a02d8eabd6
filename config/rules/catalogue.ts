/**
 * The rule catalogue: every diagnostic code oidc-apps can emit, with its severity, a one-line summary, the
 * reason, where the rule comes from (a provider's documentation or source, a standard, or our own documented
 * policy) and the fix. Code that reports a problem names a code from here; severity and fix come from here, so
 * they cannot drift apart. `docs/rules.md` is generated from this file (`npm run gen:docs`), and the tests fail
 * when it is stale, when a code is emitted that is not here, or when a rule here has no violating example in
 * the bad-input corpus (`test/fixtures/invalid/`).
 *
 * Codes are a contract (editors, CI logs and suppressions name them): never rename or reuse one.
 */
import type { Severity } from "../diagnostics";

export interface Rule {
  readonly severity: Severity;
  /** One line: what is wrong. */
  readonly summary: string;
  /** Why it matters. */
  readonly rationale: string;
  /** Where the rule comes from: a provider's documentation or source, a standard, or our documented policy. */
  readonly source: string;
  /** The default fix; a rule may give a more specific one with the diagnostic. */
  readonly fix: string;
}

// Sources cited by several rules.
const OKTA_APPS_API = "Okta Apps API, OAuth 2.0 client settings (developer.okta.com/docs/api/openapi/okta-management/management/tag/Application)";
const TF_OKTA_APP = "terraform-provider-okta, okta/services/idaas/resource_okta_app_oauth.go, `appRequirementsByType` (the provider behind @pulumi/okta 7.0.0)";
const BCP = "OAuth 2.0 Security Best Current Practice, RFC 9700 (rfc-editor.org/rfc/rfc9700)";
const RFC6749_REDIRECT = "RFC 6749 §3.1.2, Redirection Endpoint (rfc-editor.org/rfc/rfc6749#section-3.1.2)";
const RFC8252 = "OAuth 2.0 for Native Apps, RFC 8252 §7.1 and §7.3 (rfc-editor.org/rfc/rfc8252)";
const OKTA_SERVICE_GUIDE = "Okta, Implement OAuth for Okta with a service app (developer.okta.com/docs/guides/implement-oauth-for-okta-serviceapp/main/)";
const AUTH0_WILDCARDS = "Auth0, Subdomain URL placeholders (auth0.com/docs/get-started/applications/wildcards-for-subdomains)";
const AUTH0_APP_SETTINGS = "Auth0, Application settings (auth0.com/docs/get-started/applications/application-settings)";
const AUTH0_PKJWT = "terraform-provider-auth0 `auth0_client_credentials` (@pulumi/auth0 3.49.0 `ClientCredentials.privateKeyJwt`: at most 2 credentials; RS256, RS384 or PS256)";
const PULUMI_CONFIG = "Pulumi, Configuration and the stack settings file (pulumi.com/docs/iac/concepts/config/, pulumi.com/docs/iac/concepts/projects/stack-settings-file/)";
const JWA_RSA = "RFC 7518 §3.3: a key of 2048 bits or larger MUST be used with RS256/384/512 (rfc-editor.org/rfc/rfc7518#section-3.3)";
/** Our own rules, where the providers allow more: the README section that states and explains the policy. */
const policy = (section: string) => `oidc-apps policy, README § ${section}`;
/** Okta's pages on its standard admin roles (help.okta.com), read 2026-11; config/catalogues/okta-role-coverage.ts cites each. */
const OKTA_ROLES_HELP = "Okta, Standard administrator roles and permissions (help.okta.com/en-us/content/topics/security/administrators-admin-comparison.htm) and the role pages it links (read-only, report, help desk, group, group membership, app, org, API Access Management admins)";

const STACK_FILE = {
  YAML_SYNTAX: {
    severity: "error",
    summary: "The stack file is not valid YAML, or it expands aliases without bound.",
    rationale: "Nothing in the file can be read. Pulumi would refuse it too, but only when `pulumi up` starts, and without the key paths. An alias bomb (aliases nesting aliases) is refused before it is expanded, so a hostile file cannot exhaust memory.",
    source: `YAML 1.2.2 (yaml.org/spec/1.2.2); ${PULUMI_CONFIG}: "The file format must be YAML"`,
    fix: "Correct the YAML at the line and column given.",
  },
  CONFIG_NOT_A_MAP: {
    severity: "error",
    summary: "A section that must be a map is something else.",
    rationale: "Sections such as `oidc-apps:okta`, `apps` and each app hold named entries; a list or a plain string there has no names to read, so nothing in it could be checked or created.",
    source: `${PULUMI_CONFIG}: structured values reach the program as JSON; the shapes are config/schema/*.ts and schema/stack.schema.json`,
    fix: "Write the section as a YAML map (key: value lines).",
  },
  CONFIG_UNKNOWN_KEY: {
    severity: "error",
    summary: "A key oidc-apps does not know.",
    rationale: "Pulumi passes every key to the program and ignores those it does not read, so a misspelt key (`redirectUri`) would be ignored silently and the app created without the setting.",
    source: `${PULUMI_CONFIG}; ${policy("Validation")} ("Unknown keys are errors with a suggestion")`,
    fix: "Remove the key or correct its spelling; the message suggests the nearest known key.",
  },
  CONFIG_REQUIRED: {
    severity: "error",
    summary: "A required key is missing.",
    rationale: "There is no safe default for it (an app's `type` decides which settings and rules apply; a recipe needs its URLs).",
    source: "The schemas in config/schema/*.ts and recipes/*.ts (schema/stack.schema.json for editors)",
    fix: "Add the key.",
  },
  CONFIG_INVALID_TYPE: {
    severity: "error",
    summary: "A value has the wrong type.",
    rationale: "The providers take typed values (a list of redirect URIs, a whole number of seconds); a value of another type would fail at apply time, or be coerced into something that was not meant.",
    source: "The schemas in config/schema/*.ts, after the input types of @pulumi/okta 7.0.0 and @pulumi/auth0 3.49.0",
    fix: "Write a value of the type given.",
  },
  CONFIG_INVALID_VALUE: {
    severity: "error",
    summary: "A value is not one of the allowed values, or is out of range.",
    rationale: "The providers accept a fixed set of values and ranges (app types, grant types, provider tunables); anything else fails at apply time, often after other resources were already changed.",
    source: "The schemas in config/schema/*.ts and config/provider-settings.ts, after @pulumi/okta 7.0.0, @pulumi/auth0 3.49.0 and the Okta provider's settings (backoff, retries, max_api_capacity 1-100)",
    fix: "Use one of the values listed, or a value in the range given.",
  },
  CONFIG_CLEARTEXT_CREDENTIAL: {
    severity: "error",
    summary: "A provider credential is in the stack file in clear text.",
    rationale: "Stack files are committed; a credential in one is leaked to everyone who can read the repository, and to its history forever.",
    source: "Pulumi, Secrets (pulumi.com/docs/iac/concepts/secrets/): `pulumi config set --secret` stores the value encrypted; @pulumi/okta and @pulumi/auth0 provider credentials (`apiToken`, `accessToken`, `privateKey`, `clientSecret`, `clientAssertionPrivateKey`)",
    fix: "Remove it from the file and set it with `pulumi config set --secret <key>` or the provider's environment variable.",
  },
  ENVIRONMENT_REQUIRED: {
    severity: "error",
    summary: "`oidc-apps:environment` is missing.",
    rationale: "Production strictness (https only, no loopback, no wildcards) and protection against deletion depend on it; guessing would be unsafe either way.",
    source: policy("Environments"),
    fix: "Add `oidc-apps:environment: development | staging | production`.",
  },
  APP_NAME_INVALID: {
    severity: "error",
    summary: "An app's (or recipe instance's) logical name is not a lowercase slug.",
    rationale: "The name becomes Pulumi resource names, URNs and output keys; renaming it later replaces the app with a new one with a new client id, so it must be boring and stable from the start.",
    source: `Pulumi, Resource names (pulumi.com/docs/iac/concepts/resources/names/): the name is part of the URN; ${policy("Stack files")}`,
    fix: "Use lowercase letters, digits and hyphens, 1-50 characters, starting and ending with a letter or digit.",
  },
  APP_NAME_DUPLICATE: {
    severity: "error",
    summary: "The same app name is used for an Okta app and an Auth0 app.",
    rationale: "Outputs are namespaced per provider (`okta.<name>`, `auth0.<name>`), but nothing else is: both apps name their children after themselves (`<name>-client-secret`, `<name>-key-<kid>`), so resources of the same type and name sit under two parents, and the plan, `pulumi stack --show-urns`, the policy pack's reports, logs and people must tell `portal` from `portal` by context. One name, one app keeps every reference unambiguous.",
    source: policy("Validation"),
    fix: "Rename one of the two apps (e.g. `portal` and `portal-auth0`). Renaming an existing app replaces it; to keep its client id, take it out of the state first (`pulumi state delete`) and adopt it under the new name (`adopt: { id: ... }`), as in README § Runbook, moving an app between stacks.",
  },
  YAML_TOO_LARGE: {
    severity: "error",
    summary: "The stack file is larger than oidc-apps reads: over 2 MiB, 100,000 lines or 100,000 YAML nodes.",
    rationale: "Every check must finish in bounded time on any input, a hostile one in a pull request included. Stack files are kilobytes (1,000 apps are about 400 KB), so the cap leaves ample room and keeps reading and checking any file within seconds.",
    source: policy("Untrusted input"),
    fix: "Split the stack, or remove what does not belong in it.",
  },
  YAML_TAG_UNKNOWN: {
    severity: "error",
    summary: "A YAML tag outside the core schema (`!vault`, `!!binary`, `!!set`, …).",
    rationale: "Stack files hold plain values. A tag the core schema does not define is dropped or turns the value into something else (`!vault x` reads as the string `x`, `!!binary` as bytes), so what is applied is not what was written and reviewed.",
    source: `YAML 1.2.2 §10.3, Core Schema (yaml.org/spec/1.2.2); ${PULUMI_CONFIG}`,
    fix: "Remove the tag and write the value itself; keep secrets out of the file (`pulumi config set --secret`).",
  },
  YAML_MERGE_KEY: {
    severity: "error",
    summary: "A YAML merge key (`<<: *anchor`).",
    rationale: "Merge keys are a YAML 1.1 type, not YAML 1.2: Pulumi's parser (go-yaml) merges them and a YAML 1.2 reader does not, so the two would read different settings; and the merged keys would escape the key checks (an app merging its `type` is reported as having none).",
    source: `YAML merge key type (yaml.org/type/merge.html), not in YAML 1.2.2's core schema (yaml.org/spec/1.2.2); ${policy("Untrusted input")}`,
    fix: "Write the keys out in each map; an alias for a whole value (`redirectUris: *uris`) is fine.",
  },
  CONFIG_NAMESPACE_MISSPELT: {
    severity: "error",
    summary: "A key in a namespace one or two letters from `oidc-apps`, `okta` or `auth0` (`oidc-app:okta`).",
    rationale: "Pulumi passes keys of every namespace to the program, and oidc-apps reads only its own, so `oidc-app:okta` would be ignored without a word: the stack plans with no apps at all (\"0 resources\").",
    source: `${PULUMI_CONFIG}: keys are \`<namespace>:<key>\`; ${policy("Validation")}`,
    fix: "Correct the namespace; the message names the key that was meant.",
  },
  STACK_NAME_ENVIRONMENT_MISMATCH: {
    severity: "error",
    summary: "A stack named for production (`prod`, `production`, `prd`) whose `oidc-apps:environment` is not production.",
    rationale: "The environment decides production strictness (https only, no loopback, no wildcards) and protection against deletion; `Pulumi.prod.yaml` set to development would create unprotected apps that accept plain http and loopback redirect URIs, and nothing else would say so.",
    source: policy("Environments"),
    fix: "Set `oidc-apps:environment: production`, or name the stack for what it is.",
  },
  APP_LABEL_DUPLICATE: {
    severity: "warning",
    summary: "Two apps of one provider with the same label (Okta) or name (Auth0).",
    rationale: "Labels are what users see on their Okta dashboard and Auth0's consent pages, and what admins search for in the console: two apps that look the same are chosen by mistake, and a review cannot tell which is which.",
    source: policy("Validation"),
    fix: "Give each app a label (or Auth0 name) of its own.",
  },
} as const satisfies Record<string, Rule>;

/** The string and URL policies (config/text-policy.ts, config/url-policy.ts): every value, wherever it is used. */
const TEXT_AND_URLS = {
  TEXT_UNSAFE_CHARACTER: {
    severity: "error",
    summary: "A control or invisible format character in a value or a key (a newline in a label, U+202E, U+200B).",
    rationale: "C0 and C1 controls (newline, escape), zero-width characters and bidi overrides are invisible or reorder text: printed in a plan, a log or a pull-request comment they forge lines, or make a label, a host or a name read as another. No label, name, id or URL needs one.",
    source: `Unicode Technical Report #36, Unicode Security Considerations (unicode.org/reports/tr36/); "Trojan Source", CVE-2021-42574 (bidi overrides, trojansource.codes/); ${policy("Untrusted input")}`,
    fix: "Retype the value without the character the message names.",
  },
  TEXT_SECRET_SHAPE: {
    severity: "error",
    summary: "A value shaped like a secret (a private key, a JWT, an API token) where none belongs.",
    rationale: "Labels, names and ids are printed in plans, reviews, logs and the providers' consoles: a key or a token pasted into one is leaked the moment the stack file is committed.",
    source: `RFC 7468 (PEM private keys, rfc-editor.org/rfc/rfc7468); RFC 7519 (JSON Web Tokens); Okta, Create an API token (developer.okta.com/docs/guides/create-an-api-token/); ${policy("Untrusted input")}`,
    fix: "Remove it and treat it as leaked: rotate the key or token. Credentials belong in provider keys set with `pulumi config set --secret`.",
  },
  URL_USERINFO: {
    severity: "error",
    summary: "A URL with userinfo: `user:pass@`, or a decoy `host@` before the real host.",
    rationale: "`https://portal.acme.io@evil.example/callback` goes to evil.example: what precedes the `@` is userinfo, which a reviewer reads as the host. A password there is sent with every request and printed in every plan and diff; RFC 3986 deprecates it.",
    source: `RFC 3986 §3.2.1, User Information (rfc-editor.org/rfc/rfc3986#section-3.2.1); WHATWG URL Standard, authority parsing (url.spec.whatwg.org/); ${policy("Untrusted input")}`,
    fix: "Remove the userinfo. A proxy that needs credentials: store its whole URL as a secret (`pulumi config set --secret okta:httpProxy …`).",
  },
  URL_HOST_NOT_ASCII: {
    severity: "error",
    summary: "A URL host with characters outside ASCII, or percent-encoded.",
    rationale: "Browsers map `portаl.example.com` (with a Cyrillic `а`) to punycode, `xn--…`: another host that reads like the real one. Written as its A-label, an internationalized host is reviewed as the host that is resolved.",
    source: `RFC 5890 §2.3.2.1, A-labels (rfc-editor.org/rfc/rfc5890); WHATWG URL Standard, host parsing (url.spec.whatwg.org/#host-parsing); Unicode Technical Standard #39, confusables (unicode.org/reports/tr39/); ${policy("Untrusted input")}`,
    fix: "Write the host in ASCII, an internationalized name as its punycode A-label (the message gives it).",
  },
  URL_HOST_UPPERCASE: {
    severity: "error",
    summary: "A URL host with capital letters.",
    rationale: "Browsers and providers lowercase hosts, while redirect URIs are compared as exact strings: `https://Portal.example.com/cb` is sent back as `https://portal.example.com/cb` and no longer matches what was registered. One spelling also keeps duplicates and reviews honest.",
    source: `RFC 3986 §6.2.2.1, case normalization (rfc-editor.org/rfc/rfc3986#section-6.2.2.1); RFC 6749 §3.1.2.3 (redirect URIs compared as strings); ${policy("Untrusted input")}`,
    fix: "Write the host in lowercase.",
  },
  URL_SECRET_PARAMETER: {
    severity: "error",
    summary: "A URL whose query carries a secret or an authorization code (`client_secret`, `access_token`, `code`, …).",
    rationale: "URLs are logged, cached and shown in plans and reviews, so a secret in one is leaked; RFC 6749 forbids client credentials in the request URI, and a redirect URI that already has a `code` collides with the authorization response's own.",
    source: `RFC 6749 §2.3.1 and §4.1.2 (rfc-editor.org/rfc/rfc6749); RFC 6750 §2.3 and §5.3 (access tokens in URLs); ${BCP}`,
    fix: "Remove the parameter; pass credentials as provider secrets, never in a URL.",
  },
  URL_CASE_DUPLICATE: {
    severity: "warning",
    summary: "Two URLs in one list that differ only in letter case.",
    rationale: "Redirect URIs are compared exactly, so both are registered and each admits its own spelling; usually one is a typo of the other, and a reviewer sees one URL where there are two.",
    source: `RFC 6749 §3.1.2.3 (simple string comparison, rfc-editor.org/rfc/rfc6749#section-3.1.2.3); ${policy("Validation")}`,
    fix: "Keep the spelling the app really uses and remove the other.",
  },
} as const satisfies Record<string, Rule>;

const OKTA_ORG = {
  OKTA_ORG_REQUIRED: {
    severity: "error",
    summary: "Okta apps are declared but `okta:orgName` is not set, or is not an org name.",
    rationale: "The provider, the issuer (`https://<orgName>.<baseUrl>`) and every output URL are built from the org; a full URL in `orgName` would build `https://https://...`.",
    source: "@pulumi/okta 7.0.0 provider configuration `orgName` (OKTA_ORG_NAME): the org's subdomain",
    fix: "Add `okta:orgName: <your org>` (and `okta:baseUrl` unless it is okta.com) to the stack file.",
  },
  OKTA_BASE_URL_INVALID: {
    severity: "error",
    summary: "`okta:baseUrl` is not a domain name.",
    rationale: "The provider builds `https://<orgName>.<baseUrl>` from it; a scheme or a path there gives a URL that does not resolve.",
    source: "@pulumi/okta 7.0.0 provider configuration `baseUrl` (OKTA_BASE_URL): okta.com, oktapreview.com, okta-emea.com, ...",
    fix: "Use the domain only, e.g. `okta.com` or `oktapreview.com`.",
  },
  OKTA_ORG_NAME_CASE: {
    severity: "error",
    summary: "`okta:orgName` has capital letters.",
    rationale: "Okta's issuer is the org URL in lowercase (`https://acme.okta.com`); built from `ACME`, the issuer and every output URL differ from it, and OpenID Connect clients compare the issuer exactly, so every sign-in would fail validation.",
    source: "OpenID Connect Discovery 1.0 §4.3 (openid.net/specs/openid-connect-discovery-1_0.html): the issuer returned MUST be identical; @pulumi/okta 7.0.0 provider configuration `orgName`",
    fix: "Write the org name in lowercase.",
  },
  OKTA_ORG_ADMIN_DOMAIN: {
    severity: "error",
    summary: "`okta:orgName` ends in `-admin`: the Admin Console's subdomain, not the org's.",
    rationale: "The Admin Console is at `https://<org>-admin.okta.com`; the org, its issuer and its API are at `https://<org>.okta.com`. Copied from the browser's address bar, `acme-admin` builds an issuer and API URLs that are not the org's.",
    source: "Frontegg's Okta guide, shared/reference/000 (\"if your URL is https://acme-admin.okta.com, your domain is acme.okta.com\"); @pulumi/okta 7.0.0 provider configuration `orgName`",
    fix: "Drop `-admin`: `okta:orgName: acme` for https://acme-admin.okta.com.",
  },
  OKTA_BASE_URL_MISSPELT: {
    severity: "error",
    summary: "`okta:baseUrl` is one or two letters from one of Okta's domains (`okta.con`).",
    rationale: "The provider builds the issuer and every API call from `<orgName>.<baseUrl>`; a misspelt domain resolves nowhere, or to someone else's host, and the apply fails only at its first call.",
    source: "@pulumi/okta 7.0.0 provider configuration `baseUrl` (okta.com, oktapreview.com, okta-emea.com; Okta for Government: okta-gov.com, okta.mil)",
    fix: "Use the domain the message suggests.",
  },
} as const satisfies Record<string, Rule>;

const OKTA_GRANTS = {
  OKTA_GRANT_NOT_ALLOWED: {
    severity: "error",
    summary: "A grant type this kind of Okta app cannot use.",
    rationale: "Okta and the provider reject it when the app is created; the provider does not check at preview, so the mistake would otherwise surface mid-apply.",
    source: `${TF_OKTA_APP}; ${OKTA_APPS_API}, grant_types`,
    fix: "Remove the grant type, or use an app type that allows it.",
  },
  OKTA_GRANT_REQUIRED: {
    severity: "error",
    summary: "A grant type this kind of Okta app must have is missing.",
    rationale: "The provider refuses web and native apps without authorization_code, and service apps without client_credentials, at create time (native apps need authorization_code also next to device_code).",
    source: TF_OKTA_APP,
    fix: "Add the grant type named in the message.",
  },
  OKTA_GRANT_DEPRECATED: {
    severity: "error",
    summary: "The implicit or password grant without an explicit opt-in.",
    rationale: "Both are deprecated: the implicit grant returns tokens in the front channel, the password grant hands users' passwords to the client.",
    source: `${BCP} §2.1.2 and §2.4`,
    fix: "Use authorization_code (with PKCE). If you must keep it, list the grant under `allowDeprecatedGrants`.",
  },
  OKTA_GRANT_DUPLICATE: {
    severity: "warning",
    summary: "A grant type is listed twice.",
    rationale: "Harmless (it is sent once) but usually a copy-paste slip that hides the grant that was meant.",
    source: policy("Validation"),
    fix: "Remove the duplicate.",
  },
  OKTA_GRANT_OPT_IN_UNUSED: {
    severity: "error",
    summary: "`allowDeprecatedGrants` lists a grant the app's grantTypes does not use.",
    rationale: "The opt-in is the reviewed exception to the BCP for one deprecated grant; listed without the grant it changes nothing today, and it would let a later edit add the implicit or password grant to grantTypes without the deliberate, reviewed line the opt-in is meant to be.",
    source: `${BCP} §2.1.2 and §2.4; ${policy("Okta apps")} (allowDeprecatedGrants)`,
    fix: "Remove it from allowDeprecatedGrants.",
  },
} as const satisfies Record<string, Rule>;

const OKTA_REFRESH = {
  OKTA_REFRESH_WITHOUT_GRANT: {
    severity: "error",
    summary: "Refresh-token settings on an app without the refresh_token grant.",
    rationale: "Okta ignores them, so the file says something that is not true; and the provider fails when the grant is later removed from an app with rotation set.",
    source: "pulumi-okta issue #224; @pulumi/okta 7.0.0 `refreshTokenRotation` and `refreshTokenLeeway` are sent only with the refresh_token grant",
    fix: "Add `refresh_token` to grantTypes, or remove `refreshToken`.",
  },
  OKTA_REFRESH_GRACE_RANGE: {
    severity: "error",
    summary: "Refresh-token grace period outside 0-60 seconds.",
    rationale: "Okta accepts a rotation grace period (refresh_token_leeway) of 0 to 60 seconds and rejects anything else on apply.",
    source: `Okta, Refresh access tokens and rotate refresh tokens (developer.okta.com/docs/guides/refresh-tokens/main/); ${OKTA_APPS_API}, refresh_token.leeway`,
    fix: "Use a whole number of seconds from 0 to 60 (Okta's default is 30).",
  },
  OKTA_REFRESH_STATIC_PUBLIC_CLIENT: {
    severity: "error",
    summary: "Static (non-rotating) refresh tokens on a browser or native app.",
    rationale: "Browser and native apps are public clients: they cannot authenticate, so a leaked static refresh token can be replayed by anyone until it expires. RFC 9700 requires public clients' refresh tokens to be sender-constrained or rotated, and oidc-apps cannot sender-constrain them (@pulumi/okta 7.0.0 has no DPoP setting), so they must rotate. Okta and the provider would accept STATIC.",
    source: `${BCP} §4.14.2 ("refresh tokens for public clients MUST be sender-constrained or use refresh token rotation"); Okta, Refresh access tokens and rotate refresh tokens (developer.okta.com/docs/guides/refresh-tokens/main/)`,
    fix: "Use `rotation: rotate` (the default for browser and native apps), or remove `rotation`.",
  },
} as const satisfies Record<string, Rule>;

const OKTA_URIS = {
  OKTA_REDIRECT_REQUIRED: {
    severity: "error",
    summary: "An app that signs users in with authorization code has no redirect URI.",
    rationale: "Okta has nowhere to send the code: \"at least one redirect URI and response type is required for all client types\" except password and client-credentials clients.",
    source: `${OKTA_APPS_API}, redirect_uris`,
    fix: "Add the app's callback URL to redirectUris.",
  },
  OKTA_REDIRECT_NOT_ABSOLUTE: {
    severity: "error",
    summary: "A redirect URI is not an absolute URI.",
    rationale: "The authorization server compares redirect URIs as whole absolute URIs; a relative one can never match, and `localhost:8080/cb` is read as the scheme `localhost:`.",
    source: `${RFC6749_REDIRECT}; ${OKTA_APPS_API}: "all redirect URIs must be absolute URIs"`,
    fix: "Write the full URI including the scheme, e.g. https://app.example.com/callback.",
  },
  OKTA_REDIRECT_FRAGMENT: {
    severity: "error",
    summary: "A redirect URI has a fragment.",
    rationale: "The redirection endpoint URI must not include a fragment component; the authorization response would be appended after it and lost or misread.",
    source: `${RFC6749_REDIRECT}; ${OKTA_APPS_API}: "must not include a fragment component"`,
    fix: "Remove the `#...` part.",
  },
  OKTA_REDIRECT_HTTP: {
    severity: "error",
    summary: "A redirect URI uses plain http on a host that is not loopback, or http at all in production.",
    rationale: "Codes and tokens would cross the network unencrypted. Okta itself accepts http; this is our transport policy, after the BCP and RFC 8252, which allows http only for loopback.",
    source: `RFC 6749 §3.1.2.1: the redirection endpoint SHOULD require TLS (rfc-editor.org/rfc/rfc6749#section-3.1.2.1); ${RFC8252}; ${policy("Environments")}`,
    fix: "Use https. Loopback http (localhost, 127.0.0.1, [::1]) is allowed outside production only.",
  },
  OKTA_REDIRECT_LOOPBACK: {
    severity: "error",
    summary: "A loopback redirect URI in a production stack.",
    rationale: "Production apps must not send codes to whatever listens on a user's own machine; loopback URIs belong to development.",
    source: policy("Environments"),
    fix: "Remove the localhost entry from the production stack; keep it in development stacks.",
  },
  OKTA_REDIRECT_CUSTOM_SCHEME: {
    severity: "error",
    summary: "A custom-scheme redirect URI on an app that is not native.",
    rationale: "Private-use URI schemes are for native apps; a web or browser app can only be reached over http(s), so the URI is either a mistake or a way for another app on the device to catch the code.",
    source: RFC8252,
    fix: "Use an https URI, or make the app `type: native`.",
  },
  OKTA_REDIRECT_WILDCARD: {
    severity: "error",
    summary: "A wildcard redirect URI that Okta would not accept, or one that was not asked for.",
    rationale: "Okta's wildcard_redirect allows one `*` as the whole lowest host label, with at least one label between it and the top-level domain, over https only, and only with wildcard_redirect SUBDOMAIN. Okta calls wildcards an insecure practice.",
    source: `${OKTA_APPS_API}, wildcard_redirect`,
    fix: "Set `wildcardRedirect: subdomain` and write `https://*.example.com/callback`, or list each URI.",
  },
  OKTA_REDIRECT_WILDCARD_PRODUCTION: {
    severity: "error",
    summary: "A wildcard redirect URI in a production stack.",
    rationale: "A wildcard lets any subdomain, including a taken-over one, receive codes and tokens.",
    source: `${OKTA_APPS_API} ("the use of wildcard subdomains is discouraged as an insecure practice"); ${policy("Environments")}`,
    fix: "List each production redirect URI explicitly.",
  },
  OKTA_REDIRECT_WILDCARD_UNUSED: {
    severity: "error",
    summary: "`wildcardRedirect: subdomain` on an app with no wildcard redirect URI.",
    rationale: "It turns on Okta's wildcard matching of the app's redirect URIs (wildcard_redirect SUBDOMAIN), which Okta calls an insecure practice, and no redirect URI uses it: the app's policy is widened for nothing, and a wildcard URI added later would need no second look.",
    source: `${OKTA_APPS_API}, wildcard_redirect ("the use of wildcard subdomains is discouraged as an insecure practice"); @pulumi/okta 7.0.0 \`okta.app.OAuth.wildcardRedirect\``,
    fix: "Remove wildcardRedirect.",
  },
  OKTA_REDIRECT_DUPLICATE: {
    severity: "warning",
    summary: "A URI is listed twice.",
    rationale: "Harmless but usually a copy-paste slip that hides the URI that was meant.",
    source: policy("Validation"),
    fix: "Remove the duplicate.",
  },
  OKTA_LOGIN_URI_INVALID: {
    severity: "error",
    summary: "The initiate-login URI is not an absolute https URI (http allowed for loopback outside production).",
    rationale: "Okta sends users' browsers to it to start sign-in; the same transport policy as for redirect URIs applies.",
    source: `${OKTA_APPS_API}, initiate_login_uri; ${policy("Environments")}`,
    fix: "Use the https URL of the app's login route.",
  },
  OKTA_TRUSTED_ORIGIN_INVALID: {
    severity: "error",
    summary: "A trusted origin is not an origin (scheme, host and optional port).",
    rationale: "Okta matches trusted origins against the browser's Origin header, which never has a path, a query or a trailing slash; such an entry never matches.",
    source: "RFC 6454, The Web Origin Concept (rfc-editor.org/rfc/rfc6454); Okta, Enable CORS (developer.okta.com/docs/guides/enable-cors/main/)",
    fix: "Write it as the origin given in the message, e.g. https://app.example.com.",
  },
  OKTA_TRUSTED_ORIGIN_HTTP: {
    severity: "error",
    summary: "A trusted origin over plain http that is not loopback, or any loopback or http origin in production.",
    rationale: "A trusted origin may call Okta's APIs with the user's session (CORS) and receive redirects; over plain http it can be impersonated on the network.",
    source: `Okta, Enable CORS (developer.okta.com/docs/guides/enable-cors/main/); ${policy("Environments")}`,
    fix: "Use https; plain http only for localhost, 127.0.0.1 or [::1], and only outside production.",
  },
  OKTA_ASSIGN_GROUPS_DUPLICATE: {
    severity: "warning",
    summary: "A group is listed twice in assignTo.",
    rationale: "Harmless (the app is assigned once) but usually a copy-paste slip that hides the group that was meant.",
    source: policy("Validation"),
    fix: "Remove the duplicate.",
  },
  OKTA_ASSIGN_EVERYONE_PRODUCTION: {
    severity: "warning",
    summary: "A production Okta app assigned to Everyone, as written in the stack file.",
    rationale: "Everyone is every user of the org, contractors and service accounts included, and anyone added later: an app meant for a team is then open to all. It can be right (a portal for the whole org); the reviewer should see that it was meant. Recipes that assign Everyone by their guide's default say so in their section of the README.",
    source: `${policy("Okta apps")} ("Nobody is assigned by default"); Okta, Assign app integrations (help.okta.com/oie/en-us/content/topics/provisioning/lcm/lcm-assign-app-groups.htm)`,
    fix: "Assign the groups that need the app (`assignTo: { groups: [...] }`); if it really is for everyone, nothing to do.",
  },
} as const satisfies Record<string, Rule>;

const OKTA_SCOPES_AND_ROLES = {
  OKTA_SCOPE_UNKNOWN: {
    severity: "error",
    summary: "An Okta API scope that does not exist.",
    rationale: "Okta refuses to grant it at apply time; the provider does not check scope names at preview.",
    source: "Okta management OpenAPI specification (okta/okta-management-openapi-spec), compiled into config/catalogues/okta-api-scopes.ts",
    fix: "Use a scope from the catalogue; the message suggests the nearest.",
  },
  OKTA_ROLE_ACKNOWLEDGE: {
    severity: "error",
    summary: "SUPER_ADMIN or ORG_ADMIN for an app without an explicit acknowledgement.",
    rationale: "Either role controls the whole org; a machine credential holding it is the org's most valuable secret, so granting it must be a deliberate, reviewed line in the file.",
    source: `Okta, Standard administrator roles and permissions (help.okta.com); ${policy("Okta API service apps")}`,
    fix: "Use a narrower role, or add the role to `acknowledgeRoles`.",
  },
  OKTA_ROLE_DUPLICATE: {
    severity: "warning",
    summary: "An admin role is listed twice.",
    rationale: "Harmless (one role resource is created) but usually a copy-paste slip; Okta refuses a second assignment of the same role.",
    source: policy("Validation"),
    fix: "Remove the duplicate.",
  },
  OKTA_SERVICE_NO_ADMIN_ROLE: {
    severity: "warning",
    summary: "A service app with Okta API scopes but no admin role.",
    rationale: "\"You must assign an admin role to your app since admin roles aren't automatically assigned to apps\"; without one its API calls are refused.",
    source: `${OKTA_SERVICE_GUIDE}; Okta, Roles in Okta (developer.okta.com/docs/reference/api/roles)`,
    fix: "Add the narrowest role that covers the scopes, e.g. `adminRoles: [READ_ONLY_ADMIN]` for read scopes.",
  },
  OKTA_ROLE_SCOPE_NOT_COVERED: {
    severity: "warning",
    summary: "A service app's admin roles do not permit what one of its Okta API scopes is for.",
    rationale: "An app's Okta API call needs both the scope and an admin role that allows the operation; with scopes its roles cannot use, the calls are refused at run time (a Read-Only Administrator with `okta.users.manage`, anything but a Super Administrator with `okta.roles.manage`). Only what Okta's role pages state is checked: a custom role, or a role and scope Okta documents neither way, is never flagged.",
    source: `${OKTA_ROLES_HELP}; ${OKTA_SERVICE_GUIDE}; the table in config/catalogues/okta-role-coverage.ts`,
    fix: "Add the narrowest role that allows the scope (the message names roles Okta documents for it), or drop the scope.",
  },
  OKTA_ROLE_ACKNOWLEDGE_UNUSED: {
    severity: "error",
    summary: "`acknowledgeRoles` lists a role the app's adminRoles does not hold.",
    rationale: "The acknowledgement is the reviewed line that lets SUPER_ADMIN or ORG_ADMIN through; listed without the role it says nothing today, and it would let a later edit add the role without the deliberate, reviewed line it is meant to be.",
    source: policy("Okta API service apps"),
    fix: "Remove it from acknowledgeRoles.",
  },
} as const satisfies Record<string, Rule>;

const KEYS = {
  OKTA_SERVICE_KEYS_REQUIRED: {
    severity: "error",
    summary: "A private key JWT service app without keys.",
    rationale: "Okta needs a public key (JWKS) to verify the app's client assertions; the provider refuses private_key_jwt without `jwks`.",
    source: `${OKTA_SERVICE_GUIDE}; @pulumi/okta 7.0.0 \`okta.app.OAuth\`: private_key_jwt requires jwks or jwksUri`,
    fix: "Add a key to generate, or bring a public key.",
  },
  OKTA_SERVICE_KEYS_UNUSED: {
    severity: "error",
    summary: "Keys on an app that authenticates with a client secret.",
    rationale: "They would be ignored: nothing verifies them, yet the file suggests the app uses them, and generated keys would sit in the state for nothing.",
    source: policy("Okta API service apps"),
    fix: "Remove the keys, or use clientAuth: private_key_jwt.",
  },
  OKTA_SECRET_VERSION_UNUSED: {
    severity: "error",
    summary: "`clientSecretVersion` on an Okta service app that authenticates with private key JWT.",
    rationale: "A private key JWT app has no client secret: none is generated or set, so bumping the version would rotate nothing while the file says a secret is rotated. Its credentials are its keys.",
    source: `${OKTA_SERVICE_GUIDE}; ${policy("Okta API service apps")} (clientSecretVersion: client-secret apps)`,
    fix: "Remove clientSecretVersion; a private key JWT app rotates by its keys (add the new key, then remove the old one).",
  },
  OKTA_SCOPES_NEED_PRIVATE_KEY_JWT: {
    severity: "error",
    summary: "A client-secret service app that asks for Okta API scopes.",
    rationale: "\"The private_key_jwt client authentication method is the only supported method for OAuth service apps that want to get access tokens with Okta scopes\": the app could never get a token.",
    source: OKTA_SERVICE_GUIDE,
    fix: "Use clientAuth: private_key_jwt.",
  },
  KEY_DUPLICATE_KID: {
    severity: "error",
    summary: "Two keys of one app share a key id (or ids that differ only in punctuation).",
    rationale: "Clients name the key they signed with by kid, so the JWKS must be unambiguous; generated keys are also named after the kid's slug, so `2026.11` and `2026-11` would collide.",
    source: "RFC 7517 §4.5, \"kid\" (rfc-editor.org/rfc/rfc7517#section-4.5): used to choose among keys, so distinct keys in a set should have distinct kids",
    fix: "Give each key a unique kid (a date such as 2026-11 works well).",
  },
  KEY_RESOURCE_NAME_COLLISION: {
    severity: "error",
    summary: "Generated keys of two apps would get the same resource name.",
    rationale: "A generated key is a resource named `<app>-key-<kid slug>`, so the app `x` with the kid `y-key-z` and the app `x-key-y` with the kid `z` both name theirs `x-key-y-key-z`. The engine refuses a second resource with the same URN (stack, project, parent type chain, type and name), so `pulumi up` would fail at that key. Keys of an Okta and an Auth0 app differ in their parents' types, but plans and `pulumi stack` show resources by type and name, so those are refused too. A kid is the user's choice, so it is refused rather than renamed behind the user's back.",
    source: "Pulumi engine, github.com/pulumi/pulumi pkg/resource/deploy/step_generator.go `generateURN`: \"Duplicate resource URN '<urn>'; try giving it a unique name\" (error 2001, pkg/diag/errors.go `GetDuplicateResourceURNError`)",
    fix: "Rename one kid.",
  },
  KEY_ACTIVE_MULTIPLE: {
    severity: "error",
    summary: "More than one key is marked active.",
    rationale: "Clients sign with one key; the outputs (`activeKeyId`, the handoffs) must say which.",
    source: policy("Okta API service apps"),
    fix: "Mark one key `active: true` (default: the last one).",
  },
  KEY_ACTIVE_NONE: {
    severity: "error",
    summary: "Every key of an app is marked `active: false`.",
    rationale: "No key is left to sign with, yet the app needs one: oidc-apps would fall back to the last key and hand it out as `activeKeyId` (and to the recipes' handoffs), contradicting the file.",
    source: policy("Okta API service apps"),
    fix: "Mark the key clients sign with `active: true`, or remove `active: false` from it.",
  },
  KEY_SOURCE_CONFLICT: {
    severity: "error",
    summary: "A key mixes generation settings with a brought key, or settings of the other algorithm.",
    rationale: "It is unclear which key is meant: a key is either generated (algorithm, rsaBits or curve) or brought (publicKey or publicJwk), and `curve` means nothing to an RSA key.",
    source: policy("Okta API service apps"),
    fix: "Either generate (algorithm, rsaBits or curve) or bring (publicKey or publicJwk).",
  },
  KEY_PRIVATE_MATERIAL: {
    severity: "error",
    summary: "Private key material where a public key belongs.",
    rationale: "A private key in a stack file is committed to the repository and copied into the state; it must stay with its owner. A pasted private key must be treated as leaked.",
    source: "RFC 7518 §6.2.2 and §6.3.2 (the private JWK members d, p, q, dp, dq, qi); RFC 7468 (PEM \"PRIVATE KEY\" blocks)",
    fix: "Paste the public key only (`openssl pkey -in key.pem -pubout`), and treat the pasted private key as leaked: replace it.",
  },
  KEY_INVALID: {
    severity: "error",
    summary: "A public key that cannot be parsed.",
    rationale: "Okta and Auth0 could not verify signatures with it; the apply would fail or, worse, succeed with a JWKS nobody can use.",
    source: "RFC 7468 (PEM SubjectPublicKeyInfo) and RFC 7517 (JWK); parsed with node:crypto",
    fix: "Paste a PEM public key (-----BEGIN PUBLIC KEY-----) or a public JWK.",
  },
  KEY_WEAK: {
    severity: "error",
    summary: "An RSA key shorter than 2048 bits.",
    rationale: "RS256 with a shorter key is not allowed; Okta and Auth0 reject such keys.",
    source: `${JWA_RSA}; NIST SP 800-57 Part 1`,
    fix: "Generate a 2048-bit or longer key.",
  },
  KEY_UNSUPPORTED: {
    severity: "error",
    summary: "A key type Okta does not take for private key JWT, or one not proven through the provider.",
    rationale: "Okta verifies RS256/384/512 and ES256/384/512 only, so Ed25519 and other curves are refused; and the provider's jwks block has no curve, sending EC keys as kid, kty, x, y: only P-256 keys are proven to be accepted so (its recorded test), P-384 and P-521 are refused here rather than at apply.",
    source: `${OKTA_SERVICE_GUIDE}; terraform-provider-okta v6.12 okta/services/idaas/resource_okta_app_oauth.go \`buildAppOAuthV6\` (no crv) and test/fixtures/vcr/idaas/TestAccResourceOktaAppOauth_serviceWithJWKS`,
    fix: "Use an RSA key, or an EC key on P-256.",
  },
} as const satisfies Record<string, Rule>;

const AUTH0 = {
  AUTH0_DOMAIN_REQUIRED: {
    severity: "error",
    summary: "Auth0 apps are declared but `auth0:domain` is not set, or is not a domain.",
    rationale: "The provider, the issuer and the Management API audience (`https://<domain>/api/v2/`) are built from the tenant domain.",
    source: "@pulumi/auth0 3.49.0 provider configuration `domain` (AUTH0_DOMAIN)",
    fix: "Add `auth0:domain: <tenant>.<region>.auth0.com` (the canonical tenant domain, not a custom domain) to the stack file.",
  },
  AUTH0_URL_INVALID: {
    severity: "error",
    summary: "An Auth0 URL that is not an absolute http(s) URL, or a web origin with a path.",
    rationale: "Regular Web Applications are reached over http(s); web origins are matched as origins, and Auth0 warns that paths, query strings and hashes in them may make the match fail.",
    source: `${AUTH0_APP_SETTINGS}; ${AUTH0_WILDCARDS}: "The protocol of the URL must be http or https"`,
    fix: "Write the full https URL (web origins: scheme, host and port only).",
  },
  AUTH0_URL_HTTP: {
    severity: "error",
    summary: "An Auth0 URL over plain http that is not loopback, or http or loopback at all in production.",
    rationale: "Auth0 only discourages these (\"verify that the URLs do not point to localhost\"); oidc-apps applies the same transport policy as for Okta so codes and tokens never cross a network unencrypted.",
    source: `${AUTH0_APP_SETTINGS}; ${policy("Environments")}`,
    fix: "Use https; keep localhost URLs in development stacks.",
  },
  AUTH0_URL_WILDCARD: {
    severity: "error",
    summary: "A wildcard URL that Auth0 would not accept, or any wildcard in production.",
    rationale: "One `*`, in the left-most subdomain label, never directly before the top-level domain (`https://*.com` will not work); wildcard placeholders should not be used in production applications.",
    source: AUTH0_WILDCARDS,
    fix: "Write `https://*.example.com/callback`, or list each URL.",
  },
  AUTH0_URL_TOO_MANY: {
    severity: "error",
    summary: "More than 100 URLs in one field.",
    rationale: "Auth0 accepts up to 100 callback URLs, logout URLs and web origins each, and rejects the whole client update beyond that.",
    source: `${AUTH0_APP_SETTINGS} ("You can provide up to 100 URLs in the Allowed Web Origins field"); auth0/docs PR #6558 and #6564 (100 for every URL field)`,
    fix: "Consolidate the URLs (one callback route per host), or split the app.",
  },
  AUTH0_CALLBACK_REQUIRED: {
    severity: "error",
    summary: "An app with authorization_code and no callback URL.",
    rationale: "Auth0 has nowhere to send the code: only URLs in Allowed Callback URLs are accepted as redirect_uri.",
    source: "Auth0, Redirect users after login (auth0.com/docs/authenticate/login/redirect-users-after-login)",
    fix: "Add the app's callback URL to callbacks.",
  },
  AUTH0_LOGIN_URI_INVALID: {
    severity: "error",
    summary: "The initiate-login URI is not an absolute https URI.",
    rationale: "Auth0 refuses it: initiate_login_uri \"must be HTTPS or an empty string\".",
    source: "@pulumi/auth0 3.49.0 `Client.initiateLoginUri`; Auth0 Management API, clients",
    fix: "Use the https URL of the app's login route.",
  },
  AUTH0_GRANT_DEPRECATED: {
    severity: "error",
    summary: "The implicit grant without an explicit opt-in.",
    rationale: "Deprecated: the implicit grant returns tokens in the front channel, where they leak through history, referrers and logs.",
    source: `${BCP} §2.1.2`,
    fix: "Use authorization_code, or list implicit under `allowDeprecatedGrants`.",
  },
  AUTH0_REFRESH_WITHOUT_GRANT: {
    severity: "error",
    summary: "Refresh-token settings on an app without the refresh_token grant.",
    rationale: "They would have no effect: no refresh token is ever issued, so the file says something that is not true.",
    source: "Auth0, Refresh Token Rotation (auth0.com/docs/secure/tokens/refresh-tokens/refresh-token-rotation)",
    fix: "Add refresh_token to grantTypes, or remove refreshToken.",
  },
  AUTH0_MGMT_NEEDS_CLIENT_CREDENTIALS: {
    severity: "error",
    summary: "Management API scopes on an app without the client_credentials grant.",
    rationale: "A client grant for the Management API is used through the client credentials flow; without the grant the scopes can never be used.",
    source: "Auth0, Management API access tokens (auth0.com/docs/secure/tokens/access-tokens/management-api-access-tokens)",
    fix: "Add client_credentials to grantTypes.",
  },
  AUTH0_SCOPE_UNKNOWN: {
    severity: "error",
    summary: "A Management API scope that does not exist.",
    rationale: "Auth0 rejects client grants with unknown scopes at apply time.",
    source: "The auth0 SDK's generated OauthScope (auth0/node-auth0), compiled into config/catalogues/auth0-management-scopes.ts",
    fix: "Use a scope from the catalogue; the message suggests the nearest.",
  },
  AUTH0_KEYS: {
    severity: "error",
    summary: "Keys that do not fit Auth0 private key JWT (none, more than two, EC, or keys without private_key_jwt).",
    rationale: "Auth0 takes one or two RSA public keys per app (RS256, RS384, PS256); two slots allow the current and the next key during a rotation.",
    source: AUTH0_PKJWT,
    fix: "Give one or two RSA keys with clientAuth: private_key_jwt.",
  },
  AUTH0_SECRET_VERSION_UNUSED: {
    severity: "error",
    summary: "`clientSecretVersion` on an Auth0 app that authenticates with private key JWT.",
    rationale: "A private key JWT app has no client secret: none is generated or set, so bumping the version would rotate nothing while the file says a secret is rotated. Its credentials are its keys.",
    source: `@pulumi/auth0 3.49.0 \`ClientCredentials.clientSecret\`: "Secret for the client when using clientSecretPost or clientSecretBasic authentication method", empty with privateKeyJwt; ${policy("Auth0 apps")}`,
    fix: "Remove clientSecretVersion; a private key JWT app rotates by its keys (add the new key, then remove the old one).",
  },
  AUTH0_ADOPT_GRANT_UNUSED: {
    severity: "error",
    summary: "`adopt.managementApiGrantId` on an Auth0 app without Management API scopes.",
    rationale: "The grant id is imported into the Management API client grant that `managementApiScopes` creates; without scopes there is no such resource, so the id would be ignored and the existing grant would stay in the tenant, unmanaged, with whatever scopes it has.",
    source: policy("Adopting existing apps"),
    fix: "List the grant's scopes in managementApiScopes so the grant is imported and managed, or remove managementApiGrantId.",
  },
  AUTH0_DOMAIN_NOT_CANONICAL: {
    severity: "warning",
    summary: "`auth0:domain` is not a canonical tenant domain (`<tenant>.auth0.com`, `<tenant>.<region>.auth0.com`).",
    rationale: "The provider signs in to, and the Management API grant is made for, `https://<domain>/api/v2/`: an audience that exists only on the canonical domain. A custom domain (`login.example.com`) serves the sign-in pages, not that audience, so grants and the provider's calls would fail.",
    source: `Auth0, Custom domains (auth0.com/docs/customize/custom-domains); Auth0, Management API access tokens (auth0.com/docs/secure/tokens/access-tokens/management-api-access-tokens); ${policy("Stack files")}`,
    fix: "Use the tenant's Auth0 domain (Dashboard → Settings; e.g. `acme.us.auth0.com`); custom domains are for users' sign-in, not for the provider.",
  },
  AUTH0_GRANT_OPT_IN_UNUSED: {
    severity: "error",
    summary: "`allowDeprecatedGrants` lists a grant the Auth0 app's grantTypes does not use.",
    rationale: "The opt-in is the reviewed exception to the BCP for the implicit grant; listed without the grant it changes nothing today, and it would let a later edit add implicit to grantTypes without the deliberate, reviewed line the opt-in is meant to be.",
    source: `${BCP} §2.1.2; ${policy("Auth0 apps")} (grantTypes)`,
    fix: "Remove it from allowDeprecatedGrants.",
  },
  AUTH0_SCOPE_PRIVILEGED_PRODUCTION: {
    severity: "warning",
    summary: "A production Auth0 app, as written in the stack file, granted a Management API scope that can take over the tenant, its users or their credentials.",
    rationale: "Scopes such as `update:clients`, `create:client_grants`, `delete:users` and `read:user_idp_tokens` let whoever holds the app's credential change applications and their grants, delete or take over accounts, or read users' tokens at their identity providers: in production a leaked client secret is then the tenant. The scope may be needed; the reviewer should see it is there. Recipes grant what their product's guide asks for, listed in the README.",
    source: `Auth0, Management API access tokens (auth0.com/docs/secure/tokens/access-tokens/management-api-access-tokens); Auth0, Call an Identity Provider API (auth0.com/docs/authenticate/identity-providers/calling-an-external-idp-api: read:user_idp_tokens); ${policy("Auth0 apps")}`,
    fix: "Grant only the scopes the app uses; if it needs this one, nothing to do.",
  },
} as const satisfies Record<string, Rule>;

const RECIPES = {
  RECIPE_UNKNOWN: {
    severity: "error",
    summary: "A recipe that does not exist.",
    rationale: "Nothing would be created for it, and the handoff someone is waiting for would never appear.",
    source: policy("Recipes: `oidc-apps:recipes`"),
    fix: "Use one of the recipes listed in the message.",
  },
  RECIPE_NEEDS_PROVIDER: {
    severity: "error",
    summary: "A recipe whose provider is not configured in the stack.",
    rationale: "The recipe creates apps in Okta or Auth0 and needs the org or tenant for them and for its handoff.",
    source: policy("Recipes: `oidc-apps:recipes`"),
    fix: "Add `okta:orgName` or `auth0:domain` to the stack file.",
  },
  RECIPE_APP_NAME_CONFLICT: {
    severity: "error",
    summary: "A recipe would create an app whose name is already taken.",
    rationale: "App names are unique per provider; a recipe's apps are named `<instance>` and `<instance>-<role>`, and one of them would replace the other.",
    source: policy("Recipes: `oidc-apps:recipes`"),
    fix: "Rename the recipe instance or the app.",
  },
  RECIPE_APP_INVALID: {
    severity: "error",
    summary: "A recipe's parameters expand into an app that breaks a rule.",
    rationale: "The expanded app is checked by the same rules as any app; the message names the rule and the expanded key, reported on the recipe instance the user wrote.",
    source: policy("Recipes: `oidc-apps:recipes`"),
    fix: "Change the recipe parameter the message points to.",
  },
  RECIPE_SCOPE_NOT_GRANTED: {
    severity: "warning",
    summary: "A scope the third-party product asks for that Auth0's Management API does not have.",
    rationale: "It stays in the handoff (the product asks for it) but cannot be granted; failing the apply over it would help no one.",
    source: "The auth0 SDK's generated OauthScope (config/catalogues/auth0-management-scopes.ts); README § `frontegg-auth0`",
    fix: "Check the spelling against the Management API scopes; if the product really asks for it, nothing to do.",
  },
  RECIPE_READ_TOOLS_NOT_LOADED: {
    severity: "warning",
    summary: "An Okta MCP server scope list with a manage scope but not its read scope.",
    rationale: "The server loads a tool only when that tool's one scope is, as an exact string, in OKTA_SCOPES: a manage scope does not load the read tools, so list_users and the like are missing although Okta would allow the calls.",
    source: "okta/okta-mcp-server v1.1.4 src/okta_mcp_server/utils/scope_guard.py `prune_tools_by_scope` (exact membership); recipes/consumers/okta-mcp-server.ts",
    fix: "Add the read scope next to the manage scope, if the server should read as well as write.",
  },
  RECIPE_KEY_UNSUPPORTED: {
    severity: "error",
    summary: "A key of a type the receiving product cannot sign with.",
    rationale: "The key is valid for Okta, so the app is created and the plan is clean, but every token request of the product then fails: the Okta MCP server and Defguard sign their client assertions with RS256 only.",
    source: "okta/okta-mcp-server v1.1.4 utils/auth/auth_manager.py (RS256 hard-coded); DefGuard/defguard v2.0.1 crates/defguard_core/src/enterprise/directory_sync/okta.rs `build_token` (`from_rsa_pem`, RS256); recipes/consumers/",
    fix: "Use an RSA key (the default), or bring an RSA public key.",
  },
  RECIPE_ADMIN_ROLE_REQUIRED: {
    severity: "error",
    summary: "Manage scopes for the Okta MCP server without an admin role that can write.",
    rationale: "The default, Read-Only Administrator, would make every write call fail: the admin role must have enough permissions for the scopes granted.",
    source: `${OKTA_SERVICE_GUIDE}; README § \`okta-mcp-server\``,
    fix: "Set adminRole to the narrowest role that covers the scopes.",
  },
  RECIPE_OVERRIDE_CONFLICT: {
    severity: "error",
    summary: "A recipe parameter and the same setting under its `overrides` disagree.",
    rationale: "Both say what the app should be (`assignTo: everyone` and `overrides: { assignTo: none }`); one silently wins, so the file says two things and a reviewer may believe the one that lost.",
    source: policy("Recipes: `oidc-apps:recipes`"),
    fix: "Keep one of the two.",
  },
  RECIPE_PARAM_IGNORED: {
    severity: "warning",
    summary: "A recipe parameter that has no effect here (a local development URL in a production stack, a public URL with enrollment and MFA off).",
    rationale: "The recipe drops it by design (production stacks never get local development redirect URIs), so the file holds a setting that does nothing, which reads as if it did.",
    source: policy("Recipes: `oidc-apps:recipes`"),
    fix: "Remove the parameter from this stack file.",
  },
} as const satisfies Record<string, Rule>;

/**
 * Codes that are no longer emitted, with why. They stay listed so that no code is ever reused with another
 * meaning, and so that a suppression or CI log that names one can be explained.
 */
export const RETIRED_RULES: Readonly<Record<string, string>> = {
  OKTA_SCOPE_REDUNDANT:
    "Retired: it advised dropping a read scope next to its manage scope, but Okta's org authorization server grants a requested scope only when it is in the app's grants collection (Okta, Implement OAuth for Okta, define allowed scopes), so a consumer that asks for the read scope (Frontegg, the Okta MCP server) is refused without its grant.",
};

/** The catalogue in sections, in the order the docs list them. */
export const RULE_SECTIONS = [
  { title: "Stack file", rules: STACK_FILE },
  { title: "Text and URLs", rules: TEXT_AND_URLS },
  { title: "Okta org", rules: OKTA_ORG },
  { title: "Okta grant types", rules: OKTA_GRANTS },
  { title: "Okta refresh tokens", rules: OKTA_REFRESH },
  { title: "Okta redirect URIs, login URI, trusted origins and assignments", rules: OKTA_URIS },
  { title: "Okta API scopes and admin roles", rules: OKTA_SCOPES_AND_ROLES },
  { title: "Service apps and signing keys", rules: KEYS },
  { title: "Auth0", rules: AUTH0 },
  { title: "Recipes", rules: RECIPES },
] as const;

export const RULES = { ...STACK_FILE, ...TEXT_AND_URLS, ...OKTA_ORG, ...OKTA_GRANTS, ...OKTA_REFRESH, ...OKTA_URIS, ...OKTA_SCOPES_AND_ROLES, ...KEYS, ...AUTH0, ...RECIPES } as const satisfies Record<string, Rule>;

export type RuleCode = keyof typeof RULES;
