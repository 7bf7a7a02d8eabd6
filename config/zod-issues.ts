/** Turns zod's issues into diagnostics a person can act on: key path, what is wrong, the value, the fix. */
import type * as z from "zod";
import type { Diagnostics } from "./diagnostics";
import { keyPath, type PathSegment } from "./paths";
import { isRule } from "./rules/rule";
import { STACK_FILE_RULES } from "./rules/stack-file";
import { describeType, show } from "./show";
import { didYouMean } from "./suggest";

/** Validate `value` against `schema`, reporting every issue under `root` + `prefix`. Returns the data when clean. */
export function checkShape<S extends z.ZodType>(
  schema: S,
  value: unknown,
  root: string,
  prefix: readonly PathSegment[],
  diags: Diagnostics,
): z.infer<S> | undefined {
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) return result.data;
  reportIssues(schema, result.error.issues, [], root, prefix, diags);
  return undefined;
}

/**
 * Report issues that parsing the part of `schema` at `within` found (all of `schema`: `[]`; one key of an object
 * schema: `[key]`), under `root` + `prefix`.
 */
export function reportIssues(schema: z.ZodType, issues: readonly z.core.$ZodIssue[], within: readonly PathSegment[], root: string, prefix: readonly PathSegment[], diags: Diagnostics): void {
  for (const issue of issues) {
    const path = [...within, ...(issue.path as PathSegment[])];
    reportIssue(issue, [...prefix, ...path], root, diags, keysAt(schema, path));
  }
}

function reportIssue(issue: z.core.$ZodIssue, at: PathSegment[], root: string, diags: Diagnostics, knownKeys: readonly string[]): void {
  const input = (issue as { input?: unknown }).input;
  switch (issue.code) {
    case "unrecognized_keys":
      for (const key of issue.keys) {
        diags.report(STACK_FILE_RULES.CONFIG_UNKNOWN_KEY,
          keyPath(root, [...at, key]),
          `unknown key ${show(key)}.${didYouMean(key, knownKeys)}`,
          `Remove it or use one of: ${knownKeys.join(", ")}.`,
        );
      }
      return;
    case "invalid_type":
      if (input === undefined) {
        diags.report(STACK_FILE_RULES.CONFIG_REQUIRED, keyPath(root, at), `is required (${expected(issue.expected)}).`);
      } else {
        diags.report(STACK_FILE_RULES.CONFIG_INVALID_TYPE, keyPath(root, at), `must be ${expected(issue.expected)}, got ${describeType(input)}.`);
      }
      return;
    case "invalid_value": {
      const allowed = issue.values.map(String);
      if (input === undefined) {
        diags.report(STACK_FILE_RULES.CONFIG_REQUIRED, keyPath(root, at), `is required: one of ${allowed.join(", ")}.`);
        return;
      }
      const got = typeof input === "string" ? didYouMean(input, allowed) : "";
      diags.report(STACK_FILE_RULES.CONFIG_INVALID_VALUE, keyPath(root, at), `must be one of ${allowed.join(", ")}; got ${show(input)}.${got}`);
      return;
    }
    case "too_small":
      diags.report(STACK_FILE_RULES.CONFIG_INVALID_VALUE, keyPath(root, at), tooSmall(issue, input));
      return;
    case "too_big":
      diags.report(STACK_FILE_RULES.CONFIG_INVALID_VALUE, keyPath(root, at), tooBig(issue, input));
      return;
    case "custom": {
      // A refinement that names its rule (`params: { rule }`, e.g. the URL policy's) reports under it, with its
      // own message: it says what is wrong without repeating the value.
      const rule = (issue.params as { rule?: unknown } | undefined)?.rule;
      if (isRule(rule)) {
        diags.report(rule, keyPath(root, at), issue.message);
        return;
      }
      diags.report(STACK_FILE_RULES.CONFIG_INVALID_VALUE, keyPath(root, at), `${issue.message}${input === undefined ? "" : `; got ${show(input)}`}.`, "Correct the value as the message describes.");
      return;
    }
    default:
      diags.report(STACK_FILE_RULES.CONFIG_INVALID_VALUE, keyPath(root, at), `${issue.message}${input === undefined ? "" : `; got ${show(input)}`}.`, "Correct the value as the message describes.");
  }
}

function expected(type: string): string {
  switch (type) {
    case "object": return "a map";
    case "array": return "a list";
    case "int": return "a whole number";
    default: return `a ${type}`;
  }
}

function tooSmall(issue: z.core.$ZodIssueTooSmall, input: unknown): string {
  const min = Number(issue.minimum);
  if (issue.origin === "array") return min === 1 ? "must not be an empty list." : `must have at least ${min} entries.`;
  if (issue.origin === "string") return min === 1 ? "must not be empty." : `must be at least ${min} characters long.`;
  return `must be at least ${min}; got ${show(input)}.`;
}

function tooBig(issue: z.core.$ZodIssueTooBig, input: unknown): string {
  const max = Number(issue.maximum);
  if (issue.origin === "array") return `must have at most ${max} entries.`;
  if (issue.origin === "string") return `must be at most ${max} characters long.`;
  return `must be at most ${max}; got ${show(input)}.`;
}

/** The keys the object schema found at `path` inside `schema` accepts, for "did you mean" on unknown keys. */
export function keysAt(schema: z.ZodType, path: readonly PathSegment[]): string[] {
  let node: z.core.$ZodType | undefined = schema;
  for (const segment of path) {
    node = objectLike(node);
    if (!node) return [];
    const def = node._zod.def as unknown as { type: string; shape?: Record<string, z.core.$ZodType>; element?: z.core.$ZodType };
    node = def.type === "array" ? def.element : typeof segment === "string" ? def.shape?.[segment] : undefined;
  }
  const target = objectLike(node);
  const shape = (target?._zod.def as unknown as { shape?: Record<string, unknown> } | undefined)?.shape;
  return shape ? Object.keys(shape) : [];
}

/** Look through optional wrappers and unions to the object or array schema inside. */
function objectLike(node: z.core.$ZodType | undefined): z.core.$ZodType | undefined {
  let current = node;
  for (let i = 0; current && i < 8; i++) {
    const def = current._zod.def as unknown as { type: string; innerType?: z.core.$ZodType; options?: z.core.$ZodType[] };
    if (def.type === "object" || def.type === "array") return current;
    if (def.innerType) current = def.innerType;
    else if (def.options) current = def.options.map((o) => objectLike(o)).find((o) => o !== undefined);
    else return undefined;
  }
  return undefined;
}
