/** `npm run plan -- <stack> --diff FILE | --diff-ref REV`, end to end, against a throwaway git repository. */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { cli } from "../../scripts/plan";
import { commentMarker } from "../../plan/diff";
import { edited, oktaConfig, stackYaml } from "../support/stacks";

async function runCli(...args: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await cli(args, (s) => (stdout += s), (s) => (stderr += s));
  return { code, stdout, stderr };
}

const CANARY = { base: "CANARY-secure-ciphertext-base-6b1f", head: "CANARY-secure-ciphertext-head-e07a" };

const base = {
  ...oktaConfig({ portal: { type: "web", redirectUris: ["https://portal.example.com/cb"], clientSecretVersion: 1 } }),
  // As `pulumi config set --secret` writes them: ciphertext the plan cannot (and must not) print.
  "okta:apiToken": { secure: CANARY.base },
};
const head = edited(base, (c) => {
  c["oidc-apps:okta"].apps.portal.clientSecretVersion = 2;
  c["oidc-apps:okta"].apps.portal.redirectUris.push("https://portal.example.org/cb");
  c["okta:apiToken"] = { secure: CANARY.head };
});

let repo: string;
let file: string;
const git = (...args: string[]) => execFileSync("git", ["-C", repo, "-c", "user.name=test", "-c", "user.email=test@example.com", "-c", "commit.gpgsign=false", ...args], { encoding: "utf8" });

beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), "oidc-apps-diff-"));
  mkdirSync(join(repo, "stacks"));
  file = join(repo, "stacks", "Pulumi.x.yaml");
  git("init", "-q");
  writeFileSync(join(repo, "README"), "first commit, no stack file yet\n");
  git("add", "README");
  git("commit", "-q", "-m", "first");
  writeFileSync(file, stackYaml(base));
  git("add", "stacks/Pulumi.x.yaml");
  git("commit", "-q", "-m", "base");
  writeFileSync(file, stackYaml(head));
});

