/** Rules for Okta API scope grants and admin roles. */
import { OKTA_API_SCOPES } from "./catalogues/okta-api-scopes";
import type { Diagnostics } from "./diagnostics";
import { keyPath, type PathSegment } from "./paths";
import { show } from "./show";
import { didYouMean } from "./suggest";

const ROOT = "oidc-apps:okta";
const KNOWN = new Set(OKTA_API_SCOPES);

/**
 * Unknown scopes are errors with the nearest names. A read scope next to its manage scope is not redundant:
 * Okta grants a requested scope only when it is in the app's grants (see RETIRED_RULES.OKTA_SCOPE_REDUNDANT).
 */
export function checkApiScopes(raw: unknown, at: readonly PathSegment[], diags: Diagnostics): void {
  if (!Array.isArray(raw)) return;
  raw.forEach((scope, i) => {
    if (typeof scope !== "string") return;
    const path = keyPath(ROOT, [...at, i]);
    if (!KNOWN.has(scope)) {
      diags.report("OKTA_SCOPE_UNKNOWN", path, `${show(scope)} is not an Okta API scope.${didYouMean(scope, OKTA_API_SCOPES)}`);
    }
  });
}

/** Roles that can do anything in the org: granting one to a machine must be a deliberate, reviewed act. */
export const PRIVILEGED_ROLES = ["SUPER_ADMIN", "ORG_ADMIN"] as const;

export function checkAdminRoles(raw: Record<string, unknown>, at: readonly PathSegment[], diags: Diagnostics): void {
  const acknowledged = Array.isArray(raw["acknowledgeRoles"]) ? raw["acknowledgeRoles"] : [];
  const roles = Array.isArray(raw["adminRoles"]) ? raw["adminRoles"] : [];
  // An acknowledgement for a role the app does not hold would let the role be added later without a second look.
  acknowledged.forEach((role, i) => {
    if (typeof role === "string" && (PRIVILEGED_ROLES as readonly string[]).includes(role) && !roles.includes(role)) {
      diags.report("OKTA_ROLE_ACKNOWLEDGE_UNUSED", keyPath(ROOT, [...at, "acknowledgeRoles", i]), `acknowledges ${role}, but adminRoles does not include it.`);
    }
  });
  if (!Array.isArray(raw["adminRoles"])) return;
  const seen = new Set<string>();
  roles.forEach((role, i) => {
    const path = keyPath(ROOT, [...at, "adminRoles", i]);
    const id = roleKey(role);
    if (seen.has(id)) diags.report("OKTA_ROLE_DUPLICATE", path, `${show(role)} is listed more than once.`);
    seen.add(id);
    if (typeof role === "string" && (PRIVILEGED_ROLES as readonly string[]).includes(role) && !acknowledged.includes(role)) {
      diags.report(
        "OKTA_ROLE_ACKNOWLEDGE",
        path,
        `${role} gives this app full control of the org (every user, app and policy), and a leaked key would too.`,
        `Prefer a narrower role (READ_ONLY_ADMIN, APP_ADMIN, a custom role). If ${role} is really needed, add \`acknowledgeRoles: [${role}]\` to this app.`,
      );
    }
  });
}

/** `okta.*` scopes: the ones that make an app an Okta API client. */
export function hasOktaScopes(raw: unknown): boolean {
  return Array.isArray(raw) && raw.some((s) => typeof s === "string" && s.startsWith("okta."));
}

/** One role's identity, independent of key order: `READ_ONLY_ADMIN` or `custom:<role>:<resourceSet>`. */
export function roleKey(role: unknown): string {
  if (typeof role === "string") return role;
  const custom = (role as { custom?: { role?: unknown; resourceSet?: unknown } } | null)?.custom;
  return custom ? `custom:${String(custom.role)}:${String(custom.resourceSet)}` : JSON.stringify(role);
}
