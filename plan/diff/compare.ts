/**
 * Matching two plans resource by resource. A resource's identity is its type, name and parent (the parts of
 * its Pulumi URN the program controls), so a renamed app is one resource removed and another added.
 */
import type { Plan, PlanInvoke, PlanResource } from "../run";
import { APP_TYPES, replaceReasons, SECRET_SOURCE_TYPES, type ReplaceReason } from "./replace-table";
import type { PropertyChange } from "./types";
import { bothSecretPaths, canonical, diffValues, isPlainObject } from "./values";
import { SECRET } from "../values";

export interface Matched {
  readonly before: PlanResource;
  readonly after: PlanResource;
  /** Input changes (sorted by path), then resource-option changes (`options.protect`, ...). */
  readonly changes: PropertyChange[];
  readonly reasons: ReplaceReason[];
}

export interface Rotation {
  /** The secret-generating resource (a RandomPassword or a tls PrivateKey), from the head, or the base when removed. */
  readonly source: PlanResource;
  readonly how: "replaced" | "added" | "removed";
  readonly reasons: ReplaceReason[];
  /** Resources (in both plans) that take a secret derived from it. */
  readonly users: string[];
  /** Protected in the base: `pulumi up` refuses the replacement or deletion. */
  readonly protectedBefore: boolean;
}

export interface Comparison {
  readonly base: Plan;
  readonly head: Plan;
  /** In head order. */
  readonly matched: Matched[];
  /** In head order. */
  readonly added: PlanResource[];
  /** In base order. */
  readonly removed: PlanResource[];
  /** For resources added by a rename: the resource they take over from. */
  readonly counterpart: ReadonlyMap<PlanResource, PlanResource>;
  /** Removed app → the added app of the same type that looks like its new name. */
  readonly renamedTo: ReadonlyMap<PlanResource, PlanResource>;
  readonly rotations: Rotation[];
  readonly lookupsAdded: PlanInvoke[];
  readonly lookupsRemoved: PlanInvoke[];
}

export function resourceId(r: Pick<PlanResource, "type" | "name">): string {
  return `${r.type}::${r.name}`;
}

function identity(r: PlanResource): string {
  return `${r.parent ?? ""}>${resourceId(r)}`;
}

export function compare(base: Plan, head: Plan): Comparison {
  const baseByKey = new Map(base.resources.map((r) => [identity(r), r]));
  const headKeys = new Set(head.resources.map(identity));
  const baseIds = new Set(base.resources.map(resourceId));
  const headIds = new Set(head.resources.map(resourceId));

  const matchedPairs: { before: PlanResource; after: PlanResource }[] = [];
  const added: PlanResource[] = [];
  for (const r of head.resources) {
    const before = baseByKey.get(identity(r));
    if (before) matchedPairs.push({ before, after: r });
    else added.push(r);
  }
  const removed = base.resources.filter((r) => !headKeys.has(identity(r)));

  const matched: Matched[] = matchedPairs.map(({ before, after }) => {
    const inputChanges = diffValues(before.inputs, after.inputs);
    return { before, after, changes: inputChanges, reasons: replaceReasons(after.type, inputChanges) };
  });

  // Secret material: the plan prints every secret as "[secret]", so a rotation is seen from its source.
  const found: { source: PlanResource; how: Rotation["how"]; reasons: ReplaceReason[]; protectedBefore: boolean }[] = [];
  for (const m of matched) {
    if (SECRET_SOURCE_TYPES.has(m.after.type) && m.reasons.length > 0) found.push({ source: m.after, how: "replaced", reasons: m.reasons, protectedBefore: m.before.protect });
  }
  for (const r of added) {
    if (SECRET_SOURCE_TYPES.has(r.type) && r.parent !== null && baseIds.has(r.parent)) found.push({ source: r, how: "added", reasons: [], protectedBefore: false });
  }
  for (const r of removed) {
    if (SECRET_SOURCE_TYPES.has(r.type) && r.parent !== null && headIds.has(r.parent)) found.push({ source: r, how: "removed", reasons: [], protectedBefore: r.protect });
  }
  // Their users' secret inputs changed, though both sides print "[secret]": say so, and only that.
  const rotatedParents = new Set(found.map((r) => r.source.parent));
  for (const m of matched) {
    if (SECRET_SOURCE_TYPES.has(m.after.type) || !rotatedParents.has(m.after.parent)) continue;
    for (const path of bothSecretPaths(m.before.inputs, m.after.inputs)) {
      if (!m.changes.some((c) => c.path === path)) m.changes.push({ path, before: SECRET, after: SECRET });
    }
  }
  // The users of each rotated parent's secrets, grouped once: scanning every matched resource per rotation was
  // quadratic when every secret of a stack rotates at once.
  const usersByParent = new Map<string | null, string[]>();
  for (const m of matched) {
    if (!rotatedParents.has(m.after.parent) || SECRET_SOURCE_TYPES.has(m.after.type) || !m.changes.some((c) => c.before === SECRET || c.after === SECRET)) continue;
    const users = usersByParent.get(m.after.parent);
    if (users) users.push(resourceId(m.after));
    else usersByParent.set(m.after.parent, [resourceId(m.after)]);
  }
  const rotations: Rotation[] = found.map((f) => ({ ...f, users: [...(usersByParent.get(f.source.parent) ?? [])] }));
  for (const m of matched) {
    m.changes.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    markReplacing(m);
    if (m.before.protect !== m.after.protect) m.changes.push({ path: "options.protect", before: m.before.protect, after: m.after.protect });
    if (m.before.retainOnDelete !== m.after.retainOnDelete) m.changes.push({ path: "options.retainOnDelete", before: m.before.retainOnDelete, after: m.after.retainOnDelete });
    if (m.before.import !== m.after.import) m.changes.push({ path: "options.import", before: m.before.import ?? null, after: m.after.import ?? null });
  }

  const { counterpart, renamedTo } = pairRenames(added, removed);
  const invokeKey = (i: PlanInvoke) => `${i.token} ${canonical(i.args)}`;
  const baseInvokes = new Set(base.invokes.map(invokeKey));
  const headInvokes = new Set(head.invokes.map(invokeKey));
  return {
    base,
    head,
    matched: matched.filter((m) => m.changes.length > 0),
    added,
    removed,
    counterpart,
    renamedTo,
    rotations,
    lookupsAdded: head.invokes.filter((i) => !baseInvokes.has(invokeKey(i))),
    lookupsRemoved: base.invokes.filter((i) => !headInvokes.has(invokeKey(i))),
  };
}

