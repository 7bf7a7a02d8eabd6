/**
 * What CI comments (scripts/plan-diff-ci.ts, the script pull-request.yml runs): the base side rendered by the base
 * revision's own code, so a pull request that changes only code shows what it changes. The base revision here
 * is a copy of this checkout whose code generates shorter client secrets; the stack files are the same on both
 * sides, so `--diff-ref` (both sides rendered by one code) would say "No changes".
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cli } from "../../scripts/plan-diff-ci";
import { commentMarker, diffPlans, isEmptyDiff } from "../../plan/diff";
import { render } from "../plan/diff/support";
import { edited, oktaConfig, stackYaml } from "../support/stacks";

const ROOT = resolve(".");
const production = edited(oktaConfig({ portal: { type: "web", redirectUris: ["https://portal.example.com/cb"], clientSecretVersion: 1 } }), (c) => (c["oidc-apps:environment"] = "production"));

let work: string;
let baseDir: string;
let headDir: string;

async function run(...args: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await cli(args, (s) => (stdout += s), (s) => (stderr += s));
  return { code, stdout, stderr };
}

/** A checkout of "the base revision": this code, minus what the program does not need, with one code change. */
function baseCheckout(dir: string, change: (dir: string) => void): void {
  const skip = new Set(["node_modules", ".git", "bin", "coverage", "test", "bench"]);
  cpSync(ROOT, dir, { recursive: true, filter: (src) => !skip.has(src.slice(ROOT.length + 1).split("/")[0]!) });
  // Its own `npm ci` in CI; the same packages here.
  symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"), "dir");
  rmSync(join(dir, "stacks"), { recursive: true, force: true });
  mkdirSync(join(dir, "stacks"));
  change(dir);
}

function writeStack(dir: string, name: string, config: Record<string, unknown>): void {
  mkdirSync(join(dir, "stacks"), { recursive: true });
  writeFileSync(join(dir, "stacks", `Pulumi.${name}.yaml`), stackYaml(config));
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "oidc-apps-ci-diff-"));
  baseDir = join(work, "base");
  headDir = join(work, "head");
  baseCheckout(baseDir, (dir) => {
    const file = join(dir, "components", "okta", "client-secret.ts");
    const text = readFileSync(file, "utf8");
    expect(text).toContain("CLIENT_SECRET_LENGTH = 64");
    writeFileSync(file, text.replace("CLIENT_SECRET_LENGTH = 64", "CLIENT_SECRET_LENGTH = 48"));
  });
  // The same stack file on both sides: only the code differs.
  writeStack(baseDir, "prod", production);
  writeStack(headDir, "prod", production);
  // A stack only the base has (deleted by the change), one only the head has (new).
  writeStack(baseDir, "old", production);
  writeStack(headDir, "new", production);
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("CI's plan diff (scripts/plan-diff-ci.ts)", () => {
  it("a change to code alone: the base rendered by the base code shows every client secret it rotates", async () => {
    // What --diff-ref does, both sides by this code: nothing to see.
    const text = readFileSync(join(headDir, "stacks", "Pulumi.prod.yaml"), "utf8");
    expect(text).toBe(readFileSync(join(baseDir, "stacks", "Pulumi.prod.yaml"), "utf8"));
    expect(isEmptyDiff(diffPlans(await render(production, "prod"), await render(production, "prod")))).toBe(true);

    const out = join(work, "out");
    const { code, stdout, stderr } = await run("--base-dir", baseDir, "--head-dir", headDir, "--out", out, "--base-ref", "base0001", "--head-ref", "head0002", "--stack", "prod");
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout).toBe("prod: 1 risk · 0 added · 0 removed · 2 changed\n");
    const md = readFileSync(join(out, "prod.md"), "utf8");
    expect(md.startsWith(commentMarker("prod"))).toBe(true);
    expect(md).toContain("the base rendered with the base revision's own code (base0001), the head with this change's code (head0002)");
    expect(md).toContain("| **secret-rotated** | `random:index/randomPassword:RandomPassword::portal-client-secret` | the client secret of oidc-apps:okta:WebApp::portal is generated again because `length` 48 → 64");
    expect(md).not.toContain("No changes");
  });

  it("every stack on either side: a new stack is all added, a deleted one says nothing is destroyed", async () => {
    const out = join(work, "out-all");
    const { code, stdout } = await run("--base-dir", baseDir, "--head-dir", headDir, "--out", out, "--base-ref", "base0001");
    expect(code).toBe(0);
    expect(stdout.split("\n").filter(Boolean).map((l) => l.split(":")[0])).toEqual(["new", "old", "prod"]);
    expect(readFileSync(join(out, "new.md"), "utf8")).toContain("stacks/Pulumi.new.yaml does not exist at base0001: the stack is new, everything shows as added.");
    const deleted = readFileSync(join(out, "old.md"), "utf8");
    expect(deleted.startsWith(commentMarker("old"))).toBe(true);
    expect(deleted).toContain("is deleted by this change.** Nothing is destroyed");
    // Only comments in the output: the artifact is posted file by file.
    expect(existsSync(join(out, ".base-prod.json"))).toBe(false);
  });

  it("base code that cannot render: the base stack file is rendered by this code instead, and the comment says so", async () => {
    const broken = join(work, "broken");
    mkdirSync(broken);
    writeFileSync(join(broken, "package.json"), JSON.stringify({ name: "broken", private: true, scripts: { plan: "echo 'no plan here' >&2; exit 3" } }));
    writeStack(broken, "prod", production);
    writeStack(headDir, "prod2", edited(production, (c) => c["oidc-apps:okta"].apps.portal.redirectUris.push("https://portal.example.org/cb")));
    writeStack(broken, "prod2", production);
    const out = join(work, "out-broken");
    const { code } = await run("--base-dir", broken, "--head-dir", headDir, "--out", out, "--base-ref", "base0001", "--stack", "prod2");
    expect(code).toBe(0);
    const md = readFileSync(join(out, "prod2.md"), "utf8");
    expect(md).toContain("The base revision's code could not render this stack (npm run plan exited 3: no plan here): the base is rendered with this change's code instead");
    expect(md).toContain("both sides rendered with this change's code");
    expect(md).toContain("| **redirect-added** |");
  });

  it("a head stack file with errors: exit 1 and the errors as the comment", async () => {
    writeStack(headDir, "bad", edited(production, (c) => (c["oidc-apps:okta"].apps.portal.redirectUris = ["http://portal.example.com/cb"])));
    writeStack(baseDir, "bad", production);
    const out = join(work, "out-bad");
    const { code, stdout } = await run("--base-dir", baseDir, "--head-dir", headDir, "--out", out, "--stack", "bad");
    expect(code).toBe(1);
    expect(stdout).toBe("bad: the stack file has errors\n");
    expect(readFileSync(join(out, "bad.md"), "utf8")).toContain("| OKTA_REDIRECT_HTTP |");
  });

  it("usage errors exit 2", async () => {
    expect((await run("--out", join(work, "x"))).code).toBe(2);
    expect((await run("--base-dir", join(work, "nowhere"), "--out", join(work, "x"))).code).toBe(2);
    expect((await run("--base-dir", baseDir, "--out", join(work, "x"), "--stack", "../etc")).code).toBe(2);
    expect((await run("--base-dir", baseDir, "--out", join(work, "x"), "--unknown")).code).toBe(2);
  });
});
