/**
 * Validation and model building for `oidc-apps:okta`. Once an app's `type` is known, the app is parsed once,
 * leniently (config/lenient-parse.ts: every malformed key reported, every well-formed one kept, typed), and its
 * rules run on that typed result, so that every problem of the app is reported at once; the model is built only
 * when there were no errors at all. An app whose `type` is missing or unknown gets that one error: which keys
 * and rules apply depends on it.
 */
import { modelGrants, secretVersion } from "./app-defaults";
import type { Diagnostics } from "./diagnostics";
import { itemsOf, type Lenient } from "./lenient";
import { parseLenient } from "./lenient-parse";
import { isMap } from "./maps";
import type { Assignment, OktaAppSpec, OktaUserAppSpec, TrustedOriginScope, TrustedOriginSpec } from "./model";
import { adminRoleSpecs, buildServiceApp } from "./okta-service";
import { keyPath } from "./paths";
import { checkServiceCredentials } from "./rules/keys";
import { checkGrants, grantsOf } from "./rules/okta-grants";
import { checkRefreshToken } from "./rules/okta-refresh";
import type { NamedApp } from "./rules/okta-resource-names";
import { checkAdminRoleNeeded, checkAdminRoles, checkApiScopes, checkRoleCoverage } from "./rules/okta-scopes-and-roles";
import { checkUserAppUris } from "./rules/okta-uris";
import { STACK_FILE_RULES } from "./rules/stack-file";
import { APP_NAME, OKTA_SECTION_KEYS } from "./schema/root";
import { OKTA_APP_TYPES, oktaAppSchemas, type OktaAppType, type RawOktaApp } from "./schema/okta";
import { OKTA_ROOT } from "./sections";
import { show } from "./show";
import { didYouMean } from "./suggest";

// Kept where the model's callers (components, tests) have always found it.
export { oktaOrg } from "./rules/okta-org";

export interface OktaAppsInput {
  readonly section: unknown;
  readonly production: boolean;
  readonly diags: Diagnostics;
}

/** An app entry that parsed cleanly (every key well-formed), tagged with its type. */
type ParsedApp = { [T in OktaAppType]: { type: T; name: string; raw: RawOktaApp<T> } }[OktaAppType];

export function parseOktaApps({ section, production, diags }: OktaAppsInput): ParsedApp[] | undefined {
  const apps = appsMap(section, diags);
  if (!apps) return undefined;
  const parsed: ParsedApp[] = [];
  let clean = true;
  for (const [name, raw] of Object.entries(apps)) {
    const app = parseOktaApp(name, raw, production, diags);
    if (app) parsed.push(app);
    else clean = false;
  }
  return clean ? parsed : undefined;
}

/** `oidc-apps:okta` must be `{ apps: { <name>: {...} } }`. */
function appsMap(section: unknown, diags: Diagnostics): Record<string, unknown> | undefined {
  if (!isMap(section)) {
    diags.report(STACK_FILE_RULES.CONFIG_NOT_A_MAP, OKTA_ROOT, "must be a map with the key `apps`.");
    return undefined;
  }
  for (const key of Object.keys(section)) {
    if (!(OKTA_SECTION_KEYS as readonly string[]).includes(key)) {
      diags.report(STACK_FILE_RULES.CONFIG_UNKNOWN_KEY, keyPath(OKTA_ROOT, [key]), `unknown key ${show(key)}.${didYouMean(key, OKTA_SECTION_KEYS)}`, "The Okta section has one key: `apps`.");
    }
  }
  const apps = section["apps"];
  if (apps === undefined || apps === null) return {};
  if (!isMap(apps)) {
    diags.report(STACK_FILE_RULES.CONFIG_NOT_A_MAP, keyPath(OKTA_ROOT, ["apps"]), "must be a map of app name to app settings.");
    return undefined;
  }
  return apps;
}

function parseOktaApp(name: string, raw: unknown, production: boolean, diags: Diagnostics): ParsedApp | undefined {
  const at = ["apps", name];
  let ok = true;
  if (!APP_NAME.test(name)) {
    diags.report(STACK_FILE_RULES.APP_NAME_INVALID, keyPath(OKTA_ROOT, at), `${show(name)} is not a valid app name.`);
    ok = false;
  }
  if (!isMap(raw)) {
    diags.report(STACK_FILE_RULES.CONFIG_NOT_A_MAP, keyPath(OKTA_ROOT, at), "must be a map of app settings (type, label, redirectUris, ...).");
    return undefined;
  }
  const type = raw["type"];
  if (typeof type !== "string" || !(OKTA_APP_TYPES as readonly string[]).includes(type)) {
    const got = type === undefined ? "is missing" : `is ${show(type)}`;
    const hint = typeof type === "string" ? didYouMean(type, OKTA_APP_TYPES) : "";
    diags.report(type === undefined ? STACK_FILE_RULES.CONFIG_REQUIRED : STACK_FILE_RULES.CONFIG_INVALID_VALUE, keyPath(OKTA_ROOT, [...at, "type"]), `app type ${got}; it must be one of ${OKTA_APP_TYPES.join(", ")}.${hint}`);
    return undefined;
  }
  const kind = type as OktaAppType;
  if (kind === "service") {
    const { value: app, shaped } = parseLenient(oktaAppSchemas.service, raw, OKTA_ROOT, at, diags);
    checkServiceApp(app, at, diags);
    return ok && shaped ? { type: kind, name, raw: shaped } : undefined;
  }
  const { value: app, shaped } = parseLenient(oktaAppSchemas[kind], raw, OKTA_ROOT, at, diags);
  checkUserApp(kind, app, at, production, diags);
  return ok && shaped ? ({ type: kind, name, raw: shaped } as ParsedApp) : undefined;
}

