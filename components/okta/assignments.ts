import * as okta from "@pulumi/okta";
import type * as pulumi from "@pulumi/pulumi";

/**
 * One `okta.AppGroupAssignments` per app holding every group: two of them on one app would overwrite each
 * other on every apply. No resource at all when nothing is assigned (the count is decided from plain config).
 */
export function assignGroups(
  name: string,
  app: okta.app.OAuth,
  groupIds: readonly pulumi.Input<string>[],
  opts: pulumi.CustomResourceOptions,
): okta.AppGroupAssignments | undefined {
  if (groupIds.length === 0) return undefined;
  return new okta.AppGroupAssignments(
    `${name}-assignments`,
    // `profile` is required by the SDK's types; "{}" is the empty app profile.
    { appId: app.id, groups: groupIds.map((id) => ({ id, profile: "{}" })) },
    opts,
  );
}
