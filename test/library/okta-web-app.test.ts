import * as okta from "@pulumi/okta";
import * as pulumi from "@pulumi/pulumi";
import { describe, expect, it } from "vitest";
import { Environment, GrantType, InvalidArgsError, OktaWebApp } from "../../library";
import { capture } from "../../plan/capture";

const run = <T>(program: () => T, computed?: (type: string, name: string) => Record<string, unknown> | undefined) =>
  capture({ project: "consumer", stack: "test", ...(computed ? { computed } : {}) }, program);

const provider = () => new okta.Provider("okta", { orgName: "acme", baseUrl: "okta.com" });

describe("OktaWebApp (library)", () => {
  it("registers an okta:app/oAuth:OAuth with the redirect URIs and type web (the acceptance call, word for word: the stack file's value, or GrantType.AuthorizationCode)", async () => {
    const { resources, result } = await run(() => new OktaWebApp("portal", { redirectUris: ["https://portal.example.com/cb"], grantTypes: ["authorization_code"] }, { provider: provider() }));
    if (!result.ok) throw result.error;
    expect(resources.map((r) => [r.type, r.name, r.parent])).toEqual([
      ["pulumi:providers:okta", "okta", null],
      ["oidc-apps:index:OktaWebApp", "portal", null],
      ["random:index/randomPassword:RandomPassword", "portal-client-secret", "oidc-apps:index:OktaWebApp::portal"],
      ["okta:app/oAuth:OAuth", "portal", "oidc-apps:index:OktaWebApp::portal"],
    ]);
    const app = resources.find((r) => r.type === "okta:app/oAuth:OAuth")!;
    expect(app.inputs).toMatchObject({ type: "web", redirectUris: ["https://portal.example.com/cb"], grantTypes: ["authorization_code"], label: "portal" });
  });

  it("throws before registering anything, naming portal.redirectUris[0]", async () => {
    const { resources, result } = await run(() => new OktaWebApp("portal", { redirectUris: ["http://portal.example.com/cb"], grantTypes: ["authorization_code"] }, { provider: provider() }));
    expect(result.ok).toBe(false);
    const error = (result as { error: unknown }).error;
    expect(error).toBeInstanceOf(InvalidArgsError);
    expect((error as Error).message).toMatch(/^OktaWebApp "portal": 1 error in its arguments; nothing was created\.\n {2}error OKTA_REDIRECT_HTTP portal\.redirectUris\[0\]: /);
    expect((error as Error).message).not.toContain("oidc-apps:okta");
    // Only the test's own provider: the component registered nothing, not even itself.
    expect(resources.map((r) => r.type)).toEqual(["pulumi:providers:okta"]);
  });

  it("lists every problem at once, each at its path relative to the component", async () => {
    const { resources, result } = await run(
      () =>
        new OktaWebApp("portal", {
          redirectUris: ["http://portal.example.com/cb", "https://*.example.com/cb"],
          grantTypes: [GrantType.AuthorizationCode, GrantType.Implicit],
          postLogoutRedirectUris: ["ftp://x"],
          label: "",
          orgUrl: "https://ACME.okta.com",
          assignTo: { everyone: true, groups: ["QA"] },
          environment: "prod" as Environment,
        }),
    );
    expect(resources).toEqual([]);
    const error = (result as { error: InvalidArgsError }).error;
    const paths = error.diagnostics.filter((d) => d.severity === "error").map((d) => d.path);
    for (const p of ["portal.redirectUris[0]", "portal.redirectUris[1]", "portal.grantTypes[1]", "portal.postLogoutRedirectUris[0]", "portal.label", "portal.orgUrl", "portal.assignTo", "portal.environment"]) expect(paths).toContain(p);
    expect(error.message).toMatch(new RegExp(`^OktaWebApp "portal": ${paths.length} errors`));
    for (const p of paths) expect(error.message).toContain(` ${p}: `);
  });

  it("refuses an app name the stack file refuses, and unknown keys by their name", async () => {
    const { result } = await run(() => new OktaWebApp("Portal", { redirectUris: ["https://p.example.com/cb"], nope: 1 } as never));
    const error = (result as { error: InvalidArgsError }).error;
    expect(error.diagnostics.map((d) => [d.code, d.path])).toEqual(expect.arrayContaining([["APP_NAME_INVALID", "Portal"], ["CONFIG_UNKNOWN_KEY", "Portal.nope"]]));
  });

  it("defaults to production: http loopback refused, the app protected and retained", async () => {
    const loopback = await run(() => new OktaWebApp("portal", { redirectUris: ["http://localhost:3000/cb"] }));
    expect(loopback.result.ok).toBe(false);
    expect(loopback.resources).toEqual([]);
    const dev = await run(() => new OktaWebApp("portal", { redirectUris: ["http://localhost:3000/cb"], environment: Environment.Development }));
    if (!dev.result.ok) throw dev.result.error;
    expect(dev.resources.find((r) => r.type === "okta:app/oAuth:OAuth")!.protect).toBe(false);
    const prod = await run(() => new OktaWebApp("portal", { redirectUris: ["https://portal.example.com/cb"] }));
    const app = prod.resources.find((r) => r.type === "okta:app/oAuth:OAuth")!;
    expect([app.protect, app.retainOnDelete]).toEqual([true, true]);
  });

  it("applies the stack file's defaults: label, grants, client auth, secret version, nobody assigned", async () => {
    const { resources } = await run(() => new OktaWebApp("portal", { redirectUris: ["https://portal.example.com/cb"] }));
    expect(resources.find((r) => r.type === "okta:app/oAuth:OAuth")!.inputs).toEqual({
      grantTypes: ["authorization_code"],
      label: "portal",
      loginMode: "DISABLED",
      pkceRequired: false,
      postLogoutRedirectUris: [],
      redirectUris: ["https://portal.example.com/cb"],
      responseTypes: ["code"],
      skipAuthenticationPolicy: true,
      tokenEndpointAuthMethod: "client_secret_basic",
      type: "web",
      wildcardRedirect: "DISABLED",
      clientBasicSecret: "[secret]",
    });
    expect(resources.find((r) => r.type === "random:index/randomPassword:RandomPassword")!.inputs).toEqual({ keepers: { clientSecretVersion: "1" }, length: 64, special: false });
    expect(resources.some((r) => r.type.includes("roupAssignment"))).toBe(false);
  });

  it("outputs the client secret as a secret, and the issuer only with orgUrl", async () => {
    const canary = "CANARY-library-secret";
    const { result } = await run(
      () => [new OktaWebApp("portal", { redirectUris: ["https://portal.example.com/cb"], orgUrl: "https://acme.okta.com" }), new OktaWebApp("other", { redirectUris: ["https://o.example.com/cb"] })] as const,
      (type) => (type === "okta:app/oAuth:OAuth" ? { clientId: "0oa1", clientSecret: canary } : undefined),
    );
    if (!result.ok) throw result.error;
    const [portal, other] = result.value;
    expect(await pulumi.isSecret(portal.clientSecret)).toBe(true);
    expect(portal.issuer).toBe("https://acme.okta.com");
    expect(portal.discoveryUrl).toBe("https://acme.okta.com/.well-known/openid-configuration");
    expect(other.issuer).toBeUndefined();
  });

  it("looks its groups up itself, by exact name, through the component's provider", async () => {
    const { resources, invokes, result } = await run(() => new OktaWebApp("portal", { redirectUris: ["https://portal.example.com/cb"], assignTo: { groups: ["Engineering", "QA Team"] } }, { provider: provider() }));
    if (!result.ok) throw result.error;
    expect(invokes.map((i) => [i.token, i.args])).toEqual([
      ["okta:group/getGroup:getGroup", { name: "Engineering" }],
      ["okta:group/getGroup:getGroup", { name: "QA Team" }],
    ]);
    expect(resources.filter((r) => r.type === "okta:app/groupAssignment:GroupAssignment").map((r) => r.name)).toEqual(["portal-group-engineering", "portal-group-qa-team"]);
  });

  it("assigns Everyone for { everyone: true }, and refuses API scopes without orgUrl", async () => {
    const everyone = await run(() => new OktaWebApp("portal", { redirectUris: ["https://portal.example.com/cb"], assignTo: { everyone: true }, environment: Environment.Staging }));
    expect(everyone.invokes.map((i) => i.token)).toEqual(["okta:group/getEveryoneGroup:getEveryoneGroup"]);
    const scopes = await run(() => new OktaWebApp("portal", { redirectUris: ["https://portal.example.com/cb"], apiScopes: ["okta.users.read"] }));
    expect((scopes.result as { error: InvalidArgsError }).error.diagnostics.map((d) => d.path)).toContain("portal.orgUrl");
    expect(scopes.resources).toEqual([]);
  });

  it("creates its own trusted origins under it", async () => {
    const { resources } = await run(() => new OktaWebApp("portal", { redirectUris: ["https://portal.example.com/cb"], trustedOrigins: [{ origin: "https://portal.example.com" }] }));
    const origin = resources.find((r) => r.type === "okta:trustedorigin/origin:Origin")!;
    expect([origin.name, origin.parent, origin.inputs]).toEqual([
      "portal-trusted-origin-https-portal-example-com",
      "oidc-apps:index:OktaWebApp::portal",
      { name: "https://portal.example.com", origin: "https://portal.example.com", scopes: [{ type: "CORS" }, { type: "REDIRECT" }] },
    ]);
  });
});
