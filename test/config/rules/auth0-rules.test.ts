import { describe, expect, it } from "vitest";
import { loadStack } from "../../../recipes/load-stack";
import { readStackFileText } from "../../../config/stack-file";
import { auth0Stack, recipes, stackConfig, stackYaml, AUTH0_TENANT, environment } from "../../support/stacks";

function load(app: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return loadStack(readStackFileText(auth0Stack({ partner: { type: "regular_web", callbacks: ["https://p.example.com/cb"], ...app } }, extra)));
}
const errorsOf = (r: ReturnType<typeof load>) => r.diagnostics.map((d) => [d.code, d.path, d.message]);

describe("Auth0 URL rules", () => {
  it("fails a wildcard directly before the top-level domain and says why", () => {
    const r = load({ callbacks: ["https://*.com/callback"] });
    expect(r.model).toBeUndefined();
    expect(errorsOf(r)).toEqual([["AUTH0_URL_WILDCARD", "oidc-apps:auth0.apps.partner.callbacks[0]", expect.stringContaining("cannot stand directly before the top-level domain")]]);
  });

  it("fails a wildcard outside the left-most label, and two wildcards", () => {
    expect(errorsOf(load({ callbacks: ["https://a.*.example.com/cb"] }))[0]).toEqual(["AUTH0_URL_WILDCARD", "oidc-apps:auth0.apps.partner.callbacks[0]", expect.stringContaining("left-most host label")]);
    expect(errorsOf(load({ allowedLogoutUrls: ["https://*.*.example.com/"] }))[0]?.[0]).toBe("AUTH0_URL_WILDCARD");
  });

  it("passes a left-most-label wildcard outside production, and fails it in production", () => {
    expect(load({ callbacks: ["https://*.example.com/cb"] }).diagnostics).toEqual([]);
    const prod = load({ callbacks: ["https://*.example.com/cb"] }, { "oidc-apps:environment": "production" });
    expect(prod.diagnostics.map((d) => d.code)).toEqual(["AUTH0_URL_WILDCARD"]);
  });

  it("fails http on a non-loopback host; passes localhost in development; fails localhost in production", () => {
    expect(errorsOf(load({ callbacks: ["http://p.example.com/cb"] }))).toEqual([["AUTH0_URL_HTTP", "oidc-apps:auth0.apps.partner.callbacks[0]", expect.stringContaining("uses http")]]);
    expect(load({ callbacks: ["http://localhost:3000/cb"] }).diagnostics).toEqual([]);
    expect(errorsOf(load({ callbacks: ["http://localhost:3000/cb"] }, { "oidc-apps:environment": "production" }))[0]?.[0]).toBe("AUTH0_URL_HTTP");
  });

  it("fails more than 100 logout URLs and web origins", () => {
    const many = Array.from({ length: 101 }, (_, i) => `https://h${i}.example.com`);
    expect(errorsOf(load({ allowedLogoutUrls: many, webOrigins: many })).map((e) => [e[0], e[1]])).toEqual([
      ["AUTH0_URL_TOO_MANY", "oidc-apps:auth0.apps.partner.allowedLogoutUrls"],
      ["AUTH0_URL_TOO_MANY", "oidc-apps:auth0.apps.partner.webOrigins"],
    ]);
  });

  it("fails a web origin with a path, a custom-scheme callback and an http initiate-login URI", () => {
    expect(errorsOf(load({ webOrigins: ["https://p.example.com/app"], callbacks: ["com.example:/cb"], initiateLoginUri: "http://p.example.com/login" })).map((e) => [e[0], e[1]])).toEqual([
      ["AUTH0_URL_INVALID", "oidc-apps:auth0.apps.partner.callbacks[0]"],
      ["AUTH0_LOGIN_URI_INVALID", "oidc-apps:auth0.apps.partner.initiateLoginUri"],
      ["AUTH0_URL_INVALID", "oidc-apps:auth0.apps.partner.webOrigins[0]"],
    ]);
  });
});

