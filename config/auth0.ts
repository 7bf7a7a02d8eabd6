/**
 * Validation and model building for `oidc-apps:auth0`: Regular Web Applications. URL rules follow Auth0's
 * documentation (get-started/applications/wildcards-for-subdomains, application-settings): one `*`, in the
 * left-most label only, never directly before the top-level domain, http(s) only; at most 100 URLs per
 * field; the initiate-login URI must be https. We are stricter than Auth0 on plain http (loopback only, as for
 * Okta) and in production (no http, no loopback, no wildcards).
 */
import { AUTH0_MANAGEMENT_SCOPES } from "./catalogues/auth0-management-scopes";
import type { Diagnostics } from "./diagnostics";
import { checkKeys, keySpec } from "./key-rules";
import { activeKey } from "./keys";
import { isMap, secretVersion } from "./okta";
import type { Auth0Model, Auth0WebAppSpec } from "./model";
import { keyPath, type PathSegment } from "./paths";
import { APP_NAME } from "./schema/root";
import { auth0AppSchema, type RawAuth0App } from "./schema/auth0";
import { show } from "./show";
import { didYouMean } from "./suggest";
import { reportCaseVariants, reportUrlPolicy } from "./rules/okta-uris";
import { parseUri } from "./uris";
import { showUrl } from "./url-policy";
import { checkShape } from "./zod-issues";

export const AUTH0_ROOT = "oidc-apps:auth0";
const MAX_URLS = 100;
const KNOWN_SCOPES = new Set(AUTH0_MANAGEMENT_SCOPES);

type Parsed = { name: string; raw: RawAuth0App };

export function parseAuth0Apps(section: unknown, production: boolean, diags: Diagnostics): Parsed[] | undefined {
  if (typeof section !== "object" || section === null || Array.isArray(section)) {
    diags.report("CONFIG_NOT_A_MAP", AUTH0_ROOT, "must be a map with the key `apps`.");
    return undefined;
  }
  const sectionMap = section as Record<string, unknown>;
  for (const key of Object.keys(sectionMap)) {
    if (key !== "apps") diags.report("CONFIG_UNKNOWN_KEY", keyPath(AUTH0_ROOT, [key]), `unknown key ${show(key)}.${didYouMean(key, ["apps"])}`, "The Auth0 section has one key: `apps`.");
  }
  const apps = sectionMap["apps"] ?? {};
  if (typeof apps !== "object" || apps === null || Array.isArray(apps)) {
    diags.report("CONFIG_NOT_A_MAP", keyPath(AUTH0_ROOT, ["apps"]), "must be a map of app name to app settings.");
    return undefined;
  }
  const parsed: Parsed[] = [];
  let clean = true;
  for (const [name, raw] of Object.entries(apps as Record<string, unknown>)) {
    const at = ["apps", name];
    if (!APP_NAME.test(name)) {
      diags.report("APP_NAME_INVALID", keyPath(AUTH0_ROOT, at), `${show(name)} is not a valid app name.`);
      clean = false;
    }
    if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
      diags.report("CONFIG_NOT_A_MAP", keyPath(AUTH0_ROOT, at), "must be a map of app settings (type, callbacks, ...).");
      clean = false;
      continue;
    }
    checkRules(raw as Record<string, unknown>, at, production, diags);
    const shaped = checkShape(auth0AppSchema, raw, AUTH0_ROOT, at, diags);
    if (shaped) parsed.push({ name, raw: shaped });
    else clean = false;
  }
  return clean ? parsed : undefined;
}

