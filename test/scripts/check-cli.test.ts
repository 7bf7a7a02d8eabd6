/**
 * `npm run check -- <stack> [--config-file PATH] [--format text|json]`: validation only. Exit codes as for
 * `npm run plan` (0 valid, 1 errors, 2 usage), the same diagnostics as the plan, and no Pulumi runtime.
 */
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli, type CheckReport } from "../../scripts/check";
import { cli as planCli } from "../../scripts/plan";
import { environment, oktaApps, ORG_NAME, stackConfig, stackYaml } from "../support/stacks";

const REPO = join(__dirname, "..", "..");

function runCli(...args: string[]) {
  let stdout = "";
  let stderr = "";
  const code = cli(args, (s) => (stdout += s), (s) => (stderr += s));
  return { code, stdout, stderr };
}

function tempStack(config: Record<string, unknown> | string): string {
  const dir = mkdtempSync(join(tmpdir(), "oidc-apps-check-"));
  const path = join(dir, "Pulumi.x.yaml");
  writeFileSync(path, typeof config === "string" ? config : stackYaml(config));
  return path;
}

const PORTAL = { type: "web", redirectUris: ["https://portal.example.com/callback"] };
const okta = (apps: Record<string, unknown>, env = "development") => stackConfig({ "okta:orgName": ORG_NAME }, environment(env), oktaApps(apps));

describe("npm run check: exit codes", () => {
  for (const stack of readdirSync(join(REPO, "stacks")).map((f) => /^Pulumi\.(.+)\.yaml$/.exec(f)?.[1]).filter((s): s is string => s !== undefined)) {
    it(`0 for the shipped stack ${stack}, with an ok line`, async () => {
      const { code, stdout, stderr } = runCli(stack);
      expect(code).toBe(0);
      expect(stderr).toBe("");
      expect(stdout).toBe(`stacks/Pulumi.${stack}.yaml: ok.\n`);
    });
  }

  it("0 when there are only warnings, and prints them", async () => {
    const path = tempStack(okta({ portal: { ...PORTAL, grantTypes: ["authorization_code", "authorization_code"] } }));
    const { code, stdout } = runCli("x", "--config-file", path);
    expect(code).toBe(0);
    expect(stdout).toBe(
      `${path}: ok, 1 warning.\n` +
        `warning OKTA_GRANT_DUPLICATE ${path}: oidc-apps:okta.apps.portal.grantTypes[1]: "authorization_code" is listed more than once.\n` +
        "    fix: Remove the duplicate.\n",
    );
  });

  it("1 on errors, all of them at once, each with the file, key path, message and fix", async () => {
    const path = tempStack(okta({ portal: { ...PORTAL, redirectUris: ["http://portal.example.com/cb"], refreshToken: { gracePeriodSeconds: 90 } }, legacy: { type: "webapp" } }, "production"));
    const { code, stdout, stderr } = runCli("x", "--config-file", path);
    expect(code).toBe(1);
    expect(stderr).toBe("");
    const lines = stdout.trimEnd().split("\n");
    expect(lines[0]).toBe(`${path}: 4 errors, 0 warnings; nothing would be created.`);
    expect(lines.filter((l) => /^error [A-Z_]+ /.test(l)).map((l) => l.split(" ").slice(0, 2).join(" "))).toEqual([
      "error CONFIG_INVALID_VALUE",
      "error OKTA_REDIRECT_HTTP",
      "error OKTA_REFRESH_WITHOUT_GRANT",
      "error OKTA_REFRESH_GRACE_RANGE",
    ]);
    expect(stdout).toContain(`error OKTA_REDIRECT_HTTP ${path}: oidc-apps:okta.apps.portal.redirectUris[0]: "http://portal.example.com/cb" uses http; production stacks allow only https.\n    fix: Use https.`);
  });

  it("1 on a YAML syntax error, with the line and column", async () => {
    const path = tempStack("config:\n  oidc-apps:environment: [development\n");
    const { code, stdout } = runCli("x", "--config-file", path, "--format", "json");
    expect(code).toBe(1);
    expect((JSON.parse(stdout) as CheckReport).diagnostics[0]).toMatchObject({ code: "YAML_SYNTAX", path: expect.stringMatching(/^line \d+, column \d+$/) });
  });

  it("2 on usage errors, with the usage line on stderr", async () => {
    for (const args of [[], ["dev", "extra"], ["dev", "--format", "yaml"], ["dev", "--bogus"], ["no-such-stack"], ["x", "--config-file", "/no/such/file.yaml"]]) {
      const { code, stdout, stderr } = runCli(...args);
      expect(code, args.join(" ")).toBe(2);
      expect(stdout).toBe("");
      expect(stderr).toContain("usage: npm run check -- <stack> [--config-file PATH] [--format text|json]");
    }
  });

  it("0 for --help, with the usage on stdout", async () => {
    const { code, stdout } = runCli("--help");
    expect(code).toBe(0);
    expect(stdout).toContain("usage: npm run check");
  });
});

