/**
 * The rule catalogue as a product: complete entries, generated docs that cannot go stale, and no drift between
 * the codes the source emits, the catalogue, the docs and the README sections the catalogue cites.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { RULES, RULE_SECTIONS, type Rule } from "../../config/rules/catalogue";
import { DOCS_FILE, rulesMarkdown } from "../../scripts/gen-docs";

const REPO = join(__dirname, "..", "..");
const rules = Object.entries(RULES) as [string, Rule][];

/** TypeScript sources of the product (not tests), where diagnostics are reported. */
function sources(): { file: string; text: string }[] {
  const walk = (dir: string): string[] =>
    readdirSync(join(REPO, dir), { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? (e.name === "node_modules" ? [] : walk(join(dir, e.name))) : e.name.endsWith(".ts") ? [join(dir, e.name)] : [],
    );
  const dirs = ["config", "recipes", "components", "plan", "scripts", "policy"].filter((d) => {
    try {
      return readdirSync(join(REPO, d)) !== undefined;
    } catch {
      return false;
    }
  });
  return [...dirs.flatMap(walk), "index.ts"]
    .filter((f) => !f.endsWith(join("rules", "catalogue.ts")))
    .map((f) => ({ file: f, text: readFileSync(join(REPO, f), "utf8") }));
}

/** Codes named where a diagnostic is made: `report("CODE"`, `code: "CODE"`, and the code maps beside them. */
function emittedCodes(): Map<string, string> {
  const found = new Map<string, string>();
  const patterns = [/\breport\(\s*"([A-Z][A-Z0-9_]*)"/g, /\bcode:\s*(?:[^,"}]*\?\s*)?"([A-Z][A-Z0-9_]*)"/g, /:\s*"((?:KEY|OKTA|AUTH0|CONFIG|RECIPE|APP|YAML)_[A-Z0-9_]+)"\s*[,}]/g];
  for (const { file, text } of sources()) {
    for (const re of patterns) for (const m of text.matchAll(re)) if (!found.has(m[1]!)) found.set(m[1]!, file);
  }
  return found;
}

describe("the rule catalogue", () => {
  it(`has ${rules.length} rules with stable, upper-case codes`, () => {
    expect(rules.length).toBeGreaterThanOrEqual(60);
    for (const [code] of rules) expect(code).toMatch(/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$/);
  });

  it("gives every rule a severity, a one-line summary, a rationale, a source and a fix", () => {
    for (const [code, r] of rules) {
      expect(["error", "warning"], code).toContain(r.severity);
      for (const field of ["summary", "rationale", "source", "fix"] as const) {
        expect(r[field].trim().length, `${code}.${field}`).toBeGreaterThan(10);
        expect(r[field], `${code}.${field} is one line`).not.toContain("\n");
      }
      expect(r.summary, `${code}.summary ends a sentence`).toMatch(/[.)]$/);
      expect(r.fix, `${code}.fix ends a sentence`).toMatch(/[.)]$/);
      // A rationale explains; it does not repeat the summary.
      expect(r.rationale, code).not.toBe(r.summary);
    }
  });

  it("cites, as a source, a document (a URL, an RFC, a provider's source or docs) or the README section of our own policy", () => {
    const citation = /(\b[a-z0-9-]+\.(com|org|net|io)\/|\bRFC \d+|terraform-provider-|@pulumi\/|README §|config\/|recipes\/|YAML 1\.2)/;
    for (const [code, r] of rules) expect(r.source, code).toMatch(citation);
  });

  it("cites only README sections that exist", () => {
    const readme = readFileSync(join(REPO, "README.md"), "utf8");
    const headings = [...readme.matchAll(/^#{2,4} (.+)$/gm)].map((m) => m[1]!.trim());
    for (const [code, r] of rules) {
      for (const m of r.source.matchAll(/README § ([^;,(]+?)(?:[;,(]|$)/g)) {
        const cited = m[1]!.trim();
        expect(headings.some((h) => h === cited || h.startsWith(`${cited}:`) || h.startsWith(cited)), `${code} cites README § ${cited}`).toBe(true);
      }
    }
  });

  it("lists every rule in exactly one section", () => {
    const listed = RULE_SECTIONS.flatMap((s) => Object.keys(s.rules));
    expect(listed.sort()).toEqual(Object.keys(RULES).sort());
    expect(new Set(listed).size).toBe(listed.length);
  });
});

describe("codes in the source and the catalogue", () => {
  const emitted = emittedCodes();

  it("emits only catalogue codes (report(\"CODE\", …), code: \"CODE\")", () => {
    expect(emitted.size).toBeGreaterThanOrEqual(60);
    const unknown = [...emitted.entries()].filter(([code]) => !Object.hasOwn(RULES, code)).map(([code, file]) => `${code} in ${relative(REPO, join(REPO, file))}`);
    expect(unknown).toEqual([]);
  });

  it("has no dead rules: every catalogue code is emitted somewhere", () => {
    const all = sources().map((s) => s.text).join("\n");
    expect(Object.keys(RULES).filter((code) => !all.includes(`"${code}"`))).toEqual([]);
  });
});

describe("docs/rules.md", () => {
  const committed = readFileSync(DOCS_FILE, "utf8");

  it("is up to date with the catalogue and the corpus (run `npm run gen:docs` when this fails)", () => {
    expect(committed).toBe(rulesMarkdown());
  });

  it("documents every code with its severity, summary, rationale, source and fix", () => {
    for (const [code, r] of rules) {
      const at = committed.indexOf(`### \`${code}\`\n`);
      expect(at, code).toBeGreaterThan(0);
      const entry = committed.slice(at, committed.indexOf("\n### ", at + 1) >>> 0);
      for (const text of [`**${r.severity}** · ${r.summary}`, r.rationale, r.source, r.fix]) expect(entry, code).toContain(text);
    }
  });

  it("mentions no code that is not in the catalogue", () => {
    const headings = [...committed.matchAll(/^### `([A-Z0-9_]+)`$/gm)].map((m) => m[1]!);
    expect(headings.filter((c) => !Object.hasOwn(RULES, c))).toEqual([]);
    expect(headings.length).toBe(rules.length);
  });

  it("links only corpus files that exist", () => {
    for (const m of committed.matchAll(/\]\(\.\.\/(test\/fixtures\/invalid\/[^)]+)\)/g)) {
      expect(() => readFileSync(join(REPO, m[1]!)), m[1]).not.toThrow();
    }
  });
});
