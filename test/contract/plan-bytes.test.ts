/**
 * Issue 17: restructuring must not change behaviour. The exact bytes the plan (JSON, and text for the shipped
 * stacks) and the check (JSON) print, with their exit codes, for every shipped stack file and every file of the
 * bad-input corpus, are compared by SHA-256 with the committed record, taken before the restructuring (the
 * commits that changed output on purpose since say which files, and why). A deliberate change of output regenerates it (`OIDC_APPS_UPDATE_PLAN_BYTES=1 npx vitest run
 * test/contract/plan-bytes.test.ts`), and the diff of test/fixtures/plan-bytes.json is part of the review; to see
 * what changed, render the file named in the failure at both revisions with `npm run plan -- <stack> --format
 * json --config-file <file>`.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli as checkCli } from "../../scripts/check";
import { cli as planCli } from "../../scripts/plan";
import { readCorpus } from "../../scripts/corpus-manifest";

const REPO = join(__dirname, "..", "..");
const RECORD = join(REPO, "test", "fixtures", "plan-bytes.json");

async function digest(run: (out: (s: string) => void, err: (s: string) => void) => number | Promise<number>): Promise<string> {
  let out = "";
  let err = "";
  const code = await run((s) => (out += s), (s) => (err += s));
  return createHash("sha256").update(`${code}\u0000${out}\u0000${err}`).digest("hex");
}

function cases(): { key: string; stack: string; file: string; text: boolean }[] {
  const stacks = readdirSync(join(REPO, "stacks"))
    .filter((f) => /^Pulumi\.[^.]+\.yaml$/.test(f))
    .sort()
    .map((f) => ({ key: `stacks/${f}`, stack: f.slice("Pulumi.".length, -".yaml".length), file: join("stacks", f), text: true }));
  const corpus = readCorpus().map((c) => ({ key: c.file, stack: c.stack, file: c.file, text: false }));
  return [...stacks, ...corpus];
}

describe("plan and check print the bytes they printed before the restructuring", () => {
  it("for every stack file and corpus file", { timeout: 300_000 }, async () => {
    const current: Record<string, Record<string, string>> = {};
    for (const c of cases()) {
      const entry: Record<string, string> = {
        planJson: await digest((o, e) => planCli([c.stack, "--format", "json", "--config-file", c.file], o, e)),
        checkJson: await digest((o, e) => checkCli([c.stack, "--format", "json", "--config-file", c.file], o, e)),
      };
      if (c.text) entry["planText"] = await digest((o, e) => planCli([c.stack, "--config-file", c.file], o, e));
      current[c.key] = entry;
    }
    if (process.env["OIDC_APPS_UPDATE_PLAN_BYTES"]) writeFileSync(RECORD, JSON.stringify(current, null, 1) + "\n");
    const recorded = JSON.parse(readFileSync(RECORD, "utf8")) as typeof current;
    expect(Object.keys(current).length).toBeGreaterThan(100);
    expect(Object.keys(current)).toEqual(Object.keys(recorded));
    for (const key of Object.keys(recorded)) expect(current[key], key).toEqual(recorded[key]);
  });
});
