import { stringify } from "yaml";
import { describe, expect, it } from "vitest";
import { planOfYaml } from "../support/plan";
import type { Plan } from "../../plan/run";

function stack(environment: string, okta: Record<string, unknown>, auth0: Record<string, unknown> = {}): string {
  return stringify({
    config: {
      "okta:orgName": "acme",
      "auth0:domain": "acme.us.auth0.com",
      "oidc-apps:environment": environment,
      "oidc-apps:okta": { apps: okta },
      ...(Object.keys(auth0).length > 0 ? { "oidc-apps:auth0": { apps: auth0 } } : {}),
    },
  });
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

  it("non-production apps are neither protected nor retained", async () => {
    for (const env of ["development", "staging"]) {
      const p = await planOfYaml(stack(env, { portal: web, bot: service }, { partner }));
      expect(p.resources.filter((r) => r.protect || r.retainOnDelete)).toEqual([]);
    }
  });
});
