/** The model the loader builds from a clean stack file: defaults, normalisation, merging; plus the helpers it uses. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it, expect } from "vitest";
import type { StackModel } from "../../config/model";
import { didYouMean, nearest } from "../../config/suggest";
import { originOf, parseUri } from "../../config/uris";
import { load, userApp } from "../support/load";
import { oktaStack } from "../support/stacks";

const CALLBACK = "https://portal.example.com/callback";

/** Load a stack that must be clean, and return its model. */
function model(apps: Record<string, unknown>, extra: Record<string, unknown> = {}): StackModel {
  const r = load(oktaStack(apps, extra));
  expect(r.diagnostics).toEqual([]);
  expect(r.model).toBeDefined();
  return r.model!;
}

const app = userApp;

describe("stack-level model", () => {
  it("builds the org URL from orgName and baseUrl", () => {
    expect(model({ portal: { type: "web", redirectUris: [CALLBACK] } }).okta?.org).toEqual({ orgName: "acme", baseUrl: "okta.com", orgUrl: "https://acme.okta.com" });
  });

  it("defaults baseUrl to okta.com", () => {
    const m = model({ portal: { type: "web", redirectUris: [CALLBACK] } }, { "okta:baseUrl": undefined });
    expect(m.okta?.org.baseUrl).toBe("okta.com");
    expect(m.okta?.org.orgUrl).toBe("https://acme.okta.com");
  });

  it("protects production stacks", () => {
    const m = model({ portal: { type: "web", redirectUris: [CALLBACK] } }, { "oidc-apps:environment": "production" });
    expect(m.environment).toBe("production");
    expect(m.protect).toBe(true);
  });

  it("does not protect development or staging stacks", () => {
    expect(model({}).protect).toBe(false);
    const staging = model({}, { "oidc-apps:environment": "staging" });
    expect(staging.environment).toBe("staging");
    expect(staging.protect).toBe(false);
  });

  it("has no Okta part when the stack declares no Okta apps", () => {
    expect(model({}).okta).toBeUndefined();
    const r = load("config:\n  oidc-apps:environment: development\n");
    expect(r.diagnostics).toEqual([]);
    expect(r.model).toEqual({ environment: "development", protect: false, recipes: [] });
  });

  it("keeps apps in the order of the stack file", () => {
    const m = model({ zeta: { type: "web", redirectUris: [CALLBACK] }, alpha: { type: "browser", redirectUris: [CALLBACK] } });
    expect(m.okta?.apps.map((a) => a.name)).toEqual(["zeta", "alpha"]);
  });

  it("loads the committed development stack file without any diagnostic", () => {
    const r = load(readFileSync(join(__dirname, "../../stacks/Pulumi.dev.yaml"), "utf8"));
    expect(r.diagnostics).toEqual([]);
    expect(r.model?.environment).toBe("development");
    expect(r.model?.okta?.org.orgUrl).toBe("https://acme-dev.oktapreview.com");
    // Every Okta app kind is exercised by the example a user copies.
    expect(new Set(r.model?.okta?.apps.map((a) => a.kind))).toEqual(new Set(["web", "browser", "native", "service"]));
  });
});

describe("app defaults", () => {
  it("defaults the label to the app name", () => {
    expect(app(model({ portal: { type: "web", redirectUris: [CALLBACK] } }), "portal").label).toBe("portal");
  });

  it("keeps an explicit label", () => {
    expect(app(model({ portal: { type: "web", label: "Customer Portal", redirectUris: [CALLBACK] } }), "portal").label).toBe("Customer Portal");
  });

  it("gives a web app a confidential client: client_secret_basic, PKCE not required, secret version 1, assigned to nobody", () => {
    const a = app(model({ portal: { type: "web", redirectUris: [CALLBACK] } }), "portal");
    expect(a).toMatchObject({
      kind: "web",
      grantTypes: ["authorization_code"],
      tokenEndpointAuthMethod: "client_secret_basic",
      pkceRequired: false,
      clientSecretVersion: 1,
      assignTo: { kind: "none" },
      redirectUris: [CALLBACK],
      postLogoutRedirectUris: [],
      wildcardRedirect: false,
    });
    expect(a.refreshToken).toBeUndefined();
    expect("initiateLoginUri" in a).toBe(false);
  });

  it("keeps explicit web settings", () => {
    const a = app(model({ portal: { type: "web", redirectUris: [CALLBACK], clientAuth: "client_secret_post", pkceRequired: true, clientSecretVersion: 3, assignTo: "everyone" } }), "portal");
    expect(a).toMatchObject({ tokenEndpointAuthMethod: "client_secret_post", pkceRequired: true, clientSecretVersion: 3, assignTo: { kind: "everyone" } });
  });

  it.each(["browser", "native"])("makes a %s app a public client: auth method none, PKCE required, no client secret", (type) => {
    const redirect = type === "native" ? "com.example.app:/callback" : CALLBACK;
    const a = app(model({ pub: { type, redirectUris: [redirect] } }), "pub");
    expect(a.kind).toBe(type);
    expect(a.tokenEndpointAuthMethod).toBe("none");
    expect(a.pkceRequired).toBe(true);
    expect(a.clientSecretVersion).toBeUndefined();
    expect(a.grantTypes).toEqual(["authorization_code"]);
    expect(a.assignTo).toEqual({ kind: "none" });
  });

  it("maps assignTo groups", () => {
    expect(app(model({ portal: { type: "web", redirectUris: [CALLBACK], assignTo: { groups: ["Support", "Engineering"] } } }), "portal").assignTo).toEqual({
      kind: "groups",
      groups: ["Support", "Engineering"],
    });
  });
});

