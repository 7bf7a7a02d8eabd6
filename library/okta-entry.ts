/**
 * A library Okta component's args as a stack-file app entry, and that entry through the stack file's parser,
 * rules and model builder (config/okta.ts): the same rules and defaults as `oidc-apps:okta.apps.<name>`.
 */
import type { Diagnostics } from "../config/diagnostics";
import type { OktaAppSpec, OktaOrg, TrustedOriginSpec } from "../config/model";
import { buildOktaApp, mergeTrustedOrigins, parseOktaApps } from "../config/okta";
import { checkKeyResourceNames } from "../config/rules/keys";
import { checkEveryoneInProduction } from "../config/rules/okta-uris";
import { STACK_FILE_RULES } from "../config/rules/stack-file";
import type { OktaAppType } from "../config/schema/okta";
import { OKTA_ROOT } from "../config/sections";
import { appPaths, checked, settingPaths, type PathRewrite } from "./checked";
import { environmentOf } from "./environment";
import { orgOfUrl, requireOrgForScopes } from "./okta-org";

/** What a validated Okta component builds from. */
export interface OktaPlan<S extends OktaAppSpec> {
  readonly spec: S;
  /** Absent without `orgUrl`: the component then outputs no issuer. */
  readonly org?: OktaOrg;
  /** The app's own trusted origins, merged as the stack file merges them. */
  readonly origins: readonly TrustedOriginSpec[];
  readonly protect: boolean;
}

/** Args only the library has (the stack file keeps them outside the app); the rest is the entry. */
const LIBRARY_ONLY = ["environment", "orgUrl", "customAdminRoles"];

/**
 * Checks one component's args with the stack file's rules and builds its model; throws one error naming
 * every problem (paths relative to the component) when there is any. Registers nothing.
 */
export function planOktaApp<K extends OktaAppType>(component: string, kind: K, name: string, args: object): OktaPlan<Extract<OktaAppSpec, { kind: K }>> {
  const raw = args as Record<string, unknown>;
  const rewrites: PathRewrite[] = [appPaths(OKTA_ROOT, name), settingPaths(["okta:orgName", "okta:baseUrl"], name, "orgUrl"), customRolePaths(name, raw)];
  return checked(component, name, rewrites, (diags) => {
    const environment = environmentOf(raw["environment"], name, diags);
    const production = environment === "production";
    const entry = oktaEntry(kind, name, raw, diags);
    const parsed = parseOktaApps({ section: { apps: { [name]: entry } }, production, diags });
    const orgUrl = typeof raw["orgUrl"] === "string" ? raw["orgUrl"] : undefined;
    const org = orgUrl === undefined ? undefined : orgOfUrl(orgUrl, name, diags);
    requireOrgForScopes(entry["apiScopes"], orgUrl, name, diags);
    const app = parsed?.[0];
    if (app?.type === "service" && (app.raw.clientAuth ?? "private_key_jwt") === "private_key_jwt") {
      checkKeyResourceNames([{ root: OKTA_ROOT, name, keys: app.raw.keys ?? [] }], diags);
    }
    if (production) checkEveryoneInProduction([[name, entry]], new Set(), diags);
    if (!app || !environment || (orgUrl !== undefined && !org)) return undefined;
    const spec = buildOktaApp(app) as Extract<OktaAppSpec, { kind: K }>;
    return { spec, ...(org ? { org } : {}), origins: mergeTrustedOrigins(parsed ?? []), protect: production };
  });
}

/** The stack-file entry: `type` from the class, `assignTo` and admin roles in the stack file's shapes. */
function oktaEntry(kind: OktaAppType, name: string, raw: Record<string, unknown>, diags: Diagnostics): Record<string, unknown> {
  const entry: Record<string, unknown> = { type: kind };
  for (const [key, value] of Object.entries(raw)) if (value !== undefined && !LIBRARY_ONLY.includes(key)) entry[key] = value;
  if (raw["assignTo"] !== undefined) {
    const assignTo = assignToEntry(raw["assignTo"], name, diags);
    if (assignTo === undefined) delete entry["assignTo"];
    else entry["assignTo"] = assignTo;
  }
  const custom = raw["customAdminRoles"];
  if (custom !== undefined) {
    const standard = Array.isArray(raw["adminRoles"]) ? (raw["adminRoles"] as unknown[]) : [];
    entry["adminRoles"] = [...standard, ...(Array.isArray(custom) ? custom.map((c: unknown) => ({ custom: c })) : [custom])];
  }
  return entry;
}

/**
 * `{}` → `none`, `{ everyone: true }` → `everyone`, `{ groups }` → `{ groups }`. Anything else (a JavaScript
 * caller's stack-file value, `"everyone"`) goes to the stack file's rules as it is.
 */
function assignToEntry(value: unknown, name: string, diags: Diagnostics): unknown {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return value;
  const { everyone, groups, ...rest } = value as { everyone?: unknown; groups?: unknown };
  if (Object.keys(rest).length > 0) return value;
  if (everyone === true && groups !== undefined) {
    diags.report(STACK_FILE_RULES.CONFIG_INVALID_VALUE, `${name}.assignTo`, "sets both `everyone` and `groups`; an app is assigned to Everyone, or to groups.", "Keep one of them.");
    return undefined;
  }
  if (everyone === true) return "everyone";
  if (everyone !== undefined && typeof everyone !== "boolean") return { everyone };
  if (groups !== undefined) return { groups };
  return "none";
}

/**
 * The stack file has one `adminRoles` list; the library has `adminRoles` (standard) and `customAdminRoles`
 * (appended as `{ custom }`): a path into an appended entry goes back to `customAdminRoles`.
 */
function customRolePaths(name: string, raw: Record<string, unknown>): PathRewrite {
  const standard = Array.isArray(raw["adminRoles"]) ? raw["adminRoles"].length : 0;
  const pattern = new RegExp(`^${escape(name)}\\.adminRoles\\[(\\d+)\\](\\.custom)?`);
  return (path) => {
    const m = pattern.exec(path);
    if (!m || raw["customAdminRoles"] === undefined || Number(m[1]) < standard) return undefined;
    return `${name}.customAdminRoles[${Number(m[1]) - standard}]${path.slice(m[0].length)}`;
  };
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
