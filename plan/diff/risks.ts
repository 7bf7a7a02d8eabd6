/**
 * Risk notes: the changes a reviewer of identity configuration must not miss, each raised from evidence in
 * the two plans (never from secret values, which the plans do not hold). A resource the head adds is compared
 * with what it replaces (for a rename) or with nothing, so a new app that is assigned to Everyone or granted a
 * super-admin role is flagged like an old one that gains it. Besides resource inputs, the evidence includes the
 * providers' settings (`retarget`), what leaves the stack (`revoke`), the lookups (group names as the stack file
 * writes them) and the stack outputs (which signing key is active: plan/diff/key-risks.ts).
 */
import type { PlanInvoke, PlanResource } from "../run";
import { nameHash } from "../../config/names";
import { slug } from "../../config/paths";
import { UNKNOWN } from "../values";
import { resourceId, type Comparison, type Rotation } from "./compare";
import { keyRisks } from "./key-risks";
import { APP_TYPES, SECRET_SOURCE_TYPES } from "./replace-table";
import { RISK_KINDS, type Risk, type RiskKind } from "./types";
import { inline, isPlainObject, stringArray } from "./values";

const OKTA_APP = "okta:app/oAuth:OAuth";
const AUTH0_CLIENT = "auth0:index/client:Client";
const OKTA_SCOPE_GRANT = "okta:index/appOauthApiScope:AppOauthApiScope";
const AUTH0_GRANT = "auth0:index/clientGrant:ClientGrant";
const ASSIGNMENTS = "okta:index/appGroupAssignments:AppGroupAssignments";
const GROUP_ASSIGNMENT = "okta:app/groupAssignment:GroupAssignment";
const ORIGIN = "okta:trustedorigin/origin:Origin";
const ROLE_PREFIX = "okta:index/oauth2V1ClientsRole";
const EVERYONE_LOOKUP = "okta:group/getEveryoneGroup:getEveryoneGroup";
const GROUP_LOOKUP = "okta:group/getGroup:getGroup";
const OKTA_PROVIDER = "pulumi:providers:okta";
const AUTH0_PROVIDER = "pulumi:providers:auth0";
const KEY = "tls:index/privateKey:PrivateKey";

/**
 * What a trusted origin's scope lets the origin do (Okta Trusted Origins API,
 * https://developer.okta.com/docs/api/openapi/okta-management/management/tags/trustedorigin: redirects during
 * sign-in, sign-out and recovery are checked against the REDIRECT origins, browser JavaScript may call Okta APIs
 * from CORS origins, and IFRAME_EMBED origins may embed Okta pages such as the sign-in page in an iframe).
 */
const ORIGIN_SCOPES: Readonly<Record<string, { readonly gains: string; readonly loses: string }>> = {
  CORS: { gains: "browser code served from it may call Okta APIs (CORS)", loses: "browser code served from it can no longer call Okta APIs (CORS)" },
  REDIRECT: { gains: "Okta may send users to it after sign-in, sign-out and recovery", loses: "Okta no longer sends users to it after sign-in, sign-out or recovery" },
  IFRAME_EMBED: { gains: "its pages may embed Okta pages (the sign-in page, the dashboard) in an iframe", loses: "its pages can no longer embed Okta pages in an iframe" },
};

/** Properties whose new entries are places the org will send users (and codes, tokens or sessions) to. */
export const REDIRECT_PROPERTIES: Readonly<Record<string, readonly string[]>> = {
  [OKTA_APP]: ["redirectUris", "postLogoutRedirectUris"],
  [AUTH0_CLIENT]: ["callbacks", "allowedLogoutUrls", "webOrigins"],
};

const WHOLE_ORG_ROLES = new Set(["SUPER_ADMIN", "ORG_ADMIN"]);

