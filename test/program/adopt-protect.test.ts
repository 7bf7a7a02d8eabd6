import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { planOfYaml } from "../support/plan";
import { auth0Apps, AUTH0_TENANT, environment, oktaApps, ORG_NAME, stackConfig, stackYaml } from "../support/stacks";
import type { Plan } from "../../plan/run";

function stack(env: string, okta: Record<string, unknown>, auth0: Record<string, unknown> = {}): string {
  return stackYaml(stackConfig({ "okta:orgName": ORG_NAME }, AUTH0_TENANT, environment(env), oktaApps(okta), Object.keys(auth0).length > 0 ? auth0Apps(auth0) : {}));
}

const web = { type: "web", redirectUris: ["https://portal.example.com/cb"] };
const service = { type: "service", clientAuth: "client_secret_basic" };
const partner = { type: "regular_web", callbacks: ["https://p.example.com/cb"], grantTypes: ["authorization_code", "client_credentials"], managementApiScopes: ["read:users"] };
const find = (p: Plan, type: string, name: string) => p.resources.find((r) => r.type === type && r.name === name)!;

describe("adopt", () => {
  it("imports the existing Okta app by id instead of creating one, and keeps its secret", async () => {
    const p = await planOfYaml(stack("development", { portal: { ...web, adopt: { id: "0oa1existing" } } }));
    expect(p.diagnostics).toEqual([]);
    const app = find(p, "okta:app/oAuth:OAuth", "portal");
    // The plain id, as stacks adopted before use it: a changed import id re-imports as a replacement.
    expect(app.import).toBe("0oa1existing");
    // Only the app is imported; nothing else carries an import id.
    expect(p.resources.filter((r) => r.import !== undefined).map((r) => r.name)).toEqual(["portal"]);
    // The existing secret cannot be read back into a generator: no generated secret, none sent.
    expect(p.resources.some((r) => r.type.startsWith("random:"))).toBe(false);
    expect(app.inputs).not.toHaveProperty("clientBasicSecret");
    expect(p.outputs).toMatchObject({ okta: { portal: { clientSecret: "[secret]" } } });
  });

  it("starts generating (rotating) the secret of an adopted app once clientSecretVersion is set", async () => {
    const p = await planOfYaml(stack("development", { portal: { ...web, adopt: { id: "0oa1existing" }, clientSecretVersion: 2 } }));
    expect(find(p, "random:index/randomPassword:RandomPassword", "portal-client-secret").inputs).toMatchObject({ keepers: { clientSecretVersion: "2" } });
    expect(find(p, "okta:app/oAuth:OAuth", "portal").inputs).toMatchObject({ clientBasicSecret: "[secret]" });
  });

  it("imports an Okta service app", async () => {
    const p = await planOfYaml(stack("development", { bot: { ...service, adopt: { id: "0oa2svc" } } }));
    expect(find(p, "okta:app/oAuth:OAuth", "bot").import).toBe("0oa2svc");
    expect(p.resources.some((r) => r.type.startsWith("random:"))).toBe(false);
  });

  it("imports the Auth0 client and its credentials by the client id, and the grant by its id", async () => {
    const p = await planOfYaml(stack("development", {}, { partner: { ...partner, adopt: { id: "AbCdEf123", managementApiGrantId: "cgr_42" } } }));
    expect(p.diagnostics).toEqual([]);
    expect(find(p, "auth0:index/client:Client", "partner").import).toBe("AbCdEf123");
    expect(find(p, "auth0:index/clientCredentials:ClientCredentials", "partner-credentials").import).toBe("AbCdEf123");
    expect(find(p, "auth0:index/clientGrant:ClientGrant", "partner-management-api").import).toBe("cgr_42");
    expect(find(p, "auth0:index/clientCredentials:ClientCredentials", "partner-credentials").inputs).not.toHaveProperty("clientSecret");
    expect(p.resources.some((r) => r.type.startsWith("random:"))).toBe(false);
  });

  it("the first and second up change nothing the stack file does not say: what the plan shows to guarantee it", async () => {
    const p = await planOfYaml(stack("development", { portal: { ...web, adopt: { id: "0oa1existing" }, assignTo: { groups: ["Engineering"] } } }, { partner: { ...partner, adopt: { id: "AbCdEf123" } } }));
    expect(p.diagnostics).toEqual([]);
    const app = find(p, "okta:app/oAuth:OAuth", "portal");
    // Settings without a stack-file key keep the org's values: the update after the import is a full PUT.
    for (const field of ["hideIos", "hideWeb", "consentMethod", "issuerMode", "userNameTemplate", "autoKeyRotation"]) expect(app.ignoreChanges).toContain(field);
    // Per-group assignments: the set resource would absorb the app's other groups and remove them next time.
    expect(p.resources.filter((r) => r.type.includes("roupAssignment")).map((r) => [r.type, r.name])).toEqual([["okta:app/groupAssignment:GroupAssignment", "portal-group-engineering"]]);
    // The Auth0 client keeps its description (the SDK would send "Managed by Pulumi").
    expect(find(p, "auth0:index/client:Client", "partner").ignoreChanges).toEqual(["description"]);
  });

  it("apps without adopt are created: no import id anywhere", async () => {
    const p = await planOfYaml(stack("development", { portal: web }, { partner }));
    expect(p.resources.filter((r) => r.import !== undefined)).toEqual([]);
  });

  it("rejects an adopt block without an id, with its key path", async () => {
    const p = await planOfYaml(stack("development", { portal: { ...web, adopt: {} } }));
    expect(p.diagnostics.map((d) => [d.code, d.path])).toEqual([["CONFIG_REQUIRED", "oidc-apps:okta.apps.portal.adopt.id"]]);
    expect(p.resources).toEqual([]);
  });
});

