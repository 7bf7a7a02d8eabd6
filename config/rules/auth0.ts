/**
 * Auth0: the tenant domain and Regular Web Applications. URL rules follow Auth0's documentation
 * (get-started/applications/wildcards-for-subdomains, application-settings): one `*`, in the left-most label
 * only, never directly before the top-level domain, http(s) only; at most 100 URLs per field; the
 * initiate-login URI must be https. We are stricter than Auth0 on plain http (loopback only, as for Okta) and
 * in production (no http, no loopback, no wildcards). The rules take the app as parsed (config/lenient.ts).
 */
import { AUTH0_MANAGEMENT_SCOPES } from "../catalogues/auth0-management-scopes";
import { AUTH0_PRIVILEGED_SCOPES } from "../catalogues/auth0-privileged-scopes";
import type { Diagnostics } from "../diagnostics";
import { HOSTNAME } from "../domains";
import { itemsOf, MALFORMED, wellFormed, type Lenient, type Slot } from "../lenient";
import { isMap } from "../maps";
import { keyPath, type PathSegment } from "../paths";
import type { RawAuth0App } from "../schema/auth0";
import { AUTH0_ROOT } from "../sections";
import { show, showSetting } from "../show";
import { didYouMean } from "../suggest";
import { parseUri } from "../uris";
import { showUrl } from "../url-policy";
import { checkKeys } from "./keys";
import { defineRules } from "./rule";
import { BCP, policy } from "./sources";
import { reportCaseVariants, reportUrlPolicy } from "./text-and-urls";

const AUTH0_WILDCARDS = "Auth0, Subdomain URL placeholders (auth0.com/docs/get-started/applications/wildcards-for-subdomains)";
const AUTH0_APP_SETTINGS = "Auth0, Application settings (auth0.com/docs/get-started/applications/application-settings)";
const AUTH0_PKJWT = "terraform-provider-auth0 `auth0_client_credentials` (@pulumi/auth0 3.49.0 `ClientCredentials.privateKeyJwt`: at most 2 credentials; RS256, RS384 or PS256)";

export const AUTH0_RULES = defineRules({
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
    rationale: "Scopes such as `update:clients`, `create:client_grants`, `delete:users` and `read:user_idp_tokens` let whoever holds the app's credential change applications and their grants, delete or take over accounts, or read users' tokens at their identity providers: in production a leaked client secret is then the tenant. The scope may be needed; the reviewer should see it is there. Recipes grant what their product's guide asks for, listed in docs/recipes.md.",
    source: `Auth0, Management API access tokens (auth0.com/docs/secure/tokens/access-tokens/management-api-access-tokens); Auth0, Call an Identity Provider API (auth0.com/docs/authenticate/identity-providers/calling-an-external-idp-api: read:user_idp_tokens); ${policy("Auth0 apps")}`,
    fix: "Grant only the scopes the app uses; if it needs this one, nothing to do.",
  },
});

/** A canonical Auth0 tenant domain: `<tenant>.auth0.com` or `<tenant>.<region>.auth0.com`. */
export const AUTH0_CANONICAL_DOMAIN = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9]{2,10})?\.auth0\.com$/;

const MAX_URLS = 100;
const KNOWN_SCOPES = new Set(AUTH0_MANAGEMENT_SCOPES);

/** What an app gets when `grantTypes` is omitted. */
export const AUTH0_DEFAULT_GRANTS = ["authorization_code", "refresh_token"];

/** `auth0:domain`: checked whenever it is set; required only when the stack declares Auth0 apps. */
export function readAuth0Domain(config: Readonly<Record<string, string>>, required: boolean, secretKeys: ReadonlySet<string> | undefined, diags: Diagnostics): string | undefined {
  const domain = config["auth0:domain"];
  if (domain === undefined || domain === "") {
    if (required) diags.report(AUTH0_RULES.AUTH0_DOMAIN_REQUIRED, "auth0:domain", "is not set, and the stack declares Auth0 apps.");
    return undefined;
  }
  if (!HOSTNAME.test(domain)) {
    diags.report(AUTH0_RULES.AUTH0_DOMAIN_REQUIRED, "auth0:domain", `${showSetting("auth0:domain", domain, secretKeys)} is not a domain name.`, "Use the domain only, e.g. `acme.us.auth0.com`, without https:// or a path.");
    return undefined;
  }
  if (!AUTH0_CANONICAL_DOMAIN.test(domain)) {
    diags.report(
      AUTH0_RULES.AUTH0_DOMAIN_NOT_CANONICAL,
      "auth0:domain",
      `${showSetting("auth0:domain", domain, secretKeys)} is not a canonical Auth0 tenant domain (<tenant>.auth0.com or <tenant>.<region>.auth0.com): the Management API audience https://<domain>/api/v2/ exists only on that one.`,
    );
  }
  return domain;
}

/**
 * The rules of one app, on what of it is well-formed (config/lenient-parse.ts): URLs, grants, scopes, refresh
 * tokens, adoption and credentials. A `grantTypes` that is not a list is read as the default, as it always was.
 */