export function risksOf(c: Comparison): Risk[] {
  const risks: Risk[] = [];
  const add = (kind: RiskKind, r: PlanResource | string, detail: string) => risks.push({ kind, resource: typeof r === "string" ? r : resourceId(r), detail });
  /** What an added resource is compared with: its predecessor under the old name, or nothing. */
  const pairs: { before: PlanResource | undefined; after: PlanResource }[] = [
    ...c.matched.map((m) => ({ before: m.before as PlanResource | undefined, after: m.after })),
    ...c.added.map((r) => ({ before: c.counterpart.get(r), after: r })),
  ];

  // retarget: the org or tenant a provider manages changes (its settings are the provider resource's inputs).
  for (const m of c.matched) {
    const detail = retargetDetail(c, m.before, m.after);
    if (detail) add("retarget", m.after, detail);
  }

  // replace
  for (const m of c.matched) {
    if (m.reasons.length === 0 || SECRET_SOURCE_TYPES.has(m.after.type)) continue;
    const why = m.reasons.map((r) => `\`${r.path}\` ${inline(r.before)} → ${inline(r.after)}`).join("; ");
    const consequences = [...new Set(m.reasons.map((r) => r.entry.consequence))].join("; ");
    add("replace", m.after, `replaced (deleted and created again) because ${why}: ${consequences}.${protectedNote(m.before, "replace")}`);
  }

  // delete
  for (const r of c.removed) {
    if (!APP_TYPES.has(r.type)) continue;
    // The engine refuses to delete a protected resource before it looks at retainOnDelete (pulumi/pulumi
    // pkg/resource/deploy/step.go, DeleteStep.Apply), in preview too.
    const fate = r.protect
      ? "it is protected, so `pulumi preview` and `pulumi up` fail (\"cannot be deleted because it is protected\") until `pulumi state unprotect '<urn>'`; after that, `pulumi up` drops it from the stack and, retained on delete, it stays in the org, unmanaged, its client id working until someone deletes it"
      : r.retainOnDelete
        ? "it is retained on delete: it leaves the stack but stays in the org, unmanaged, and its client id keeps working until someone deletes it"
        : "`pulumi up` deletes it from the org and its client id stops working for every consumer";
    const successor = c.renamedTo.get(r);
    const rename = !successor
      ? ""
      : successor.name === r.name
        ? ` It is added again under ${successor.parent ?? "the stack"} (its kind changed): that is a new app with a new client id (and secret).`
        : ` \`${successor.name}\` is added in the same change: if this is a rename, note that a logical-name change creates a new app with a new client id (and secret); keep the old name to keep the client id.`;
    add("delete", r, `removed from the stack: ${fate}.${rename}`);
  }

  // revoke: a privilege that leaves the stack (or shrinks) leaves the org; say what goes.
  for (const r of revokes(c)) add("revoke", r.resource, r.detail);

  // protection-removed
  for (const m of c.matched) {
    const lost: string[] = [];
    if (m.before.protect && !m.after.protect) lost.push("`protect`: `pulumi up` and `pulumi destroy` may now delete or replace it");
    if (m.before.retainOnDelete && !m.after.retainOnDelete) lost.push("`retainOnDelete`: removing it from the stack file now deletes it from the org");
    if (lost.length > 0) add("protection-removed", m.after, `loses ${lost.join("; and ")}.`);
  }

  // secret-rotated. Key changes of an app that stays are told once per app from the outputs (which key was
  // added, removed, made active); a key generated again under its kid is still told from its resource.
  const keys = keyRisks(c);
  for (const rot of c.rotations) {
    if (rot.source.type === KEY && rot.how !== "replaced" && rot.source.parent !== null && keys.covered.has(rot.source.parent)) continue;
    add("secret-rotated", rot.source, rotationDetail(rot));
  }
  for (const k of keys.risks) add("secret-rotated", k.resource, k.detail);
  for (const m of c.matched) {
    if (m.after.parent !== null && keys.covered.has(m.after.parent)) continue;
    const change = keyChange(m.before, m.after);
    if (change) add("secret-rotated", m.after, change);
  }

  // role-added
  for (const r of c.added) {
    if (!r.type.startsWith(ROLE_PREFIX)) continue;
    const role = roleOf(r);
    const previous = c.counterpart.get(r);
    if (previous && roleOf(previous) === role) continue;
    const owner = r.parent ?? "the stack";
    add("role-added", r, `${owner} gets the Okta admin role ${role}${WHOLE_ORG_ROLES.has(role) ? ": it controls the whole org" : ""}.`);
  }

  // scope-widened
  for (const { before, after } of pairs) {
    if (after.type !== OKTA_SCOPE_GRANT && after.type !== AUTH0_GRANT) continue;
    const was = stringArray(field(before, "scopes"));
    const now = stringArray(field(after, "scopes"));
    const gained = now.filter((s) => !was.includes(s));
    if (gained.length === 0) continue;
    const what = after.type === OKTA_SCOPE_GRANT ? "Okta API scopes" : `scopes for ${inline(field(after, "audience"))}`;
    const described = gained.map((s) => {
      const read = s.endsWith(".manage") ? `${s.slice(0, -".manage".length)}.read` : undefined;
      return read && was.includes(read) ? `${s} (was ${read})` : s;
    });
    add("scope-widened", after, `${before ? "newly grants" : "grants"} ${what}: ${described.join(", ")}.`);
  }

  // assignment-widened
  for (const { before, after } of pairs) {
    if (after.type !== ASSIGNMENTS) continue;
    const was = Array.isArray(field(before, "groups")) ? (field(before, "groups") as unknown[]).length : 0;
    const now = Array.isArray(field(after, "groups")) ? (field(after, "groups") as unknown[]).length : 0;
    if (now > was) {
      add("assignment-widened", after, `${after.parent ?? "the app"} is assigned to ${now} group${now === 1 ? "" : "s"} (was ${was}); group ids are known only in the org, see the lookups for which groups.`);
    }
  }
  // One resource per group (named `<app>-group-<group slug>`, components/okta/assignments.ts): a new one is a
  // new group on the app, whatever other apps already use (so `{ groups: [X] }` → `everyone` shows even when
  // another app is assigned to Everyone). The group is named as the stack file writes it, from the lookups.
  const explained = new Set<string>();
  for (const { before, after } of pairs) {
    if (after.type !== GROUP_ASSIGNMENT || before) continue;
    const group = assignedGroup(after, c.head.invokes);
    explained.add(group.lookup);
    const app = nameOf(after.parent);
    const set = c.removed.find((r) => r.type === ASSIGNMENTS && r.parent === after.parent);
    const was = set ? ` (\`${app}\` had the set resource \`${set.name}\`, removed in this change: if it already held this group, nothing widens)` : "";
    const replaced = isEveryone(after, c.head.invokes) ? c.removed.filter((r) => r.type === GROUP_ASSIGNMENT && r.parent === after.parent).map((r) => assignedGroup(r, c.base.invokes).who) : [];
    const instead = replaced.length > 0 ? `, instead of ${replaced.join(", ")}` : "";
    add("assignment-widened", after, `${after.parent ?? "the app"} is newly assigned to ${group.who}${instead}${was}.`);
  }
  for (const i of c.lookupsAdded) {
    if (explained.has(lookupKey(i))) continue;
    if (i.token === EVERYONE_LOOKUP) {
      add("assignment-widened", lookupId(i), "the stack now looks up the Everyone group: an app is newly assigned to Everyone (every user in the org). The plan cannot tell which app (group ids are known only in the org): look for `assignTo: everyone` in the stack file.");
    } else if (i.token === GROUP_LOOKUP) {
      add("assignment-widened", lookupId(i), `the stack now looks up the group ${inline(isPlainObject(i.args) ? i.args["name"] : i.args)}: an app is newly assigned to it.`);
    }
  }

  // redirect-added
  for (const { before, after } of pairs) {
    const found: string[] = [];
    for (const prop of REDIRECT_PROPERTIES[after.type] ?? []) {
      const was = stringArray(field(before, prop));
      const gained = stringArray(field(after, prop)).filter((u) => !was.includes(u));
      if (gained.length > 0) found.push(`\`${prop}\` + ${gained.join(", ")}`);
    }
    if (after.type === OKTA_APP) {
      const was = field(before, "wildcardRedirect") ?? "DISABLED";
      const now = field(after, "wildcardRedirect") ?? "DISABLED";
      if (now !== "DISABLED" && now !== was) found.push(`wildcard redirect matching ${inline(was)} → ${inline(now)}`);
    }
    if (after.type === ORIGIN) {
      // Each gained scope by its own name: IFRAME_EMBED is not REDIRECT.
      const was = originScopes(before);
      for (const scope of originScopes(after).filter((x) => !was.includes(x) && x !== "CORS")) {
        found.push(`trusted origin ${inline(field(after, "origin"))} with the ${scope} scope (${ORIGIN_SCOPES[scope]?.gains ?? "an Okta trusted-origin scope"})`);
      }
    }
    if (found.length > 0) add("redirect-added", after, `${before ? "new" : "a new resource with"} targets the org will send users to or be embedded by: ${found.join("; ")}. Check that every one belongs to us.`);
  }

  const order = (k: RiskKind) => RISK_KINDS.indexOf(k);
  return risks.map((r, i) => ({ r, i })).sort((a, b) => order(a.r.kind) - order(b.r.kind) || a.i - b.i).map(({ r }) => r);
}

