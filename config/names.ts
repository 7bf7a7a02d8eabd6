/**
 * Resource names built from free text (origins, kids, role ids) must stay distinct: the Pulumi engine refuses
 * two resources with one URN ("Duplicate resource URN '<urn>'; try giving it a unique name", error 2001,
 * pulumi/pulumi pkg/resource/deploy/step_generator.go `generateURN`, pkg/diag/errors.go), and a slug folds
 * case and punctuation (`https://a-b.example.com` and `https://a.b.example.com` give one slug). Pure.
 *
 * Values that are not the user's to rename (origins, Okta role ids) are disambiguated here; names built from a
 * user's choice (a kid) are refused by the loader instead (KEY_RESOURCE_NAME_COLLISION).
 */
import { createHash } from "node:crypto";
import { keySlug } from "./keys";
import type { AdminRoleSpec } from "./model";
import { slug } from "./paths";

/** Hex digits of the value's SHA-256 appended to every name of a colliding group. */
export const NAME_HASH_HEX = 8;

/** The first {@link NAME_HASH_HEX} hex digits of SHA-256 over the value's UTF-8 bytes. */
export function nameHash(value: string): string {
  return createHash("sha256").update(value, "utf8").digest("hex").slice(0, NAME_HASH_HEX);
}

/**
 * For the values that share one naming scheme in one stack: each value's name part. A value keeps its plain
 * `slug(value)` when no other value in the list has the same slug (so the names of existing stacks do not
 * change); every value of a colliding group gets `slug(value)-<8 hex of sha256(value)>`. Deterministic and
 * independent of the list's order; a value listed twice is one value.
 */
export function uniqueSlugs(values: readonly string[]): Map<string, string> {
  return uniqueNames(values.map((value) => ({ id: value, plain: slug(value) })));
}

/**
 * The general form of {@link uniqueSlugs}: items by identity (`id`, what is hashed; equal ids are one item) with
 * their plain names. Returns id → name, injective over distinct ids.
 */
export function uniqueNames(items: readonly { readonly id: string; readonly plain: string }[]): Map<string, string> {
  const plain = new Map<string, string>();
  for (const { id, plain: p } of items) {
    const seen = plain.get(id);
    if (seen !== undefined && seen !== p) throw new Error(`internal: ${JSON.stringify(id)} has two plain names`);
    plain.set(id, p);
  }
  // Nearly always (an app's few groups, roles or keys) every value has a plain name of its own: nothing to suffix.
  if (new Set(plain.values()).size === plain.size) return plain;
  const names = new Map(plain);
  // One round suffixes every group that shares a plain name. Another is needed only if a suffixed name equals
  // some other value's plain slug (`a-b` + hash vs. a value whose slug is exactly that): suffix that one too.
  for (;;) {
    const byName = new Map<string, string[]>();
    for (const [id, name] of names) byName.set(name, [...(byName.get(name) ?? []), id]);
    let changed = false;
    for (const ids of byName.values()) {
      if (ids.length < 2) continue;
      for (const id of ids) {
        if (names.get(id) !== plain.get(id)) continue;
        names.set(id, `${plain.get(id)!}-${nameHash(id)}`);
        changed = true;
      }
    }
    if (!changed) break;
  }
  if (new Set(names.values()).size !== names.size) throw new Error("internal: two values share a name and the first 8 hex digits of their SHA-256");
  return names;
}

/** A generated signing key's resource name: `<app>-key-<kid slug>`. Unique per app (KEY_DUPLICATE_KID) and per stack (KEY_RESOURCE_NAME_COLLISION). */
export function keyResourceName(app: string, kid: string): string {
  return `${app}-key-${keySlug(kid)}`;
}

/**
 * Resource-name slugs for one app's groups (`<app>-group-<slug>`): the plain slug, made unique where two names
 * share one. A name with no letters or digits (e.g. only non-Latin script) has an empty slug: named by its hash.
 */
export function groupSlugs(names: readonly string[]): string[] {
  const slugs = uniqueNames(names.map((n) => ({ id: n, plain: slug(n) || `group-${nameHash(n)}` })));
  return names.map((n) => slugs.get(n)!);
}

/** `READ_ONLY_ADMIN` → `read-only-admin`; custom roles by their role id. Part of the resource names: stable. */
export function roleSlug(role: AdminRoleSpec): string {
  const raw = role.kind === "standard" ? role.type : `custom-${role.role}-${role.resourceSet}`;
  return slug(raw);
}

/**
 * The resource-name part of each of one app's roles (`<app>-role-<slug>`), in order: its {@link roleSlug},
 * except for custom roles whose slugs collide (ids that differ only in case, or `a-b` + `c` vs `a` + `b-c`):
 * each of those gets `-<8 hex of sha256>` of its role and resource set appended. Standard roles cannot collide:
 * each has its own resource type.
 */
export function adminRoleSlugs(roles: readonly AdminRoleSpec[]): string[] {
  const identity = (role: Extract<AdminRoleSpec, { kind: "custom" }>) => JSON.stringify([role.role, role.resourceSet]);
  const custom = uniqueNames(roles.flatMap((role) => (role.kind === "custom" ? [{ id: identity(role), plain: roleSlug(role) }] : [])));
  return roles.map((role) => (role.kind === "custom" ? custom.get(identity(role))! : roleSlug(role)));
}

/** The slug of the assignment to Everyone (`assignTo: everyone`): `<app>-group-everyone`. */
export const EVERYONE_SLUG = "everyone";

/** A group assignment's resource name: `<app>-group-<slug>` ({@link groupSlugs}). Checked across apps: OKTA_RESOURCE_NAME_COLLISION. */
export function groupAssignmentName(app: string, groupSlug: string): string {
  return `${app}-group-${groupSlug}`;
}

/** An admin role's resource name: `<app>-role-<slug>` ({@link adminRoleSlugs}). Checked across apps: OKTA_RESOURCE_NAME_COLLISION. */
export function adminRoleName(app: string, roleSlug: string): string {
  return `${app}-role-${roleSlug}`;
}

/** A resource some app would create with a name built from free text, and where the stack file asks for it. */
export interface NamedResource {
  /** The app that would create it: compared by identity. */
  readonly app: unknown;
  readonly name: string;
  /** The key path it is reported at. */
  readonly path: string;
}

/**
 * The resources that apps would share: `identity` is what makes two of them one URN (by default the name; the
 * parent's type and the resource's own type too where they can differ). For each identity that more than one app
 * has, the first resource by key path, and each later one of another app; one app's own names are kept apart
 * where they are made (uniqueNames above, KEY_DUPLICATE_KID). The rules report each later one, naming the first.
 */
export function crossAppCollisions<T extends NamedResource>(resources: Iterable<T>, identity: (r: T) => string = (r) => r.name): { first: T; later: T }[] {
  const byIdentity = new Map<string, T[]>();
  for (const r of resources) {
    const key = identity(r);
    const list = byIdentity.get(key);
    if (list) list.push(r);
    else byIdentity.set(key, [r]);
  }
  const found: { first: T; later: T }[] = [];
  for (const group of byIdentity.values()) {
    if (group.every((r) => r.app === group[0]!.app)) continue;
    const [first, ...rest] = [...group].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    for (const later of rest) if (later.app !== first!.app) found.push({ first: first!, later });
  }
  return found;
}