function checkRules(raw: Record<string, unknown>, at: string[], production: boolean, diags: Diagnostics): void {
  const grants = Array.isArray(raw["grantTypes"]) ? raw["grantTypes"] : DEFAULT_GRANTS;
  for (const field of ["callbacks", "allowedLogoutUrls", "webOrigins"] as const) {
    const list = raw[field];
    if (!Array.isArray(list)) continue;
    if (list.length > MAX_URLS) diags.report("AUTH0_URL_TOO_MANY", keyPath(AUTH0_ROOT, [...at, field]), `has ${list.length} entries; Auth0 accepts at most ${MAX_URLS}.`);
    list.forEach((url, i) => {
      if (typeof url === "string") checkUrl(url, [...at, field, i], field === "webOrigins", production, diags);
    });
    reportCaseVariants(list, AUTH0_ROOT, [...at, field], diags);
  }
  if (grants.includes("authorization_code") && !(Array.isArray(raw["callbacks"]) && raw["callbacks"].length > 0)) {
    diags.report("AUTH0_CALLBACK_REQUIRED", keyPath(AUTH0_ROOT, [...at, "callbacks"]), "the app uses authorization_code but lists no callback URL.");
  }
  const login = raw["initiateLoginUri"];
  if (typeof login === "string") {
    reportUrlPolicy(login, keyPath(AUTH0_ROOT, [...at, "initiateLoginUri"]), diags);
    const uri = parseUri(login);
    if (!uri || uri.scheme !== "https" || uri.hasWildcard || login.includes("#") || (production && uri.isLoopback)) {
      diags.report("AUTH0_LOGIN_URI_INVALID", keyPath(AUTH0_ROOT, [...at, "initiateLoginUri"]), `${showUrl(login)} is not an absolute https URI (Auth0: "Must be HTTPS or an empty string").`);
    }
  }
  const optIn = Array.isArray(raw["allowDeprecatedGrants"]) ? raw["allowDeprecatedGrants"] : [];
  if (grants.includes("implicit") && !optIn.includes("implicit")) {
    diags.report("AUTH0_GRANT_DEPRECATED", keyPath(AUTH0_ROOT, [...at, "grantTypes", grants.indexOf("implicit")]), "the implicit grant is deprecated and needs an explicit opt-in.", "Use authorization_code, or add `allowDeprecatedGrants: [implicit]` to this app.");
  }
  // An opt-in for a grant the app does not use would let the grant be added later without a second look.
  optIn.forEach((grant, i) => {
    if (grant === "implicit" && Array.isArray(grants) && !grants.includes(grant)) {
      diags.report("AUTH0_GRANT_OPT_IN_UNUSED", keyPath(AUTH0_ROOT, [...at, "allowDeprecatedGrants", i]), `opts in to the ${grant} grant, but grantTypes does not include it.`);
    }
  });
  const scopes = raw["managementApiScopes"];
  if (Array.isArray(scopes)) {
    if (scopes.length > 0 && !grants.includes("client_credentials")) {
      diags.report("AUTH0_MGMT_NEEDS_CLIENT_CREDENTIALS", keyPath(AUTH0_ROOT, [...at, "managementApiScopes"]), "Management API scopes are granted to the app's client credentials, but grantTypes does not include client_credentials.", "Add client_credentials to grantTypes, or remove managementApiScopes.");
    }
    scopes.forEach((scope, i) => {
      if (typeof scope === "string" && !KNOWN_SCOPES.has(scope)) {
        diags.report("AUTH0_SCOPE_UNKNOWN", keyPath(AUTH0_ROOT, [...at, "managementApiScopes", i]), `${show(scope)} is not an Auth0 Management API scope.${didYouMean(scope, AUTH0_MANAGEMENT_SCOPES)}`);
      }
    });
  }
  if (raw["refreshToken"] !== undefined && !grants.includes("refresh_token")) {
    diags.report("AUTH0_REFRESH_WITHOUT_GRANT", keyPath(AUTH0_ROOT, [...at, "refreshToken"]), "refresh-token settings are given but grantTypes does not include refresh_token.");
  }
  const adopt = raw["adopt"];
  if (isMap(adopt) && adopt["managementApiGrantId"] !== undefined && !(Array.isArray(scopes) && scopes.length > 0)) {
    // The grant id is not echoed: it names an object in the tenant, and the message needs no value.
    diags.report("AUTH0_ADOPT_GRANT_UNUSED", keyPath(AUTH0_ROOT, [...at, "adopt", "managementApiGrantId"]), "the app declares no managementApiScopes, so no Management API grant is created to import this grant into; it would stay unmanaged.");
  }
  checkCredentials(raw, at, diags);
}

function checkCredentials(raw: Record<string, unknown>, at: string[], diags: Diagnostics): void {
  const auth = typeof raw["clientAuth"] === "string" ? raw["clientAuth"] : "client_secret_post";
  const keys = Array.isArray(raw["keys"]) ? raw["keys"] : [];
  if (auth === "private_key_jwt") {
    if (keys.length === 0) diags.report("AUTH0_KEYS", keyPath(AUTH0_ROOT, [...at, "keys"]), "private key JWT needs at least one key.");
    if (keys.length > 2) diags.report("AUTH0_KEYS", keyPath(AUTH0_ROOT, [...at, "keys"]), `has ${keys.length} keys; Auth0 accepts at most 2 credentials per app.`);
    keys.forEach((k, i) => {
      if (typeof k === "object" && k !== null && (k as Record<string, unknown>)["algorithm"] === "EC") {
        diags.report("AUTH0_KEYS", keyPath(AUTH0_ROOT, [...at, "keys", i, "algorithm"]), "Auth0 verifies private key JWT with RS256, RS384 or PS256 only: use an RSA key.");
      }
    });
    checkKeys(keys, AUTH0_ROOT, at, diags);
    if (raw["clientSecretVersion"] !== undefined) {
      diags.report("AUTH0_SECRET_VERSION_UNUSED", keyPath(AUTH0_ROOT, [...at, "clientSecretVersion"]), "the app authenticates with private_key_jwt and has no client secret, so there is no secret to rotate.");
    }
  } else if (keys.length > 0) {
    diags.report("AUTH0_KEYS", keyPath(AUTH0_ROOT, [...at, "keys"]), `keys are only used with clientAuth: private_key_jwt, not ${auth}.`);
  }
}