export function lookupId(i: PlanInvoke): string {
  return `lookup ${i.token} ${JSON.stringify(i.args)}`;
}

function field(r: PlanResource | undefined, key: string): unknown {
  return r && isPlainObject(r.inputs) ? r.inputs[key] : undefined;
}

function roleOf(r: PlanResource): string {
  const type = inline(field(r, "type"));
  return type === "CUSTOM" ? `CUSTOM (role ${inline(field(r, "role"))} on resource set ${inline(field(r, "resourceSet"))})` : type;
}

function protectedNote(r: PlanResource, what: "replace" | "delete"): string {
  return r.protect ? ` It is protected: \`pulumi up\` refuses to ${what} it until \`pulumi state unprotect\`.` : "";
}

function rotationDetail(rot: Rotation): string {
  const isKey = rot.source.type === "tls:index/privateKey:PrivateKey";
  const owner = rot.source.parent ?? "the stack";
  const users = rot.users.length > 0 ? `, set on ${rot.users.join(", ")}` : "";
  const guard = rot.protectedBefore ? ` It is protected: \`pulumi up\` refuses to ${rot.how === "removed" ? "delete" : "replace"} it until \`pulumi state unprotect\`.` : "";
  const why = rot.reasons.map((r) => `\`${r.path}\` ${inline(r.before)} → ${inline(r.after)}`).join("; ");
  if (isKey) {
    switch (rot.how) {
      case "replaced":
        return `the signing key of ${owner} is generated again because ${why}: clients signing with the old key are refused once the app's keys are updated; roll the new private key out right after the apply.${guard}`;
      case "added":
        return `a new signing key is generated for ${owner}: its public half is registered with the app, so the org accepts it after the apply; whether clients are told to sign with it now depends on \`active\` (the app's \`activeKeyId\` output).`;
      case "removed":
        return `a signing key of ${owner} is deleted: clients still signing with it are refused after the apply.${guard}`;
    }
  }
  switch (rot.how) {
    case "replaced":
      return `the client secret of ${owner} is generated again because ${why}${users}: the old secret stops working at once; deploy the new secret right after the apply.${guard}`;
    case "added":
      return `a client secret is generated and set on ${owner}${users}: the secret it had stops working at once; deploy the new secret right after the apply.`;
    case "removed":
      return `the generated client secret of ${owner} is removed${users}: the app no longer authenticates with it.${guard}`;
  }
}

