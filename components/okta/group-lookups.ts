/**
 * Org-level group lookups for assignments, each made once per stack however many apps use it, and checked:
 * `okta.group.getGroup` searches by prefix (`q=<name>`) and, when exactly one group comes back, accepts it even
 * if its name is not the one asked for, with only a log line (terraform-provider-okta v6.12
 * okta/services/idaas/data_source_okta_group.go, `findGroup`: "keep old behavior that a fuzzy match is
 * acceptable"). `assignTo: { groups: [QA] }` could then assign "QA Contractors". The run fails instead.
 */
import * as okta from "@pulumi/okta";
import * as pulumi from "@pulumi/pulumi";
import type { Assignment } from "../../config/model";
import { EVERYONE_SLUG, groupSlugs } from "../../config/names";
import type { GroupToAssign } from "./assignments";

/** The group id when the lookup found the group of exactly this name; the run's error otherwise (`app`: the first app that assigns it). */
export function exactGroupId(app: string, requested: string, found: { readonly id: string; readonly name?: string | undefined }): string {
  // Under the mock runtime (the offline plan) the name is unknown: nothing to compare.
  if (found.name !== undefined && found.name !== requested) {
    throw new pulumi.RunError(
      `okta app ${app}: assignTo.groups names the group ${JSON.stringify(requested)}, but Okta's group search (a prefix match) found only ${JSON.stringify(found.name)}; no group is named exactly ${JSON.stringify(requested)}, so nothing was assigned, to this app or to any other app of the stack that assigns it. Correct the group name in the stack file (names are case-sensitive), or create the group.`,
    );
  }
  return found.id;
}

/** The program's lookups: through the stack's Okta provider. */
export function groupLookups(provider: okta.Provider) {
  return groupLookupsWith({ provider });
}

/**
 * Lookups through `opts`: the program's provider, or a library component as `parent` (the lookup then uses the
 * Okta provider the component was given, or the default provider, as the component's children do).
 */
export function groupLookupsWith(opts: pulumi.InvokeOutputOptions) {
  let everyone: pulumi.Output<string> | undefined;
  // One lookup and one check per group name, shared by every app that assigns it (a thousand apps sharing five
  // groups make five Outputs here, not a thousand: issue 19). The check names the first app that asked.
  const byName = new Map<string, pulumi.Output<string>>();
  const everyoneId = () => (everyone ??= okta.group.getEveryoneGroupOutput({}, opts).id);
  const checkedId = (app: string, name: string) => {
    let id = byName.get(name);
    if (!id) {
      id = okta.group.getGroupOutput({ name }, opts).apply((found) => exactGroupId(app, name, found));
      byName.set(name, id);
    }
    return id;
  };
  return {
    /** The groups to assign to `app`, in the stack file's order. */
    groupsFor(app: string, assignment: Assignment): GroupToAssign[] {
      switch (assignment.kind) {
        case "none":
          return [];
        case "everyone":
          return [{ name: "Everyone", slug: EVERYONE_SLUG, id: everyoneId() }];
        case "groups": {
          const slugs = groupSlugs(assignment.groups);
          return assignment.groups.map((name, i) => ({ name, slug: slugs[i]!, id: checkedId(app, name) }));
        }
      }
    },
  };
}
