/**
 * The body lines shared by the text and markdown forms, in `diff` style: `+` added, `-` removed, two spaces
 * for context. Secrets print as "[secret]"; a secret that changed says only that it changed.
 */
import { optionMarks } from "../marks";
import { SECRET } from "../values";
import type { Diff, PropertyChange, ResourceEntry } from "./types";
import { inline, isPlainObject } from "./values";

export interface Section {
  readonly title: string;
  readonly count: number;
  readonly lines: string[];
}

export function sections(diff: Diff): Section[] {
  const out: Section[] = [];
  if (diff.added.length > 0) out.push({ title: "Added", count: diff.added.length, lines: diff.added.flatMap((r) => entryLines("+", r)) });
  if (diff.removed.length > 0) out.push({ title: "Removed", count: diff.removed.length, lines: diff.removed.flatMap((r) => entryLines("-", r)) });
  if (diff.changed.length > 0) {
    out.push({
      title: "Changed",
      count: diff.changed.length,
      lines: diff.changed.flatMap((c) => [`  ${c.resource}`, ...c.properties.flatMap((p) => propertyLines(p, "    "))]),
    });
  }
  const lookups = [...diff.lookups.added.map((i) => `+ ${i.token} ${JSON.stringify(i.args)}`), ...diff.lookups.removed.map((i) => `- ${i.token} ${JSON.stringify(i.args)}`)];
  if (lookups.length > 0) out.push({ title: "Lookups", count: lookups.length, lines: lookups });
  if (diff.outputs.length > 0) out.push({ title: "Outputs", count: diff.outputs.length, lines: diff.outputs.flatMap((p) => propertyLines(p, "  ")) });
  return out;
}

function entryLines(mark: "+" | "-", r: ResourceEntry): string[] {
  const flags = optionMarks(r);
  const lines = [`${mark} ${r.resource}${r.parent ? `  (in ${r.parent})` : ""}${flags.length > 0 ? `  [${flags.join(", ")}]` : ""}`];
  if (r.note) lines.push(`    # ${r.note}`);
  if (isPlainObject(r.inputs)) for (const [k, v] of Object.entries(r.inputs)) lines.push(`${mark}     ${k}: ${inline(v)}`);
  return lines;
}

/** `path:` then `-` the old value and `+` the new; arrays of scalars by item; secrets by mention only. */
export function propertyLines(p: PropertyChange, indent: string): string[] {
  const head = `${indent}${p.path}:${p.replaces ? " (forces replacement)" : ""}`;
  if (p.before === SECRET || p.after === SECRET) {
    if (p.before === null) return [`${head} [secret] (set)`];
    if (p.after === null) return [`${head} [secret] (removed)`];
    return [`${head} [secret] (changed; the value is not shown)`];
  }
  const pad = `${" ".repeat(Math.max(indent.length - 1, 0))}  `;
  if (Array.isArray(p.before) && Array.isArray(p.after)) {
    // Item by item, counting repeats: `[x]` → `[x, x]` adds one x (two generated keys both print "(known after
    // apply)"), it is not "the same items in a new order".
    const { gained, lost } = multisetDiff(p.before.map(inline), p.after.map(inline));
    if (gained.length === 0 && lost.length === 0) return [`${head} same items, new order: ${p.after.map(inline).join(", ")}`];
    return [head, ...gained.map((v) => `+${pad}${v}`), ...lost.map((v) => `-${pad}${v}`)];
  }
  const lines = [head];
  if (p.before !== null) lines.push(`-${pad}${inline(p.before)}`);
  if (p.after !== null) lines.push(`+${pad}${inline(p.after)}`);
  return lines;
}

/** What `after` has more of than `before` (in `after`'s order), and what it has fewer of (in `before`'s order). */
export function multisetDiff(before: readonly string[], after: readonly string[]): { gained: string[]; lost: string[] } {
  const remaining = new Map<string, number>();
  for (const v of before) remaining.set(v, (remaining.get(v) ?? 0) + 1);
  const gained: string[] = [];
  for (const v of after) {
    const left = remaining.get(v) ?? 0;
    if (left > 0) remaining.set(v, left - 1);
    else gained.push(v);
  }
  const lost: string[] = [];
  for (const v of before) {
    const left = remaining.get(v) ?? 0;
    if (left > 0) {
      lost.push(v);
      remaining.set(v, left - 1);
    }
  }
  return { gained, lost };
}

/** The head's warnings, one line each, new ones marked. */
export function warningLines(diff: Diff): string[] {
  return diff.warnings.map((w) => `${w.new ? "new " : "    "}${w.code} ${w.path}: ${w.message}${w.fix ? ` Fix: ${w.fix}` : ""}`);
}

export function summaryLine(diff: Diff): string {
  const n = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;
  const parts = [n(diff.risks.length, "risk"), `${diff.added.length} added`, `${diff.removed.length} removed`, `${diff.changed.length} changed`];
  const lookups = diff.lookups.added.length + diff.lookups.removed.length;
  if (lookups > 0) parts.push(n(lookups, "lookup") + " changed");
  if (diff.outputs.length > 0) parts.push(n(diff.outputs.length, "output") + " changed");
  if (diff.warnings.length > 0) {
    const fresh = diff.warnings.filter((w) => w.new).length;
    parts.push(`${n(diff.warnings.length, "warning")}${fresh > 0 ? ` (${fresh} new)` : ""}`);
  }
  return parts.join(" · ");
}