/** A change to the public keys an app accepts, when the plan knows their ids (brought keys; generated keys are the tls resources). */
function keyChange(before: PlanResource, after: PlanResource): string | undefined {
  const ids = (r: PlanResource): string[] | undefined => {
    const list = r.type === OKTA_APP ? field(r, "jwks") : r.type === "auth0:index/clientCredentials:ClientCredentials" ? (field(r, "privateKeyJwt") as { credentials?: unknown } | undefined)?.credentials : undefined;
    if (!Array.isArray(list)) return undefined;
    const out: string[] = [];
    for (const k of list) {
      const id = isPlainObject(k) ? (k["kid"] ?? k["name"]) : undefined;
      if (typeof id !== "string" || id === UNKNOWN) return undefined;
      out.push(id);
    }
    return out;
  };
  const was = ids(before);
  const now = ids(after);
  if (!was || !now) return undefined;
  const gained = now.filter((k) => !was.includes(k));
  const lost = was.filter((k) => !now.includes(k));
  if (gained.length === 0 && lost.length === 0) return undefined;
  const parts = [...gained.map((k) => `+ ${k}`), ...lost.map((k) => `- ${k}`)];
  return `the public keys the app accepts change (${parts.join(", ")}): clients signing with a removed key are refused after the apply.`;
}

