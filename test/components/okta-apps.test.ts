import * as pulumi from "@pulumi/pulumi";
import { describe, expect, it } from "vitest";
import { BrowserApp, NativeApp, TrustedOrigins, WebApp } from "../support/program-components";
import type { GroupToAssign } from "../../components/okta/assignments";
import { oauthArgs, oktaAppImportId, UNMANAGED_OAUTH_INPUTS } from "../../components/okta/oauth-args";
import type { OktaUserAppSpec } from "../../config/model";
import { oktaOrg } from "../../config/okta";
import { capture } from "../../plan/capture";

const org = oktaOrg("acme", "okta.com");
// Values the config determines are plain, the rest Outputs (issue 19).
const value = <T>(o: pulumi.Output<T> | T) => (pulumi.Output.isInstance(o) ? new Promise<T>((resolve) => (o as pulumi.Output<T>).apply(resolve)) : Promise.resolve(o as T));

function webSpec(overrides: Partial<OktaUserAppSpec> = {}): OktaUserAppSpec {
  return {
    kind: "web",
    name: "portal",
    label: "Portal",
    grantTypes: ["authorization_code", "refresh_token"],
    redirectUris: ["https://portal.example.com/callback"],
    postLogoutRedirectUris: ["https://portal.example.com/"],
    wildcardRedirect: false,
    initiateLoginUri: "https://portal.example.com/login",
    refreshToken: { rotation: "ROTATE", leewaySeconds: 20 },
    assignTo: { kind: "everyone" },
    tokenEndpointAuthMethod: "client_secret_basic",
    pkceRequired: false,
    clientSecretVersion: 3,
    apiScopes: [],
    ...overrides,
  };
}

const group = (name: string, id: string): GroupToAssign => ({ name, slug: name.toLowerCase().replace(/[^a-z0-9]+/g, "-"), id });

const run = <T>(program: () => T, computed?: (type: string, name: string) => Record<string, unknown> | undefined) =>
  capture({ project: "oidc-apps", stack: "test", ...(computed ? { computed } : {}) }, program);