/** Auth0's documented URL rules plus our transport policy. */
function checkUrl(url: string, at: PathSegment[], isOrigin: boolean, production: boolean, diags: Diagnostics): void {
  const path = keyPath(AUTH0_ROOT, at);
  reportUrlPolicy(url, path, diags);
  const show = showUrl;
  const uri = parseUri(url);
  if (!uri || !uri.isHttp) {
    diags.report("AUTH0_URL_INVALID", path, `${show(url)} is not an absolute http(s) URL; Regular Web Applications are reached over https.`);
    return;
  }
  if (isOrigin && (uri.url.pathname !== "/" || uri.url.search || uri.url.hash)) {
    diags.report("AUTH0_URL_INVALID", path, `${show(url)} is not an origin (Auth0 ignores paths, queries and fragments in web origins, and matching can fail); write ${show(uri.url.origin)}.`);
  }
  if (production && uri.isLoopback) diags.report("AUTH0_URL_HTTP", path, `${show(url)} points at the user's own machine; production stacks may not use loopback URLs.`);
  else if (uri.scheme === "http" && (production || !uri.isLoopback)) diags.report("AUTH0_URL_HTTP", path, `${show(url)} uses http; ${production ? "production stacks allow only https" : "plain http is allowed only for localhost, 127.0.0.1 and [::1]"}.`);
  if (!uri.hasWildcard) return;
  if (production) {
    diags.report("AUTH0_URL_WILDCARD", path, `${show(url)} has a wildcard; production stacks list every URL.`, "List each production URL explicitly.");
    return;
  }
  const labels = uri.url.hostname.split(".");
  const stars = (url.match(/\*/g) ?? []).length;
  const inFirstLabelOnly = stars === 1 && labels[0]!.includes("*");
  if (!inFirstLabelOnly) diags.report("AUTH0_URL_WILDCARD", path, `${show(url)}: the "*" must appear once, in the left-most host label, e.g. https://*.example.com/callback.`);
  else if (labels.length < 3) diags.report("AUTH0_URL_WILDCARD", path, `${show(url)}: a wildcard cannot stand directly before the top-level domain (Auth0: "https://*.com will not work").`);
}

const DEFAULT_GRANTS = ["authorization_code", "refresh_token"];

export function buildAuth0(domain: string, apps: readonly Parsed[]): Auth0Model {
  return { domain, apps: apps.map(buildApp) };
}

function buildApp({ name, raw }: Parsed): Auth0WebAppSpec {
  const grantTypes = [...new Set(raw.grantTypes ?? DEFAULT_GRANTS)];
  const auth = raw.clientAuth ?? "client_secret_post";
  const rotate = (raw.refreshToken?.rotation ?? "rotate") === "rotate";
  return {
    kind: "regular_web",
    name,
    displayName: raw.name ?? name,
    callbacks: raw.callbacks ?? [],
    allowedLogoutUrls: raw.allowedLogoutUrls ?? [],
    webOrigins: raw.webOrigins ?? [],
    ...(raw.initiateLoginUri ? { initiateLoginUri: raw.initiateLoginUri } : {}),
    grantTypes,
    authenticationMethod: auth,
    ...(auth !== "private_key_jwt" ? secretVersion(raw.clientSecretVersion, raw.adopt) : {}),
    ...(raw.adopt ? { adopt: raw.adopt.managementApiGrantId ? { id: raw.adopt.id, managementApiGrantId: raw.adopt.managementApiGrantId } : { id: raw.adopt.id } } : {}),
    keys: auth === "private_key_jwt" ? (raw.keys ?? []).map(keySpec) : [],
    // The key the client signs with, by the same choice as Okta service apps.
    ...(auth === "private_key_jwt" && raw.keys && activeKey(raw.keys) ? { activeKeyId: activeKey(raw.keys)!.kid } : {}),
    ...(grantTypes.includes("refresh_token")
      ? {
          refreshToken: {
            // Rotation with reuse detection is Auth0's recommendation for refresh tokens; lifetimes are Auth0's defaults.
            rotationType: rotate ? "rotating" : "non-rotating",
            leewaySeconds: raw.refreshToken?.leewaySeconds ?? 0,
            tokenLifetimeSeconds: raw.refreshToken?.tokenLifetimeSeconds ?? 2_592_000,
            idleTokenLifetimeSeconds: raw.refreshToken?.idleTokenLifetimeSeconds ?? 1_296_000,
          },
        }
      : {}),
    managementApiScopes: [...new Set(raw.managementApiScopes ?? [])],
  };
}