export function checkAuth0App(app: Lenient<RawAuth0App>, at: string[], production: boolean, diags: Diagnostics): void {
  const grants: readonly Slot<string>[] = wellFormed(app.grantTypes) ? app.grantTypes : AUTH0_DEFAULT_GRANTS;
  for (const field of ["callbacks", "allowedLogoutUrls", "webOrigins"] as const) {
    const list = app[field];
    if (!wellFormed(list)) continue;
    if (list.length > MAX_URLS) diags.report(AUTH0_RULES.AUTH0_URL_TOO_MANY, keyPath(AUTH0_ROOT, [...at, field]), `has ${list.length} entries; Auth0 accepts at most ${MAX_URLS}.`);
    list.forEach((url, i) => {
      if (wellFormed(url)) checkUrl(url, [...at, field, i], field === "webOrigins", production, diags);
    });
    reportCaseVariants(list, AUTH0_ROOT, [...at, field], diags);
  }
  if (grants.includes("authorization_code") && itemsOf(app.callbacks).length === 0) {
    diags.report(AUTH0_RULES.AUTH0_CALLBACK_REQUIRED, keyPath(AUTH0_ROOT, [...at, "callbacks"]), "the app uses authorization_code but lists no callback URL.");
  }
  const login = app.initiateLoginUri;
  if (wellFormed(login)) {
    reportUrlPolicy(login, keyPath(AUTH0_ROOT, [...at, "initiateLoginUri"]), diags);
    const uri = parseUri(login);
    if (!uri || uri.scheme !== "https" || uri.hasWildcard || login.includes("#") || (production && uri.isLoopback)) {
      diags.report(AUTH0_RULES.AUTH0_LOGIN_URI_INVALID, keyPath(AUTH0_ROOT, [...at, "initiateLoginUri"]), `${showUrl(login)} is not an absolute https URI (Auth0: "Must be HTTPS or an empty string").`);
    }
  }
  const optIn = itemsOf(app.allowDeprecatedGrants);
  if (grants.includes("implicit") && !optIn.includes("implicit")) {
    diags.report(AUTH0_RULES.AUTH0_GRANT_DEPRECATED, keyPath(AUTH0_ROOT, [...at, "grantTypes", grants.indexOf("implicit")]), "the implicit grant is deprecated and needs an explicit opt-in.", "Use authorization_code, or add `allowDeprecatedGrants: [implicit]` to this app.");
  }
  // An opt-in for a grant the app does not use would let the grant be added later without a second look.
  optIn.forEach((grant, i) => {
    if (grant === "implicit" && !grants.includes(grant)) {
      diags.report(AUTH0_RULES.AUTH0_GRANT_OPT_IN_UNUSED, keyPath(AUTH0_ROOT, [...at, "allowDeprecatedGrants", i]), `opts in to the ${grant} grant, but grantTypes does not include it.`);
    }
  });
  const scopes = itemsOf(app.managementApiScopes);
  if (scopes.length > 0 && !grants.includes("client_credentials")) {
    diags.report(AUTH0_RULES.AUTH0_MGMT_NEEDS_CLIENT_CREDENTIALS, keyPath(AUTH0_ROOT, [...at, "managementApiScopes"]), "Management API scopes are granted to the app's client credentials, but grantTypes does not include client_credentials.", "Add client_credentials to grantTypes, or remove managementApiScopes.");
  }
  scopes.forEach((scope, i) => {
    if (wellFormed(scope) && !KNOWN_SCOPES.has(scope)) {
      diags.report(AUTH0_RULES.AUTH0_SCOPE_UNKNOWN, keyPath(AUTH0_ROOT, [...at, "managementApiScopes", i]), `${show(scope)} is not an Auth0 Management API scope.${didYouMean(scope, AUTH0_MANAGEMENT_SCOPES)}`);
    }
  });
  // Present is enough, well-formed or not: the settings are there, and say the app means to refresh.
  if (app.refreshToken !== undefined && !grants.includes("refresh_token")) {
    diags.report(AUTH0_RULES.AUTH0_REFRESH_WITHOUT_GRANT, keyPath(AUTH0_ROOT, [...at, "refreshToken"]), "refresh-token settings are given but grantTypes does not include refresh_token.");
  }
  const adopt = app.adopt;
  if (wellFormed(adopt) && adopt.managementApiGrantId !== undefined && scopes.length === 0) {
    // The grant id is not echoed: it names an object in the tenant, and the message needs no value.
    diags.report(AUTH0_RULES.AUTH0_ADOPT_GRANT_UNUSED, keyPath(AUTH0_ROOT, [...at, "adopt", "managementApiGrantId"]), "the app declares no managementApiScopes, so no Management API grant is created to import this grant into; it would stay unmanaged.");
  }
  checkCredentials(app, at, diags);
}

