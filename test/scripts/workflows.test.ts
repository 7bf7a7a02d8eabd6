/**
 * The CI workflows cannot run here; this keeps them honest: valid YAML, the jobs and steps README.md
 * describes, only pulumi/actions inputs its documentation lists, stacks in sync with stacks/, no secret
 * written into a workflow (every credential comes from `${{ secrets.NAME }}`), credentials only in the steps
 * that run Pulumi, no pull-request preview of a production stack, and the comment poster's own shell script run
 * against a stand-in `gh`.
 */
import { execFileSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse, parseDocument } from "yaml";
import { describe, expect, it } from "vitest";

const DIR = ".github/workflows";
// `any`: the workflow YAML is read field by field, with the assertions as its only schema.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

function load(file: string): Json {
  const doc = parseDocument(readFileSync(`${DIR}/${file}`, "utf8"), { uniqueKeys: true });
  expect(doc.errors, file).toEqual([]);
  return doc.toJS() as Json;
}

const files = readdirSync(DIR).filter((f) => f.endsWith(".yml") || f.endsWith(".yaml")).sort();
const workflows = Object.fromEntries(files.map((f) => [f, load(f)])) as Record<string, Json>;
const stacks = readdirSync("stacks")
  .map((f) => /^Pulumi\.(.+)\.yaml$/.exec(f)?.[1])
  .filter((s): s is string => s !== undefined)
  .sort();

/** pulumi/actions v6 inputs, from its README ("Configuration" and "Extra options"). */
const PULUMI_ACTION_INPUTS = new Set([
  "command", "stack-name", "work-dir", "cloud-url", "comment-on-pr", "comment-on-summary", "github-token", "refresh", "secrets-provider",
  "color", "log-verbosity", "log-flow", "debug", "config-map", "diff", "comment-on-pr-number", "edit-pr-comment", "expect-no-changes",
  "message", "parallel", "policyPacks", "policyPackConfigs", "pulumi-version", "pulumi-version-file", "remove", "replace", "target",
  "target-dependents", "upsert", "exclude-protected", "suppress-outputs", "suppress-progress", "omit-stdout", "plan",
  "always-include-summary", "continue-on-error",
]);
const ALLOWED_ACTIONS = /^(actions\/(checkout|setup-node|upload-artifact|download-artifact)@v4|pulumi\/actions@v6|\.\/\.github\/workflows\/pulumi\.yml)$/;
const BACKEND = ["PULUMI_ACCESS_TOKEN", "PULUMI_CONFIG_PASSPHRASE"];
const PROVIDER = ["OKTA_API_CLIENT_ID", "OKTA_API_PRIVATE_KEY", "OKTA_API_PRIVATE_KEY_ID", "OKTA_API_SCOPES", "AUTH0_CLIENT_ID", "AUTH0_CLIENT_SECRET"];
const CREDENTIALS = [...BACKEND, ...PROVIDER];
/** The one secret-derived value that is not a secret: whether the environment has a Pulumi Cloud token. */
const HAS_TOKEN = "${{ secrets.PULUMI_ACCESS_TOKEN != '' }}";
/** Stacks whose stack file says `oidc-apps:environment: production`. */
const productionStacks = stacks.filter((s) => (parse(readFileSync(`stacks/Pulumi.${s}.yaml`, "utf8")) as Json)["config"]["oidc-apps:environment"] === "production");
/** The "CI" section of docs/plan-and-review.md. */
const ciSection = (() => {
  const readme = readFileSync("docs/plan-and-review.md", "utf8");
  const start = readme.indexOf("\n## CI\n");
  return readme.slice(start, readme.indexOf("\n## ", start + 1));
})();

function steps(job: Json): Json[] {
  return (job["steps"] ?? []) as Json[];
}

function walk(value: unknown, visit: (key: string, value: unknown) => void, key = ""): void {
  if (Array.isArray(value)) value.forEach((v) => walk(v, visit, key));
  else if (value !== null && typeof value === "object") for (const [k, v] of Object.entries(value)) walk(v, visit, k);
  else visit(key, value);
}

