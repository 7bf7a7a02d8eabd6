/**
 * How values appear in a plan. Pulumi's wire format marks secrets with a signature key and unknown values
 * with a sentinel string; the mock runtime hands us exactly that, so the plan redacts by marking, never by
 * guessing from property names.
 */
import * as pulumi from "@pulumi/pulumi";

export const SECRET = "[secret]";
export const UNKNOWN = "(known after apply)";

/**
 * Pulumi's unknown-value sentinel on the wire (sdk/nodejs/runtime/rpc.ts `unknownValue`); deserialised
 * inputs carry `pulumi.isUnknown` markers instead.
 */
export const UNKNOWN_SENTINEL = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
/** Pulumi's special-signature key and its secret value (sdk/nodejs/runtime/rpc.ts `specialSigKey`, `specialSecretSig`). */
const SIG_KEY = "4dabf18193072939515e22adb298388d";
const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";

/** Wire-format value → plan value: secrets and unknowns replaced, object keys sorted, undefined dropped. */
export function planValue(value: unknown): unknown {
  if (value === UNKNOWN_SENTINEL || pulumi.isUnknown(value)) return UNKNOWN;
  if (Array.isArray(value)) return value.map(planValue);
  if (value !== null && typeof value === "object") {
    const obj = value as Record<string, unknown>;
    if (obj[SIG_KEY] === SECRET_SIG) return SECRET;
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(obj).sort()) {
      if (obj[key] !== undefined) out[key] = planValue(obj[key]);
    }
    return out;
  }
  return value;
}

/** The parts of an Output the plan needs and the public API does not expose (stable since Pulumi 1.x). */
interface OutputInternals<T> {
  readonly isKnown: Promise<boolean>;
  promise(withUnknowns?: boolean): Promise<T>;
}

/**
 * A stack output → plan value. A secret anywhere prints as "[secret]" (checked before anything is awaited
 * into a string), an unknown as "(known after apply)"; plain objects and arrays are walked leaf by leaf, so a
 * handoff block keeps its readable parts readable.
 */
export async function resolveOutput(value: unknown): Promise<unknown> {
  if (pulumi.Output.isInstance(value)) {
    if (await pulumi.isSecret(value)) return SECRET;
    const internals = value as unknown as OutputInternals<unknown>;
    if (!(await internals.isKnown)) return UNKNOWN;
    return resolveOutput(await internals.promise());
  }
  if (Array.isArray(value)) return Promise.all(value.map(resolveOutput));
  if (value !== null && typeof value === "object") {
    const obj = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(obj).sort()) {
      if (obj[key] !== undefined) out[key] = await resolveOutput(obj[key]);
    }
    return out;
  }
  return planValue(value);
}

/**
 * Paths (within a resource's raw inputs) of every value that is a secret Output. The wire format drops the
 * secret mark from values that are also unknown (an unknown wins), so the plan asks the program's own Outputs.
 */
export async function secretPaths(value: unknown, path: (string | number)[] = []): Promise<(string | number)[][]> {
  if (pulumi.Output.isInstance(value)) {
    if (await pulumi.isSecret(value)) return [path];
    const internals = value as unknown as OutputInternals<unknown>;
    return (await internals.isKnown) ? secretPaths(await internals.promise(), path) : [];
  }
  if (value instanceof Promise) return secretPaths(await value, path);
  if (Array.isArray(value)) return (await Promise.all(value.map((v, i) => secretPaths(v, [...path, i])))).flat();
  if (value !== null && typeof value === "object" && !pulumi.Resource.isInstance(value)) {
    const entries = Object.entries(value as Record<string, unknown>);
    return (await Promise.all(entries.map(([k, v]) => secretPaths(v, [...path, k])))).flat();
  }
  return [];
}

/** Replace the value at each path with "[secret]" (paths that no longer exist are ignored). */
export function redactPaths(value: unknown, paths: readonly (string | number)[][]): unknown {
  let out = value;
  for (const path of paths) out = redactOne(out, path);
  return out;
}

function redactOne(value: unknown, path: readonly (string | number)[]): unknown {
  if (path.length === 0) return SECRET;
  if (value === null || typeof value !== "object") return value;
  const [head, ...rest] = path;
  if (Array.isArray(value)) return value.map((v, i) => (i === head ? redactOne(v, rest) : v));
  const obj = value as Record<string, unknown>;
  if (!(String(head) in obj)) return value;
  return { ...obj, [String(head)]: redactOne(obj[String(head)], rest) };
}
