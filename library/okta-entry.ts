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
import { oktaAppSchemas, type OktaAppType } from "../config/schema/okta";
import { describeType } from "../config/show";
import { OKTA_ROOT } from "../config/sections";
import { pathName, plainArgs, type PlainArgs } from "./args";
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

/** The top-level args of a component of `kind`: the stack file's keys of its type but `type`, and the library's own. */
function argKeys(kind: OktaAppType): string[] {
  const schema = Object.keys(oktaAppSchemas[kind].shape).filter((key) => key !== "type");
  return [...schema, "environment", "orgUrl", ...(kind === "service" ? ["customAdminRoles"] : [])];
}

/**
 * Checks one component's args with the stack file's rules and builds its model; throws one error naming
 * every problem (paths relative to the component) when there is any. Registers nothing.
 */
export function planOktaApp<K extends OktaAppType>(component: string, kind: K, name: string, args: unknown): OktaPlan<Extract<OktaAppSpec, { kind: K }>> {
  const at = pathName(name);
  // The plain args, once the check has them: the paths into customAdminRoles are rewritten by what they hold.
  const plain: { raw?: PlainArgs } = {};
  const rewrites: PathRewrite[] = [appPaths(OKTA_ROOT, name, at), settingPaths(["okta:orgName", "okta:baseUrl"], at, "orgUrl"), customRolePaths(at, kind, plain)];
  return checked(component, name, rewrites, (diags, held) => {
    const raw = plainArgs(args, { component, at, keys: argKeys(kind), kind }, diags, held);
    if (!raw) return undefined;
    plain.raw = raw;
    const environment = environmentOf(raw["environment"], at, diags);
    const production = environment === "production";
    const entry = oktaEntry(kind, at, raw, diags);
    const parsed = parseOktaApps({ section: { apps: { [name]: entry } }, production, diags });
    const orgUrl = orgUrlOf(raw["orgUrl"], at, diags);
    const org = orgUrl === undefined ? undefined : orgOfUrl(orgUrl, at, diags);
    requireOrgForScopes(entry["apiScopes"], orgUrl, at, diags);
    const app = parsed?.[0];
    if (app?.type === "service" && (app.raw.clientAuth ?? "private_key_jwt") === "private_key_jwt") {
      checkKeyResourceNames([{ root: OKTA_ROOT, name, keys: app.raw.keys ?? [] }], diags);
    }
    if (production) checkEveryoneInProduction([[name, entry]], new Set(), diags);
    // The model is built from args the rules passed only: the builder assumes them (a key the rules refused throws).
    if (diags.hasErrors || !app || !environment || (orgUrl !== undefined && !org)) return undefined;
    const spec = buildOktaApp(app) as Extract<OktaAppSpec, { kind: K }>;
    return { spec, ...(org ? { org } : {}), origins: mergeTrustedOrigins(parsed ?? []), protect: production };
  });
}

/** `orgUrl`: a string, or absent. */
function orgUrlOf(raw: unknown, at: string, diags: Diagnostics): string | undefined {
  if (raw === undefined || typeof raw === "string") return raw;
  diags.report(STACK_FILE_RULES.CONFIG_INVALID_TYPE, `${at}.orgUrl`, `must be a string, the org's URL (e.g. \`https://acme.okta.com\`), got ${describeType(raw)}.`);
  return undefined;
}

/**
 * The stack-file entry, own keys only and no prototype (a `__proto__` arg was refused already): `type` from the
 * class, `assignTo` and (service apps) admin roles in the stack file's shapes.
 */
function oktaEntry(kind: OktaAppType, at: string, raw: PlainArgs, diags: Diagnostics): Record<string, unknown> {
  const entry = Object.create(null) as Record<string, unknown>;
  for (const [key, value] of Object.entries(raw)) if (!LIBRARY_ONLY.includes(key)) entry[key] = value;
  entry["type"] = kind;
  if (raw["assignTo"] !== undefined) {
    const assignTo = assignToEntry(raw["assignTo"], at, diags);
    if (assignTo === undefined) delete entry["assignTo"];
    else entry["assignTo"] = assignTo;
  }
  const custom = raw["customAdminRoles"];
  if (kind === "service" && custom !== undefined) {
    const standard = Array.isArray(raw["adminRoles"]) ? (raw["adminRoles"] as unknown[]) : [];
    entry["adminRoles"] = [...standard, ...(Array.isArray(custom) ? custom.map((c: unknown) => ({ custom: c })) : [custom])];
  }
  return entry;
}

/**
 * `{}` → `none`, `{ everyone: true }` → `everyone`, `{ groups }` → `{ groups }`. Anything else (a JavaScript
 * caller's stack-file value, `"everyone"`) goes to the stack file's rules as it is.
 */
function assignToEntry(value: unknown, at: string, diags: Diagnostics): unknown {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return value;
  const { everyone, groups, ...rest } = value as { everyone?: unknown; groups?: unknown };
  if (Object.keys(rest).length > 0) return value;
  if (everyone === true && groups !== undefined) {
    diags.report(STACK_FILE_RULES.CONFIG_INVALID_VALUE, `${at}.assignTo`, "sets both `everyone` and `groups`; an app is assigned to Everyone, or to groups.", "Keep one of them.");
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
function customRolePaths(name: string, kind: OktaAppType, plain: { readonly raw?: PlainArgs }): PathRewrite {
  const pattern = new RegExp(`^${escape(name)}\\.adminRoles\\[(\\d+)\\](\\.custom)?`);
  return (path) => {
    const raw = plain.raw;
    if (kind !== "service" || !raw || raw["customAdminRoles"] === undefined) return undefined;
    const standard = Array.isArray(raw["adminRoles"]) ? raw["adminRoles"].length : 0;
    const m = pattern.exec(path);
    if (!m || Number(m[1]) < standard) return undefined;
    return `${name}.customAdminRoles[${Number(m[1]) - standard}]${path.slice(m[0].length)}`;
  };
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
