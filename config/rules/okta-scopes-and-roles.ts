/** Okta API scopes granted to apps, and the admin roles of service apps. */
import { OKTA_API_SCOPES } from "../catalogues/okta-api-scopes";
import { rolesCovering, uncoveredScopes } from "../catalogues/okta-role-coverage";
import type { Diagnostics } from "../diagnostics";
import { complete, itemsOf, wellFormed, type Slot } from "../lenient";
import { keyPath, type PathSegment } from "../paths";
import type { AdminRole } from "../schema/okta";
import { OKTA_ROOT } from "../sections";
import { show } from "../show";
import { didYouMean } from "../suggest";
import { defineRules } from "./rule";
import { OKTA_SERVICE_GUIDE, policy } from "./sources";

/** Okta's pages on its standard admin roles (help.okta.com), read 2026-11; config/catalogues/okta-role-coverage.ts cites each. */
const OKTA_ROLES_HELP = "Okta, Standard administrator roles and permissions (help.okta.com/en-us/content/topics/security/administrators-admin-comparison.htm) and the role pages it links (read-only, report, help desk, group, group membership, app, org, API Access Management admins)";

export const OKTA_SCOPE_AND_ROLE_RULES = defineRules({
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
});

const KNOWN = new Set(OKTA_API_SCOPES);

/**
 * Unknown scopes are errors with the nearest names. A read scope next to its manage scope is not redundant:
 * Okta grants a requested scope only when it is in the app's grants (see RETIRED_RULES.OKTA_SCOPE_REDUNDANT).
 */
export function checkApiScopes(scopes: readonly Slot<string>[], at: readonly PathSegment[], diags: Diagnostics): void {
  scopes.forEach((scope, i) => {
    if (!wellFormed(scope)) return;
    const path = keyPath(OKTA_ROOT, [...at, i]);
    if (!KNOWN.has(scope)) {
      diags.report(OKTA_SCOPE_AND_ROLE_RULES.OKTA_SCOPE_UNKNOWN, path, `${show(scope)} is not an Okta API scope.${didYouMean(scope, OKTA_API_SCOPES)}`);
    }
  });
}

/** Roles that can do anything in the org: granting one to a machine must be a deliberate, reviewed act. */
export const PRIVILEGED_ROLES = ["SUPER_ADMIN", "ORG_ADMIN"] as const;

/** What the role rules read of a service app. */
export interface RoleSettings {
  readonly apiScopes?: Slot<string[]>;
  readonly adminRoles?: Slot<AdminRole[]>;
  readonly acknowledgeRoles?: Slot<string[]>;
}

export function checkAdminRoles(app: RoleSettings, at: readonly PathSegment[], diags: Diagnostics): void {
  const acknowledged = itemsOf(app.acknowledgeRoles);
  const roles = itemsOf(app.adminRoles);
  // An acknowledgement for a role the app does not hold would let the role be added later without a second look.
  acknowledged.forEach((role, i) => {
    if (wellFormed(role) && (PRIVILEGED_ROLES as readonly string[]).includes(role) && !roles.includes(role as AdminRole)) {
      diags.report(OKTA_SCOPE_AND_ROLE_RULES.OKTA_ROLE_ACKNOWLEDGE_UNUSED, keyPath(OKTA_ROOT, [...at, "acknowledgeRoles", i]), `acknowledges ${role}, but adminRoles does not include it.`);
    }
  });
  if (!wellFormed(app.adminRoles)) return;
  const seen = new Set<string>();
  roles.forEach((role, i) => {
    if (!complete<AdminRole>(role)) return;
    const path = keyPath(OKTA_ROOT, [...at, "adminRoles", i]);
    const id = roleKey(role);
    if (seen.has(id)) diags.report(OKTA_SCOPE_AND_ROLE_RULES.OKTA_ROLE_DUPLICATE, path, `${show(role)} is listed more than once.`);
    seen.add(id);
    if (typeof role === "string" && (PRIVILEGED_ROLES as readonly string[]).includes(role) && !acknowledged.includes(role)) {
      diags.report(
        OKTA_SCOPE_AND_ROLE_RULES.OKTA_ROLE_ACKNOWLEDGE,
        path,
        `${role} gives this app full control of the org (every user, app and policy), and a leaked key would too.`,
        `Prefer a narrower role (READ_ONLY_ADMIN, APP_ADMIN, a custom role). If ${role} is really needed, add \`acknowledgeRoles: [${role}]\` to this app.`,
      );
    }
  });
}

/** A service app with Okta API scopes needs an admin role: Okta does not assign one to apps. */
export function checkAdminRoleNeeded(app: RoleSettings, at: readonly PathSegment[], diags: Diagnostics): void {
  if (hasOktaScopes(itemsOf(app.apiScopes)) && itemsOf(app.adminRoles).length === 0) {
    diags.report(OKTA_SCOPE_AND_ROLE_RULES.OKTA_SERVICE_NO_ADMIN_ROLE, keyPath(OKTA_ROOT, [...at, "adminRoles"]), "the app is granted Okta API scopes but no admin role; Okta does not assign one to apps, so its calls will be refused.");
  }
}

/**
 * Scopes the app's standard admin roles are documented not to permit (config/catalogues/okta-role-coverage.ts):
 * the calls would be refused. Custom roles, and what Okta does not document, are never reported; nor is
 * anything when a role is malformed (what it permits is unknown).
 */
export function checkRoleCoverage(app: RoleSettings, at: readonly PathSegment[], diags: Diagnostics): void {
  if (!wellFormed(app.apiScopes) || !wellFormed(app.adminRoles)) return;
  const scopes = app.apiScopes;
  const roles = app.adminRoles.filter((r) => complete<AdminRole>(r));
  if (roles.length === 0 || roles.length < app.adminRoles.length) return;
  const uncovered = new Set(uncoveredScopes(scopes.filter((s) => wellFormed(s)), roles));
  const reported = new Set<string>();
  scopes.forEach((scope, i) => {
    if (!wellFormed(scope) || !uncovered.has(scope) || reported.has(scope)) return;
    reported.add(scope);
    const held = roles.map((r) => (typeof r === "string" ? r : "a custom role")).join(", ");
    const roleList = rolesCovering(scope);
    diags.report(
      OKTA_SCOPE_AND_ROLE_RULES.OKTA_ROLE_SCOPE_NOT_COVERED,
      keyPath(OKTA_ROOT, [...at, "apiScopes", i]),
      `${show(scope)} is granted, but Okta documents that ${roles.length === 1 ? "the app's role" : "none of the app's roles"} (${held}) ${roles.length === 1 ? "does not permit" : "permits"} what it is for, so its calls with it will be refused.`,
      `Add a role that permits it (Okta documents ${roleList.join(", ")}), or remove the scope.`,
    );
  });
}

/** `okta.*` scopes: the ones that make an app an Okta API client. */
export function hasOktaScopes(scopes: readonly Slot<string>[]): boolean {
  return scopes.some((s) => wellFormed(s) && s.startsWith("okta."));
}

/** One role's identity, independent of key order: `READ_ONLY_ADMIN` or `custom:<role>:<resourceSet>`. */
export function roleKey(role: AdminRole): string {
  return typeof role === "string" ? role : `custom:${role.custom.role}:${role.custom.resourceSet}`;
}
