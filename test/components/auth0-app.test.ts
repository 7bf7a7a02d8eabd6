import * as pulumi from "@pulumi/pulumi";
import { describe, expect, it } from "vitest";
import { Auth0WebApp } from "../support/program-components";
import type { Auth0WebAppSpec } from "../../config/model";
import { capture } from "../../plan/capture";
import { planOfYaml } from "../support/plan";
import { auth0Stack, oktaStack } from "../support/stacks";

// Values the config determines are plain, the rest Outputs (issue 19).
const value = <T>(o: pulumi.Output<T> | T) => (pulumi.Output.isInstance(o) ? new Promise<T>((resolve) => (o as pulumi.Output<T>).apply(resolve)) : Promise.resolve(o as T));

const spec: Auth0WebAppSpec = {
  kind: "regular_web",
  name: "partner",
  displayName: "Partner Portal",
  callbacks: ["https://p.example.com/callback"],
  allowedLogoutUrls: ["https://p.example.com/"],
  webOrigins: ["https://p.example.com"],
  initiateLoginUri: "https://p.example.com/login",
  grantTypes: ["authorization_code", "refresh_token", "client_credentials"],
  authenticationMethod: "client_secret_post",
  clientSecretVersion: 2,
  keys: [],
  refreshToken: { rotationType: "rotating", leewaySeconds: 5, tokenLifetimeSeconds: 100, idleTokenLifetimeSeconds: 50 },
  managementApiScopes: ["read:users", "read:logs"],
};

async function run(s: Auth0WebAppSpec, secretRead = "") {
  const result = await capture(
    { project: "oidc-apps", stack: "test", computed: (type) => (type === "auth0:index/client:Client" ? { clientId: "auth0-client-id" } : type === "auth0:index/clientCredentials:ClientCredentials" ? { clientSecret: secretRead } : type === "random:index/randomPassword:RandomPassword" ? { result: "generated-secret-value" } : undefined) },
    () => new Auth0WebApp("partner", { spec: s, domain: "acme.us.auth0.com", protect: false }),
  );
  if (!result.result.ok) throw result.result.error;
  return { resources: result.resources, app: result.result.value };
}

