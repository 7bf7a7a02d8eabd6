/**
 * Lenient, typed parsing of one map of settings (an app) against its zod object schema: each key is parsed on
 * its own, so a malformed key is reported (CONFIG_*, with its key path, by config/zod-issues.ts, in the same
 * words as a whole-object parse) while every well-formed key is kept, typed ({@link Lenient}). The rules then run
 * on the result, never on the raw map, and a problem in one key never hides a problem in another.
 */
import type * as z from "zod";
import type { Diagnostics } from "./diagnostics";
import { MALFORMED, markPartial, type Lenient } from "./lenient";
import { isMap } from "./maps";
import type { PathSegment } from "./paths";
import { reportIssues } from "./zod-issues";

export interface LenientResult<S extends z.ZodObject> {
  /** Every present key, well-formed or MALFORMED. */
  readonly value: Lenient<z.infer<S>>;
  /** The whole map, typed, when every key is well-formed (and no key is unknown or missing). */
  readonly shaped?: z.infer<S>;
}

/**
 * Parse `raw` against the object schema `schema` key by key, reporting every problem under `root` + `prefix`
 * exactly as a whole-object parse would (config/zod-issues.ts), and keeping what is well-formed. The schema must
 * be a plain (strict) object schema: a refinement of the whole object would not run.
 */
export function parseLenient<S extends z.ZodObject>(schema: S, raw: Record<string, unknown>, root: string, prefix: readonly PathSegment[], diags: Diagnostics): LenientResult<S> {
  const shape = schema.shape as Record<string, z.ZodType>;
  const value: Record<string, unknown> = {};
  const parsed: Record<string, unknown> = {};
  const whole = wellFormed(schema, shape, raw);
  if (whole) {
    // The same value and model a key-by-key parse builds, in the same key order, from one parse of the map.
    for (const key of Object.keys(shape)) {
      if (Object.hasOwn(raw, key)) value[key] = raw[key];
      if (whole[key] !== undefined) parsed[key] = whole[key];
    }
    return { value: value as Lenient<z.infer<S>>, shaped: parsed as z.infer<S> };
  }
  let clean = true;
  for (const [key, field] of Object.entries(shape)) {
    // Own keys only: a value inherited through the prototype (an object built with `__proto__`) was never
    // written, so it is neither checked nor carried into the model.
    const result = field.safeParse(Object.hasOwn(raw, key) ? raw[key] : undefined, { reportInput: true });
    if (result.success) {
      // The rules get the value as written (it conforms, and these schemas have no transforms), so messages
      // quote maps in the file's key order; the model gets the parse's output, as it always has.
      if (Object.hasOwn(raw, key)) value[key] = raw[key];
      if (result.data !== undefined) parsed[key] = result.data;
      continue;
    }
    clean = false;
    reportIssues(schema, result.error.issues, [key], root, prefix, diags);
    if (Object.hasOwn(raw, key)) value[key] = salvageFailed(field, raw[key]);
  }
  const unknown = unknownKeys(shape, raw);
  if (unknown.length > 0) {
    clean = false;
    reportIssues(schema, [{ code: "unrecognized_keys", keys: unknown, path: [], message: "", input: raw }], [], root, prefix, diags);
  }
  const lenient = value as Lenient<z.infer<S>>;
  return clean ? { value: lenient, shaped: parsed as z.infer<S> } : { value: lenient };
}

/**
 * The parse of the whole map, when it is well-formed: the common case, and one zod parse instead of one per key
 * (issue 19: a 1,000-app stack made 30,000 of them). Only for a plain map, whose every key is its own (JSON, YAML
 * or an object literal): zod reads inherited keys, the key-by-key parse does not. Anything else, or any problem,
 * goes key by key, which reports it.
 */
function wellFormed(schema: z.ZodObject, shape: Record<string, unknown>, raw: Record<string, unknown>): Record<string, unknown> | undefined {
  const proto: unknown = Object.getPrototypeOf(raw);
  if (proto !== Object.prototype && proto !== null) return undefined;
  if (unknownKeys(shape, raw).length > 0) return undefined;
  const result = schema.safeParse(raw);
  return result.success ? (result.data as Record<string, unknown>) : undefined;
}

/** The keys a strict object schema does not declare, as zod finds them (`for ... in`; JSON input has only own keys). */
function unknownKeys(shape: Record<string, unknown>, raw: Record<string, unknown>): string[] {
  return Object.keys(raw).filter((key) => !Object.hasOwn(shape, key));
}

/**
 * What is well-formed in a value that failed its schema, without reporting (the parse reported it): a list's
 * items and a map's keys, each parsed the same way, or MALFORMED. For a union, the first option of the value's
 * kind (list or map) is followed.
 */
function salvage(schema: z.ZodType, raw: unknown): unknown {
  return schema.safeParse(raw).success ? raw : salvageFailed(schema, raw);
}

/** {@link salvage} of a value already known to fail `schema` (it is not parsed again). */
function salvageFailed(schema: z.ZodType, raw: unknown): unknown {
  const inner = containerOf(schema, raw);
  if (!inner) return MALFORMED;
  const def = inner._zod.def as unknown as { type: string; element?: z.ZodType; shape?: Record<string, z.ZodType> };
  if (def.type === "array" && Array.isArray(raw)) return markPartial(raw.map((item) => salvage(def.element!, item)));
  if (def.type === "object" && isMap(raw)) {
    const kept: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(def.shape!)) if (Object.hasOwn(raw, key)) kept[key] = salvage(field, raw[key]);
    return markPartial(kept);
  }
  return MALFORMED;
}

/** The list or map schema inside optional wrappers and unions that fits `raw`'s kind, if any. */
function containerOf(schema: z.ZodType, raw: unknown): z.ZodType | undefined {
  const def = schema._zod.def as unknown as { type: string; innerType?: z.ZodType; options?: z.ZodType[] };
  if (def.type === "array") return Array.isArray(raw) ? schema : undefined;
  if (def.type === "object") return isMap(raw) ? schema : undefined;
  if (def.innerType) return containerOf(def.innerType, raw);
  if (def.options) return def.options.map((o) => containerOf(o, raw)).find((o) => o !== undefined);
  return undefined;
}
