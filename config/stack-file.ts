/**
 * Reads a stack file (`stacks/Pulumi.<stack>.yaml`) the way Pulumi does, into Pulumi's flat config map, for
 * the offline plan and the tests. Encrypted `secure:` values cannot be decrypted without the stack's secrets
 * provider; they become a placeholder and their keys are marked secret, so everything downstream treats them
 * as Pulumi secrets.
 *
 * Bounded on any input (docs/stack-file.md § Untrusted input): at most {@link MAX_STACK_FILE_BYTES} bytes,
 * {@link MAX_STACK_FILE_LINES} lines and {@link MAX_YAML_NODES} YAML nodes; aliases expand at most 100 times;
 * duplicate keys are found in one pass (the YAML library's own check compares every pair of keys of a map).
 * What YAML allows and a stack file must not hold is refused with the key path: tags outside the core schema,
 * merge keys, aliases that contain themselves, and a YAML version other than 1.2.
 */
import { isAlias, isMap, isNode, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node } from "yaml";
import { Diagnostics, type Diagnostic } from "./diagnostics";
import { keyPath, type PathSegment } from "./paths";
import { STACK_FILE_RULES } from "./rules/stack-file";
import { PROJECT } from "./sections";
import { show } from "./show";

/** The size cap (docs/stack-file.md § Untrusted input): stack files are kilobytes; 1,000 apps are about 400 KB. */
export const MAX_STACK_FILE_BYTES = 2 * 1024 * 1024;
export const MAX_STACK_FILE_LINES = 100_000;
export const MAX_YAML_NODES = 100_000;

/** The YAML 1.2 core schema's tags (`!!str`, `!!int`, …) and the non-specific `!`: what a stack file may use. */
const CORE_TAGS = new Set(["!", ...["str", "int", "float", "bool", "null", "map", "seq"].map((t) => `tag:yaml.org,2002:${t}`)]);

/** Stands in for a value we cannot decrypt offline. Never printed: its key is a secret. */
export const UNDECRYPTABLE = "[secret]";

export interface StackFileConfig {
  readonly config: Record<string, string>;
  readonly secretKeys: Set<string>;
  readonly diagnostics: readonly Diagnostic[];
}

export function readStackFileText(text: string): StackFileConfig {
  const diags = new Diagnostics();
  const tooLarge = sizeProblem(text);
  if (tooLarge) {
    diags.report(STACK_FILE_RULES.YAML_TOO_LARGE, "line 1, column 1", tooLarge);
    return { config: {}, secretKeys: new Set(), diagnostics: diags.list() };
  }
  const lines = new LineCounter();
  // Duplicate keys are checked below, in one pass: the library's check is quadratic in a map's size.
  const doc = parseDocument(text, { uniqueKeys: false, prettyErrors: false, lineCounter: lines, merge: false });
  if (doc.errors.length > 0) {
    for (const e of doc.errors) {
      const pos = lines.linePos(e.pos[0]);
      const where = `line ${pos.line}, column ${pos.col}`;
      if (e.code === "MULTIPLE_DOCS") diags.report(STACK_FILE_RULES.YAML_SYNTAX, where, "a second YAML document starts here; a stack file must be a single YAML document.", "Remove the `---` (or `...`) that separates the documents and keep every key under the file's one `config:` map.");
      else diags.report(STACK_FILE_RULES.YAML_SYNTAX, where, firstLine(e.message));
    }
    return { config: {}, secretKeys: new Set(), diagnostics: diags.list() };
  }
  checkNodes(doc, lines, diags);
  if (diags.hasErrors) return { config: {}, secretKeys: new Set(), diagnostics: diags.list() };
  let root: unknown;
  try {
    root = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    // An alias bomb ("billion laughs"): refused before it is expanded.
    diags.report(STACK_FILE_RULES.YAML_SYNTAX, "line 1, column 1", `the file cannot be expanded: ${firstLine(e instanceof Error ? e.message : String(e))}.`, "Write the values out instead of nesting aliases in aliases.");
    return { config: {}, secretKeys: new Set(), diagnostics: diags.list() };
  }
  const section = root === null || root === undefined ? {} : (root as Record<string, unknown>)["config"];
  const config: Record<string, string> = {};
  const secretKeys = new Set<string>();
  if (section === undefined || section === null) return { config, secretKeys, diagnostics: [] };
  if (typeof section !== "object" || Array.isArray(section)) {
    diags.report(STACK_FILE_RULES.CONFIG_NOT_A_MAP, "config", "the stack file's `config:` must be a map of keys to values.");
    return { config, secretKeys, diagnostics: diags.list() };
  }
  for (const [rawKey, value] of Object.entries(section as Record<string, unknown>)) {
    const key = configKey(rawKey);
    let flat: { text: string; secret: boolean };
    try {
      flat = flatten(value);
    } catch (e) {
      // Not expected after checkNodes (a cycle is refused there); never a stack trace.
      diags.report(STACK_FILE_RULES.YAML_SYNTAX, key, `the value cannot be read: ${firstLine(e instanceof Error ? e.message : String(e))}.`);
      continue;
    }
    config[key] = flat.text;
    if (flat.secret) secretKeys.add(key);
  }
  return { config, secretKeys, diagnostics: diags.list() };
}

/** Pulumi puts keys without a namespace into the project's namespace. */
function configKey(rawKey: string): string {
  return rawKey.includes(":") ? rawKey : `${PROJECT}:${rawKey}`;
}

