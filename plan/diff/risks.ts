/**
 * Risk notes: the changes a reviewer of identity configuration must not miss, each raised from evidence in
 * the two plans (never from secret values, which the plans do not hold). A resource the head adds is compared
 * with what it replaces (for a rename) or with nothing, so a new app that is assigned to Everyone or granted a
 * super-admin role is flagged like an old one that gains it.
 */
import type { PlanInvoke, PlanResource } from "../run";
import { UNKNOWN } from "../values";
import { resourceId, type Comparison, type Rotation } from "./compare";
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

  // protection-removed
  for (const m of c.matched) {
    const lost: string[] = [];
    if (m.before.protect && !m.after.protect) lost.push("`protect`: `pulumi up` and `pulumi destroy` may now delete or replace it");
    if (m.before.retainOnDelete && !m.after.retainOnDelete) lost.push("`retainOnDelete`: removing it from the stack file now deletes it from the org");
    if (lost.length > 0) add("protection-removed", m.after, `loses ${lost.join("; and ")}.`);
  }

  // secret-rotated
  for (const rot of c.rotations) add("secret-rotated", rot.source, rotationDetail(rot));
  for (const m of c.matched) {
    const keys = keyChange(m.before, m.after);
    if (keys) add("secret-rotated", m.after, keys);
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
  // One resource per group (named `<app>-group-<group>`): a new one is a new group on the app.
  for (const { before, after } of pairs) {
    if (after.type !== GROUP_ASSIGNMENT || before) continue;
    const group = after.name.startsWith(`${nameOf(after.parent)}-group-`) ? after.name.slice(`${nameOf(after.parent)}-group-`.length) : after.name;
    const who = group === "everyone" ? "Everyone (every user in the org)" : `the group \`${group}\``;
    add("assignment-widened", after, `${after.parent ?? "the app"} is newly assigned to ${who}.`);
  }
  for (const i of c.lookupsAdded) {
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
      const scopes = (r: PlanResource | undefined) => (Array.isArray(field(r, "scopes")) ? (field(r, "scopes") as unknown[]).map((s) => (isPlainObject(s) ? s["type"] : s)) : []);
      if (scopes(after).includes("REDIRECT") && !scopes(before).includes("REDIRECT")) found.push(`trusted origin ${inline(field(after, "origin"))} with the REDIRECT scope`);
    }
    if (found.length > 0) add("redirect-added", after, `${before ? "new" : "a new resource with"} redirect targets: ${found.join("; ")}. Check that every one belongs to us.`);
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
        return `a new signing key is generated for ${owner}: its public half is registered with the app; roll the private key out before making it the active key.`;
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
