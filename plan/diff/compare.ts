/**
 * Matching two plans resource by resource. A resource's identity is its type, name and parent (the parts of
 * its Pulumi URN the program controls), so a renamed app is one resource removed and another added.
 */
import type { Plan, PlanInvoke, PlanResource } from "../run";
import { APP_TYPES, replaceReasons, SECRET_SOURCE_TYPES, type ReplaceReason } from "./replace-table";
import type { PropertyChange } from "./types";
import { bothSecretPaths, canonical, diffValues, isPlainObject, sameValue } from "./values";
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
  const rotations: Rotation[] = found.map((f) => ({
    ...f,
    users: matched
      .filter((m) => m.after.parent === f.source.parent && !SECRET_SOURCE_TYPES.has(m.after.type) && m.changes.some((c) => c.before === SECRET || c.after === SECRET))
      .map((m) => resourceId(m.after)),
  }));
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
 */
function pairRenames(added: readonly PlanResource[], removed: readonly PlanResource[]) {
  const counterpart = new Map<PlanResource, PlanResource>();
  const renamedTo = new Map<PlanResource, PlanResource>();
  const taken = new Set<PlanResource>();
  for (const old of removed) {
    if (!APP_TYPES.has(old.type)) continue;
    let best: PlanResource | undefined;
    let bestScore = 0;
    for (const candidate of added) {
      if (candidate.type !== old.type || taken.has(candidate)) continue;
      const score = agreement(old.inputs, candidate.inputs);
      if (score > bestScore) {
        best = candidate;
        bestScore = score;
      }
    }
    if (!best) continue;
    taken.add(best);
    renamedTo.set(old, best);
    counterpart.set(best, old);
    const oldName = componentName(old) ?? old.name;
    const newName = componentName(best) ?? best.name;
    for (const r of added) {
      if (r === best) continue;
      const sameFamily = r.parent === best.parent && r.parent !== null;
      const isComponent = best.parent === resourceId(r);
      if (!sameFamily && !isComponent) continue;
      const wanted = r.name.startsWith(newName) ? oldName + r.name.slice(newName.length) : undefined;
      const match = removed.find((x) => x.type === r.type && x.name === wanted && (isComponent ? old.parent === resourceId(x) : x.parent === old.parent));
      if (match) counterpart.set(r, match);
    }
  }
  return { counterpart, renamedTo };
}

function componentName(r: PlanResource): string | undefined {
  return r.parent === null ? undefined : r.parent.slice(r.parent.indexOf("::") + 2);
}

function agreement(a: unknown, b: unknown): number {
  if (!isPlainObject(a) || !isPlainObject(b)) return 0;
  return Object.keys(a).filter((k) => k in b && sameValue(a[k], b[k])).length;
}
