/**
 * A component's args as the rules may read them: a map of the caller's own, plain values. What cannot be
 * checked is refused here, each at its path: args that are not a map, keys the component does not take (`type`,
 * `__proto__`, typos), and Outputs or Promises anywhere (their value is not known while the component is
 * constructed, when the rules run).
 */
import * as pulumi from "@pulumi/pulumi";
import type { Diagnostic, Diagnostics } from "../config/diagnostics";
import { isMap } from "../config/maps";
import { keyPath, type PathSegment } from "../config/paths";
import { STACK_FILE_RULES } from "../config/rules/stack-file";
import { APP_NAME } from "../config/schema/root";
import { describeType, show } from "../config/show";
import { didYouMean } from "../config/suggest";

/** Own properties only, and no prototype: a key the caller did not write is never read, `__proto__` is a key. */
export type PlainArgs = Record<string, unknown>;

/**
 * How the component's name leads the paths of its problems: as it is when it is a valid app name, or when a
 * message could quote it as it is (short, nothing to escape or redact); otherwise quoted, redacted and cut
 * short, as a value in a message is (config/show.ts): a JWT-shaped or 3,000-character name is not repeated.
 */
export function pathName(name: string): string {
  return APP_NAME.test(name) || show(name) === JSON.stringify(name) ? name : show(name, 40);
}

export interface ArgsShape {
  /** The component's class, e.g. `OktaWebApp`. */
  readonly component: string;
  /** The path of the args: {@link pathName} of the component's name. */
  readonly at: string;
  /** Every top-level key the component takes. */
  readonly keys: readonly string[];
  /** An app component's kind, the stack file's `type`: fixed by the class, never an arg. */
  readonly kind?: string;
}

/**
 * The args as {@link PlainArgs}, every problem reported; undefined when they are not a map at all. Omitted args
 * are no args (`{}`); a key whose value is undefined is left out, as before. A key holding an Output or a
 * Promise is left out too, its path added to `held`: what the rules then say about that key (that it is
 * missing) is not true, and {@link heldBack} hides it.
 */
export function plainArgs(args: unknown, shape: ArgsShape, diags: Diagnostics, held?: Set<string>): PlainArgs | undefined {
  const out = Object.create(null) as PlainArgs;
  if (args === undefined) return out;
  const deferred = deferredKind(args);
  if (deferred || !isMap(args)) {
    const got = deferred ?? describeType(args);
    diags.report(STACK_FILE_RULES.CONFIG_NOT_A_MAP, shape.at, `must be a map of ${shape.component}'s arguments, got ${got}.`, `Pass the arguments as a plain object, e.g. \`new ${shape.component}("name", { ... })\`.`);
    return undefined;
  }
  for (const key of Object.keys(args)) {
    const value = (args as Record<string, unknown>)[key];
    if (value === undefined) continue;
    if (key === "type" && shape.kind !== undefined) {
      diags.report(STACK_FILE_RULES.CONFIG_UNKNOWN_KEY, keyPath(shape.at, [key]), `is not an argument: a ${shape.component} is always a \`type: ${shape.kind}\` app (the class fixes the kind).`, "Remove it; for another kind of app use that kind's class (OktaWebApp, OktaBrowserApp, OktaNativeApp, OktaServiceApp).");
      continue;
    }
    if (!shape.keys.includes(key)) {
      diags.report(STACK_FILE_RULES.CONFIG_UNKNOWN_KEY, keyPath(shape.at, [key]), `unknown key ${show(key)}.${didYouMean(key, shape.keys)}`, `Remove it or use one of: ${shape.keys.join(", ")}.`);
      continue;
    }
    if (!reportDeferred(value, [key], shape.at, diags, new Set())) {
      held?.add(keyPath(shape.at, [key]));
      continue;
    }
    Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

const DEFERRED = "must be a plain value known when the component is constructed, not ";

/** Whether `d` is a rule's finding under a key left out for its Output (a consequence), not the Output's own error. */
export function heldBack(d: Diagnostic, held: ReadonlySet<string>): boolean {
  if (d.message.startsWith(DEFERRED)) return false;
  for (const path of held) if (d.path === path || d.path.startsWith(`${path}.`) || d.path.startsWith(`${path}[`)) return true;
  return false;
}

/** `"an Output"`, `"a Promise"`, or undefined for a value known now. */
function deferredKind(value: unknown): string | undefined {
  if (pulumi.Output.isInstance(value)) return "an Output";
  if (typeof value === "object" && value !== null && typeof (value as { then?: unknown }).then === "function") return "a Promise";
  return undefined;
}

/** Reports every Output or Promise in `value` at its path; false when there is one (the arg is then left out). */
function reportDeferred(value: unknown, path: PathSegment[], at: string, diags: Diagnostics, seen: Set<object>): boolean {
  const deferred = deferredKind(value);
  if (deferred) {
    diags.report(
      STACK_FILE_RULES.CONFIG_INVALID_TYPE,
      keyPath(at, path),
      `${DEFERRED}${deferred}: the arguments are checked before anything is registered, when ${deferred === "an Output" ? "an Output's" : "a Promise's"} value is not known.`,
      "Pass the value itself (e.g. `config.require(...)`, not `requireSecret` or another resource's output).",
    );
    return false;
  }
  if (typeof value !== "object" || value === null || seen.has(value)) return true;
  seen.add(value);
  let plain = true;
  if (Array.isArray(value)) value.forEach((item: unknown, i) => (plain = reportDeferred(item, [...path, i], at, diags, seen) && plain));
  else for (const key of Object.keys(value)) plain = reportDeferred((value as Record<string, unknown>)[key], [...path, key], at, diags, seen) && plain;
  return plain;
}