describe("npm run check: --format json", () => {
  it("prints { stack, stackFile, errors, warnings, diagnostics } and is byte-identical across runs", async () => {
    const path = tempStack(okta({ portal: { ...PORTAL, label: 5, redirectUris: ["/callback"] } }));
    const a = runCli("x", "--config-file", path, "--format", "json");
    const b = runCli("x", "--config-file", path, "--format", "json");
    expect(a.stdout).toBe(b.stdout);
    const report = JSON.parse(a.stdout) as CheckReport;
    expect(Object.keys(report)).toEqual(["stack", "stackFile", "errors", "warnings", "diagnostics"]);
    expect(report).toMatchObject({ stack: "x", stackFile: path, errors: 2, warnings: 0 });
    for (const d of report.diagnostics) expect(Object.keys(d)).toEqual(["severity", "code", "path", "message", "fix"]);
  });

  it("reports exactly what the plan reports, for a stack with errors and warnings", async () => {
    const path = tempStack({
      ...okta({ portal: { ...PORTAL, redirectUris: ["http://portal.example.com/cb", "http://portal.example.com/cb"] } }),
      "auth0:domain": "acme.us.auth0.com",
      "oidc-apps:auth0": { apps: { portal: { type: "regular_web", callbacks: ["https://portal.example.com/callback"] } } },
      "oidc-apps:recipes": { wiki: { recipe: "okta-web-signin", appUrl: "https://wiki.example.com", gracePeriodSeconds: 90 } },
    });
    const check = JSON.parse((runCli("x", "--config-file", path, "--format", "json")).stdout) as CheckReport;
    let planOut = "";
    const planCode = await planCli(["x", "--config-file", path, "--format", "json"], (s) => (planOut += s), () => undefined);
    expect(planCode).toBe(1);
    expect(check.diagnostics).toEqual((JSON.parse(planOut) as { diagnostics: unknown }).diagnostics);
    expect(check.diagnostics.map((d) => d.code)).toEqual(["APP_NAME_DUPLICATE", "OKTA_REDIRECT_HTTP", "OKTA_REDIRECT_DUPLICATE", "OKTA_REDIRECT_HTTP", "RECIPE_APP_INVALID"]);
  });
});

describe("npm run check: a separate process, as editors and hooks run it", () => {
  const tsx = (...args: string[]) => spawnSync(process.execPath, ["--import", "tsx", ...args], { cwd: REPO, encoding: "utf8", timeout: 60_000 });

  it("exits 0 for the dev stack and 1 for a corpus file, without loading the Pulumi runtime", () => {
    const ok = tsx("scripts/check.ts", "dev");
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toBe("stacks/Pulumi.dev.yaml: ok.\n");
    const bad = tsx("scripts/check.ts", "x", "--config-file", "test/fixtures/invalid/okta-redirect-http.yaml");
    expect(bad.status).toBe(1);
    expect(bad.stdout).toContain("error OKTA_REDIRECT_HTTP test/fixtures/invalid/okta-redirect-http.yaml: oidc-apps:okta.apps.portal.redirectUris[0]");
    const loaded = tsx("-e", "require('./scripts/check'); process.stdout.write(JSON.stringify(Object.keys(require.cache).filter((m) => m.includes('@pulumi'))))");
    expect(loaded.status, loaded.stderr).toBe(0);
    expect(JSON.parse(loaded.stdout)).toEqual([]);
  });

  it("stops quietly when its reader closes the pipe early (`check | head`): no EPIPE stack trace, the exit status kept", async () => {
    // 2,000 errors: far more output than a pipe buffer holds, so writes are still pending when the reader goes.
    const many = tempStack(okta({ portal: { type: "web", redirectUris: Array.from({ length: 2000 }, (_, i) => `http://p${i}.example.com/cb`) } }));
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/check.ts", "x", "--config-file", many], { cwd: REPO, stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.stdout.once("data", () => child.stdout.destroy());
    const status = await new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)));
    expect(stderr).not.toMatch(/EPIPE|Unhandled|^\s+at /m);
    expect(status).toBe(1);
  }, 60_000);
});