describe("refresh-token defaults", () => {
  const withRefresh = (type: string, redirect = CALLBACK, refreshToken?: Record<string, unknown>) =>
    ({ type, grantTypes: ["authorization_code", "refresh_token"], redirectUris: [redirect], ...(refreshToken ? { refreshToken } : {}) });

  it("web apps keep static refresh tokens with Okta's 30 s leeway", () => {
    expect(app(model({ portal: withRefresh("web") }), "portal").refreshToken).toEqual({ rotation: "STATIC", leewaySeconds: 30 });
  });

  it("browser apps rotate refresh tokens by default", () => {
    expect(app(model({ spa: withRefresh("browser") }), "spa").refreshToken).toEqual({ rotation: "ROTATE", leewaySeconds: 30 });
  });

  it("native apps rotate refresh tokens by default", () => {
    expect(app(model({ cli: withRefresh("native", "com.example.cli:/callback") }), "cli").refreshToken).toEqual({ rotation: "ROTATE", leewaySeconds: 30 });
  });

  it("explicit settings win over the defaults", () => {
    expect(app(model({ portal: withRefresh("web", CALLBACK, { rotation: "rotate", gracePeriodSeconds: 0 }) }), "portal").refreshToken).toEqual({ rotation: "ROTATE", leewaySeconds: 0 });
    // A browser app cannot choose static: OKTA_REFRESH_STATIC_PUBLIC_CLIENT refuses it (okta-rules.test.ts).
    expect(app(model({ spa: withRefresh("browser", CALLBACK, { gracePeriodSeconds: 5 }) }), "spa").refreshToken).toEqual({ rotation: "ROTATE", leewaySeconds: 5 });
  });

  it("are absent without the refresh_token grant", () => {
    const m = model({ portal: { type: "web", redirectUris: [CALLBACK] }, spa: { type: "browser", redirectUris: [CALLBACK] } });
    expect(app(m, "portal").refreshToken).toBeUndefined();
    expect(app(m, "spa").refreshToken).toBeUndefined();
  });
});

describe("grant types", () => {
  it("accepts the device-code URN and normalises it to device_code", () => {
    const m = model({ cli: { type: "native", grantTypes: ["authorization_code", "urn:ietf:params:oauth:grant-type:device_code"], redirectUris: ["com.example.cli:/callback"] } });
    expect(app(m, "cli").grantTypes).toEqual(["authorization_code", "device_code"]);
  });

  it("accepts the token-exchange URN and normalises it to token_exchange", () => {
    const m = model({ portal: { type: "web", grantTypes: ["authorization_code", "urn:ietf:params:oauth:grant-type:token-exchange"], redirectUris: [CALLBACK] } });
    expect(app(m, "portal").grantTypes).toEqual(["authorization_code", "token_exchange"]);
  });
});

describe("trusted origins", () => {
  it("merges the same origin across apps into one entry with the union of scopes in CORS, REDIRECT, IFRAME_EMBED order", () => {
    const m = model({
      portal: { type: "web", redirectUris: [CALLBACK], trustedOrigins: [{ origin: "https://shared.example.com", scopes: ["IFRAME_EMBED", "CORS"] }] },
      spa: { type: "browser", redirectUris: [CALLBACK], trustedOrigins: [{ origin: "https://shared.example.com", scopes: ["REDIRECT"] }] },
    });
    expect(m.okta?.trustedOrigins).toEqual([{ origin: "https://shared.example.com", scopes: ["CORS", "REDIRECT", "IFRAME_EMBED"], usedBy: ["portal", "spa"] }]);
  });

  it("defaults an origin's scopes to CORS and REDIRECT, and sorts origins", () => {
    const m = model({
      portal: { type: "web", redirectUris: [CALLBACK], trustedOrigins: [{ origin: "https://zz.example.com" }, { origin: "https://aa.example.com", scopes: ["IFRAME_EMBED"] }] },
    });
    expect(m.okta?.trustedOrigins).toEqual([
      { origin: "https://aa.example.com", scopes: ["IFRAME_EMBED"], usedBy: ["portal"] },
      { origin: "https://zz.example.com", scopes: ["CORS", "REDIRECT"], usedBy: ["portal"] },
    ]);
  });

  it("lists an app once in usedBy even when it names the origin twice", () => {
    const m = model({ portal: { type: "web", redirectUris: [CALLBACK], trustedOrigins: [{ origin: "https://a.example.com", scopes: ["CORS"] }, { origin: "https://a.example.com", scopes: ["REDIRECT"] }] } });
    expect(m.okta?.trustedOrigins).toEqual([{ origin: "https://a.example.com", scopes: ["CORS", "REDIRECT"], usedBy: ["portal"] }]);
  });

  it("is an empty list when no app has trusted origins", () => {
    expect(model({ portal: { type: "web", redirectUris: [CALLBACK] } }).okta?.trustedOrigins).toEqual([]);
  });
});