/** `oidc-apps:okta:WebApp::portal` → `portal`. */
function nameOf(parent: string | null): string {
  return parent === null ? "" : parent.slice(parent.lastIndexOf("::") + 2);
}

function originScopes(r: PlanResource | undefined): string[] {
  const list = field(r, "scopes");
  return Array.isArray(list) ? list.map((x) => (isPlainObject(x) ? x["type"] : x)).filter((x): x is string => typeof x === "string") : [];
}

/** The assignment `assignTo: everyone` makes (`<app>-group-everyone`, components/okta/group-lookups.ts), not a group named so. */
function isEveryone(r: PlanResource, invokes: readonly PlanInvoke[]): boolean {
  return r.type === GROUP_ASSIGNMENT && assignedGroup(r, invokes).lookup === lookupKey({ token: EVERYONE_LOOKUP, args: {} });
}

function lookupKey(i: Pick<PlanInvoke, "token" | "args">): string {
  return `${i.token} ${JSON.stringify(i.args)}`;
}

/**
 * The group a per-group assignment names, as the stack file writes it: the resource name holds the group's slug
 * (config/names.ts `groupSlugs`: `slug(name)`, `group-<hash>` for a name without letters or
 * digits, `-<hash>` appended where two names of one app share a slug), and the plan's lookups hold the names.
 */
function assignedGroup(r: PlanResource, invokes: readonly PlanInvoke[]): { who: string; lookup: string } {
  const prefix = `${nameOf(r.parent)}-group-`;
  const part = r.name.startsWith(prefix) ? r.name.slice(prefix.length) : r.name;
  for (const i of invokes) {
    if (i.token !== GROUP_LOOKUP || !isPlainObject(i.args) || typeof i.args["name"] !== "string") continue;
    const name = i.args["name"];
    const plain = slug(name) || `group-${nameHash(name)}`;
    if (part === plain || part === `${plain}-${nameHash(name)}`) return { who: `the group \`${name}\``, lookup: lookupKey(i) };
  }
  if (part === "everyone") return { who: "Everyone (every user in the org)", lookup: lookupKey({ token: EVERYONE_LOOKUP, args: {} }) };
  return { who: `the group with the slug \`${part}\``, lookup: "" };
}

/** `https://<orgName>.<baseUrl>` for the Okta provider, the tenant domain for Auth0. */
function providerTarget(r: PlanResource): string | undefined {
  if (r.type === OKTA_PROVIDER) {
    const org = field(r, "orgName");
    const base = field(r, "baseUrl") ?? "okta.com";
    return typeof org === "string" && typeof base === "string" ? `https://${org}.${base}` : undefined;
  }
  if (r.type === AUTH0_PROVIDER) {
    const domain = field(r, "domain");
    return typeof domain === "string" ? domain : undefined;
  }
  return undefined;
}

/**
 * A provider whose org or tenant changes. The engine re-creates a provider's resources only when the provider's
 * DiffConfig reports a replacement (pulumi/pulumi pkg/resource/deploy/step_generator.go `providerChanged`), and
 * a bridged provider reports one only for settings marked `ForcesProviderReplace` (pulumi-terraform-bridge
 * pkg/tfbridge/provider.go `configDiffer.DiffConfig`); pulumi-okta and pulumi-auth0 mark none
 * (provider/resources.go, `Config`). So the provider is updated in place and the state keeps the old org's ids;
 * a refresh drops what the provider cannot read there (pulumi/pulumi pkg/resource/deploy/step.go
 * `RefreshStep.Apply` marks it deleted), and the next `up` creates it in the new org. Nothing in the old org is
 * deleted by either.
 */