describe("Auth0WebApp", () => {
  it("creates the client with exactly the configured inputs, credentials and one Management API grant", async () => {
    const { resources } = await run(spec);
    expect(resources.map((r) => [r.type, r.name, r.parent])).toEqual([
      ["oidc-apps:auth0:WebApp", "partner", null],
      ["auth0:index/client:Client", "partner", "oidc-apps:auth0:WebApp::partner"],
      ["random:index/randomPassword:RandomPassword", "partner-client-secret", "oidc-apps:auth0:WebApp::partner"],
      ["auth0:index/clientCredentials:ClientCredentials", "partner-credentials", "oidc-apps:auth0:WebApp::partner"],
      ["auth0:index/clientGrant:ClientGrant", "partner-management-api", "oidc-apps:auth0:WebApp::partner"],
    ]);
    expect(resources[1]!.inputs).toEqual({
      allowedLogoutUrls: ["https://p.example.com/"],
      appType: "regular_web",
      callbacks: ["https://p.example.com/callback"],
      description: "Managed by Pulumi",
      grantTypes: ["authorization_code", "refresh_token", "client_credentials"],
      initiateLoginUri: "https://p.example.com/login",
      isFirstParty: true,
      jwtConfiguration: { alg: "RS256" },
      name: "Partner Portal",
      oidcConformant: true,
      refreshToken: { expirationType: "expiring", idleTokenLifetime: 50, infiniteIdleTokenLifetime: false, infiniteTokenLifetime: false, leeway: 5, rotationType: "rotating", tokenLifetime: 100 },
      webOrigins: ["https://p.example.com"],
    });
    expect(resources[2]!.inputs).toEqual({ keepers: { clientSecretVersion: "2" }, length: 64, special: false });
    expect(resources[3]!.inputs).toEqual({ authenticationMethod: "client_secret_post", clientId: "auth0-client-id", clientSecret: "[secret]" });
    // No subjectType: Optional + Computed + ForceNew in resource_grant.go; Auth0 applies `client` when absent.
    expect(resources[4]!.inputs).toEqual({ audience: "https://acme.us.auth0.com/api/v2/", clientId: "auth0-client-id", scopes: ["read:users", "read:logs"] });
    // An adopted client keeps its own description ("Managed by Pulumi" is injected by the SDK when unset).
    expect(resources[1]!.ignoreChanges).toEqual(["description"]);
  });

  it("in production retains the client and its credentials (a working credential), not the Management API grant (a privilege)", async () => {
    const result = await capture(
      { project: "oidc-apps", stack: "test" },
      () => new Auth0WebApp("partner", { spec, domain: "acme.us.auth0.com", protect: true }),
    );
    expect(result.resources.filter((r) => r.retainOnDelete).map((r) => r.type)).toEqual(["auth0:index/client:Client", "auth0:index/clientCredentials:ClientCredentials"]);
    expect(result.resources.filter((r) => r.protect).map((r) => r.type)).toEqual(["auth0:index/client:Client"]);
  });

  it("outputs the client secret as a secret, even when the provisioning client cannot read it back", async () => {
    const { app } = await run(spec, "");
    expect(await pulumi.isSecret(app.clientSecret!)).toBe(true);
    expect(await value(app.clientSecret!)).toBe("generated-secret-value");
    expect(await value(app.issuer)).toBe("https://acme.us.auth0.com/");
    expect(await value(app.domain)).toBe("acme.us.auth0.com");
    expect(await pulumi.isSecret(app.clientId)).toBe(false);
  });

  it("without Management API scopes and refresh grant: no grant resource and no refresh settings", async () => {
    const { resources } = await run({ ...spec, grantTypes: ["authorization_code"], managementApiScopes: [], refreshToken: undefined });
    expect(resources.some((r) => r.type === "auth0:index/clientGrant:ClientGrant")).toBe(false);
    expect(resources[1]!.inputs).not.toHaveProperty("refreshToken");
  });

  it("private key JWT: public keys as credentials, no secret", async () => {
    const { resources, app } = await run({ ...spec, authenticationMethod: "private_key_jwt", clientSecretVersion: undefined, keys: [{ source: "generated", kid: "k1", algorithm: "RSA", rsaBits: 2048 }] });
    expect(resources.some((r) => r.type.startsWith("random:"))).toBe(false);
    expect(resources.find((r) => r.type === "tls:index/privateKey:PrivateKey")?.name).toBe("partner-key-k1");
    const creds = resources.find((r) => r.type === "auth0:index/clientCredentials:ClientCredentials")!.inputs as Record<string, unknown>;
    expect(creds).toMatchObject({ authenticationMethod: "private_key_jwt", privateKeyJwt: { credentials: [{ algorithm: "RS256", credentialType: "public_key", name: "k1" }] } });
    expect(app.clientSecret).toBeUndefined();
  });

  it("private key JWT with generated keys: the private halves come out as secrets, with the kids and the active kid", async () => {
    const keys = [{ source: "generated", kid: "k1", algorithm: "RSA", rsaBits: 2048 }, { source: "generated", kid: "k2", algorithm: "RSA", rsaBits: 2048 }] as const;
    const result = await capture(
      { project: "oidc-apps", stack: "test", computed: (type) => (type === "tls:index/privateKey:PrivateKey" ? { privateKeyPemPkcs8: "CANARY-PRIVATE-KEY" } : undefined) },
      () => new Auth0WebApp("partner", { spec: { ...spec, authenticationMethod: "private_key_jwt", clientSecretVersion: undefined, keys, activeKeyId: "k2" }, domain: "acme.us.auth0.com", protect: false }),
    );
    if (!result.result.ok) throw result.result.error;
    const app = result.result.value;
    // Without these no client could sign: the private half exists only in state.
    expect(Object.keys(app.privateKeys)).toEqual(["k1", "k2"]);
    expect(await pulumi.isSecret(app.privateKeys["k2"]!.pem)).toBe(true);
    expect(await value(app.privateKeys["k2"]!.pem)).toBe("CANARY-PRIVATE-KEY");
    expect(await value(app.activeKeyId!)).toBe("k2");
    expect(await value(app.keyIds!)).toEqual(["k1", "k2"]);
  });
});

describe("providers only where needed", () => {
  it("an Okta-only stack renders no Auth0 provider and needs no auth0:domain", async () => {
    const plan = await planOfYaml(oktaStack({ portal: { type: "web", redirectUris: ["https://p.example.com/cb"] } }));
    expect(plan.diagnostics).toEqual([]);
    expect(plan.resources.map((r) => r.type)).not.toContain("pulumi:providers:auth0");
    expect(plan.resources.map((r) => r.type)).toContain("pulumi:providers:okta");
  });

  it("an Auth0-only stack renders no Okta provider and needs no Okta settings", async () => {
    const plan = await planOfYaml(auth0Stack({ partner: { type: "regular_web", callbacks: ["https://p.example.com/cb"] } }));
    expect(plan.diagnostics).toEqual([]);
    expect(plan.resources.map((r) => r.type)).not.toContain("pulumi:providers:okta");
    expect(plan.resources.filter((r) => r.type === "pulumi:providers:auth0")).toHaveLength(1);
    expect(plan.outputs).toMatchObject({ auth0: { partner: { clientSecret: "[secret]", issuer: "https://acme.us.auth0.com/", domain: "acme.us.auth0.com" } } });
  });
});
