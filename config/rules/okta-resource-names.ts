/**
 * Resource names that two Okta apps would share. An app's group assignments are `<app>-group-<group slug>` and
 * its admin roles `<app>-role-<role slug>` (config/names.ts, the same functions the components name them
 * with), and app names may contain `-group-` or `-role-`: the app `a` assigned to the group "b-group-c" and the
 * app `a-group-b` assigned to "c" both name an assignment `a-group-b-group-c`. The engine refuses a second
 * resource with one URN, and its URN has the parents' types, not their names: two web apps' assignments
 * collide, a web and a browser app's do not. Under `pulumi up` the engine only finds out at the second
 * registration, when the resources registered before it may already have been created: hence a loader error,
 * before anything is.
 */
import type { Diagnostics } from "../diagnostics";
import type { AdminRoleSpec, Assignment } from "../model";
import { adminRoleName, adminRoleSlugs, EVERYONE_SLUG, groupAssignmentName, groupSlugs } from "../names";
import { keyPath, type PathSegment } from "../paths";
import { OKTA_ROOT } from "../sections";
import { show } from "../show";
import { defineRules } from "./rule";
import { docSection } from "./sources";

export const OKTA_RESOURCE_NAME_RULES = defineRules({
  OKTA_RESOURCE_NAME_COLLISION: {
    severity: "error",
    summary: "Group assignments or admin roles of two Okta apps would get the same resource name.",
    rationale:
      "An assignment is named `<app>-group-<group>` and a role `<app>-role-<role>`, and app names may contain `-group-` or `-role-`, so two apps of one kind can name one each alike. The engine refuses a second resource with one URN (stack, project, parent type chain, type and name); under `pulumi up` it finds out only at the second one, after what was registered before it may already have been created in the org.",
    source: `Pulumi engine, github.com/pulumi/pulumi pkg/resource/deploy/step_generator.go \`generateURN\`: "Duplicate resource URN '<urn>'; try giving it a unique name" (error 2001, pkg/diag/errors.go \`GetDuplicateResourceURNError\`); resource names: ${docSection("What gets created")}`,
    fix: "Rename the app that is not in the org yet. An app that exists keeps its name: renaming it replaces it, and its client id with it.",
  },
});

/** What the check reads of an app: its name and kind, and whom it is assigned to or which roles it holds. */
export type NamedApp =
  | { readonly kind: "web" | "browser" | "native"; readonly name: string; readonly assignTo: Assignment }
  | { readonly kind: "service"; readonly name: string; readonly adminRoles: readonly AdminRoleSpec[] };

/** One child resource with a name built from free text, and where the stack file asks for it. */
interface NamedChild {
  readonly app: string;
  /** What the name is for, as the message says it (`the group assignment for "QA"`); built only for a message. */
  readonly what: () => string;
  readonly at: readonly PathSegment[];
}

/**
 * Every group assignment and admin role of the apps, by the URN-relevant part of its identity (its parent's
 * kind, its own resource type, its name); reported on each but the first by key path, naming the first.
 * `apps` are the well-formed apps, recipes' apps included (their diagnostics are moved onto the recipe instance
 * afterwards).
 */
export function checkOktaResourceNames(apps: readonly NamedApp[], diags: Diagnostics): void {
  const byIdentity = new Map<string, NamedChild[]>();
  for (const app of apps) {
    if (app.kind === "service") {
      const slugs = adminRoleSlugs(app.adminRoles);
      for (const [i, role] of app.adminRoles.entries()) {
        // Each standard role has its own resource type; custom roles share one.
        const type = role.kind === "standard" ? role.type : "custom";
        const what = () => (role.kind === "standard" ? `the admin role ${role.type}` : `the custom admin role ${show(role.role)} on ${show(role.resourceSet)}`);
        childOf(byIdentity, `service role ${type} ${adminRoleName(app.name, slugs[i]!)}`, { app: app.name, what, at: ["apps", app.name, "adminRoles"] });
      }
      continue;
    }
    const assign = app.assignTo;
    if (assign.kind === "everyone") {
      childOf(byIdentity, `${app.kind} group ${groupAssignmentName(app.name, EVERYONE_SLUG)}`, { app: app.name, what: () => "the assignment to Everyone", at: ["apps", app.name, "assignTo"] });
    } else if (assign.kind === "groups") {
      const slugs = groupSlugs(assign.groups);
      for (const [i, group] of assign.groups.entries()) {
        childOf(byIdentity, `${app.kind} group ${groupAssignmentName(app.name, slugs[i]!)}`, { app: app.name, what: () => `the group assignment for ${show(group)}`, at: ["apps", app.name, "assignTo"] });
      }
    }
  }
  for (const [identity, children] of byIdentity) {
    if (children.length < 2 || children.every((c) => c.app === children[0]!.app)) continue; // one app's own names are unique (config/names.ts)
    const name = identity.slice(identity.lastIndexOf(" ") + 1);
    const placed = children.map((c) => ({ ...c, path: keyPath(OKTA_ROOT, c.at) })).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    const first = placed[0]!;
    for (const child of placed.slice(1)) {
      if (child.app === first.app) continue;
      diags.report(
        OKTA_RESOURCE_NAME_RULES.OKTA_RESOURCE_NAME_COLLISION,
        child.path,
        `${child.what()} of the app ${show(child.app)} would be the resource ${show(name)}, like ${first.what()} of the app ${show(first.app)} (${first.path}); Pulumi refuses two resources with one name.`,
      );
    }
  }
}

function childOf(byIdentity: Map<string, NamedChild[]>, identity: string, child: NamedChild): void {
  const list = byIdentity.get(identity);
  if (list) list.push(child);
  else byIdentity.set(identity, [child]);
}
