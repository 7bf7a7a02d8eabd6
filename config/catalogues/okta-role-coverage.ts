/**
 * Which Okta API scopes a service app's standard admin roles let it use: an API call needs both the scope and a
 * role that permits the operation ("you must assign an admin role to your app", Okta, Roles in Okta). Only what
 * Okta's own role pages state is recorded here, each entry with the page and the words it rests on; a role and
 * scope Okta documents neither way are "unknown", and unknown is never reported (OKTA_ROLE_SCOPE_NOT_COVERED
 * warns only when every role of the app is documented not to permit a scope).
 *
 * Read 2026-11 from help.okta.com (Okta Identity Engine, en-us):
 * - Standard administrator roles and permissions, content/topics/security/administrators-admin-comparison.htm.
 *   Its tables are used only for rows with a single mark, which can only be the Super Admin column: "Add,
 *   remove, and view administrators" (Super Admin only).
 * - Super admin role (admin-role-superadmin.htm): "full management access to perform all admin activities";
 *   "the only role that can assign administrator roles".
 * - Read-only administrators (administrators-read-only-admin.htm): "view access to most data … unable to edit
 *   data. The only settings that read-only admins can change are their own notifications and API token
 *   settings." Views: users, groups, apps and app instances, reports, Okta settings, System Log, authorization
 *   server scope, Device Trust settings, Wifi policies, device details, sign-on policies.
 * - Report administrators (administrators-report-admin.htm): "View and download reports; View and download the
 *   System Log … These are the only menu items available to report admins."
 * - Help desk administrators (administrators-help-desk-admin.htm): "fixed permissions": reset password,
 *   temporary password, reset MFA, unlock, clear user session, view user profiles in the assigned groups;
 *   "can't … Create and activate users; Suspend and delete users; Assign users to apps or groups; … Create API
 *   tokens".
 * - Group administrators, USER_ADMIN (administrators-group-admin.htm): create, remove, (de)activate, unlock and
 *   suspend users, reset passwords and MFA, edit profiles, rename groups, add users to groups they manage;
 *   "can't … Create or delete groups; Directly assign apps to users or groups".
 * - Group membership admin role (admin-role-groupmembershipadmin.htm): "grants permission to view all users in
 *   an org and manage the membership of groups"; combined with a group or help desk admin role it can also
 *   "add, remove, and deactivate existing users, reset their passwords", which it cannot alone.
 * - Application administrators (administrators-app-admin.htm): view, add and configure apps, assign apps, create
 *   and modify OIDC apps, profile editor and mappings, "View users and groups", "View System Log".
 * - Organization administrators (administrators-org-admin.htm): "can't … Add, remove, and view administrators;
 *   Manage applications; Manage authorization servers; Manage profile mappings; Manage hooks; … Create OIDC apps".
 * - API Access Management admins (administrators-api-access-mgmt-admin.htm): create and delete authorization
 *   servers, scopes, claims, access policies and rules, rotate keys; and they can create and delete OIDC apps
 *   (Okta support, "Which Admin Roles Can Create and Delete Applications").
 *
 * Not recorded, so never reported: custom roles (their permissions are the org's), ACCESS_CERTIFICATIONS_ADMIN,
 * ACCESS_REQUESTS_ADMIN and WORKFLOWS_ADMIN beyond the admin-management row, and self-service scopes
 * (`*.self`), which act for a user, not as an admin.
 */
import type { StandardAdminRole } from "../schema/okta";

export type Coverage = "covered" | "not-covered" | "unknown";

interface RoleFacts {
  /** Scopes the role's page documents it can use. */
  readonly covers?: readonly string[];
  /** Scopes the role's page documents it cannot use, or a predicate for them. */
  readonly notCovered?: (scope: string) => boolean;
  /** The page the facts come from, for the message. */
  readonly source: string;
}

/** Managing or viewing other admins' roles: Super Admin only ("the only role that can assign administrator roles"). */
const ADMIN_ROLE_SCOPES = new Set(["okta.roles.read", "okta.roles.manage"]);
/** A user's own admin settings and API tokens: every admin may change their own. */
const OWN_SETTINGS = new Set(["okta.personal.adminSettings.read", "okta.personal.adminSettings.manage", "okta.apiTokens.read", "okta.apiTokens.manage"]);

const isManage = (scope: string) => scope.endsWith(".manage");

