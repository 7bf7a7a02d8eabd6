/**
 * Resource names stay distinct (issue 13, "Resource names collide"): the offline plan refuses a second resource
 * with one URN exactly as the Pulumi engine does, names built from free text are made unique where their slugs
 * collide, and the names of stacks without a collision are the ones they always had.
 */
import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";
import { describe, expect, it } from "vitest";
import { ServiceApp } from "../support/program-components";
import type { OktaServiceAppSpec } from "../../config/model";
import { oktaOrg } from "../../config/okta";
import { capture } from "../../plan/capture";
import { planOfFile, planOfYaml, resourcesOfType } from "../support/plan";
import { oktaStack } from "../support/stacks";

const PASSWORD = "random:index/randomPassword:RandomPassword";
const ORIGIN = "okta:trustedorigin/origin:Origin";
const run = <T>(program: () => T) => capture({ project: "oidc-apps", stack: "test" }, program);
const engineError = (urn: string) => `Duplicate resource URN '${urn}'; try giving it a unique name`;
const errorOf = (result: { ok: boolean; error?: unknown }) => (result.ok ? undefined : (result.error as Error).message);

describe("capture() refuses a second resource with one URN, as the engine does (pulumi/pulumi step_generator.go generateURN, error 2001)", () => {
  it("fails on two resources of one type and name, with the engine's message, and keeps only the first", async () => {
    const r = await run(() => {
      new random.RandomPassword("x", { length: 8 });
      new random.RandomPassword("x", { length: 16 });
    });
    expect(errorOf(r.result)).toBe(engineError(`urn:pulumi:test::oidc-apps::${PASSWORD}::x`));
    expect(r.resources.map((x) => [x.type, x.name, (x.inputs as { length: number }).length])).toEqual([[PASSWORD, "x", 8]]);
  });

  it("fails on one name under two parents of one type (the parent's name is not part of the URN)", async () => {
    const r = await run(() => {
      for (const parent of ["p1", "p2"]) new random.RandomPassword("child", { length: 8 }, { parent: new pulumi.ComponentResource("test:index:Parent", parent) });
    });
    expect(errorOf(r.result)).toBe(engineError(`urn:pulumi:test::oidc-apps::test:index:Parent$${PASSWORD}::child`));
  });

  it("fails even when the program catches the constructor's error", async () => {
    const r = await run(() => {
      new random.RandomPassword("x", { length: 8 });
      try {
        new random.RandomPassword("x", { length: 8 });
      } catch {
        // ignored by the program; the engine fails the run regardless
      }
      return "done";
    });
    expect(errorOf(r.result)).toBe(engineError(`urn:pulumi:test::oidc-apps::${PASSWORD}::x`));
  });

  it("passes one type and name under parents of different types", async () => {
    const r = await run(() => {
      for (const type of ["test:index:A", "test:index:B"]) new random.RandomPassword("child", { length: 8 }, { parent: new pulumi.ComponentResource(type, "p") });
    });
    expect(r.result.ok).toBe(true);
    expect(r.resources.filter((x) => x.type === PASSWORD).map((x) => x.parent)).toEqual(["test:index:A::p", "test:index:B::p"]);
  });

  it("passes parents of one type under grandparents of different types: the whole type chain is in the URN", async () => {
    // The mock runtime's own URNs keep only the parent's last type and would take these two for one.
    const r = await run(() => {
      for (const type of ["test:index:A", "test:index:B"]) {
        const middle = new pulumi.ComponentResource("test:index:Middle", `m-${type.slice(-1)}`, {}, { parent: new pulumi.ComponentResource(type, "g") });
        new random.RandomPassword("child", { length: 8 }, { parent: middle });
      }
    });
    expect(r.result.ok).toBe(true);
    expect(r.resources.filter((x) => x.type === PASSWORD)).toHaveLength(2);
  });
});

/** A browser app `spa` listing these trusted origins. */
function originsStack(origins: readonly string[]): string {
  return oktaStack({
    spa: { type: "browser", redirectUris: ["https://spa.example.com/callback"], assignTo: "everyone", trustedOrigins: origins.map((origin) => ({ origin })) },
  });
}

