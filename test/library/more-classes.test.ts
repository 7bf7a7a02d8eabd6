import * as pulumi from "@pulumi/pulumi";
import { describe, expect, it } from "vitest";
import { Auth0RegularWebApp, ClientAuthMethod, Environment, GrantType, InvalidArgsError, OktaServiceApp, OktaTrustedOrigins, StandardAdminRole } from "../../library";
import { capture } from "../../plan/capture";

const run = <T>(program: () => T, computed?: (type: string, name: string) => Record<string, unknown> | undefined) =>
  capture({ project: "consumer", stack: "test", ...(computed ? { computed } : {}) }, program);

const errorOf = (result: { ok: boolean }) => (result as unknown as { error: InvalidArgsError }).error;

describe("OktaServiceApp (library)", () => {
  it("defaults to private key JWT with a generated RSA key, outputs the private halves as secrets", async () => {
    const { resources, result } = await run(() => new OktaServiceApp("bot", { keys: [{ kid: "k1" }], orgUrl: "https://acme.okta.com" }));
    if (!result.ok) throw result.error;
    expect(resources.find((r) => r.type === "okta:app/oAuth:OAuth")!.inputs).toMatchObject({ type: "service", tokenEndpointAuthMethod: "private_key_jwt", grantTypes: ["client_credentials"], responseTypes: ["token"] });
    expect(resources.find((r) => r.type === "tls:index/privateKey:PrivateKey")!.inputs).toEqual({ algorithm: "RSA", rsaBits: 2048 });
    const app = result.value;
    expect([app.keyIds, app.activeKeyId, app.tokenEndpoint, app.clientSecret]).toEqual([["k1"], "k1", "https://acme.okta.com/oauth2/v1/token", undefined]);
    expect(await pulumi.isSecret(app.privateKeys["k1"]!.pem)).toBe(true);
    expect(await pulumi.isSecret(app.privateKeys["k1"]!.jwk)).toBe(true);
  });

  it("a client-secret app's secret is a secret", async () => {
    const { result } = await run(() => new OktaServiceApp("bot", { clientAuth: ClientAuthMethod.ClientSecretPost }), (type) => (type === "okta:app/oAuth:OAuth" ? { clientSecret: "s" } : undefined));
    if (!result.ok) throw result.error;
    expect(await pulumi.isSecret(result.value.clientSecret!)).toBe(true);
  });

  it("maps problems of custom admin roles back to customAdminRoles, and lists them with the rest", async () => {
    const { resources, result } = await run(
      () => new OktaServiceApp("bot", { keys: [{ kid: "k1", rsaBits: 1024 }], adminRoles: [StandardAdminRole.SuperAdmin], customAdminRoles: [{ role: "", resourceSet: "iam0" }], orgUrl: "https://acme.okta.com" }),
    );
    expect(resources).toEqual([]);
    const paths = errorOf(result).diagnostics.filter((d) => d.severity === "error").map((d) => d.path);
    expect(paths).toEqual(expect.arrayContaining(["bot.keys[0].rsaBits", "bot.adminRoles[0]", "bot.customAdminRoles[0].role"]));
  });
});

describe("OktaTrustedOrigins (library)", () => {
  it("merges one origin listed twice, and refuses http in production at its path", async () => {
    const ok = await run(() => new OktaTrustedOrigins("origins", { origins: [{ origin: "https://a.example.com" }, { origin: "https://a.example.com" }] }));
    expect(ok.resources.filter((r) => r.type === "okta:trustedorigin/origin:Origin").map((r) => r.name)).toEqual(["origins-https-a-example-com"]);
    const bad = await run(() => new OktaTrustedOrigins("origins", { origins: [{ origin: "http://a.example.com" }, { origin: "https://b.example.com/path" }] }));
    expect(bad.resources).toEqual([]);
    expect(errorOf(bad.result).diagnostics.map((d) => d.path)).toEqual(["origins.origins[0].origin", "origins.origins[1].origin"]);
    const dev = await run(() => new OktaTrustedOrigins("origins", { origins: [{ origin: "http://localhost:3000" }], environment: Environment.Development }));
    expect(dev.result.ok).toBe(true);
  });
});

describe("Auth0RegularWebApp (library)", () => {
  it("defaults: client_secret_post, authorization_code + refresh_token, rotating tokens; the secret is a secret", async () => {
    const { resources, result } = await run(
      () => new Auth0RegularWebApp("partner", { domain: "acme.us.auth0.com", callbacks: ["https://p.example.com/callback"] }),
      (type) => (type === "random:index/randomPassword:RandomPassword" ? { result: "generated" } : undefined),
    );
    if (!result.ok) throw result.error;
    expect(resources.find((r) => r.type === "auth0:index/client:Client")!.inputs).toMatchObject({ name: "partner", grantTypes: ["authorization_code", "refresh_token"], refreshToken: { rotationType: "rotating", leeway: 0, tokenLifetime: 2592000, idleTokenLifetime: 1296000 } });
    expect(resources.find((r) => r.type === "auth0:index/clientCredentials:ClientCredentials")!.inputs).toMatchObject({ authenticationMethod: "client_secret_post" });
    expect(result.value.issuer).toBe("https://acme.us.auth0.com/");
    expect(await pulumi.isSecret(result.value.clientSecret!)).toBe(true);
  });

  it("lists every problem, the domain's included, before registering anything", async () => {
    const { resources, result } = await run(() => new Auth0RegularWebApp("partner", { domain: "https://acme.us.auth0.com", callbacks: ["http://p.example.com/cb"], grantTypes: [GrantType.Implicit] }));
    expect(resources).toEqual([]);
    const paths = errorOf(result).diagnostics.filter((d) => d.severity === "error").map((d) => d.path);
    expect(paths).toEqual(expect.arrayContaining(["partner.domain", "partner.callbacks[0]", "partner.grantTypes[0]"]));
  });
});