/** With a malformed `clientAuth` the method is unknown, and so is whether the keys are used: nothing is checked. */
function checkCredentials(app: Lenient<RawAuth0App>, at: string[], diags: Diagnostics): void {
  if (app.clientAuth === MALFORMED) return;
  const auth = app.clientAuth ?? "client_secret_post";
  const keys = itemsOf(app.keys);
  if (auth === "private_key_jwt") {
    if (keys.length === 0) diags.report(AUTH0_RULES.AUTH0_KEYS, keyPath(AUTH0_ROOT, [...at, "keys"]), "private key JWT needs at least one key.");
    if (keys.length > 2) diags.report(AUTH0_RULES.AUTH0_KEYS, keyPath(AUTH0_ROOT, [...at, "keys"]), `has ${keys.length} keys; Auth0 accepts at most 2 credentials per app.`);
    keys.forEach((k, i) => {
      if (wellFormed(k) && k.algorithm === "EC") {
        diags.report(AUTH0_RULES.AUTH0_KEYS, keyPath(AUTH0_ROOT, [...at, "keys", i, "algorithm"]), "Auth0 verifies private key JWT with RS256, RS384 or PS256 only: use an RSA key.");
      }
    });
    checkKeys(keys, AUTH0_ROOT, at, diags);
    if (app.clientSecretVersion !== undefined) {
      diags.report(AUTH0_RULES.AUTH0_SECRET_VERSION_UNUSED, keyPath(AUTH0_ROOT, [...at, "clientSecretVersion"]), "the app authenticates with private_key_jwt and has no client secret, so there is no secret to rotate.");
    }
  } else if (keys.length > 0) {
    diags.report(AUTH0_RULES.AUTH0_KEYS, keyPath(AUTH0_ROOT, [...at, "keys"]), `keys are only used with clientAuth: private_key_jwt, not ${auth}.`);
  }
}

/** Auth0's documented URL rules plus our transport policy. */
function checkUrl(url: string, at: PathSegment[], isOrigin: boolean, production: boolean, diags: Diagnostics): void {
  const path = keyPath(AUTH0_ROOT, at);
  reportUrlPolicy(url, path, diags);
  const show = showUrl;
  const uri = parseUri(url);
  if (!uri || !uri.isHttp) {
    diags.report(AUTH0_RULES.AUTH0_URL_INVALID, path, `${show(url)} is not an absolute http(s) URL; Regular Web Applications are reached over https.`);
    return;
  }
  if (isOrigin && (uri.url.pathname !== "/" || uri.url.search || uri.url.hash)) {
    diags.report(AUTH0_RULES.AUTH0_URL_INVALID, path, `${show(url)} is not an origin (Auth0 ignores paths, queries and fragments in web origins, and matching can fail); write ${show(uri.url.origin)}.`);
  }
  if (production && uri.isLoopback) diags.report(AUTH0_RULES.AUTH0_URL_HTTP, path, `${show(url)} points at the user's own machine; production stacks may not use loopback URLs.`);
  else if (uri.scheme === "http" && (production || !uri.isLoopback)) diags.report(AUTH0_RULES.AUTH0_URL_HTTP, path, `${show(url)} uses http; ${production ? "production stacks allow only https" : "plain http is allowed only for localhost, 127.0.0.1 and [::1]"}.`);
  if (!uri.hasWildcard) return;
  if (production) {
    diags.report(AUTH0_RULES.AUTH0_URL_WILDCARD, path, `${show(url)} has a wildcard; production stacks list every URL.`, "List each production URL explicitly.");
    return;
  }
  const labels = uri.url.hostname.split(".");
  const stars = (url.match(/\*/g) ?? []).length;
  const inFirstLabelOnly = stars === 1 && labels[0]!.includes("*");
  if (!inFirstLabelOnly) diags.report(AUTH0_RULES.AUTH0_URL_WILDCARD, path, `${show(url)}: the "*" must appear once, in the left-most host label, e.g. https://*.example.com/callback.`);
  else if (labels.length < 3) diags.report(AUTH0_RULES.AUTH0_URL_WILDCARD, path, `${show(url)}: a wildcard cannot stand directly before the top-level domain (Auth0: "https://*.com will not work").`);
}

/**
 * Privileged Management API scopes in production, as written in the stack file (over the merged section, once
 * recipes have expanded): recipes grant what their product's guide asks for, listed in docs/recipes.md.
 */
export function checkPrivilegedScopesInProduction(apps: readonly [string, unknown][], recipeApps: ReadonlySet<string>, diags: Diagnostics): void {
  for (const [name, app] of apps) {
    if (recipeApps.has(`auth0:${name}`) || !isMap(app) || !Array.isArray(app["managementApiScopes"])) continue;
    app["managementApiScopes"].forEach((scope, i) => {
      if (typeof scope !== "string" || !Object.hasOwn(AUTH0_PRIVILEGED_SCOPES, scope)) return;
      diags.report(
        AUTH0_RULES.AUTH0_SCOPE_PRIVILEGED_PRODUCTION,
        keyPath(AUTH0_ROOT, ["apps", name, "managementApiScopes", i]),
        `${show(scope)} ${AUTH0_PRIVILEGED_SCOPES[scope]!}; in production, whoever holds this app's credential can do the same.`,
      );
    });
  }
}
