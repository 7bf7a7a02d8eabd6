/**
 * Validation and model building for `oidc-apps:okta`. Once an app's `type` is known, two passes always run so
 * that every problem of the app is reported at once: shape (zod) and rules (on whatever is well-formed); the
 * model is built only when there were no errors at all. An app whose `type` is missing or unknown gets that one
 * error: which keys and rules apply depends on it.
 */
import type { Diagnostics } from "./diagnostics";
import { DEPRECATED_GRANTS, normaliseGrantType, type GrantType } from "./grant-types";
import type { Assignment, OktaAppSpec, OktaOrg, OktaUserAppSpec, TrustedOriginScope, TrustedOriginSpec } from "./model";
import { keyPath } from "./paths";
import { GRANTS_BY_KIND, DEFAULT_GRANTS } from "./rules/okta-grants";
import { checkInitiateLoginUri, checkRedirectUris, checkTrustedOrigin, type UriContext } from "./rules/okta-uris";
import { buildServiceApp, checkServiceRules } from "./okta-service";
import { checkAdminRoles, checkApiScopes } from "./okta-scopes";
import { APP_NAME, OKTA_SECTION_KEYS } from "./schema/root";
import { OKTA_APP_TYPES, oktaAppSchemas, type OktaAppType, type RawOktaApp } from "./schema/okta";
import { show } from "./show";
import { didYouMean } from "./suggest";
import { checkShape } from "./zod-issues";

export const OKTA_ROOT = "oidc-apps:okta";

export interface OktaAppsInput {
  readonly section: unknown;
  readonly production: boolean;
  readonly diags: Diagnostics;
}

type UserKind = Exclude<OktaAppType, "service">;

/** A raw app entry that passed the shape check, tagged with its type. */
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
    diags.report("CONFIG_NOT_A_MAP", OKTA_ROOT, "must be a map with the key `apps`.");
    return undefined;
  }
  for (const key of Object.keys(section)) {
    if (!(OKTA_SECTION_KEYS as readonly string[]).includes(key)) {
      diags.report("CONFIG_UNKNOWN_KEY", keyPath(OKTA_ROOT, [key]), `unknown key ${show(key)}.${didYouMean(key, OKTA_SECTION_KEYS)}`, "The Okta section has one key: `apps`.");
    }
  }
  const apps = section["apps"];
  if (apps === undefined || apps === null) return {};
  if (!isMap(apps)) {
    diags.report("CONFIG_NOT_A_MAP", keyPath(OKTA_ROOT, ["apps"]), "must be a map of app name to app settings.");
    return undefined;
  }
  return apps;
}

function parseOktaApp(name: string, raw: unknown, production: boolean, diags: Diagnostics): ParsedApp | undefined {
  const at = ["apps", name];
  let ok = true;
  if (!APP_NAME.test(name)) {
    diags.report("APP_NAME_INVALID", keyPath(OKTA_ROOT, at), `${show(name)} is not a valid app name.`);
    ok = false;
  }
  if (!isMap(raw)) {
    diags.report("CONFIG_NOT_A_MAP", keyPath(OKTA_ROOT, at), "must be a map of app settings (type, label, redirectUris, ...).");
    return undefined;
  }
  const type = raw["type"];
  if (typeof type !== "string" || !(OKTA_APP_TYPES as readonly string[]).includes(type)) {
    const got = type === undefined ? "is missing" : `is ${show(type)}`;
    const hint = typeof type === "string" ? didYouMean(type, OKTA_APP_TYPES) : "";
    diags.report(type === undefined ? "CONFIG_REQUIRED" : "CONFIG_INVALID_VALUE", keyPath(OKTA_ROOT, [...at, "type"]), `app type ${got}; it must be one of ${OKTA_APP_TYPES.join(", ")}.${hint}`);
    return undefined;
  }
  const kind = type as OktaAppType;
  checkGrants(kind, raw, at, diags);
  checkApiScopes(raw["apiScopes"], [...at, "apiScopes"], diags);
  if (kind === "service") {
    checkServiceRules(raw, at, diags);
    checkAdminRoles(raw, at, diags);
  } else {
    checkUserAppRules(kind, raw, at, production, diags);
  }
  const shaped = checkShape(oktaAppSchemas[kind], raw, OKTA_ROOT, at, diags);
  return ok && shaped ? ({ type: kind, name, raw: shaped } as ParsedApp) : undefined;
}