describe("trusted origin resource names", () => {
  it("gives two origins with one slug (a-b vs a.b) two resources, each with 8 hex of its origin's SHA-256", async () => {
    const plan = await planOfYaml(originsStack(["https://a-b.example.com", "https://a.b.example.com"]));
    expect(plan.diagnostics).toEqual([]);
    expect(resourcesOfType(plan, ORIGIN).map((r) => [r.name, (r.inputs as { origin: string }).origin])).toEqual([
      ["trusted-origins-https-a-b-example-com-d5caa954", "https://a-b.example.com"],
      ["trusted-origins-https-a-b-example-com-e2c5337a", "https://a.b.example.com"],
    ]);
  });

  it("keeps the plain name of an origin whose slug is its own, next to a colliding pair", async () => {
    const plan = await planOfYaml(originsStack(["https://a-b.example.com", "https://a.b.example.com", "https://c.example.com"]));
    expect(resourcesOfType(plan, ORIGIN).map((r) => r.name)).toContain("trusted-origins-https-c-example-com");
  });

  it("keeps the plain name of a single origin (the name it had before)", async () => {
    const plan = await planOfYaml(originsStack(["https://a-b.example.com"]));
    expect(resourcesOfType(plan, ORIGIN).map((r) => r.name)).toEqual(["trusted-origins-https-a-b-example-com"]);
  });
});

describe("custom admin role resource names", () => {
  const spec = (roles: OktaServiceAppSpec["adminRoles"]): OktaServiceAppSpec => ({
    kind: "service",
    name: "bot",
    label: "Bot",
    grantTypes: ["client_credentials"],
    apiScopes: [],
    tokenEndpointAuthMethod: "private_key_jwt",
    keys: [],
    adminRoles: roles,
  });
  const roleNames = async (roles: OktaServiceAppSpec["adminRoles"]) => {
    const r = await run(() => new ServiceApp("bot", { spec: spec(roles), org: oktaOrg("acme", "okta.com"), protect: false }));
    if (!r.result.ok) throw r.result.error;
    return r.resources.filter((x) => x.name.startsWith("bot-role-")).map((x) => x.name);
  };

  it("gives role ids that differ only in case (Okta ids are case-sensitive) two resources", async () => {
    expect(await roleNames([{ kind: "custom", role: "cr0ABC", resourceSet: "iam0def" }, { kind: "custom", role: "cr0abc", resourceSet: "iam0def" }])).toEqual([
      "bot-role-custom-cr0abc-iam0def-76d1031a",
      "bot-role-custom-cr0abc-iam0def-201190fc",
    ]);
  });

  it("keeps the plain names otherwise", async () => {
    expect(await roleNames([{ kind: "standard", type: "READ_ONLY_ADMIN" }, { kind: "custom", role: "cr0abc", resourceSet: "iam0def" }])).toEqual([
      "bot-role-read-only-admin",
      "bot-role-custom-cr0abc-iam0def",
    ]);
  });
});

