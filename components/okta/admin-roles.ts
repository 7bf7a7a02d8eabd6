/**
 * Admin roles for an OAuth client: each standard role type has its own resource in @pulumi/okta 7, whose
 * `type` input must equal the role's constant; custom roles bind a role to a resource set. Their names come from
 * config/names.ts `adminRoleSlugs`, which the loader also uses to refuse names two apps would share.
 */
import * as okta from "@pulumi/okta";
import type * as pulumi from "@pulumi/pulumi";
import { adminRoleName, adminRoleSlugs } from "../../config/names";
import type { AdminRoleSpec } from "../../config/model";
import type { StandardAdminRole } from "../../config/schema/okta";

type RoleArgs = { clientId: pulumi.Input<string>; type: pulumi.Input<string> };
type RoleClass = new (name: string, args: RoleArgs, opts?: pulumi.CustomResourceOptions) => pulumi.CustomResource;

export const ROLE_RESOURCES: Record<StandardAdminRole, RoleClass> = {
  READ_ONLY_ADMIN: okta.Oauth2V1ClientsRoleReadOnlyAdmin,
  USER_ADMIN: okta.Oauth2V1ClientsRoleUserAdmin,
  GROUP_MEMBERSHIP_ADMIN: okta.Oauth2V1ClientsRoleGroupMembershipAdmin,
  HELP_DESK_ADMIN: okta.Oauth2V1ClientsRoleHelpDeskAdmin,
  APP_ADMIN: okta.Oauth2V1ClientsRoleAppAdmin,
  REPORT_ADMIN: okta.Oauth2V1ClientsRoleReportAdmin,
  API_ACCESS_MANAGEMENT_ADMIN: okta.Oauth2V1ClientsRoleApiAccessManagementAdmin,
  ORG_ADMIN: okta.Oauth2V1ClientsRoleOrgAdmin,
  SUPER_ADMIN: okta.Oauth2V1ClientsRoleSuperAdmin,
  ACCESS_CERTIFICATIONS_ADMIN: okta.Oauth2V1ClientsRoleAccessCertificationsAdmin,
  ACCESS_REQUESTS_ADMIN: okta.Oauth2V1ClientsRoleAccessRequestsAdmin,
  WORKFLOWS_ADMIN: okta.Oauth2V1ClientsRoleWorkflowsAdmin,
};

export function assignAdminRoles(name: string, clientId: pulumi.Input<string>, roles: readonly AdminRoleSpec[], opts: pulumi.CustomResourceOptions): pulumi.CustomResource[] {
  const slugs = adminRoleSlugs(roles);
  // A loop, not `map`: the SDK reads the whole call stack of each resource, and a callback adds two frames.
  const assigned: pulumi.CustomResource[] = [];
  for (const [i, role] of roles.entries()) {
    const resourceName = adminRoleName(name, slugs[i]!);
    if (role.kind === "custom") {
      assigned.push(new okta.Oauth2V1ClientsRoleCustom(resourceName, { clientId, type: "CUSTOM", role: role.role, resourceSet: role.resourceSet }, opts));
      continue;
    }
    const Role = ROLE_RESOURCES[role.type as StandardAdminRole];
    assigned.push(new Role(resourceName, { clientId, type: role.type }, opts));
  }
  return assigned;
}