describe("Auth0 grants, scopes and keys", () => {
  it("fails Management API scopes without client_credentials, saying so", () => {
    const r = load({ managementApiScopes: ["read:users"] });
    expect(errorsOf(r)).toEqual([["AUTH0_MGMT_NEEDS_CLIENT_CREDENTIALS", "oidc-apps:auth0.apps.partner.managementApiScopes", expect.stringContaining("does not include client_credentials")]]);
  });

  it("fails read:user and suggests read:users", () => {
    const r = load({ grantTypes: ["authorization_code", "client_credentials"], managementApiScopes: ["read:users", "read:user"] });
    expect(errorsOf(r)).toEqual([["AUTH0_SCOPE_UNKNOWN", "oidc-apps:auth0.apps.partner.managementApiScopes[1]", expect.stringContaining('Did you mean "read:users"')]]);
  });

  it("fails the implicit grant without opt-in and a callback-less authorization code app", () => {
    expect(errorsOf(load({ grantTypes: ["authorization_code", "implicit"] }))[0]?.[0]).toBe("AUTH0_GRANT_DEPRECATED");
    expect(load({ grantTypes: ["authorization_code", "implicit"], allowDeprecatedGrants: ["implicit"] }).diagnostics).toEqual([]);
    expect(errorsOf(load({ callbacks: [] }))[0]?.slice(0, 2)).toEqual(["AUTH0_CALLBACK_REQUIRED", "oidc-apps:auth0.apps.partner.callbacks"]);
  });

  it("fails private key JWT with an EC key or three keys, and keys without private key JWT", () => {
    expect(errorsOf(load({ clientAuth: "private_key_jwt", keys: [{ kid: "a", algorithm: "EC" }] }))[0]?.slice(0, 2)).toEqual(["AUTH0_KEYS", "oidc-apps:auth0.apps.partner.keys[0].algorithm"]);
    expect(errorsOf(load({ clientAuth: "private_key_jwt", keys: [{ kid: "a" }, { kid: "b" }, { kid: "c" }] }))[0]?.[2]).toContain("at most 2");
    expect(errorsOf(load({ keys: [{ kid: "a" }] }))[0]?.[2]).toContain("only used with clientAuth: private_key_jwt");
    expect(load({ clientAuth: "private_key_jwt", keys: [{ kid: "a" }, { kid: "b" }] }).diagnostics).toEqual([]);
  });

  it("fails refresh settings without the refresh grant", () => {
    expect(errorsOf(load({ grantTypes: ["authorization_code"], refreshToken: { rotation: "rotate" } }))[0]?.[0]).toBe("AUTH0_REFRESH_WITHOUT_GRANT");
  });
});

describe("Auth0 stack settings", () => {
  it("fails Auth0 apps without auth0:domain, or with a URL for a domain", () => {
    expect(errorsOf(load({}, { "auth0:domain": undefined }))[0]?.slice(0, 2)).toEqual(["AUTH0_DOMAIN_REQUIRED", "auth0:domain"]);
    expect(errorsOf(load({}, { "auth0:domain": "https://acme.us.auth0.com/" }))[0]?.slice(0, 2)).toEqual(["AUTH0_DOMAIN_REQUIRED", "auth0:domain"]);
  });

  it("flags unknown auth0: keys and clear-text Auth0 credentials without echoing them", () => {
    const r = load({}, { "auth0:domian": "x", "auth0:clientSecret": "CANARY-auth0-secret" });
    expect(r.diagnostics.map((d) => [d.code, d.path])).toEqual([
      ["CONFIG_CLEARTEXT_CREDENTIAL", "auth0:clientSecret"],
      ["CONFIG_UNKNOWN_KEY", "auth0:domian"],
    ]);
    expect(r.diagnostics[1]?.message).toContain('Did you mean "auth0:domain"');
    expect(JSON.stringify(r.diagnostics)).not.toContain("CANARY-auth0-secret");
  });

  it("builds the model with defaults: secret post, rotating refresh tokens with Auth0's lifetimes", () => {
    const r = load({ name: "Partner Portal" });
    expect(r.model?.auth0).toEqual({
      domain: "acme.us.auth0.com",
      apps: [
        {
          kind: "regular_web",
          name: "partner",
          displayName: "Partner Portal",
          callbacks: ["https://p.example.com/cb"],
          allowedLogoutUrls: [],
          webOrigins: [],
          grantTypes: ["authorization_code", "refresh_token"],
          authenticationMethod: "client_secret_post",
          clientSecretVersion: 1,
          keys: [],
          refreshToken: { rotationType: "rotating", leewaySeconds: 0, tokenLifetimeSeconds: 2592000, idleTokenLifetimeSeconds: 1296000 },
          managementApiScopes: [],
        },
      ],
    });
    expect(r.model?.okta).toBeUndefined();
  });
});

