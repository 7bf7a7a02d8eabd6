/**
 * The bad-input corpus: every malformed stack file in test/fixtures/invalid/ goes through the check path
 * (`npm run check`) and the plan path (`npm run plan`, the real program under the mock runtime). Each must
 * exit 1 with exactly the diagnostics its header expects (code and key path), print no stack trace and no raw
 * control character, register nothing, and finish well within a hang guard. The test names list, per file, the
 * codes and paths it expects.
 *
 * Speed: each file is timed and the times are printed at the end; the assertion is only a hang guard (5 s),
 * since speed targets belong in benchmarks, not in a shared CI machine's test run.
 */
import { readFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import type { Diagnostic } from "../../config/diagnostics";
import { RULES } from "../../config/rules/catalogue";
import { cli as checkCli, type CheckReport } from "../../scripts/check";
import { corpusFileText, GENERATED } from "../../scripts/gen-corpus";
import { cli as planCli } from "../../scripts/plan";
import { label, matches, readCorpus, type CorpusCase, type Expected } from "../../scripts/corpus-manifest";

const HANG_GUARD_MS = 5_000;
const corpus = readCorpus();
const timings: { file: string; check: number; plan: number }[] = [];

/** Stack traces as Node prints them: `    at fn (file:line:col)`. */
const STACK_TRACE = /^\s+at\s.+(:\d+:\d+\)?|\(native\))$/m;
/**
 * C0 and C1 controls other than newline, DEL, invisible format characters (zero-width, bidi overrides, the BOM)
 * and line/paragraph separators: a message must escape them (no terminal injection, no forged or reordered lines).
 */