describe("suggest: nearest / didYouMean", () => {
  it("finds a misspelling, case-insensitively, closest first", () => {
    expect(nearest("redirectURIs", ["label", "redirectUris", "postLogoutRedirectUris"])).toEqual(["redirectUris"]);
    expect(nearest("rotaton", ["gracePeriodSeconds", "rotation"])).toEqual(["rotation"]);
  });

  it("counts a prefix as a near miss (webapp → web)", () => {
    expect(nearest("webapp", ["browser", "native", "web"])).toEqual(["web"]);
  });

  it("suggests nothing for an unrelated word", () => {
    expect(nearest("banana", ["web", "browser", "native"])).toEqual([]);
    expect(didYouMean("banana", ["web", "browser", "native"])).toBe("");
  });

  it("orders by distance, breaks ties by catalogue order and caps at max", () => {
    expect(nearest("abcdef", ["abxyef", "abcdxf"])).toEqual(["abcdxf", "abxyef"]);
    expect(nearest("abc", ["abx", "aby", "abz", "abw"])).toEqual(["abx", "aby", "abz"]);
    expect(nearest("abc", ["abx", "aby", "abz"], 1)).toEqual(["abx"]);
  });

  // KNOWN BUG (config/suggest.ts closeness): a name that equals the input (case-insensitively) also counts as a
  // "prefix" and scores 1 instead of 0, so it ties with real near misses and can be ranked after them by
  // catalogue order. Flip to `it` when fixed.
  it("ranks an exact (case-insensitive) match first", () => {
    expect(nearest("Web", ["webapp", "web"])).toEqual(["web", "webapp"]);
  });

  it("formats one or several suggestions as a sentence", () => {
    expect(didYouMean("redirectUri", ["redirectUris", "label"])).toBe(' Did you mean "redirectUris"?');
    expect(didYouMean("abc", ["abx", "aby"])).toBe(' Did you mean "abx" or "aby"?');
  });
});

describe("uris: parseUri / originOf", () => {
  it("parses http(s) URIs and recognises loopback hosts case-insensitively", () => {
    expect(parseUri("HTTP://LOCALHOST:8080/cb")).toMatchObject({ scheme: "http", isHttp: true, isLoopback: true, hasWildcard: false });
    expect(parseUri("http://[::1]:3000/cb")?.isLoopback).toBe(true);
    expect(parseUri("http://127.0.0.1/cb")?.isLoopback).toBe(true);
    expect(parseUri("https://portal.example.com/cb")).toMatchObject({ scheme: "https", isHttp: true, isLoopback: false });
  });

  it("parses custom schemes as non-http, never loopback", () => {
    expect(parseUri("com.example.app:/callback")).toMatchObject({ scheme: "com.example.app", isHttp: false, isLoopback: false });
  });

  it("keeps a wildcard visible", () => {
    expect(parseUri("https://*.example.com/cb")?.hasWildcard).toBe(true);
  });

  it("rejects what is not an absolute URI", () => {
    expect(parseUri("/callback")).toBeUndefined();
    expect(parseUri("portal.example.com/callback")).toBeUndefined();
    expect(parseUri("https://")).toBeUndefined();
  });

  it("gives the exact origin of an origin", () => {
    expect(originOf("https://portal.example.com")).toEqual({ origin: "https://portal.example.com", exact: true });
    expect(originOf("http://localhost:8080")).toEqual({ origin: "http://localhost:8080", exact: true });
  });

  it("gives the canonical origin, not exact, for anything more than an origin", () => {
    expect(originOf("https://portal.example.com/app?x=1")).toEqual({ origin: "https://portal.example.com", exact: false });
    expect(originOf("https://portal.example.com/")).toEqual({ origin: "https://portal.example.com", exact: false });
    expect(originOf("https://Portal.Example.com:443")).toEqual({ origin: "https://portal.example.com", exact: false });
  });

  it("has no origin for non-http URIs, wildcards or garbage", () => {
    expect(originOf("ftp://files.example.com")).toBeUndefined();
    expect(originOf("https://*.example.com")).toBeUndefined();
    expect(originOf("not a uri")).toBeUndefined();
  });
});