describe("CI workflows", () => {
  it("are the five described in README.md, each valid YAML with a name, triggers and jobs", () => {
    expect(files).toEqual(["deploy.yml", "drift.yml", "plan-diff-comment.yml", "pull-request.yml", "pulumi.yml"]);
    for (const [file, wf] of Object.entries(workflows)) {
      expect(typeof wf["name"], file).toBe("string");
      expect(wf["on"], file).toBeTruthy();
      expect(Object.keys(wf["jobs"] as object).length, file).toBeGreaterThan(0);
    }
    const readme = readFileSync("docs/plan-and-review.md", "utf8");
    for (const file of files) expect(readme).toContain(`.github/workflows/${file}`);
  });

  it("contain no secret: credentials only as ${{ secrets.NAME }}, no key material or tokens", () => {
    for (const [file, wf] of Object.entries(workflows)) {
      const text = readFileSync(`${DIR}/${file}`, "utf8");
      expect(text, file).not.toMatch(/-----BEGIN|pul-[0-9a-f]{40}|\b00[A-Za-z0-9_-]{40}\b|eyJ[A-Za-z0-9_-]{20,}/);
      walk(wf, (key, value) => {
        if (CREDENTIALS.includes(key) || key === "GH_TOKEN" || key === "github-token") expect(value, `${file}: ${key}`).toBe(`\${{ secrets.${key === "GH_TOKEN" || key === "github-token" ? "GITHUB_TOKEN" : key} }}`);
        if (typeof value === "string" && /secrets\./.test(value) && !(key === "HAS_PULUMI_TOKEN" && value === HAS_TOKEN)) expect(value, `${file}: ${key}`).toMatch(/^\$\{\{ secrets\.[A-Z0-9_]+ \}\}$/);
      });
      // Never the event that runs a fork's code with this repository's token and secrets.
      expect(Object.keys(wf["on"] as object), file).not.toContain("pull_request_target");
    }
  });

  it("use only known actions, pinned to a major version, and only documented pulumi/actions inputs", () => {
    for (const [file, wf] of Object.entries(workflows)) {
      for (const [name, job] of Object.entries(wf["jobs"] as Record<string, Json>)) {
        if (job["uses"]) expect(job["uses"], `${file} ${name}`).toMatch(ALLOWED_ACTIONS);
        for (const step of steps(job)) {
          if (!step["uses"]) continue;
          expect(step["uses"], `${file} ${name}`).toMatch(ALLOWED_ACTIONS);
          if (String(step["uses"]).startsWith("pulumi/actions")) for (const input of Object.keys(step["with"] ?? {})) expect(PULUMI_ACTION_INPUTS.has(input), `${file}: pulumi/actions input ${input}`).toBe(true);
        }
      }
    }
  });

  it("credentials appear only in the steps that run Pulumi: never workflow- or job-wide, never where npm ci runs", () => {
    for (const [file, wf] of Object.entries(workflows)) {
      const named = (env: unknown) => Object.keys((env ?? {}) as object).filter((k) => CREDENTIALS.includes(k));
      expect(named(wf["env"]), `${file}: workflow env`).toEqual([]);
      for (const [name, job] of Object.entries(wf["jobs"] as Record<string, Json>)) {
        // A job's env reaches every step, npm ci's dependency install scripts included.
        expect(named(job["env"]), `${file} ${name}: job env`).toEqual([]);
        for (const step of steps(job)) {
          const here = named(step["env"]);
          if (here.length === 0) continue;
          const runsPulumi = String(step["uses"] ?? "").startsWith("pulumi/actions@") || /^pulumi /m.test(String(step["run"] ?? ""));
          expect(runsPulumi, `${file} ${name}: ${String(step["name"] ?? step["uses"] ?? step["run"])} holds ${here.join(", ")}`).toBe(true);
          expect(String(step["run"] ?? ""), `${file} ${name}`).not.toMatch(/npm (ci|install)/);
          // Provider credentials only where the providers run: pulumi/actions (preview, up).
          if (!String(step["uses"] ?? "").startsWith("pulumi/actions@")) expect(here.filter((k) => PROVIDER.includes(k)), `${file} ${name}`).toEqual([]);
        }
      }
    }
  });

  it("pulumi.yml runs one command on one stack in its environment, with diff, suppressed outputs and the provider credentials in the Pulumi step", () => {
    const wf = workflows["pulumi.yml"]!;
    expect(Object.keys(wf["on"]["workflow_call"]["inputs"] as object).sort()).toEqual(["command", "comment-on-pr", "environment", "expect-no-changes", "refresh", "skip-without-credentials", "stack"]);
    const job = wf["jobs"]["pulumi"] as Json;
    expect(job["environment"]).toBe("${{ inputs.environment }}");
    expect(job["env"]).toBeUndefined();
    const pulumi = steps(job).find((s) => String(s["uses"]).startsWith("pulumi/actions"))!;
    expect(Object.keys(pulumi["env"] as object).sort()).toEqual([...CREDENTIALS].sort());
    const verify = steps(job).find((s) => String(s["run"] ?? "").startsWith("pulumi stack output"))!;
    expect(Object.keys(verify["env"] as object).sort()).toEqual([...BACKEND, "STACK", "STACK_FILE"].sort());
    const check = steps(job).find((s) => s["id"] === "credentials")!;
    expect(check["env"]["HAS_PULUMI_TOKEN"]).toBe(HAS_TOKEN);
    const checkout = steps(job).find((s) => s["uses"] === "actions/checkout@v4")!;
    expect(checkout["with"]).toMatchObject({ "persist-credentials": false });
    const npmCi = steps(job).find((s) => s["run"] === "npm ci --no-audit --no-fund")!;
    expect(npmCi["env"]).toBeUndefined();
    expect(steps(job).indexOf(npmCi)).toBeLessThan(steps(job).indexOf(pulumi));
    expect(pulumi["with"]).toMatchObject({
      command: "${{ inputs.command }}",
      "stack-name": "${{ vars.PULUMI_STACK_PREFIX }}${{ inputs.stack }}",
      "work-dir": "./",
      diff: true,
      "suppress-outputs": true,
      refresh: "${{ inputs.refresh }}",
      "expect-no-changes": "${{ inputs.expect-no-changes }}",
      "comment-on-pr": "${{ inputs.comment-on-pr }}",
      "edit-pr-comment": true,
    });
    expect(steps(job).map((s) => s["run"]).filter(Boolean)).toContain("npm ci --no-audit --no-fund");
    // A called workflow can only narrow its caller's token: it must not ask for its own.
    expect(wf["permissions"]).toBeUndefined();
    expect(job["permissions"]).toBeUndefined();
  });

  it("pull requests: npm ci and npm test; the offline diff of every stack against the base; previews from this repository only", () => {
    const wf = workflows["pull-request.yml"]!;
    expect(wf["name"]).toBe("Pull request");
    expect(Object.keys(wf["on"] as object)).toEqual(["pull_request"]);
    expect(wf["permissions"]).toEqual({ contents: "read" });
    const runs = (job: string) => steps(wf["jobs"][job] as Json).map((s) => String(s["run"] ?? ""));
    expect(runs("test")).toEqual(expect.arrayContaining(["npm ci --no-audit --no-fund", "npm test"]));

    const diffJob = wf["jobs"]["plan-diff"] as Json;
    expect(diffJob["environment"]).toBeUndefined(); // no credentials: works for forks
    // Two checkouts: the pull request, and the base revision for its own code (item: code changes are seen).
    expect(steps(diffJob)[0]).toMatchObject({ uses: "actions/checkout@v4", with: { path: "head", "persist-credentials": false } });
    expect(steps(diffJob)[1]).toMatchObject({ uses: "actions/checkout@v4", with: { ref: "${{ github.event.pull_request.base.sha }}", path: "base", "persist-credentials": false } });
    const installs = steps(diffJob).filter((s) => s["run"] === "npm ci --no-audit --no-fund").map((s) => s["working-directory"]);
    expect(installs).toEqual(["base", "head"]);
    const diffStep = steps(diffJob).find((s) => s["id"] === "diff")!;
    expect(diffStep["working-directory"]).toBe("head");
    // The script the tests run (test/scripts/plan-diff-ci.test.ts), not --diff-ref, which renders both sides with one code.
    expect(String(diffStep["run"])).toContain('npx --no-install tsx scripts/plan-diff-ci.ts --base-dir ../base --out ../plan-diff --base-ref "$BASE_SHA" --head-ref "$GITHUB_SHA"');
    expect(String(diffStep["run"])).not.toContain("--diff-ref");
    expect(diffStep["env"]).toEqual({ BASE_SHA: "${{ github.event.pull_request.base.sha }}", PR_NUMBER: "${{ github.event.pull_request.number }}" });
    expect(steps(diffJob).find((s) => s["uses"] === "actions/upload-artifact@v4")!["with"]).toMatchObject({ name: "plan-diff", path: "plan-diff/" });

    const preview = wf["jobs"]["preview"] as Json;
    expect(preview["if"]).toBe("github.event.pull_request.head.repo.full_name == github.repository");
    expect(preview["uses"]).toBe("./.github/workflows/pulumi.yml");
    expect(preview["permissions"]).toEqual({ contents: "read", "pull-requests": "write" });
    // A preview decrypts its stack's secrets, and runs the pull request's code: never a production stack.
    expect(productionStacks.length).toBeGreaterThan(0);
    expect(preview["strategy"]["matrix"]["stack"]).toEqual(stacks.filter((s) => !productionStacks.includes(s)).sort((a, b) => order(a) - order(b)));
    expect(preview["with"]).toEqual({ command: "preview", stack: "${{ matrix.stack }}", environment: "${{ matrix.stack }}-preview", "comment-on-pr": true, "skip-without-credentials": true });
    expect(preview["secrets"]).toBe("inherit");
  });

  it("the PR comments are posted by a workflow_run workflow that checks the artifact before trusting it", () => {
    const wf = workflows["plan-diff-comment.yml"]!;
    expect(wf["on"]).toEqual({ workflow_run: { workflows: [workflows["pull-request.yml"]!["name"]], types: ["completed"] } });
    expect(wf["permissions"]).toEqual({ contents: "read", actions: "read", "pull-requests": "write" });
    const job = wf["jobs"]["comment"] as Json;
    expect(steps(job).some((s) => s["uses"] === "actions/checkout@v4")).toBe(false); // runs nothing from the PR
    expect(steps(job)[0]).toMatchObject({ uses: "actions/download-artifact@v4", with: { name: "plan-diff", "run-id": "${{ github.event.workflow_run.id }}" } });
    const script = String(steps(job)[1]!["run"]);
    expect(script).toContain('if [ "$actual" != "$HEAD_SHA" ]');
    expect(script).toContain('marker="<!-- oidc-apps-plan-diff:$stack -->"');
    expect(script).toContain("--method PATCH");
    expect(steps(job)[1]!["env"]).toMatchObject({ HEAD_REPO: "${{ github.event.workflow_run.head_repository.full_name }}", REPO: "${{ github.repository }}" });
    // The marker the script looks for is the one the plan writes.
    expect(readFileSync("plan/diff/markdown.ts", "utf8")).toContain("<!-- oidc-apps-plan-diff:${");
  });

  it.skipIf(!hasJq())("the comment poster says where a diff was rendered, and that a fork's is not trusted (its script, run against a stand-in gh)", () => {
    const script = String(steps(workflows["plan-diff-comment.yml"]!["jobs"]["comment"] as Json)[1]!["run"]);
    const post = (headRepo: string) => {
      const dir = mkdtempSync(join(tmpdir(), "oidc-apps-comment-"));
      mkdirSync(join(dir, "plan-diff"));
      mkdirSync(join(dir, "bin"));
      writeFileSync(join(dir, "plan-diff", "pr-number"), "7\n");
      writeFileSync(join(dir, "plan-diff", "prod.md"), "<!-- oidc-apps-plan-diff:prod -->\n### Plan diff for stack `prod`\n\n**No changes**\n");
      // gh: the pull request is at the run's head commit, has no comments yet, and a POST records the body.
      writeFileSync(
        join(dir, "bin", "gh"),
        `#!/bin/sh\ncase "$*" in\n  *"pulls/7"*) echo abc123 ;;\n  *--paginate*) ;;\n  *"--method POST"*) cat > "${dir}/posted.json" ;;\n  *) echo "unexpected gh $*" >&2; exit 1 ;;\nesac\n`,
      );
      chmodSync(join(dir, "bin", "gh"), 0o755);
      execFileSync("bash", ["-c", script], { cwd: dir, env: { PATH: `${join(dir, "bin")}:${process.env["PATH"]}`, GH_TOKEN: "stand-in", REPO: "acme/oidc-apps", HEAD_SHA: "abc123", HEAD_REPO: headRepo }, encoding: "utf8" });
      return (JSON.parse(readFileSync(join(dir, "posted.json"), "utf8")) as { body: string }).body;
    };
    const own = post("acme/oidc-apps");
    expect(own.split("\n")[0]).toBe("<!-- oidc-apps-plan-diff:prod -->");
    expect(own).toContain("> Rendered by this pull request's own run at `abc123` (a branch of this repository)");
    expect(own).toContain("**No changes**");
    const fork = post("mallory/oidc-apps");
    expect(fork.split("\n")[0]).toBe("<!-- oidc-apps-plan-diff:prod -->");
    expect(fork.split("\n")[2]).toMatch(/^> ⚠️ \*\*From a fork \(`mallory\/oidc-apps`\): not trusted\.\*\* Everything below was printed by the fork's own code/);
    expect(fork.indexOf("not trusted")).toBeLessThan(fork.indexOf("### Plan diff"));
  });

  it("main deploys dev, then staging, then prod, each in its GitHub environment, never cancelled halfway", () => {
    const wf = workflows["deploy.yml"]!;
    expect(wf["on"]["push"]).toEqual({ branches: ["main"] });
    expect(wf["concurrency"]).toEqual({ group: "deploy", "cancel-in-progress": false });
    const jobs = wf["jobs"] as Record<string, Json>;
    expect(steps(jobs["test"]!).map((s) => s["run"]).filter(Boolean)).toEqual(["npm ci --no-audit --no-fund", "npm test"]);
    const chain: [string, string][] = [["dev", "test"], ["staging", "dev"], ["prod", "staging"]];
    for (const [stack, after] of chain) {
      expect(jobs[stack], stack).toMatchObject({ needs: after, uses: "./.github/workflows/pulumi.yml", with: { command: "up", stack, environment: stack }, secrets: "inherit" });
    }
    expect(chain.map(([s]) => s).sort()).toEqual(stacks);
  });

  it("drift: a scheduled preview of every stack with --refresh and --expect-no-changes", () => {
    const wf = workflows["drift.yml"]!;
    expect(wf["on"]["schedule"]).toEqual([{ cron: expect.stringMatching(/^\S+ \S+ \* \* \*$/) }]);
    const job = wf["jobs"]["drift"] as Json;
    expect([...(job["strategy"]["matrix"]["stack"] as string[])].sort()).toEqual(stacks);
    // Its own environments (restricted to main): a production drift check can decrypt production.
    expect(job["with"]).toEqual({ command: "preview", stack: "${{ matrix.stack }}", environment: "${{ matrix.stack }}-drift", refresh: true, "expect-no-changes": true });
  });

  it("README says what each job can read, and that preview environments hold nothing that can decrypt production", () => {
    for (const job of ["`test`", "`plan-diff`", "`comment`", "`preview`", "`drift`", "`dev`, `staging`, `prod`"]) expect(ciSection, job).toContain(`| ${job} |`);
    expect(ciSection).toContain("A preview environment holds nothing that can decrypt a production stack");
    for (const s of stacks.filter((x) => !productionStacks.includes(x))) expect(ciSection).toContain(`\`${s}-preview\``);
    for (const s of productionStacks) expect(ciSection).toContain(`no \`${s}-preview\``);
    for (const s of stacks) expect(ciSection).toContain(`\`${s}-drift\``);
    expect(ciSection).toContain("scripts/plan-diff-ci.ts");
  });
});

function hasJq(): boolean {
  try {
    execFileSync("jq", ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

function order(stack: string): number {
  return ["dev", "staging", "prod"].indexOf(stack);
}
