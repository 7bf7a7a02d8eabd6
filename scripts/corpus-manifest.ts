/**
 * The bad-input corpus (`test/fixtures/invalid/*.yaml`): malformed stack files, each starting with a header
 *
 *     # <what is wrong with it>
 *     # expect: <CODE> <key path>
 *     # expect: ...
 *
 * listing every diagnostic (errors and warnings) the check and the plan must report for it, by code and key
 * path. A path ending in `…` matches by prefix (for keys too long to write down).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";

export const CORPUS_DIR = join(__dirname, "..", "test", "fixtures", "invalid");
const REPO = join(__dirname, "..");

export interface Expected {
  readonly code: string;
  readonly path: string;
  /** The path was written with a trailing `…`: match diagnostics whose path starts with `path`. */
  readonly prefix: boolean;
}

export interface CorpusCase {
  /** File name, e.g. `okta-redirect-http.yaml`. */
  readonly name: string;
  /** Repository-relative path with forward slashes, e.g. `test/fixtures/invalid/okta-redirect-http.yaml`. */
  readonly file: string;
  readonly absolute: string;
  readonly description: string;
  readonly expect: readonly Expected[];
  /** `# stack: <name>`: the stack name the commands are given (default `corpus`), for rules about stack names. */
  readonly stack: string;
}

export function readCorpus(): CorpusCase[] {
  return readdirSync(CORPUS_DIR)
    .filter((f) => f.endsWith(".yaml"))
    .sort()
    .map((name) => {
      const absolute = join(CORPUS_DIR, name);
      return { name, absolute, file: relative(REPO, absolute).split("\\").join("/"), ...parseHeader(readHead(absolute), name) };
    });
}

/** The leading comment block only: the large hostile files are megabytes long. */
function readHead(path: string): string {
  const text = readFileSync(path, "utf8");
  const end = text.search(/^[^#]/m);
  return end < 0 ? text : text.slice(0, end);
}

export function parseHeader(head: string, name: string): { description: string; expect: Expected[]; stack: string } {
  const lines = head.split("\n").filter((l) => l.startsWith("#"));
  const description = (lines[0] ?? "").replace(/^#\s*/, "");
  const expect: Expected[] = [];
  for (const line of lines) {
    const m = /^# expect: ([A-Z][A-Z0-9_]*) (.+)$/.exec(line);
    if (!m) continue;
    const raw = m[2]!.trimEnd();
    const prefix = raw.endsWith("…");
    expect.push({ code: m[1]!, path: prefix ? raw.slice(0, -1) : raw, prefix });
  }
  if (!description || description.startsWith("expect:")) throw new Error(`${name}: the first line must describe the case`);
  if (expect.length === 0) throw new Error(`${name}: no "# expect: <CODE> <path>" line`);
  const stack = lines.map((l) => /^# stack: ([a-z0-9][a-z0-9._-]*)$/.exec(l)?.[1]).find((s) => s !== undefined) ?? "corpus";
  return { description, expect, stack };
}

/** Does diagnostic (code, path) satisfy this expectation? */
export function matches(e: Expected, d: { code: string; path: string }): boolean {
  return e.code === d.code && (e.prefix ? d.path.startsWith(e.path) : d.path === e.path);
}

/** How an expectation reads in a test name: `CODE at path`. */
export function label(e: Expected): string {
  return `${e.code} at ${e.path}${e.prefix ? "…" : ""}`;
}
