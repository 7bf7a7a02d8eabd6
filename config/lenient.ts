/**
 * What the rules see of an app: the result of the lenient parse (config/lenient-parse.ts). Every value is
 * either well-formed, typed as its schema says, or {@link MALFORMED}; so rules take typed inputs and need no
 * type guards of their own. A leaf: rules import it without importing the parser.
 *
 * A malformed list keeps its items (each well-formed or MALFORMED, at its index), and a malformed map its
 * keys, all the way down: a list of URIs with one number in it still has its URIs checked, and a signing key
 * with one bad setting still has its key material checked.
 */

/**
 * A value that is present but malformed. It is reported by the parse, and no rule reads it: a rule that needs
 * the value skips it (a malformed `clientAuth` is no method at all, so no default stands in for it), while a
 * rule that asks only whether the key is set still sees that it is.
 */
export const MALFORMED: unique symbol = Symbol("malformed");
export type Malformed = typeof MALFORMED;

/**
 * A leniently parsed value of type `T`: a scalar as the schema types it; a list of {@link Slot}s; a map whose
 * present keys are {@link Slot}s (unknown keys dropped: they are reported). A well-formed `T` is one.
 */
export type Lenient<T> = T extends readonly (infer E)[]
  ? readonly Slot<E>[]
  : T extends string | number | boolean
    ? T
    : T extends object
      ? { readonly [K in keyof T]?: Slot<Exclude<T[K], undefined>> }
      : T;

/** One value of a lenient parse: well-formed (typed), or present and {@link MALFORMED}. */
export type Slot<T> = Lenient<T> | Malformed;

/** Present and not {@link MALFORMED}: a scalar is then well-formed; a list or map may be partly malformed inside. */
export function wellFormed<T>(slot: T | Malformed | undefined): slot is T {
  return slot !== undefined && slot !== MALFORMED;
}

/** The lists and maps the parse kept only in part (a malformed item or key inside). */
const partial = new WeakSet<object>();

/** Marks a list or map the parse salvaged: it is not a complete, well-formed value. */
export function markPartial<V extends object>(value: V): V {
  partial.add(value);
  return value;
}

/** Well-formed all the way down: the value as its schema types it (a scalar that is present, or a list or map kept whole). */
export function complete<T>(slot: Slot<T> | undefined): slot is Slot<T> & T {
  return wellFormed(slot) && !(typeof slot === "object" && slot !== null && partial.has(slot));
}

/** A list's items when it is one, else none (absent, or not a list at all: the parse reports that). */
export function itemsOf<T>(list: readonly Slot<T>[] | Malformed | undefined): readonly Slot<T>[] {
  return wellFormed(list) ? list : [];
}