describe("npm run plan -- <stack> --diff-ref", () => {
  it("diffs the working stack file against a revision, in every format, byte-identical across runs", async () => {
    for (const format of ["text", "markdown", "json"]) {
      const a = await runCli("x", "--config-file", file, "--diff-ref", "HEAD", "--format", format);
      const b = await runCli("x", "--config-file", file, "--diff-ref", "HEAD", "--format", format);
      expect(a.code).toBe(0);
      expect(a.stderr).toBe("");
      expect(b.stdout).toBe(a.stdout);
      for (const c of Object.values(CANARY)) expect(a.stdout).not.toContain(c);
      if (format === "json") {
        const diff = JSON.parse(a.stdout) as { stack: string; risks: { kind: string }[] };
        expect(diff.stack).toBe("x");
        expect(diff.risks.map((r) => r.kind)).toEqual(["secret-rotated", "redirect-added"]);
      } else if (format === "markdown") {
        expect(a.stdout.startsWith(commentMarker("x"))).toBe(true);
        expect(a.stdout).toContain(`Compared with \`HEAD:${file}\`, both sides rendered offline with this checkout's code, so this shows what the stack file change does, not what a code change does`);
      } else {
        expect(a.stdout).toContain(`plan diff against HEAD:${file}`);
        expect(a.stdout).toContain("2 risks · 0 added · 0 removed · 2 changed");
      }
    }
  });

  it("--diff with a saved JSON render gives the same diff as --diff-ref", async () => {
    writeFileSync(join(repo, "head.yaml"), stackYaml(base));
    const saved = await runCli("x", "--config-file", join(repo, "head.yaml"), "--format", "json");
    expect(saved.code).toBe(0);
    const baseJson = join(repo, "base.json");
    writeFileSync(baseJson, saved.stdout);
    const fromFile = await runCli("x", "--config-file", file, "--diff", baseJson, "--format", "json");
    const fromRef = await runCli("x", "--config-file", file, "--diff-ref", "HEAD", "--format", "json");
    expect(fromFile.code).toBe(0);
    expect(fromFile.stdout).toBe(fromRef.stdout);
  });

  it("a stack file that did not exist at the revision: everything is added, with a note", async () => {
    const { code, stdout } = await runCli("x", "--config-file", file, "--diff-ref", "HEAD~1", "--format", "json");
    expect(code).toBe(0);
    const diff = JSON.parse(stdout) as { added: unknown[]; removed: unknown[]; notes: string[] };
    expect(diff.added.length).toBeGreaterThan(0);
    expect(diff.removed).toEqual([]);
    expect(diff.notes).toEqual([`${file} does not exist at HEAD~1: the stack is new, everything shows as added.`]);
  });

  it("a head with errors: exit 1 and the errors, also as a PR comment", async () => {
    const broken = join(repo, "stacks", "Pulumi.broken.yaml");
    writeFileSync(broken, stackYaml(edited(head, (c) => (c["oidc-apps:okta"].apps.portal.redirectUris = ["http://portal.example.com/cb"]) )).replace("development", "production"));
    const md = await runCli("broken", "--config-file", broken, "--diff-ref", "HEAD", "--format", "markdown");
    expect(md.code).toBe(1);
    expect(md.stdout.startsWith(commentMarker("broken"))).toBe(true);
    expect(md.stdout).toContain("**❌ 1 error in");
    expect(md.stdout).toContain("| OKTA_REDIRECT_HTTP |");
    const json = await runCli("broken", "--config-file", broken, "--diff-ref", "HEAD", "--format", "json");
    expect(json.code).toBe(1);
    expect((JSON.parse(json.stdout) as { diagnostics: { code: string }[] }).diagnostics.map((d) => d.code)).toEqual(["OKTA_REDIRECT_HTTP"]);
  });

  it("usage errors exit 2", async () => {
    const cases: string[][] = [
      ["x", "--config-file", file, "--diff-ref", "no-such-revision"],
      ["x", "--config-file", file, "--diff-ref", "--upload-pack=evil"],
      ["x", "--config-file", file, "--diff", join(repo, "missing.json")],
      ["x", "--config-file", file, "--diff", file],
      ["x", "--config-file", file, "--diff", join(repo, "README")],
      ["x", "--config-file", file, "--diff", "a.json", "--diff-ref", "HEAD"],
      ["x", "--config-file", file, "--format", "markdown"],
      ["x", "--config-file", file, "--diff-ref", "HEAD", "--format", "yaml"],
    ];
    for (const args of cases) {
      const { code, stderr } = await runCli(...args);
      expect(code, args.join(" ")).toBe(2);
      expect(stderr).toContain("usage: npm run plan");
    }
    writeFileSync(join(repo, "not-a-plan.json"), JSON.stringify({ stack: "x" }));
    const notPlan = await runCli("x", "--config-file", file, "--diff", join(repo, "not-a-plan.json"));
    expect(notPlan.code).toBe(2);
    expect(notPlan.stderr).toContain("is not a plan render");
  });

  it("a base nested far deeper than any render is a usage error (exit 2), not an internal error", async () => {
    writeFileSync(join(repo, "head.yaml"), stackYaml(base));
    const saved = JSON.parse((await runCli("x", "--config-file", join(repo, "head.yaml"), "--format", "json")).stdout) as { resources: { inputs: Record<string, unknown> }[] };
    const deep = "[".repeat(100_000) + "]".repeat(100_000);
    const text = JSON.stringify(saved).replace('"inputs":{', `"inputs":{"deep":${deep},`);
    writeFileSync(join(repo, "deep.json"), text);
    const { code, stdout, stderr } = await runCli("x", "--config-file", file, "--diff", join(repo, "deep.json"));
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toContain("is not a plan render (nested deeper than 64 levels)");
    expect(stderr).not.toMatch(/RangeError|\n\s+at /);
  });
});