describe("the names of a stack without collisions do not change", () => {
  it("dev: every resource keeps its name (group assignments aside: components/okta/assignments.ts names those)", async () => {
    const plan = await planOfFile("stacks/Pulumi.dev.yaml", "dev");
    expect(plan.diagnostics).toEqual([]);
    const names = plan.resources.filter((r) => !/^okta:(index\/appGroupAssignments|app\/groupAssignment):/.test(r.type)).map((r) => `${r.type}::${r.name}`);
    expect(names.sort()).toEqual(
      [
        "pulumi:providers:okta::okta",
        "oidc-apps:okta:TrustedOrigins::trusted-origins",
        `${ORIGIN}::trusted-origins-http-localhost-8080`,
        `${ORIGIN}::trusted-origins-https-portal-dev-example-com`,
        `${ORIGIN}::trusted-origins-https-support-dev-example-com`,
        `${ORIGIN}::trusted-origins-https-wiki-dev-example-com`,
        "oidc-apps:okta:WebApp::customer-portal",
        `${PASSWORD}::customer-portal-client-secret`,
        "okta:app/oAuth:OAuth::customer-portal",
        "oidc-apps:okta:BrowserApp::support-console",
        "okta:app/oAuth:OAuth::support-console",
        "oidc-apps:okta:NativeApp::mcp-cli",
        "okta:app/oAuth:OAuth::mcp-cli",
        "okta:index/appOauthApiScope:AppOauthApiScope::mcp-cli-api-scopes",
        "oidc-apps:okta:ServiceApp::mcp-automation",
        "tls:index/privateKey:PrivateKey::mcp-automation-key-2026-11",
        "okta:app/oAuth:OAuth::mcp-automation",
        "okta:index/appOauthApiScope:AppOauthApiScope::mcp-automation-api-scopes",
        "okta:index/oauth2V1ClientsRoleReadOnlyAdmin:Oauth2V1ClientsRoleReadOnlyAdmin::mcp-automation-role-read-only-admin",
        "okta:index/oauth2V1ClientsRoleGroupMembershipAdmin:Oauth2V1ClientsRoleGroupMembershipAdmin::mcp-automation-role-group-membership-admin",
        "oidc-apps:okta:WebApp::frontegg-okta",
        `${PASSWORD}::frontegg-okta-client-secret`,
        "okta:app/oAuth:OAuth::frontegg-okta",
        "okta:index/appOauthApiScope:AppOauthApiScope::frontegg-okta-api-scopes",
        "oidc-apps:okta:ServiceApp::okta-mcp",
        "tls:index/privateKey:PrivateKey::okta-mcp-key-okta-mcp-1",
        "okta:app/oAuth:OAuth::okta-mcp",
        "okta:index/appOauthApiScope:AppOauthApiScope::okta-mcp-api-scopes",
        "okta:index/oauth2V1ClientsRoleReadOnlyAdmin:Oauth2V1ClientsRoleReadOnlyAdmin::okta-mcp-role-read-only-admin",
        "oidc-apps:okta:NativeApp::okta-mcp-device",
        "okta:app/oAuth:OAuth::okta-mcp-device",
        "okta:index/appOauthApiScope:AppOauthApiScope::okta-mcp-device-api-scopes",
        "oidc-apps:okta:WebApp::team-wiki",
        `${PASSWORD}::team-wiki-client-secret`,
        "okta:app/oAuth:OAuth::team-wiki",
        "oidc-apps:okta:WebApp::defguard",
        `${PASSWORD}::defguard-client-secret`,
        "okta:app/oAuth:OAuth::defguard",
        "oidc-apps:okta:ServiceApp::defguard-directory-sync",
        "tls:index/privateKey:PrivateKey::defguard-directory-sync-key-defguard-directory-sync-1",
        "okta:app/oAuth:OAuth::defguard-directory-sync",
        "okta:index/appOauthApiScope:AppOauthApiScope::defguard-directory-sync-api-scopes",
        "okta:index/oauth2V1ClientsRoleReadOnlyAdmin:Oauth2V1ClientsRoleReadOnlyAdmin::defguard-directory-sync-role-read-only-admin",
        "pulumi:providers:auth0::auth0",
        "oidc-apps:auth0:WebApp::partner-portal",
        "auth0:index/client:Client::partner-portal",
        `${PASSWORD}::partner-portal-client-secret`,
        "auth0:index/clientCredentials:ClientCredentials::partner-portal-credentials",
        "auth0:index/clientGrant:ClientGrant::partner-portal-management-api",
        "oidc-apps:auth0:WebApp::frontegg-auth0",
        "auth0:index/client:Client::frontegg-auth0",
        `${PASSWORD}::frontegg-auth0-client-secret`,
        "auth0:index/clientCredentials:ClientCredentials::frontegg-auth0-credentials",
        "auth0:index/clientGrant:ClientGrant::frontegg-auth0-management-api",
      ].sort(),
    );
  });
});
