/** Comparing plan values leaf by leaf. Pure; knows nothing about resources. */
import { SECRET } from "../values";
import type { PropertyChange } from "./types";

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

/** JSON with object keys sorted: equal values give equal text whatever their key order. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => (isPlainObject(v) ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, v[k]])) : v)) ?? "null";
}

export function sameValue(a: unknown, b: unknown): boolean {
  return canonical(a ?? null) === canonical(b ?? null);
}

export function joinPath(path: string, key: string | number): string {
  if (typeof key === "number") return `${path}[${key}]`;
  const part = /^[\w$-]+$/.test(key) ? key : `[${JSON.stringify(key)}]`;
  if (path === "") return part;
  return part.startsWith("[") ? `${path}${part}` : `${path}.${part}`;
}

/**
 * Every leaf where `before` and `after` differ. Objects are walked key by key; arrays and scalars are leaves.
 * A secret on either side prints as "[secret]" on both sides, so a value that stopped being secret is never
 * shown next to the secret it replaced. Absent is `null`.
 */
export function diffValues(before: unknown, after: unknown, path = "", out: PropertyChange[] = []): PropertyChange[] {
  if (before === SECRET || after === SECRET) {
    if (before === SECRET && after === SECRET) return out;
    out.push({ path, before: before === undefined ? null : SECRET, after: after === undefined ? null : SECRET });
    return out;
  }
  if (isPlainObject(before) && isPlainObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    for (const key of keys) diffValues(before[key], after[key], joinPath(path, key), out);
    return out;
  }
  if (sameValue(before, after)) return out;
  const [b, a] = maskPair(before, after);
  out.push({ path, before: b ?? null, after: a ?? null });
  return out;
}

/** Inside a whole value (an array), a position that is secret on either side is "[secret]" on both. */
function maskPair(before: unknown, after: unknown): [unknown, unknown] {
  if (before === SECRET || after === SECRET) return [before === undefined ? undefined : SECRET, after === undefined ? undefined : SECRET];
  if (Array.isArray(before) && Array.isArray(after)) {
    const pairs = before.map((v, i) => (i < after.length ? maskPair(v, after[i]) : [v, undefined]));
    return [pairs.map((p) => p[0]), after.map((v, i) => (i < before.length ? pairs[i]![1] : v))];
  }
  if (isPlainObject(before) && isPlainObject(after)) {
    const b: Record<string, unknown> = { ...before };
    const a: Record<string, unknown> = { ...after };
    for (const key of Object.keys(before)) if (key in after) [b[key], a[key]] = maskPair(before[key], after[key]);
    return [b, a];
  }
  return [before, after];
}

/** Paths where both sides hold a secret: a secret whose source changed has changed, though both print "[secret]". */
export function bothSecretPaths(before: unknown, after: unknown, path = "", out: string[] = []): string[] {
  if (before === SECRET && after === SECRET) {
    out.push(path);
    return out;
  }
  if (isPlainObject(before) && isPlainObject(after)) {
    for (const key of Object.keys(after).sort()) if (key in before) bothSecretPaths(before[key], after[key], joinPath(path, key), out);
  } else if (Array.isArray(before) && Array.isArray(after)) {
    after.forEach((v, i) => bothSecretPaths(before[i], v, joinPath(path, i), out));
  }
  return out;
}

/** A value for one line of text: strings bare, everything else as JSON. */
export function inline(value: unknown): string {
  if (value === null) return "(not set)";
  return typeof value === "string" ? value : JSON.stringify(value);
}

export function stringArray(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}
