/**
 * Reads a stack file (`stacks/Pulumi.<stack>.yaml`) the way Pulumi does, into Pulumi's flat config map, for
 * the offline plan and the tests. Encrypted `secure:` values cannot be decrypted without the stack's secrets
 * provider; they become a placeholder and their keys are marked secret, so everything downstream treats them
 * as Pulumi secrets.
 */
import { LineCounter, parseDocument } from "yaml";
import { Diagnostics, type Diagnostic } from "./diagnostics";
import { PROJECT } from "./load";

/** Stands in for a value we cannot decrypt offline. Never printed: its key is a secret. */
export const UNDECRYPTABLE = "[secret]";

export interface StackFileConfig {
  readonly config: Record<string, string>;
  readonly secretKeys: Set<string>;
  readonly diagnostics: readonly Diagnostic[];
}

export function readStackFileText(text: string): StackFileConfig {
  const diags = new Diagnostics();
  const lines = new LineCounter();
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false, lineCounter: lines });
  if (doc.errors.length > 0) {
    for (const e of doc.errors) {
      const pos = lines.linePos(e.pos[0]);
      const where = `line ${pos.line}, column ${pos.col}`;
      diags.report("YAML_SYNTAX", where, firstLine(e.message));
    }
    return { config: {}, secretKeys: new Set(), diagnostics: diags.list() };
  }
  let root: unknown;
  try {
    root = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    // An alias bomb ("billion laughs"): refused before it is expanded.
    diags.report("YAML_SYNTAX", "line 1, column 1", `the file cannot be expanded: ${firstLine(e instanceof Error ? e.message : String(e))}.`, "Write the values out instead of nesting aliases in aliases.");
    return { config: {}, secretKeys: new Set(), diagnostics: diags.list() };
  }
  const section = root === null || root === undefined ? {} : (root as Record<string, unknown>)["config"];
  const config: Record<string, string> = {};
  const secretKeys = new Set<string>();
  if (section === undefined || section === null) return { config, secretKeys, diagnostics: [] };
  if (typeof section !== "object" || Array.isArray(section)) {
    diags.report("CONFIG_NOT_A_MAP", "config", "the stack file's `config:` must be a map of keys to values.");
    return { config, secretKeys, diagnostics: diags.list() };
  }
  for (const [rawKey, value] of Object.entries(section as Record<string, unknown>)) {
    // Pulumi puts keys without a namespace into the project's namespace.
    const key = rawKey.includes(":") ? rawKey : `${PROJECT}:${rawKey}`;
    const { text: flat, secret } = flatten(value);
    config[key] = flat;
    if (secret) secretKeys.add(key);
  }
  return { config, secretKeys, diagnostics: [] };
}

function firstLine(message: string): string {
  return message.split("\n")[0]!.trim();
}

/** Pulumi's representation: scalars as text, maps and lists as JSON; `{ secure: ... }` anywhere marks a secret. */
function flatten(value: unknown): { text: string; secret: boolean } {
  if (isSecure(value)) return { text: UNDECRYPTABLE, secret: true };
  if (value !== null && typeof value === "object") {
    let secret = false;
    const text = JSON.stringify(value, (_k, v: unknown) => {
      if (isSecure(v)) {
        secret = true;
        return UNDECRYPTABLE;
      }
      return v;
    });
    return { text, secret };
  }
  return { text: value === null || value === undefined ? "" : String(value), secret: false };
}

function isSecure(v: unknown): boolean {
  return typeof v === "object" && v !== null && !Array.isArray(v) && Object.keys(v).length === 1 && typeof (v as Record<string, unknown>)["secure"] === "string";
}