describe("WebApp", () => {
  it("creates the app, a generated client secret and one assignment per group, all parented to the component", async () => {
    const groups = [group("Engineering", "g1"), group("QA Team", "g2")];
    const { resources } = await run(() => new WebApp("portal", { spec: webSpec(), org, groups, protect: false }));
    expect(resources.map((r) => [r.type, r.name, r.parent])).toEqual([
      ["oidc-apps:okta:WebApp", "portal", null],
      ["random:index/randomPassword:RandomPassword", "portal-client-secret", "oidc-apps:okta:WebApp::portal"],
      ["okta:app/oAuth:OAuth", "portal", "oidc-apps:okta:WebApp::portal"],
      ["okta:app/groupAssignment:GroupAssignment", "portal-group-engineering", "oidc-apps:okta:WebApp::portal"],
      ["okta:app/groupAssignment:GroupAssignment", "portal-group-qa-team", "oidc-apps:okta:WebApp::portal"],
    ]);
    // The per-group resource, never the set resource: its Read tracks only its own group, so assignments the
    // stack file does not list are neither absorbed nor removed (resource_okta_app_group_assignment.go).
    expect(resources.some((r) => r.type === "okta:index/appGroupAssignments:AppGroupAssignments")).toBe(false);
    expect(resources[3]!.inputs).toEqual({ appId: "(known after apply)", groupId: "g1" });
    expect(resources[4]!.inputs).toEqual({ appId: "(known after apply)", groupId: "g2" });
  });

  it("sends exactly the configured OAuth inputs, with the generated secret as a secret", async () => {
    const { resources } = await run(() => new WebApp("portal", { spec: webSpec(), org, groups: [], protect: false }));
    const app = resources.find((r) => r.type === "okta:app/oAuth:OAuth")!;
    expect(app.inputs).toEqual({
      clientBasicSecret: "[secret]",
      grantTypes: ["authorization_code", "refresh_token"],
      label: "Portal",
      loginMode: "SPEC",
      loginScopes: ["openid"],
      loginUri: "https://portal.example.com/login",
      pkceRequired: false,
      postLogoutRedirectUris: ["https://portal.example.com/"],
      redirectUris: ["https://portal.example.com/callback"],
      refreshTokenLeeway: 20,
      refreshTokenRotation: "ROTATE",
      responseTypes: ["code"],
      skipAuthenticationPolicy: true,
      tokenEndpointAuthMethod: "client_secret_basic",
      type: "web",
      wildcardRedirect: "DISABLED",
    });
    const secret = resources.find((r) => r.type === "random:index/randomPassword:RandomPassword")!;
    expect(secret.inputs).toEqual({ keepers: { clientSecretVersion: "3" }, length: 64, special: false });
  });

  it("creates no assignment resource when nothing is assigned", async () => {
    const { resources } = await run(() => new WebApp("portal", { spec: webSpec({ assignTo: { kind: "none" } }), org, groups: [], protect: false }));
    expect(resources.some((r) => r.type.includes("roupAssignment"))).toBe(false);
  });

  it("protects and retains the app in production, and nothing else: assignments are revocable, the secret replaceable", async () => {
    const { resources } = await run(() => new WebApp("portal", { spec: webSpec(), org, groups: [group("Engineering", "g")], protect: true }));
    expect(resources.filter((r) => r.protect).map((r) => r.type)).toEqual(["okta:app/oAuth:OAuth"]);
    // What leaves the stack file leaves the org: only the client id is worth retaining.
    expect(resources.filter((r) => r.retainOnDelete).map((r) => r.type)).toEqual(["okta:app/oAuth:OAuth"]);
  });

  it("keeps the org's values of every setting the stack file has no key for, on every app", async () => {
    const { resources } = await run(() => new WebApp("portal", { spec: webSpec(), org, groups: [], protect: false }));
    const app = resources.find((r) => r.type === "okta:app/oAuth:OAuth")!;
    expect(app.ignoreChanges).toEqual([...UNMANAGED_OAUTH_INPUTS]);
    for (const field of ["hideIos", "hideWeb", "consentMethod", "issuerMode", "userNameTemplate", "autoKeyRotation"]) expect(app.ignoreChanges).toContain(field);
    // Nothing the stack file sets is ignored: those are managed.
    expect(Object.keys(app.inputs as object).filter((k) => UNMANAGED_OAUTH_INPUTS.includes(k))).toEqual([]);
  });

  it("imports an adopted app by its plain id, never changed: a changed import id of a resource in the state re-imports it as a replacement", async () => {
    const { resources } = await run(() => new WebApp("portal", { spec: webSpec({ adopt: { id: "0oaEXISTING" } }), org, groups: [], protect: false }));
    expect(resources.find((r) => r.type === "okta:app/oAuth:OAuth")!.import).toBe("0oaEXISTING");
    expect(oktaAppImportId("0oa1")).toBe("0oa1");
    // The import differs on skipAuthenticationPolicy (never read back); the update that follows takes it from
    // these inputs, so it must be set on every app.
    expect((resources.find((r) => r.type === "okta:app/oAuth:OAuth")!.inputs as Record<string, unknown>)["skipAuthenticationPolicy"]).toBe(true);
  });

  it("outputs the client secret as a Pulumi secret even though the mock applies no additionalSecretOutputs", async () => {
    const canary = "CANARY-client-secret-3f9a";
    const { result } = await run(
      () => new WebApp("portal", { spec: webSpec(), org, groups: [], protect: false }),
      (type) => (type === "okta:app/oAuth:OAuth" ? { clientId: "0oa-client", clientSecret: canary } : undefined),
    );
    if (!result.ok) throw result.error;
    const app = result.value;
    expect(await pulumi.isSecret(app.clientSecret!)).toBe(true);
    expect(await value(app.clientSecret!)).toBe(canary);
    expect(await pulumi.isSecret(app.clientId)).toBe(false);
    expect(await value(app.clientId)).toBe("0oa-client");
    expect(await value(app.issuer)).toBe("https://acme.okta.com");
    expect(await value(app.discoveryUrl)).toBe("https://acme.okta.com/.well-known/openid-configuration");
  });
});

