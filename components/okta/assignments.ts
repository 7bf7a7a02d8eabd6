import * as okta from "@pulumi/okta";
import type * as pulumi from "@pulumi/pulumi";
import { groupAssignmentName } from "../../config/names";

/** A group to assign: what the stack file names it (`Everyone` for `assignTo: everyone`) and its looked-up id. */
export interface GroupToAssign {
  /** The name in the stack file; resource names derive from it (stable, so they must not depend on order). */
  readonly name: string;
  /** The slug for the resource name, unique among this app's groups. */
  readonly slug: string;
  readonly id: pulumi.Input<string>;
}

/**
 * One `okta.app.GroupAssignment` per group, never the set resource `okta.AppGroupAssignments`: the set resource's
 * Create ends with a Read whose `syncGroups` copies every group already assigned to the app into state, and the
 * next update deletes the ones the config does not list (terraform-provider-okta v6.12
 * okta/services/idaas/resource_okta_app_group_assignments.go). The per-group resource's Create is an idempotent
 * PUT of that one group and its Read tracks only that group (resource_okta_app_group_assignment.go), so an
 * adopted app keeps the assignments the stack file does not mention, and removing a group from the stack file
 * removes exactly that assignment. No resource at all when nothing is assigned.
 */
export function assignGroups(
  name: string,
  app: okta.app.OAuth,
  groups: readonly GroupToAssign[],
  opts: pulumi.CustomResourceOptions,
): okta.app.GroupAssignment[] {
  // A loop, not `map`: the SDK reads the whole call stack of each resource, and a callback adds two frames.
  const assignments: okta.app.GroupAssignment[] = [];
  for (const group of groups) assignments.push(new okta.app.GroupAssignment(groupAssignmentName(name, group.slug), { appId: app.id, groupId: group.id }, opts));
  return assignments;
}