/** Rules that relate fields to each other and to the environment. They read the raw map defensively. */
function checkUserAppRules(kind: UserKind, raw: Record<string, unknown>, at: string[], production: boolean, diags: Diagnostics): void {
  const grants = grantsOf(kind, raw);
  const ctx: UriContext = { root: OKTA_ROOT, production, native: kind === "native", wildcardAllowed: raw["wildcardRedirect"] === "subdomain", diags };

  const redirects = Array.isArray(raw["redirectUris"]) ? raw["redirectUris"] : [];
  checkRedirectUris(redirects, [...at, "redirectUris"], ctx);
  if (ctx.wildcardAllowed && !redirects.some((u) => typeof u === "string" && u.includes("*"))) {
    diags.report("OKTA_REDIRECT_WILDCARD_UNUSED", keyPath(OKTA_ROOT, [...at, "wildcardRedirect"]), "is subdomain, but no sign-in redirect URI has a wildcard; it would widen Okta's redirect matching for nothing.");
  }
  if (grants?.includes("authorization_code") && redirects.length === 0) {
    diags.report("OKTA_REDIRECT_REQUIRED", keyPath(OKTA_ROOT, [...at, "redirectUris"]), "the app uses authorization_code but lists no redirect URI.");
  }
  if (Array.isArray(raw["postLogoutRedirectUris"])) {
    checkRedirectUris(raw["postLogoutRedirectUris"], [...at, "postLogoutRedirectUris"], { ...ctx, wildcardAllowed: false });
  }
  checkInitiateLoginUri(raw["initiateLoginUri"], [...at, "initiateLoginUri"], ctx);

  const origins = Array.isArray(raw["trustedOrigins"]) ? raw["trustedOrigins"] : [];
  origins.forEach((o, i) => {
    if (isMap(o)) checkTrustedOrigin(o["origin"], [...at, "trustedOrigins", i, "origin"], ctx);
  });

  const refresh = raw["refreshToken"];
  if (isMap(refresh)) {
    if (grants && !grants.includes("refresh_token")) {
      diags.report("OKTA_REFRESH_WITHOUT_GRANT", keyPath(OKTA_ROOT, [...at, "refreshToken"]), "refresh-token settings are given but grantTypes does not include refresh_token.");
    }
    if (kind !== "web" && refresh["rotation"] === "static") {
      diags.report("OKTA_REFRESH_STATIC_PUBLIC_CLIENT", keyPath(OKTA_ROOT, [...at, "refreshToken", "rotation"]), `${kind} apps are public clients; RFC 9700 §4.14.2 requires their refresh tokens to rotate (or be sender-constrained, which oidc-apps cannot set up).`);
    }
    const grace = refresh["gracePeriodSeconds"];
    if (typeof grace === "number" && (grace < 0 || grace > 60)) {
      diags.report("OKTA_REFRESH_GRACE_RANGE", keyPath(OKTA_ROOT, [...at, "refreshToken", "gracePeriodSeconds"]), `is ${show(grace)}; Okta accepts 0 to 60 seconds.`);
    }
  }

  const assign = raw["assignTo"];
  if (isMap(assign) && Array.isArray(assign["groups"])) {
    const seen = new Set<unknown>();
    assign["groups"].forEach((g, i) => {
      if (seen.has(g)) diags.report("OKTA_ASSIGN_GROUPS_DUPLICATE", keyPath(OKTA_ROOT, [...at, "assignTo", "groups", i]), `${show(g)} is listed more than once.`);
      seen.add(g);
    });
  }
}