describe("AUTH0_SECRET_VERSION_UNUSED", () => {
  const pkjwt = { clientAuth: "private_key_jwt", keys: [{ kid: "a" }] };

  it("fails on clientSecretVersion with private_key_jwt: there is no secret to rotate", () => {
    const r = load({ ...pkjwt, clientSecretVersion: 2 });
    expect(r.model).toBeUndefined();
    expect(errorsOf(r)).toEqual([["AUTH0_SECRET_VERSION_UNUSED", "oidc-apps:auth0.apps.partner.clientSecretVersion", expect.stringContaining("has no client secret, so there is no secret to rotate")]]);
  });

  it("passes clientSecretVersion with a client-secret method, and private_key_jwt without it", () => {
    expect(load({ clientAuth: "client_secret_basic", clientSecretVersion: 2 }).diagnostics).toEqual([]);
    expect(load(pkjwt).diagnostics).toEqual([]);
  });
});

describe("AUTH0_GRANT_OPT_IN_UNUSED", () => {
  it("fails on allowDeprecatedGrants: [implicit] when grantTypes does not use it", () => {
    const r = load({ allowDeprecatedGrants: ["implicit"] });
    expect(r.model).toBeUndefined();
    expect(errorsOf(r)).toEqual([["AUTH0_GRANT_OPT_IN_UNUSED", "oidc-apps:auth0.apps.partner.allowDeprecatedGrants[0]", expect.stringContaining("grantTypes does not include it")]]);
  });

  it("passes the opt-in with the grant", () => {
    expect(load({ grantTypes: ["authorization_code", "implicit"], allowDeprecatedGrants: ["implicit"] }).diagnostics).toEqual([]);
  });
});

describe("AUTH0_DOMAIN_NOT_CANONICAL", () => {
  it("warns on a custom domain, which has no Management API audience", () => {
    const r = load({}, { "auth0:domain": "login.example.com" });
    expect(r.diagnostics.map((d) => [d.severity, d.code, d.path])).toEqual([["warning", "AUTH0_DOMAIN_NOT_CANONICAL", "auth0:domain"]]);
    expect(r.model).toBeDefined();
  });

  it("passes <tenant>.auth0.com and <tenant>.<region>.auth0.com", () => {
    for (const domain of ["acme.auth0.com", "acme.us.auth0.com", "acme-dev.eu.auth0.com", "acme.jp.auth0.com"]) expect(load({}, { "auth0:domain": domain }).diagnostics).toEqual([]);
  });
});