export const ROLE_FACTS: Readonly<Partial<Record<StandardAdminRole, RoleFacts>>> = {
  SUPER_ADMIN: { source: "Super admin role", covers: [] },
  ORG_ADMIN: {
    source: "Organization administrators",
    notCovered: (s) =>
      ADMIN_ROLE_SCOPES.has(s) || ["okta.apps.manage", "okta.authorizationServers.manage", "okta.profileMappings.manage", "okta.eventHooks.manage", "okta.inlineHooks.manage"].includes(s),
  },
  READ_ONLY_ADMIN: {
    source: "Read-only administrators",
    covers: ["okta.users.read", "okta.groups.read", "okta.apps.read", "okta.logs.read", "okta.authorizationServers.read", "okta.policies.read", "okta.devices.read"],
    notCovered: (s) => ADMIN_ROLE_SCOPES.has(s) || (isManage(s) && !OWN_SETTINGS.has(s)),
  },
  REPORT_ADMIN: {
    source: "Report administrators",
    covers: ["okta.logs.read"],
    notCovered: (s) => s !== "okta.logs.read" && !OWN_SETTINGS.has(s),
  },
  HELP_DESK_ADMIN: {
    source: "Help desk administrators",
    covers: ["okta.users.read", "okta.users.manage"],
    notCovered: (s) => ADMIN_ROLE_SCOPES.has(s) || ["okta.apps.manage", "okta.groups.manage", "okta.apiTokens.manage"].includes(s),
  },
  USER_ADMIN: {
    source: "Group administrators",
    covers: ["okta.users.read", "okta.users.manage", "okta.groups.read", "okta.groups.manage"],
    notCovered: (s) => ADMIN_ROLE_SCOPES.has(s) || s === "okta.apps.manage",
  },
  GROUP_MEMBERSHIP_ADMIN: {
    source: "Group membership admin role",
    covers: ["okta.users.read", "okta.groups.read", "okta.groups.manage"],
    // "can be combined with a role like group admin or help desk admin for broader user management permissions.
    // These combinations enable an admin to add, remove, and deactivate existing users, reset their passwords".
    notCovered: (s) => ADMIN_ROLE_SCOPES.has(s) || s === "okta.users.manage",
  },
  APP_ADMIN: {
    source: "Application administrators",
    covers: ["okta.apps.read", "okta.apps.manage", "okta.users.read", "okta.groups.read", "okta.logs.read", "okta.profileMappings.manage"],
    notCovered: (s) => ADMIN_ROLE_SCOPES.has(s),
  },
  API_ACCESS_MANAGEMENT_ADMIN: {
    source: "API Access Management admins",
    covers: ["okta.authorizationServers.read", "okta.authorizationServers.manage", "okta.apps.read", "okta.apps.manage"],
    notCovered: (s) => ADMIN_ROLE_SCOPES.has(s),
  },
  ACCESS_CERTIFICATIONS_ADMIN: { source: "Standard administrator roles and permissions", notCovered: (s) => ADMIN_ROLE_SCOPES.has(s) },
  ACCESS_REQUESTS_ADMIN: { source: "Standard administrator roles and permissions", notCovered: (s) => ADMIN_ROLE_SCOPES.has(s) },
  WORKFLOWS_ADMIN: { source: "Super admin role (the only role that can assign administrator roles)", notCovered: (s) => ADMIN_ROLE_SCOPES.has(s) },
};

/** What Okta documents about `role` and `scope`. SUPER_ADMIN covers everything; custom roles and self-service scopes are unknown. */
export function roleCoverage(role: unknown, scope: string): Coverage {
  if (scope.endsWith(".self") || !scope.startsWith("okta.")) return "unknown";
  if (role === "SUPER_ADMIN") return "covered";
  if (typeof role !== "string" || !Object.hasOwn(ROLE_FACTS, role)) return "unknown";
  const facts = ROLE_FACTS[role as StandardAdminRole]!;
  if (facts.covers?.includes(scope)) return "covered";
  if (facts.notCovered?.(scope)) return "not-covered";
  return "unknown";
}

/** The scopes of `scopes` that every role of `roles` is documented not to permit (none when `roles` is empty: OKTA_SERVICE_NO_ADMIN_ROLE says that). */
export function uncoveredScopes(scopes: readonly string[], roles: readonly unknown[]): string[] {
  if (roles.length === 0) return [];
  return scopes.filter((s) => roles.every((r) => roleCoverage(r, s) === "not-covered"));
}

/** The standard roles Okta documents as permitting `scope`, for the fix: narrowest first (the table's order), SUPER_ADMIN last. */
export function rolesCovering(scope: string): StandardAdminRole[] {
  const roles = (Object.keys(ROLE_FACTS) as StandardAdminRole[]).filter((r) => r !== "SUPER_ADMIN" && ROLE_FACTS[r]!.covers?.includes(scope));
  const narrowFirst = ["REPORT_ADMIN", "READ_ONLY_ADMIN", "HELP_DESK_ADMIN", "GROUP_MEMBERSHIP_ADMIN", "USER_ADMIN", "APP_ADMIN", "API_ACCESS_MANAGEMENT_ADMIN", "ORG_ADMIN"];
  return [...roles.sort((a, b) => narrowFirst.indexOf(a) - narrowFirst.indexOf(b)), "SUPER_ADMIN"];
}
