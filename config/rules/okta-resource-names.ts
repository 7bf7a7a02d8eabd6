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
import { adminRoleName, adminRoleSlugs, crossAppCollisions, EVERYONE_SLUG, groupAssignmentName, groupSlugs } from "../names";
import { keyPath } from "../paths";
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

/** A group assignment or an admin role, with what the message calls it (built only for a collision). */
interface NamedChild {
  readonly app: string;
  readonly name: string;
  readonly path: string;
  /** The part of its URN besides the name that can differ: its parent's kind and its own resource type. */
  readonly kind: string;
  readonly what: () => string;
}

/**
 * Every group assignment and admin role of the apps, by what makes two of them one URN (their parents' kind,
 * their resource type, their name); reported on each but the first by key path, naming the first. `apps` are
 * the well-formed apps, recipes' apps included (their diagnostics are moved onto the recipe instance afterwards).
 */
export function checkOktaResourceNames(apps: readonly NamedApp[], diags: Diagnostics): void {
  const children: NamedChild[] = [];
  for (const app of apps) {
    if (app.kind === "service") {
      const slugs = adminRoleSlugs(app.adminRoles);
      const path = keyPath(OKTA_ROOT, ["apps", app.name, "adminRoles"]);
      for (const [i, role] of app.adminRoles.entries()) {
        // Each standard role has its own resource type; custom roles share one.
        const kind = `service role ${role.kind === "standard" ? role.type : "custom"}`;
        const what = () => (role.kind === "standard" ? `the admin role ${role.type}` : `the custom admin role ${show(role.role)} on ${show(role.resourceSet)}`);
        children.push({ app: app.name, name: adminRoleName(app.name, slugs[i]!), path, kind, what });
      }
      continue;
    }
    const assign = app.assignTo;
    const path = keyPath(OKTA_ROOT, ["apps", app.name, "assignTo"]);
    const kind = `${app.kind} group`;
    if (assign.kind === "everyone") {
      children.push({ app: app.name, name: groupAssignmentName(app.name, EVERYONE_SLUG), path, kind, what: () => "the assignment to Everyone" });
    } else if (assign.kind === "groups") {
      const slugs = groupSlugs(assign.groups);
      for (const [i, group] of assign.groups.entries()) {
        children.push({ app: app.name, name: groupAssignmentName(app.name, slugs[i]!), path, kind, what: () => `the group assignment for ${show(group)}` });
      }
    }
  }
  for (const { first, later } of crossAppCollisions(children, (c) => `${c.kind} ${c.name}`)) {
    diags.report(
      OKTA_RESOURCE_NAME_RULES.OKTA_RESOURCE_NAME_COLLISION,
      later.path,
      `${later.what()} of the app ${show(later.app)} would be the resource ${show(later.name)}, like ${first.what()} of the app ${show(first.app)} (${first.path}); Pulumi refuses two resources with one name.`,
    );
  }
}
