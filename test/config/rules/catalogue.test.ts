/**
 * The rule catalogue as a product: complete entries, generated docs that cannot go stale, and no drift between
 * the rule groups, the catalogue, the docs and the README sections the catalogue cites. Checks report rule
 * objects (config/rules/rule.ts), so the compiler proves that every reported rule exists; that every rule is
 * reported is the corpus's to prove (test/contract/corpus.test.ts: a violating example for every rule, emitting it).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { RETIRED_RULES, RULES, RULE_SECTIONS, type Rule } from "../../../config/rules/catalogue";
import { DOCS_FILE, rulesMarkdown } from "../../../scripts/gen-docs";

const REPO = join(__dirname, "..", "..", "..");
const rules = Object.entries(RULES) as [string, Rule][];

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

  it("cites, as a source, a document (a URL, an RFC, a provider's source or docs) or the section of the docs that states our own policy", () => {
    const citation = /(\b[a-z0-9-]+\.(com|org|net|io)\/|\bRFC \d+|terraform-provider-|@pulumi\/|docs\/[a-z-]+\.md §|config\/|recipes\/|YAML 1\.2)/;
    for (const [code, r] of rules) expect(r.source, code).toMatch(citation);
  });

  it("cites only sections of the docs that exist, in the doc named", () => {
    for (const [code, r] of rules) {
      expect(`${r.source} ${r.fix}`, `${code} still cites the README, whose reference moved to docs/`).not.toMatch(/README §/);
      for (const m of `${r.source}; ${r.fix}`.matchAll(/docs\/([a-z-]+\.md) § ([^;,(]+?)(?:[;,(]|$)/g)) {
        const headings = [...readFileSync(join(REPO, "docs", m[1]!), "utf8").matchAll(/^#{2,4} (.+)$/gm)].map((h) => h[1]!.trim());
        const cited = m[2]!.trim();
        expect(headings.some((h) => h === cited || h.startsWith(`${cited}:`) || h.startsWith(cited)), `${code} cites docs/${m[1]} § ${cited}`).toBe(true);
      }
    }
  });

  it("lists every rule in exactly one section", () => {
    const listed = RULE_SECTIONS.flatMap((s) => Object.keys(s.rules));
    expect(listed.sort()).toEqual(Object.keys(RULES).sort());
    expect(new Set(listed).size).toBe(listed.length);
  });

  it("gives every rule its own key as its code, so a report names the rule it was given", () => {
    for (const section of RULE_SECTIONS) for (const [key, r] of Object.entries(section.rules) as [string, Rule][]) expect(r.code, section.title).toBe(key);
    for (const [key, r] of rules) expect(RULES[key as keyof typeof RULES], key).toBe(r);
  });

  it("never reuses a retired code", () => {
    expect(Object.keys(RETIRED_RULES).filter((code) => Object.hasOwn(RULES, code))).toEqual([]);
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
