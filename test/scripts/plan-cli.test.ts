import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli } from "../../scripts/plan";
import { stackYaml } from "../support/stacks";

async function runCli(...args: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await cli(args, (s) => (stdout += s), (s) => (stderr += s));
  return { code, stdout, stderr };
}

function tempStack(config: Record<string, unknown> | string): string {
  const dir = mkdtempSync(join(tmpdir(), "oidc-apps-"));
  const path = join(dir, "Pulumi.x.yaml");
  writeFileSync(path, typeof config === "string" ? config : stackYaml(config));
  return path;
}

describe("npm run plan", () => {
  it("prints the dev stack as a tree grouped by component and exits 0", async () => {
    const { code, stdout } = await runCli("dev");
    expect(code).toBe(0);
    expect(stdout).toContain("oidc-apps · stack dev");
    // The component, what the app means (» lines), then its children.
    expect(stdout).toMatch(/\n  oidc-apps:okta:WebApp  customer-portal\n(?: {4}» .*\n)+ {4}random:index\/randomPassword:RandomPassword  customer-portal-client-secret\n/);
    expect(stdout).toContain("clientBasicSecret: [secret]");
    expect(stdout).toContain("okta.customer-portal.clientSecret: [secret]");
  });

  it("follows the JSON contract and is byte-identical across runs", async () => {
    const a = await runCli("dev", "--format", "json");
    const b = await runCli("dev", "--format", "json");
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    const plan = JSON.parse(a.stdout) as Record<string, unknown>;
    expect(Object.keys(plan)).toEqual(["project", "stack", "resources", "invokes", "outputs", "diagnostics"]);
    expect(plan["project"]).toBe("oidc-apps");
    expect(plan["stack"]).toBe("dev");
    const resources = plan["resources"] as Record<string, unknown>[];
    // `import` and `ignoreChanges` appear only where set, between the options and the inputs.
    for (const r of resources) expect(Object.keys(r).filter((k) => k !== "import" && k !== "ignoreChanges")).toEqual(["type", "name", "parent", "protect", "retainOnDelete", "inputs"]);
    expect(resources.filter((r) => "ignoreChanges" in r).every((r) => Object.keys(r).indexOf("ignoreChanges") === Object.keys(r).length - 2)).toBe(true);
    const app = resources.find((r) => r["type"] === "okta:app/oAuth:OAuth" && r["name"] === "customer-portal")!;
    expect(app["parent"]).toBe("oidc-apps:okta:WebApp::customer-portal");
    expect((app["inputs"] as Record<string, unknown>)["clientBasicSecret"]).toBe("[secret]");
    const assignment = resources.find((r) => r["type"] === "okta:app/groupAssignment:GroupAssignment" && (r["name"] as string).startsWith("customer-portal-group-"))!;
    expect((assignment["inputs"] as Record<string, unknown>)["appId"]).toBe("(known after apply)");
  });

  it("--config-file renders any stack file under the given stack name", async () => {
    const path = tempStack({ "oidc-apps:environment": "development" });
    const { code, stdout } = await runCli("adhoc", "--config-file", path, "--format", "json");
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ stack: "adhoc", resources: [], outputs: { environment: "development" } });
  });

  it("fails the acceptance case: http redirect, grace 90 and type webapp in production, all at once, nothing registered", async () => {
    const path = tempStack({
      "okta:orgName": "acme",
      "oidc-apps:environment": "production",
      "oidc-apps:okta": {
        apps: {
          portal: { type: "web", grantTypes: ["authorization_code", "refresh_token"], redirectUris: ["http://portal.example.com/cb"], refreshToken: { gracePeriodSeconds: 90 } },
          legacy: { type: "webapp", redirectUris: ["https://legacy.example.com/cb"] },
        },
      },
    });
    for (const format of ["text", "json"]) {
      const { code, stdout, stderr } = await runCli("x", "--config-file", path, "--format", format);
      expect(code).toBe(1);
      expect(stdout + stderr).not.toMatch(/\n\s+at /); // no stack trace
      if (format === "json") {
        const plan = JSON.parse(stdout) as { resources: unknown[]; diagnostics: { code: string; path: string }[] };
        expect(plan.resources).toEqual([]);
        expect(plan.diagnostics.map((d) => [d.code, d.path])).toEqual([
          ["CONFIG_INVALID_VALUE", "oidc-apps:okta.apps.legacy.type"],
          ["OKTA_REDIRECT_HTTP", "oidc-apps:okta.apps.portal.redirectUris[0]"],
          ["OKTA_REFRESH_GRACE_RANGE", "oidc-apps:okta.apps.portal.refreshToken.gracePeriodSeconds"],
        ]);
      } else {
        expect(stdout).toContain("3 errors, 0 warnings: nothing would be created.");
        expect(stdout).toContain('oidc-apps:okta.apps.legacy.type: app type is "webapp"; it must be one of web, browser, native, service. Did you mean "web"?');
      }
    }
  });

  it("reports YAML syntax errors with a line and column, exit 1", async () => {
    const path = tempStack("config:\n  oidc-apps:environment: [development\n");
    const { code, stdout } = await runCli("x", "--config-file", path, "--format", "json");
    expect(code).toBe(1);
    expect((JSON.parse(stdout) as { diagnostics: { code: string; path: string }[] }).diagnostics[0]).toMatchObject({ code: "YAML_SYNTAX", path: expect.stringMatching(/^line \d+, column \d+$/) });
  });

  it("exits 2 on usage errors", async () => {
    expect((await runCli()).code).toBe(2);
    expect((await runCli("dev", "--format", "yaml")).code).toBe(2);
    expect((await runCli("dev", "--bogus")).code).toBe(2);
    expect((await runCli("no-such-stack")).code).toBe(2);
    const { stderr } = await runCli("dev", "extra");
    expect(stderr).toContain("usage: npm run plan");
  });
});