/** The normalised grant list (defaults applied), or undefined when it is malformed or has unknown names. */
function grantsOf(kind: OktaAppType, raw: Record<string, unknown>): GrantType[] | undefined {
  const list = raw["grantTypes"] ?? DEFAULT_GRANTS[kind];
  if (!Array.isArray(list)) return undefined;
  const grants = list.map((g) => (typeof g === "string" ? normaliseGrantType(g) : undefined));
  return grants.every((g): g is GrantType => g !== undefined) ? grants : undefined;
}

/** Grant-type rules. Returns the normalised list when every entry is a known grant type. */
function checkGrants(kind: OktaAppType, raw: Record<string, unknown>, at: string[], diags: Diagnostics): GrantType[] | undefined {
  const list = raw["grantTypes"];
  if (list !== undefined && !Array.isArray(list)) return undefined; // shape check reports it
  const entries: unknown[] = list ?? [...DEFAULT_GRANTS[kind]];
  const grants: GrantType[] = [];
  const rules = GRANTS_BY_KIND[kind];
  const optIn = Array.isArray(raw["allowDeprecatedGrants"]) ? raw["allowDeprecatedGrants"] : [];
  let known = true;
  entries.forEach((entry, i) => {
    const grant = typeof entry === "string" ? normaliseGrantType(entry) : undefined;
    if (!grant) {
      known = false; // shape check reports unknown names
      return;
    }
    const path = keyPath(OKTA_ROOT, [...at, "grantTypes", i]);
    if (grants.includes(grant)) diags.report("OKTA_GRANT_DUPLICATE", path, `${show(entry)} is listed more than once.`);
    else grants.push(grant);
    if (!rules.allowed.includes(grant)) {
      diags.report("OKTA_GRANT_NOT_ALLOWED", path, `${kind} apps cannot use the ${grant} grant; they allow ${rules.allowed.join(", ")}.`);
    } else if (DEPRECATED_GRANTS.includes(grant) && !optIn.includes(grant)) {
      diags.report("OKTA_GRANT_DEPRECATED", path, `the ${grant} grant is deprecated and needs an explicit opt-in.`, `Use authorization_code with PKCE, or add \`allowDeprecatedGrants: [${grant}]\` to this app.`);
    }
  });
  if (!known) return undefined;
  if (kind !== "service") {
    // An opt-in for a grant the app does not use would let the grant be added later without a second look.
    optIn.forEach((grant, i) => {
      if (typeof grant === "string" && (DEPRECATED_GRANTS as readonly string[]).includes(grant) && !grants.includes(grant as GrantType)) {
        diags.report("OKTA_GRANT_OPT_IN_UNUSED", keyPath(OKTA_ROOT, [...at, "allowDeprecatedGrants", i]), `opts in to the ${grant} grant, but grantTypes does not include it.`);
      }
    });
  }
  for (const required of rules.required) {
    if (!grants.includes(required)) {
      const why = kind === "native" ? " (terraform-provider-okta requires it on native apps, also alongside device_code)" : "";
      diags.report("OKTA_GRANT_REQUIRED", keyPath(OKTA_ROOT, [...at, "grantTypes"]), `${kind} apps must include ${required}${why}.`, `Add ${required} to grantTypes.`);
    }
  }
  return grants;
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

function toAssignment(raw: RawOktaApp<"web">["assignTo"]): Assignment {
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

export function oktaOrg(orgName: string, baseUrl: string): OktaOrg {
  return { orgName, baseUrl, orgUrl: `https://${orgName}.${baseUrl}` };
}

export function isMap(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/**
 * Generated client secrets: always for new apps (default version 1); for an adopted app only once
 * `clientSecretVersion` is set, because its existing secret cannot be recovered and replacing it is a rotation.
 */
export function secretVersion(version: number | undefined, adopt: { id: string } | undefined): { clientSecretVersion?: number } {
  if (version !== undefined) return { clientSecretVersion: version };
  return adopt ? {} : { clientSecretVersion: 1 };
}

/** The model's grant list for a shaped app: defaults applied, short names, each once. */
export function modelGrants(kind: OktaAppType, listed: readonly string[] | undefined): GrantType[] {
  return [...new Set((listed ?? DEFAULT_GRANTS[kind]).map((g) => normaliseGrantType(g)!))];
}