describe("AUTH0_SCOPE_PRIVILEGED_PRODUCTION", () => {
  const m2m = { grantTypes: ["authorization_code", "client_credentials"] };
  const PROD = { "oidc-apps:environment": "production" };

  it("warns on each Management API scope that can take over the tenant, in production, and says what it allows", () => {
    const r = load({ ...m2m, managementApiScopes: ["read:users", "delete:users", "update:clients", "read:user_idp_tokens"] }, PROD);
    expect(r.diagnostics.map((d) => [d.severity, d.code, d.path])).toEqual([1, 2, 3].map((i) => ["warning", "AUTH0_SCOPE_PRIVILEGED_PRODUCTION", `oidc-apps:auth0.apps.partner.managementApiScopes[${i}]`]));
    expect(r.diagnostics[2]!.message).toContain("reads users' access tokens at their social and enterprise identity providers");
    expect(r.model).toBeDefined();
  });

  it("passes the same scopes outside production, read scopes in production, and a recipe's documented grant", () => {
    expect(load({ ...m2m, managementApiScopes: ["delete:users"] }).diagnostics).toEqual([]);
    expect(load({ ...m2m, managementApiScopes: ["read:users", "read:logs"] }, PROD).diagnostics).toEqual([]);
    const recipe = loadStack(readStackFileText(stackYaml(stackConfig(AUTH0_TENANT, environment("production"), recipes({ fe: { recipe: "frontegg-auth0", gatewayUrl: "https://g.example.com" } })))));
    expect(recipe.diagnostics).toEqual([]);
  });
});

describe("AUTH0_ADOPT_GRANT_UNUSED", () => {
  it("fails on adopt.managementApiGrantId without Management API scopes, without echoing the id", () => {
    const r = load({ adopt: { id: "AbCdEf123", managementApiGrantId: "cgr_CANARY42" } });
    expect(r.model).toBeUndefined();
    expect(errorsOf(r)).toEqual([["AUTH0_ADOPT_GRANT_UNUSED", "oidc-apps:auth0.apps.partner.adopt.managementApiGrantId", expect.stringContaining("declares no managementApiScopes")]]);
    expect(JSON.stringify(r.diagnostics)).not.toContain("cgr_CANARY42");
    expect(errorsOf(load({ adopt: { id: "AbCdEf123", managementApiGrantId: "cgr_42" }, managementApiScopes: [] }))[0]?.[0]).toBe("AUTH0_ADOPT_GRANT_UNUSED");
  });

  it("passes adopt.managementApiGrantId with Management API scopes, and adopt without a grant id", () => {
    const r = load({ adopt: { id: "AbCdEf123", managementApiGrantId: "cgr_42" }, grantTypes: ["authorization_code", "client_credentials"], managementApiScopes: ["read:users"] });
    expect(r.diagnostics).toEqual([]);
    expect(r.model?.auth0?.apps[0]?.adopt).toEqual({ id: "AbCdEf123", managementApiGrantId: "cgr_42" });
    expect(load({ adopt: { id: "AbCdEf123" } }).diagnostics).toEqual([]);
  });
});

describe("KEY_ACTIVE_NONE on Auth0 keys", () => {
  it("fails when every key of a private key JWT app is marked active: false", () => {
    const r = load({ clientAuth: "private_key_jwt", keys: [{ kid: "a", active: false }, { kid: "b", active: false }] });
    expect(errorsOf(r)).toEqual([["KEY_ACTIVE_NONE", "oidc-apps:auth0.apps.partner.keys", expect.stringContaining("none is left to sign with")]]);
  });

  it("passes a second key being introduced (active: false on it only)", () => {
    expect(load({ clientAuth: "private_key_jwt", keys: [{ kid: "a" }, { kid: "b", active: false }] }).diagnostics).toEqual([]);
  });
});

describe("Auth0 provider switches (auth0:debug, auth0:cliLogin, auth0:dynamicCredentials)", () => {
  it("fails (CONFIG_INVALID_TYPE) on a value other than true or false, which the program could not read", () => {
    const r = load({}, { "auth0:debug": "yes", "auth0:cliLogin": 1, "auth0:dynamicCredentials": "false" });
    expect(r.diagnostics.map((d) => [d.code, d.path, d.message])).toEqual([
      ["CONFIG_INVALID_TYPE", "auth0:cliLogin", 'must be true or false; got "1".'],
      ["CONFIG_INVALID_TYPE", "auth0:debug", 'must be true or false; got "yes".'],
    ]);
  });

  it("passes true and false", () => {
    expect(load({}, { "auth0:debug": true, "auth0:cliLogin": false, "auth0:dynamicCredentials": true }).diagnostics).toEqual([]);
  });
});
