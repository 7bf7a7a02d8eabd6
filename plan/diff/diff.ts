/** A plan diff: two rendered plans in, the reviewer's view out. Pure: same plans, same diff. */
import type { Plan, PlanResource } from "../run";
import { compare, resourceId } from "./compare";
import { APP_TYPES } from "./replace-table";
import { risksOf } from "./risks";
import type { Diff, DiffWarning, ResourceEntry } from "./types";
import { diffValues } from "./values";

export interface DiffOptions {
  /** Extra notes about the comparison (where the base came from), printed before the automatic ones. */
  readonly notes?: readonly string[];
}

export function diffPlans(base: Plan, head: Plan, options: DiffOptions = {}): Diff {
  const c = compare(base, head);
  const notes = [...(options.notes ?? [])];
  if (base.stack !== head.stack) notes.push(`The base is a render of stack "${base.stack}", compared with stack "${head.stack}".`);
  const baseErrors = base.diagnostics.filter((d) => d.severity === "error").length;
  if (baseErrors > 0) notes.push(`The base has ${baseErrors} error${baseErrors === 1 ? "" : "s"} and renders no resources: everything in the head shows as added.`);

  // A plan resource as it is (its keys already in the contract's order, optional options only where set).
  const entry = (r: PlanResource, note?: string): ResourceEntry => ({ resource: resourceId(r), ...r, ...(note !== undefined ? { note } : {}) });
  const addedNote = (r: PlanResource): string | undefined => {
    if (!APP_TYPES.has(r.type)) return undefined;
    if (r.import !== undefined) return `adopted: imported with id ${r.import}, it keeps its client id.`;
    const previous = c.counterpart.get(r);
    if (!previous) return "a new app: the org assigns it a new client id on create.";
    const why = previous.name === r.name ? `its kind changed from ${previous.parent ?? "?"}` : "a rename?";
    return `a new app that takes over from ${resourceId(previous)} (${why}): it gets a new client id (and secret); consumers of the old client id must switch.`;
  };
  const removedNote = (r: PlanResource): string | undefined => {
    const next = c.renamedTo.get(r);
    return next ? `${resourceId(next)} is added in the same change (a rename?): the new app gets a new client id.` : undefined;
  };

  return {
    stack: head.stack,
    added: c.added.map((r) => entry(r, addedNote(r))),
    removed: c.removed.map((r) => entry(r, removedNote(r))),
    changed: c.matched.map((m) => ({ resource: resourceId(m.after), properties: m.changes })),
    risks: risksOf(c),
    lookups: { added: c.lookupsAdded, removed: c.lookupsRemoved },
    outputs: diffValues(base.outputs, head.outputs),
    notes,
    warnings: warningsOf(base, head),
  };
}

/** The head's warnings, new ones first: a reviewer sees what the change itself brings in before what was there. */
function warningsOf(base: Plan, head: Plan): DiffWarning[] {
  const key = (d: { code: string; path: string; message: string }) => `${d.code}\u0000${d.path}\u0000${d.message}`;
  const before = new Set(base.diagnostics.filter((d) => d.severity === "warning").map(key));
  const all = head.diagnostics
    .filter((d) => d.severity === "warning")
    .map((d): DiffWarning => ({ code: d.code, path: d.path, message: d.message, ...(d.fix !== undefined ? { fix: d.fix } : {}), new: !before.has(key(d)) }));
  return [...all.filter((w) => w.new), ...all.filter((w) => !w.new)];
}