describe("BrowserApp and NativeApp", () => {
  it("are public clients: no secret resource, auth method none, PKCE", async () => {
    const spec = webSpec({ kind: "browser", tokenEndpointAuthMethod: "none", pkceRequired: true, assignTo: { kind: "none" } });
    delete (spec as { clientSecretVersion?: number }).clientSecretVersion;
    const { resources, result } = await run(() => new BrowserApp("spa", { spec, org, groups: [], protect: false }));
    expect(resources.map((r) => r.type)).toEqual(["oidc-apps:okta:BrowserApp", "okta:app/oAuth:OAuth"]);
    const inputs = resources[1]!.inputs as Record<string, unknown>;
    expect(inputs["tokenEndpointAuthMethod"]).toBe("none");
    expect(inputs["pkceRequired"]).toBe(true);
    expect(inputs).not.toHaveProperty("clientBasicSecret");
    // A program that threw has no value to check: fail with its error rather than pass on `false`.
    if (!result.ok) throw result.error;
    // A public client has no secret at all: the class has no such output.
    expect("clientSecret" in result.value).toBe(false);
  });

  it("native apps map short grant names to Okta's URNs", async () => {
    const spec = webSpec({ kind: "native", grantTypes: ["authorization_code", "device_code"], refreshToken: undefined, tokenEndpointAuthMethod: "none", pkceRequired: true });
    const { resources } = await run(() => new NativeApp("cli", { spec, org, groups: [], protect: false }));
    const inputs = resources.find((r) => r.type === "okta:app/oAuth:OAuth")!.inputs as Record<string, unknown>;
    expect(inputs["grantTypes"]).toEqual(["authorization_code", "urn:ietf:params:oauth:grant-type:device_code"]);
    expect(resources[0]!.type).toBe("oidc-apps:okta:NativeApp");
  });
});

describe("oauthArgs", () => {
  it("sends refresh-token settings only with the refresh grant", () => {
    const args = oauthArgs(webSpec({ grantTypes: ["authorization_code"], refreshToken: undefined }));
    expect(args).not.toHaveProperty("refreshTokenRotation");
    expect(args).not.toHaveProperty("refreshTokenLeeway");
  });

  it("disables initiate-login without a URI and asks for token + id_token only with implicit", () => {
    const { initiateLoginUri: _drop, ...rest } = webSpec({ grantTypes: ["authorization_code", "implicit"] });
    const args = oauthArgs(rest);
    expect(args.loginMode).toBe("DISABLED");
    expect(args).not.toHaveProperty("loginUri");
    expect(args.responseTypes).toEqual(["code", "token", "id_token"]);
  });

  it("turns wildcard redirect on only when asked", () => {
    expect(oauthArgs(webSpec({ wildcardRedirect: true })).wildcardRedirect).toBe("SUBDOMAIN");
  });
});

describe("TrustedOrigins", () => {
  it("creates one origin resource per origin with the v7 scopes shape", async () => {
    const { resources } = await run(
      () =>
        new TrustedOrigins("trusted-origins", {
          origins: [
            { origin: "https://a.example.com", scopes: ["CORS", "REDIRECT"], usedBy: ["x", "y"] },
            { origin: "http://localhost:8080", scopes: ["CORS"], usedBy: ["x"] },
          ],
        }),
    );
    expect(resources.map((r) => [r.name, r.parent, r.inputs])).toEqual([
      ["trusted-origins", null, {}],
      ["trusted-origins-https-a-example-com", "oidc-apps:okta:TrustedOrigins::trusted-origins", { name: "https://a.example.com", origin: "https://a.example.com", scopes: [{ type: "CORS" }, { type: "REDIRECT" }] }],
      ["trusted-origins-http-localhost-8080", "oidc-apps:okta:TrustedOrigins::trusted-origins", { name: "http://localhost:8080", origin: "http://localhost:8080", scopes: [{ type: "CORS" }] }],
    ]);
  });
});
