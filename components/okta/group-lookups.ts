/**
 * Org-level group lookups for assignments, each made once per stack however many apps use it, and checked:
 * `okta.group.getGroup` searches by prefix (`q=<name>`) and, when exactly one group comes back, accepts it even
 * if its name is not the one asked for, with only a log line (terraform-provider-okta v6.12
 * okta/services/idaas/data_source_okta_group.go, `findGroup`: "keep old behavior that a fuzzy match is
 * acceptable"). `assignTo: { groups: [QA] }` could then assign "QA Contractors". The run fails instead.
 */
import * as okta from "@pulumi/okta";
import * as pulumi from "@pulumi/pulumi";
import type { Assignment, OktaAppSpec } from "../../config/model";
import { EVERYONE_SLUG, groupSlugs } from "../../config/names";
import type { GroupToAssign } from "./assignments";

/**
 * The group id when the lookup found the group of exactly this name; the run's error otherwise, naming every app
 * that assigns the group (each spells the name itself, so each needs the correction).
 */
export function exactGroupId(apps: readonly string[], requested: string, found: { readonly id: string; readonly name?: string | undefined }): string {
  // Under the mock runtime (the offline plan) the name is unknown: nothing to compare.
  if (found.name !== undefined && found.name !== requested) {
    throw new pulumi.RunError(
      `${appsLabel(apps)}: assignTo.groups names the group ${JSON.stringify(requested)}, but Okta's group search (a prefix match) found only ${JSON.stringify(found.name)}; no group is named exactly ${JSON.stringify(requested)}, so nothing was assigned. Correct the group name in the stack file (names are case-sensitive), or create the group.`,
    );
  }
  return found.id;
}

/** At most this many app names in the message; a longer list ends with how many more. */
const NAMED_APPS = 5;

function appsLabel(apps: readonly string[]): string {
  if (apps.length === 1) return `okta app ${apps[0]!}`;
  const named = apps.slice(0, NAMED_APPS);
  const more = apps.length - named.length;
  return `okta apps ${named.join(", ")}${more > 0 ? ` and ${more} more` : ""}`;
}

/** Each group name an app assigns, with every app of the stack that assigns it, in the stack's order. */
export function groupAssigners(apps: readonly OktaAppSpec[]): ReadonlyMap<string, readonly string[]> {
  const byGroup = new Map<string, string[]>();
  for (const app of apps) {
    if (app.kind === "service" || app.assignTo.kind !== "groups") continue;
    for (const group of new Set(app.assignTo.groups)) {
      const list = byGroup.get(group);
      if (list) list.push(app.name);
      else byGroup.set(group, [app.name]);
    }
  }
  return byGroup;
}

/** The program's lookups: through the stack's Okta provider; `assigners` (groupAssigners) names the apps in errors. */
export function groupLookups(provider: okta.Provider, assigners?: ReadonlyMap<string, readonly string[]>) {
  return groupLookupsWith({ provider }, assigners);
}

/**
 * Lookups through `opts`: the program's provider, or a library component as `parent` (the lookup then uses the
 * Okta provider the component was given, or the default provider, as the component's children do).
 */
export function groupLookupsWith(opts: pulumi.InvokeOutputOptions, assigners?: ReadonlyMap<string, readonly string[]>) {
  let everyone: pulumi.Output<string> | undefined;
  // One lookup and one check per group name, shared by every app that assigns it (a thousand apps sharing five
  // groups make five Outputs here, not a thousand: issue 19). Its error names every app of the stack that
  // assigns the group (`assigners`), or, without them (a library component's own lookups), the app that asked.
  const byName = new Map<string, pulumi.Output<string>>();
  const everyoneId = () => (everyone ??= okta.group.getEveryoneGroupOutput({}, opts).id);
  const checkedId = (app: string, name: string) => {
    let id = byName.get(name);
    if (!id) {
      const apps = assigners?.get(name) ?? [app];
      id = okta.group.getGroupOutput({ name }, opts).apply((found) => exactGroupId(apps, name, found));
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