function markReplacing(m: Matched): void {
  if (m.reasons.length === 0) return;
  for (let i = 0; i < m.changes.length; i++) {
    const c = m.changes[i]!;
    const hit = m.reasons.some((r) => r.path === c.path || r.path.startsWith(`${c.path}.`) || r.path.startsWith(`${c.path}[`));
    if (hit) m.changes[i] = { ...c, replaces: true };
  }
}

/**
 * A removed app and an added app of the same type are most likely one app under a new logical name. Pair each
 * removed app with the added app whose inputs agree most (at least one input); then pair their components'
 * other resources by name (`<old>-assignments` ↔ `<new>-assignments`), so a rename is compared with what it
 * replaces instead of with nothing.
 *
 * Linear in the plans' size (issue 19: renaming 5,000 apps took about 80 s): the added apps are indexed once by
 * input value ({@link Agreement}), families by parent, and removed resources by type and name. Removed apps
 * are paired in base order, each with the first (in head order) of the untaken candidates that agree most.
 */
function pairRenames(added: readonly PlanResource[], removed: readonly PlanResource[]) {
  const counterpart = new Map<PlanResource, PlanResource>();
  const renamedTo = new Map<PlanResource, PlanResource>();
  const candidates = new Map<string, PlanResource[]>();
  for (const r of added) if (APP_TYPES.has(r.type)) push(candidates, r.type, r);
  const agreements = new Map([...candidates].map(([type, apps]) => [type, new Agreement(apps)]));
  const position = new Map(added.map((r, i) => [r, i]));
  const addedByParent = new Map<string, PlanResource[]>();
  const addedById = new Map<string, PlanResource[]>();
  for (const r of added) {
    if (r.parent !== null) push(addedByParent, r.parent, r);
    push(addedById, resourceId(r), r);
  }
  const removedById = new Map<string, PlanResource[]>();
  for (const r of removed) push(removedById, resourceId(r), r);

  for (const old of removed) {
    if (!APP_TYPES.has(old.type)) continue;
    const best = agreements.get(old.type)?.take(old.inputs);
    if (!best) continue;
    renamedTo.set(old, best);
    counterpart.set(best, old);
    if (best.parent === null) continue;
    const oldName = componentName(old) ?? old.name;
    const newName = componentName(best) ?? best.name;
    // Its siblings and its component, in head order.
    const family = [...new Set([...(addedByParent.get(best.parent) ?? []), ...(addedById.get(best.parent) ?? [])])].sort((a, b) => position.get(a)! - position.get(b)!);
    for (const r of family) {
      if (r === best || !r.name.startsWith(newName)) continue;
      const isComponent = best.parent === resourceId(r);
      const wanted = oldName + r.name.slice(newName.length);
      const match = removedById.get(`${r.type}::${wanted}`)?.find((x) => (isComponent ? old.parent === resourceId(x) : x.parent === old.parent));
      if (match) counterpart.set(r, match);
    }
  }
  return { counterpart, renamedTo };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function componentName(r: PlanResource): string | undefined {
  return r.parent === null ? undefined : r.parent.slice(r.parent.indexOf("::") + 2);
}

/**
 * The added apps of one type, indexed for {@link take}: the untaken candidate whose inputs agree with a removed
 * app's on the most keys (a key agrees when both have it with the same value; canonical forms are computed once
 * per value), the first one in head order on a tie, none when no key agrees.
 *
 * Values held by at most {@link RARE} candidates (labels, redirect URIs) are looked up in an index. The others
 * (the app type, grant types, defaults) are the same for every candidate of one profile, a profile being a
 * combination of such values (in practice one per app kind): they are scored once per profile. A removed app
 * costs its own inputs, the few candidates sharing a rare value with it, and one look at each profile.
 */
class Agreement {
  private readonly rare = new Map<string, number[]>();
  private readonly profiles: Profile[] = [];
  private readonly profileOf: Int32Array;
  private readonly positionOf: Int32Array;
  private readonly taken: Uint8Array;

  constructor(private readonly candidates: readonly PlanResource[]) {
    const n = candidates.length;
    this.taken = new Uint8Array(n);
    this.profileOf = new Int32Array(n);
    this.positionOf = new Int32Array(n);
    const forms = candidates.map((c) => (isPlainObject(c.inputs) ? Object.entries(c.inputs).map(([key, value]) => [key, canonical(value ?? null)] as const) : []));
    const holders = new Map<string, number[]>();
    forms.forEach((pairs, i) => pairs.forEach(([key, form]) => push(holders, valueKey(key, form), i)));
    const byProfile = new Map<string, number>();
    forms.forEach((pairs, i) => {
      const shared = pairs.filter(([key, form]) => holders.get(valueKey(key, form))!.length > RARE).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      const id = JSON.stringify(shared);
      let k = byProfile.get(id);
      if (k === undefined) {
        k = this.profiles.push(new Profile(new Map(shared))) - 1;
        byProfile.set(id, k);
      }
      this.profileOf[i] = k;
      this.positionOf[i] = this.profiles[k]!.members.push(i) - 1;
    });
    for (const [key, list] of holders) if (list.length <= RARE) this.rare.set(key, list);
    for (const profile of this.profiles) profile.seal();
  }

  take(inputs: unknown): PlanResource | undefined {
    if (!isPlainObject(inputs)) return undefined;
    const forms = Object.entries(inputs).map(([key, value]) => [key, canonical(value ?? null)] as const);
    // Per profile: how many of the removed app's values its members all hold.
    const common = this.profiles.map((p) => {
      let score = 0;
      for (const [key, form] of forms) if (p.values.get(key) === form) score++;
      return score;
    });
    // Per candidate sharing a rare value: how many it shares.
    const extra = new Map<number, number>();
    for (const [key, form] of forms) for (const i of this.rare.get(valueKey(key, form)) ?? []) extra.set(i, (extra.get(i) ?? 0) + 1);

    let best = -1;
    let bestScore = 0;
    const consider = (i: number, score: number) => {
      if (score > bestScore || (score > 0 && score === bestScore && i < best)) [best, bestScore] = [i, score];
    };
    for (const [i, score] of extra) if (!this.taken[i]) consider(i, common[this.profileOf[i]!]! + score);
    // Every other untaken member of a profile scores the profile's count, so only its first untaken member can
    // win: if that one shares a rare value it scores more, was considered above, and beats the rest.
    this.profiles.forEach((p, k) => {
      if (common[k]! === 0 || common[k]! < bestScore) return;
      const i = p.first();
      if (i !== undefined) consider(i, common[k]!);
    });
    if (best < 0) return undefined;
    this.taken[best] = 1;
    this.profiles[this.profileOf[best]!]!.take(this.positionOf[best]!);
    return this.candidates[best];
  }
}

/** Values held by more candidates than this are scored per profile instead of per candidate. */
const RARE = 16;

/** Candidates that hold the same widely shared values, in head order. */
class Profile {
  readonly members: number[] = [];
  /** next[p]: the first untaken position at or after p (path-compressed); `members.length` when none is left. */
  private next = new Int32Array(1);

  constructor(readonly values: ReadonlyMap<string, string>) {}

  seal(): void {
    this.next = Int32Array.from({ length: this.members.length + 1 }, (_, p) => p);
  }

  /** The first untaken member. */
  first(): number | undefined {
    const p = this.untakenFrom(0);
    return p < this.members.length ? this.members[p] : undefined;
  }

  take(position: number): void {
    this.next[position] = position + 1;
  }

  private untakenFrom(start: number): number {
    let p = start;
    while (this.next[p] !== p) p = this.next[p]!;
    for (let q = start; q !== p; ) {
      const following = this.next[q]!;
      this.next[q] = p;
      q = following;
    }
    return p;
  }
}

function valueKey(key: string, form: string): string {
  return `${key}\u0000${form}`;
}