describe("protection", () => {
  it("production apps are protected and retained on delete, in the plan JSON", async () => {
    const p = await planOfYaml(stack("production", { portal: web, bot: service }, { partner }));
    for (const [type, name] of [["okta:app/oAuth:OAuth", "portal"], ["okta:app/oAuth:OAuth", "bot"], ["auth0:index/client:Client", "partner"]] as const) {
      expect(find(p, type, name)).toMatchObject({ protect: true, retainOnDelete: true });
    }
    const json = JSON.stringify(p);
    expect(json).toContain('"protect":true,"retainOnDelete":true');
  });

  it("production retains only what costs a client id or a working credential: every privilege is revocable", async () => {
    const p = await planOfYaml(
      stack(
        "production",
        {
          portal: { ...web, assignTo: "everyone", apiScopes: ["okta.users.read"], trustedOrigins: [{ origin: "https://portal.example.com" }] },
          bot: { type: "service", keys: [{ kid: "k" }], apiScopes: ["okta.users.read"], adminRoles: ["SUPER_ADMIN"], acknowledgeRoles: ["SUPER_ADMIN"] },
        },
        { partner },
      ),
    );
    // Everyone in production is allowed, with a warning for the reviewer.
    expect(p.diagnostics.map((d) => d.code)).toEqual(["OKTA_ASSIGN_EVERYONE_PRODUCTION"]);
    expect(p.resources.filter((r) => r.retainOnDelete).map((r) => `${r.type}::${r.name}`)).toEqual([
      "okta:app/oAuth:OAuth::portal",
      "okta:app/oAuth:OAuth::bot",
      "auth0:index/client:Client::partner",
      "auth0:index/clientCredentials:ClientCredentials::partner-credentials",
    ]);
    // Removing SUPER_ADMIN, Everyone, a scope or an origin from the file removes it from the org.
    for (const name of ["bot-role-super-admin", "portal-group-everyone", "portal-api-scopes", "bot-api-scopes", "partner-management-api"]) {
      expect(p.resources.find((r) => r.name === name), name).toMatchObject({ retainOnDelete: false, protect: false });
    }
    expect(p.resources.filter((r) => r.type === "okta:trustedorigin/origin:Origin").every((r) => !r.retainOnDelete)).toBe(true);
  });

  it("non-production apps are neither protected nor retained", async () => {
    for (const env of ["development", "staging"]) {
      const p = await planOfYaml(stack(env, { portal: web, bot: service }, { partner }));
      expect(p.resources.filter((r) => r.protect || r.retainOnDelete)).toEqual([]);
    }
  });
});

describe("README: recovery steps name the provider's import id formats", () => {
  // terraform-provider-okta: role assignments import as `<client_id>/<role_assignment_id>` and scope grants as
  // `<app_id>` (resource_okta_app_oauth_role_assignment.go, resource_okta_app_oauth_api_scope.go importers).
  const readme = readFileSync("docs/operations.md", "utf8");
  it("an interrupted admin-role assignment is imported by <client id>/<role assignment id>", () => {
    expect(readme).toMatch(/pulumi import --stack <env> 'okta:index\/oauth2V1ClientsRole<Role>:Oauth2V1ClientsRole<Role>' <app>-role-<role> '<client id>\/<role assignment id>'/);
  });
  it("an existing scope grant is imported by the app id", () => {
    expect(readme.replace(/\s+/g, " ")).toContain("`pulumi import okta:index/appOauthApiScope:AppOauthApiScope <app>-api-scopes <app id>`");
  });
  it("a protected app's removal is described as failing the preview", () => {
    expect(readme).toContain("**Removing a production app from the stack file fails the preview**");
  });
});