/** The rules of a service app, on what of it is well-formed. */
function checkServiceApp(app: Lenient<RawOktaApp<"service">>, at: string[], diags: Diagnostics): void {
  checkGrants("service", app.grantTypes, [], at, diags);
  checkApiScopes(itemsOf(app.apiScopes), [...at, "apiScopes"], diags);
  checkServiceCredentials(app, at, diags);
  checkAdminRoleNeeded(app, at, diags);
  checkRoleCoverage(app, at, diags);
  checkAdminRoles(app, at, diags);
}

/** The rules of a web, browser or native app, on what of it is well-formed; some relate fields to each other and to the environment. */
function checkUserApp(kind: Exclude<OktaAppType, "service">, app: Lenient<RawOktaApp<"web" | "browser" | "native">>, at: string[], production: boolean, diags: Diagnostics): void {
  checkGrants(kind, app.grantTypes, itemsOf(app.allowDeprecatedGrants), at, diags);
  checkApiScopes(itemsOf(app.apiScopes), [...at, "apiScopes"], diags);
  const grants = grantsOf(kind, app.grantTypes);
  checkUserAppUris(kind === "native", app, grants, at, production, diags);
  checkRefreshToken(kind, app.refreshToken, grants, at, diags);
}

/** What the resource-name check reads of each well-formed app (config/rules/okta-resource-names.ts). */
export function namedChildrenOf(apps: readonly ParsedApp[]): NamedApp[] {
  return apps.map((app) =>
    app.type === "service" ? { kind: "service", name: app.name, adminRoles: adminRoleSpecs(app.raw.adminRoles) } : { kind: app.type, name: app.name, assignTo: toAssignment(app.raw.assignTo) },
  );
}

/** The model for one well-formed app, with defaults applied. */
export function buildOktaApp(app: ParsedApp): OktaAppSpec {
  return app.type === "service" ? buildServiceApp(app.name, app.raw) : buildUserApp(app);
}

function buildUserApp(app: Exclude<ParsedApp, { type: "service" }>): OktaUserAppSpec {
  const { raw, name } = app;
  const grantTypes = modelGrants(app.type, raw.grantTypes);
  const publicClient = app.type !== "web";
  const base: OktaUserAppSpec = {
    kind: app.type,
    name,
    label: raw.label ?? name,
    grantTypes,
    apiScopes: [...new Set(raw.apiScopes ?? [])],
    redirectUris: raw.redirectUris ?? [],
    postLogoutRedirectUris: raw.postLogoutRedirectUris ?? [],
    wildcardRedirect: raw.wildcardRedirect === "subdomain",
    ...(raw.initiateLoginUri ? { initiateLoginUri: raw.initiateLoginUri } : {}),
    ...(grantTypes.includes("refresh_token")
      ? {
          refreshToken: {
            // Public clients rotate by default: RFC 9700 §4.14.2 requires rotation or sender-constraining for them.
            rotation: (raw.refreshToken?.rotation ?? (publicClient ? "rotate" : "static")) === "rotate" ? "ROTATE" : "STATIC",
            // Okta's own default grace period (the provider's default of 0 differs from the API's 30).
            leewaySeconds: raw.refreshToken?.gracePeriodSeconds ?? 30,
          },
        }
      : {}),
    assignTo: toAssignment(raw.assignTo),
    tokenEndpointAuthMethod: app.type === "web" ? (app.raw.clientAuth ?? "client_secret_basic") : "none",
    pkceRequired: app.type === "web" ? (app.raw.pkceRequired ?? false) : true,
    ...(app.type === "web" ? secretVersion(app.raw.clientSecretVersion, app.raw.adopt) : {}),
    ...(raw.adopt ? { adopt: { id: raw.adopt.id } } : {}),
  };
  return base;
}

export function toAssignment(raw: RawOktaApp<"web">["assignTo"]): Assignment {
  if (raw === undefined || raw === "none") return { kind: "none" };
  if (raw === "everyone") return { kind: "everyone" };
  return { kind: "groups", groups: [...new Set(raw.groups)] };
}

/**
 * Okta keeps one trusted origin per origin, so identical origins across apps become one entry whose scopes
 * are the union of what each app asked for (default CORS + REDIRECT), in a fixed order.
 */
export function mergeTrustedOrigins(apps: readonly ParsedApp[]): TrustedOriginSpec[] {
  // A set per origin (insertion-ordered): thousands of apps sharing one origin must not cost a list scan each.
  const byOrigin = new Map<string, { scopes: Set<TrustedOriginScope>; usedBy: Set<string> }>();
  for (const app of apps) {
    if (app.type === "service") continue;
    for (const o of app.raw.trustedOrigins ?? []) {
      let entry = byOrigin.get(o.origin);
      if (!entry) byOrigin.set(o.origin, (entry = { scopes: new Set(), usedBy: new Set() }));
      for (const s of o.scopes ?? ["CORS", "REDIRECT"]) entry.scopes.add(s);
      entry.usedBy.add(app.name);
    }
  }
  const order: TrustedOriginScope[] = ["CORS", "REDIRECT", "IFRAME_EMBED"];
  return [...byOrigin.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([origin, e]) => ({ origin, scopes: order.filter((s) => e.scopes.has(s)), usedBy: [...e.usedBy] }));
}