function retargetDetail(c: Comparison, before: PlanResource, after: PlanResource): string | undefined {
  if (after.type !== OKTA_PROVIDER && after.type !== AUTH0_PROVIDER) return undefined;
  const was = providerTarget(before);
  const now = providerTarget(after);
  if (was === undefined || now === undefined || was === now) return undefined;
  const okta = after.type === OKTA_PROVIDER;
  const appType = okta ? OKTA_APP : AUTH0_CLIENT;
  const apps = c.base.resources.filter((r) => r.type === appType).map((r) => r.name);
  const named = apps.length === 0 ? "" : ` (${apps.length} app${apps.length === 1 ? "" : "s"}: ${apps.slice(0, 10).map((a) => `\`${a}\``).join(", ")}${apps.length > 10 ? `, and ${apps.length - 10} more` : ""})`;
  const org = okta ? "org" : "tenant";
  const what = okta ? "app, client secret, key, scope grant, admin role, assignment and trusted origin" : "client, client secret, key credential and Management API grant";
  const credential = okta ? "OKTA_API_* in CI" : "AUTH0_CLIENT_ID and AUTH0_CLIENT_SECRET in CI";
  return (
    `the ${okta ? "Okta provider now manages the org" : "Auth0 provider now manages the tenant"} ${now} (was ${was}). Nothing moves between ${org}s: the provider is updated in place (no provider setting forces a replacement), ` +
    `so the state keeps the ids of the objects in ${was}${named} and the provider looks for them in ${now}. Updates to them fail there, and \`pulumi refresh\` finds none of them and drops them from the state; ` +
    `the next \`pulumi up\` then creates every ${what} anew in ${now}, with new client ids and secrets that every consumer must be given. ` +
    `In ${was} nothing is deleted, protected or not: the old apps keep working there, unmanaged, until someone deletes them. The provisioning credential (${credential}) must be one of ${now}. To manage another ${org}, prefer a new stack.`
  );
}

interface Revoke {
  readonly resource: string;
  readonly detail: string;
}

/** What happens in the org to a removed resource: by its options in the base. */
function fate(r: PlanResource, removal: string): string {
  if (r.protect) return "it is protected, so `pulumi preview` and `pulumi up` fail until `pulumi state unprotect`";
  if (r.retainOnDelete) return "it is retained on delete: it leaves the stack but stays in the org, unmanaged; remove it there by hand if it should go";
  return removal;
}

/**
 * Privileges that leave the stack: admin roles, Okta API scope grants, Management API grants, group
 * assignments and trusted origins, removed or shrunk. Their Deletes act in the org: a role is unassigned
 * (terraform-provider-okta resource_okta_app_oauth_role_assignment.go, Delete: `UnassignClientRole`), scopes are
 * revoked (resource_okta_app_oauth_api_scope.go, `resourceAppOAuthAPIScopeDelete`; an update revokes the scopes
 * no longer listed), a group is unassigned (resource_okta_app_group_assignment.go,
 * `DeleteApplicationGroupAssignment`; the set resource unassigns every group it holds,
 * resource_okta_app_group_assignments.go), a trusted origin is deleted (resource_okta_trusted_origin.go,
 * `DeleteOrigin`), an Auth0 grant is deleted (terraform-provider-auth0 internal/auth0/client/resource_grant.go,
 * `deleteClientGrant`). Left out: what a rename hands over to its new name (compared there), and what goes
 * with an app that is deleted itself (the `delete` risk says so); kept: what an app retained in the org loses.
 */