function sizeProblem(text: string): string | undefined {
  // Cheap checks first: the length in UTF-16 units is at most the length in UTF-8 bytes.
  if (text.length > MAX_STACK_FILE_BYTES || Buffer.byteLength(text, "utf8") > MAX_STACK_FILE_BYTES) {
    return `the file has ${Buffer.byteLength(text, "utf8").toLocaleString("en-US")} bytes; oidc-apps reads stack files of up to ${MAX_STACK_FILE_BYTES.toLocaleString("en-US")} bytes (2 MiB).`;
  }
  let count = 1;
  for (let i = text.indexOf("\n"); i >= 0 && count <= MAX_STACK_FILE_LINES; i = text.indexOf("\n", i + 1)) count++;
  if (count > MAX_STACK_FILE_LINES) return `the file has more than ${MAX_STACK_FILE_LINES.toLocaleString("en-US")} lines, the most oidc-apps reads.`;
  return undefined;
}

/**
 * One pass over the YAML nodes, before anything is converted: the node count cap, duplicate keys (YAML
 * requires keys to be unique; Pulumi refuses duplicates too), tags outside the core schema, merge keys, and
 * aliases that refer to a node containing them (which would expand forever). Reported with the config key
 * path where there is one, else the line and column.
 */
function checkNodes(doc: Document, lines: LineCounter, diags: Diagnostics): void {
  const where = (node: { range?: readonly number[] | null } | null | undefined) => {
    const pos = lines.linePos(node?.range?.[0] ?? 0);
    return `line ${pos.line}, column ${pos.col}`;
  };
  const version = doc.directives?.yaml.version;
  if (doc.directives?.yaml.explicit && version !== "1.2") {
    diags.report(STACK_FILE_RULES.YAML_SYNTAX, "line 1, column 1", `the file declares YAML ${show(version)}; stack files are YAML 1.2, as Pulumi reads them (YAML 1.1 reads \`yes\`, \`no\` and \`<<\` differently).`, "Remove the %YAML directive.");
    return;
  }
  let nodes = 0;
  visit(doc, {
    Node(_key, node, path) {
      if (++nodes > MAX_YAML_NODES) {
        diags.report(STACK_FILE_RULES.YAML_TOO_LARGE, where(node), `the file has more than ${MAX_YAML_NODES.toLocaleString("en-US")} YAML values, the most oidc-apps reads.`);
        return visit.BREAK;
      }
      const tag = (node as { tag?: string }).tag;
      if (tag !== undefined && !CORE_TAGS.has(tag)) {
        diags.report(
          STACK_FILE_RULES.YAML_TAG_UNKNOWN,
          locate(path, node, where),
          `has the tag ${show(tag.replace(/^tag:yaml\.org,2002:/, "!!"))}, which stack files do not use: it would be dropped or would change the value's type, so what is applied would not be what is written.`,
        );
      }
      if (isAlias(node)) {
        const target = node.resolve(doc);
        if (target && path.includes(target as never)) {
          diags.report(STACK_FILE_RULES.YAML_SYNTAX, locate(path, node, where), `the alias *${node.source} refers to a node that contains it (a self-referential alias), which would expand forever.`, "Write the value out instead of the alias.");
        }
        return undefined;
      }
      if (isMap(node)) {
        const seen = new Set<string>();
        for (const pair of node.items) {
          const k = pair.key;
          if (isScalar(k) && k.value === "<<" && (k.type === "PLAIN" || k.tag === "tag:yaml.org,2002:merge")) {
            diags.report(STACK_FILE_RULES.YAML_MERGE_KEY, locate([...path, node, pair], k, where), "is a merge key (`<<`): YAML 1.2 has none, Pulumi's parser merges the aliased map here and this one would not, so the two would read different settings.");
          }
          if (!isScalar(k)) continue;
          const name = String(k.value);
          if (seen.has(name)) diags.report(STACK_FILE_RULES.YAML_SYNTAX, where(k), `Map keys must be unique; ${show(name)} is repeated here.`);
          seen.add(name);
        }
      }
      return undefined;
    },
  });
}

/** The config key path of a node (`oidc-apps:okta.apps.portal.label`), from the pairs and lists around it; else its line and column. */
function locate(path: readonly unknown[], node: unknown, where: (n: Node | null | undefined) => string): string {
  const segments: PathSegment[] = [];
  const chain = [...path, node];
  for (let i = 0; i < chain.length; i++) {
    const item = chain[i];
    if (isPair(item)) {
      if (!isScalar(item.key)) return where(node as Node);
      segments.push(String(item.key.value));
    } else if (isSeq(item)) {
      const child = chain[i + 1];
      const index = item.items.indexOf(child as never);
      if (index >= 0) segments.push(index);
    }
  }
  // A node that is a map key: its pair is last in the chain and names it already.
  if (segments.length === 0) return where(isNode(node) ? node : null);
  const [top, ...rest] = segments;
  if (top === "config" && rest.length > 0 && typeof rest[0] === "string") return keyPath(configKey(rest[0]), rest.slice(1));
  return keyPath(String(top), rest);
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
  // A scalar here (number, boolean): its text is what Pulumi passes the program.
  return { text: value === null || value === undefined ? "" : String(value as string | number | boolean), secret: false };
}

function isSecure(v: unknown): boolean {
  return typeof v === "object" && v !== null && !Array.isArray(v) && Object.keys(v).length === 1 && typeof (v as Record<string, unknown>)["secure"] === "string";
}