const RAW_CONTROL = /(?![\n])[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;

async function run(cli: typeof planCli | typeof checkCli, args: string[]) {
  let stdout = "";
  let stderr = "";
  const started = performance.now();
  const code = await cli(args, (s) => (stdout += s), (s) => (stderr += s));
  return { code, stdout, stderr, ms: performance.now() - started };
}

/**
 * Every expectation is met by some diagnostic, and every diagnostic meets some expectation. (A set, not a count:
 * the YAML parser may report one problem at one place more than once.)
 */
function expectExactly(expected: readonly Expected[], diagnostics: readonly Diagnostic[]): void {
  const missing = expected.filter((e) => !diagnostics.some((d) => matches(e, d))).map(label);
  const extra = diagnostics
    .filter((d) => !expected.some((e) => matches(e, d)))
    .map((d) => `${d.code} at ${d.path.length > 120 ? `${d.path.slice(0, 120)}…` : d.path}: ${d.message.slice(0, 200)}`);
  expect({ missing, extra }).toEqual({ missing: [], extra: [] });
}

function expectClean(output: string): void {
  expect(output).not.toMatch(STACK_TRACE);
  expect(output).not.toContain("internal error");
  expect(RAW_CONTROL.test(output), "raw control characters in the output").toBe(false);
}

function timing(c: CorpusCase) {
  let t = timings.find((x) => x.file === c.name);
  if (!t) timings.push((t = { file: c.name, check: 0, plan: 0 }));
  return t;
}

describe("the bad-input corpus", () => {
  it(`has at least 40 files (has ${corpus.length}), each with a description and known codes`, () => {
    expect(corpus.length).toBeGreaterThanOrEqual(40);
    for (const c of corpus) for (const e of c.expect) expect(Object.hasOwn(RULES, e.code), `${c.name}: ${e.code} is not a catalogue code`).toBe(true);
  });

  it("violates every rule in the catalogue at least once (every error code the loader emits, and every warning)", () => {
    const covered = new Set(corpus.flatMap((c) => c.expect.map((e) => e.code)));
    expect(Object.keys(RULES).filter((code) => !covered.has(code))).toEqual([]);
  });

  it("holds the large hostile files exactly as scripts/gen-corpus.ts writes them", () => {
    for (const [name, g] of Object.entries(GENERATED)) {
      const c = corpus.find((x) => x.name === `${name}.yaml`);
      expect(c, name).toBeDefined();
      expect(readFileSync(c!.absolute, "utf8") === corpusFileText(g), `${name}.yaml is stale: run npx tsx scripts/gen-corpus.ts`).toBe(true);
    }
  });

  it("expects at least one error per file, so each must exit 1", () => {
    const noError = corpus.filter((c) => !c.expect.some((e) => RULES[e.code as keyof typeof RULES].severity === "error"));
    expect(noError.map((c) => c.name)).toEqual([]);
  });
});

for (const c of corpus) {
  describe(`${c.name}: ${c.expect.map(label).join("; ")}`, () => {
    it("npm run check: exit 1, exactly the expected diagnostics, in text and JSON", async () => {
      const json = await run(checkCli, [c.stack, "--config-file", c.absolute, "--format", "json"]);
      timing(c).check = json.ms;
      expect(json.code).toBe(1);
      expect(json.stderr).toBe("");
      expectClean(json.stdout);
      const report = JSON.parse(json.stdout) as CheckReport;
      expectExactly(c.expect, report.diagnostics);
      expect(report.errors).toBeGreaterThan(0);

      const text = await run(checkCli, [c.stack, "--config-file", c.absolute]);
      expect(text.code).toBe(1);
      expectClean(text.stdout + text.stderr);
      for (const e of c.expect) expect(text.stdout).toContain(`${RULES[e.code as keyof typeof RULES].severity} ${e.code} ${c.absolute}: ${e.path}`);
      expect(json.ms).toBeLessThan(HANG_GUARD_MS);
    });

    it("npm run plan: exit 1, the same diagnostics, nothing registered and nothing looked up", async () => {
      const before = Object.keys(Object.prototype).length;
      const plan = await run(planCli, [c.stack, "--config-file", c.absolute, "--format", "json"]);
      timing(c).plan = plan.ms;
      expect(plan.code).toBe(1);
      expect(plan.stderr).toBe("");
      expectClean(plan.stdout);
      const result = JSON.parse(plan.stdout) as { resources: unknown[]; invokes: unknown[]; outputs: unknown; diagnostics: Diagnostic[] };
      expect(result.resources).toEqual([]);
      expect(result.invokes).toEqual([]);
      expect(result.outputs).toEqual({});
      expectExactly(c.expect, result.diagnostics);
      // `__proto__` and `constructor` keys are data, never a way into shared prototypes.
      expect(Object.keys(Object.prototype).length).toBe(before);
      expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
      expect(plan.ms).toBeLessThan(HANG_GUARD_MS);
    });
  });
}

describe("hostile values stay small in the output", () => {
  for (const name of ["hostile-1mb-label.yaml", "hostile-1mb-redirect-uri.yaml", "hostile-1mb-app-name.yaml", "hostile-10000-redirect-uris.yaml", "hostile-10000-auth0-callbacks.yaml"]) {
    it(`${name}: the report quotes values, never repeats them (under 4 KB)`, async () => {
      const c = corpus.find((x) => x.name === name)!;
      expect(readFileSync(c.absolute, "utf8").length).toBeGreaterThan(100_000);
      const { stdout } = await run(checkCli, [c.stack, "--config-file", c.absolute]);
      expect(stdout.length).toBeLessThan(4096);
    });
  }
});

afterAll(() => {
  const slowest = [...timings].sort((a, b) => b.check + b.plan - (a.check + a.plan)).slice(0, 5);
  const total = timings.reduce((s, t) => s + t.check + t.plan, 0);
  console.log(
    `corpus: ${timings.length} files, ${Math.round(total)} ms in all; slowest: ${slowest.map((t) => `${t.file} (check ${Math.round(t.check)} ms, plan ${Math.round(t.plan)} ms)`).join(", ")}`,
  );
});