function revokes(c: Comparison): Revoke[] {
  const out: Revoke[] = [];
  const handedOver = new Set(c.counterpart.values());
  const appGone = (r: PlanResource) => {
    if (r.parent === null) return false;
    const app = c.removed.find((x) => APP_TYPES.has(x.type) && x.parent === r.parent);
    return app !== undefined && !app.protect && !app.retainOnDelete;
  };
  const owner = (r: PlanResource) => (r.parent === null ? "the stack" : `\`${nameOf(r.parent)}\``);
  for (const r of c.removed) {
    if (handedOver.has(r) || appGone(r)) continue;
    const id = resourceId(r);
    if (r.type.startsWith(ROLE_PREFIX)) {
      const role = roleOf(r);
      out.push({ resource: id, detail: `${owner(r)} loses the Okta admin role ${role}${WHOLE_ORG_ROLES.has(role) ? " (it controlled the whole org)" : ""}: ${fate(r, "`pulumi up` unassigns the role in the org")}.` });
    } else if (r.type === OKTA_SCOPE_GRANT) {
      out.push({ resource: id, detail: `${owner(r)} loses every Okta API scope it was granted (${scopeList(field(r, "scopes"))}): ${fate(r, "`pulumi up` revokes them in the org, and the app's tokens no longer carry them")}.` });
    } else if (r.type === AUTH0_GRANT) {
      out.push({ resource: id, detail: `${owner(r)} loses its grant for ${inline(field(r, "audience"))} (${scopeList(field(r, "scopes"))}): ${fate(r, "`pulumi up` deletes the grant in the tenant, and the app can no longer get tokens for that API")}.` });
    } else if (r.type === GROUP_ASSIGNMENT) {
      // An app that is assigned to Everyone in the head loses nobody with a group: the widening says "instead of".
      if (c.head.resources.some((x) => x.type === GROUP_ASSIGNMENT && x.parent === r.parent && isEveryone(x, c.head.invokes))) continue;
      const group = assignedGroup(r, c.base.invokes);
      out.push({ resource: id, detail: `${owner(r)} is no longer assigned to ${group.who}: ${fate(r, "`pulumi up` unassigns the group from the app in the org; its members lose access unless another assignment of the app covers them")}.` });
    } else if (r.type === ASSIGNMENTS) {
      const n = Array.isArray(field(r, "groups")) ? (field(r, "groups") as unknown[]).length : 0;
      const next = c.added.some((x) => x.type === GROUP_ASSIGNMENT && x.parent === r.parent) ? " The same change assigns groups one by one: this Delete runs after those and would unassign them again; run `pulumi state delete` on this resource first (docs/operations.md, the switch to per-group assignments)." : "";
      out.push({ resource: id, detail: `${owner(r)}'s group assignment set (${n} group${n === 1 ? "" : "s"}) leaves the stack: ${fate(r, "`pulumi up` unassigns every group it holds")}.${r.protect || r.retainOnDelete ? "" : next}` });
    } else if (r.type === ORIGIN) {
      const scopes = originScopes(r);
      const lost = scopes.map((x) => ORIGIN_SCOPES[x]?.loses).filter(Boolean).join("; ");
      out.push({ resource: id, detail: `the trusted origin ${inline(field(r, "origin"))} (${scopes.join(", ") || "no scopes"}) leaves the stack: ${fate(r, `\`pulumi up\` deletes it in the org${lost ? `: ${lost}` : ""}`)}.` });
    }
  }
  for (const m of c.matched) {
    const id = resourceId(m.after);
    if (m.after.type === OKTA_SCOPE_GRANT || m.after.type === AUTH0_GRANT) {
      const now = stringArray(field(m.after, "scopes"));
      // read → manage of one resource is told once, as a widening ("okta.users.manage (was okta.users.read)").
      const lost = stringArray(field(m.before, "scopes")).filter((x) => !now.includes(x) && !(x.endsWith(".read") && now.includes(`${x.slice(0, -".read".length)}.manage`)));
      const what = m.after.type === OKTA_SCOPE_GRANT ? "Okta API scopes" : `scopes for ${inline(field(m.after, "audience"))}`;
      if (lost.length > 0) out.push({ resource: id, detail: `${owner(m.after)} loses ${what}: ${lost.join(", ")}; \`pulumi up\` revokes them in the org (kept: ${now.join(", ") || "none"}).` });
    } else if (m.after.type === ASSIGNMENTS) {
      const was = Array.isArray(field(m.before, "groups")) ? (field(m.before, "groups") as unknown[]).length : 0;
      const now = Array.isArray(field(m.after, "groups")) ? (field(m.after, "groups") as unknown[]).length : 0;
      if (now < was) out.push({ resource: id, detail: `${owner(m.after)} is assigned to ${now} group${now === 1 ? "" : "s"} (was ${was}): \`pulumi up\` unassigns the others in the org; see the lookups for which groups.` });
    } else if (m.after.type === ORIGIN) {
      const now = originScopes(m.after);
      const lost = originScopes(m.before).filter((x) => !now.includes(x));
      if (lost.length > 0) out.push({ resource: id, detail: `the trusted origin ${inline(field(m.after, "origin"))} loses ${lost.map((x) => `the ${x} scope (${ORIGIN_SCOPES[x]?.loses ?? "an Okta trusted-origin scope"})`).join(" and ")}.` });
    }
  }
  return out;
}

function scopeList(v: unknown): string {
  const list = stringArray(v);
  return list.length > 0 ? list.join(", ") : "no scopes listed";
}
