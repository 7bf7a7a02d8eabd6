/**
 * The rules run on the lenient parse of each app (config/lenient-parse.ts), not on the raw map: what is
 * well-formed is checked even next to what is not, and what is malformed is reported once, by the parse, and
 * never read by a rule (no second error on it, and no default in its place).
 */
import { describe, expect, it } from "vitest";
import type { LoadResult } from "../../../config/load";
import { load, withCode } from "../../support/load";
import { oktaStack } from "../../support/stacks";

const APP = "oidc-apps:okta.apps.a";
const AUTH0 = "oidc-apps:auth0.apps.p";

/** A diagnostic with `code` at `path` whose message contains `text` (others may be reported too). */
function expectProblem(r: LoadResult, code: string, path: string, text: string): void {
  expect(r.diagnostics.filter((d) => d.code === code && d.path === path).map((d) => d.message).join("\n")).toContain(text);
}

function auth0(app: Record<string, unknown>): string {
  return oktaStack({}, { "auth0:domain": "acme.us.auth0.com", "oidc-apps:okta": undefined, "oidc-apps:auth0": { apps: { p: { type: "regular_web", ...app } } } });
}

describe("well-formed values next to malformed ones", () => {
  it("checks the URIs of a redirect list that has a number in it, at their own indices", () => {
    const r = load(oktaStack({ a: { type: "web", redirectUris: ["https://a.example.com/cb", 5, "http://a.example.com/cb"] } }));
    expectProblem(r, "CONFIG_INVALID_TYPE", `${APP}.redirectUris[1]`, "must be a string, got number 5.");
    expectProblem(r, "OKTA_REDIRECT_HTTP", `${APP}.redirectUris[2]`, "uses http");
  });

  it("checks the known grants of a list with an unknown one (and nothing that needs the whole list)", () => {
    const r = load(oktaStack({ a: { type: "web", redirectUris: ["https://a.example.com/cb"], grantTypes: ["authorization_code", "authorization_code", "magic"] } }));
    expectProblem(r, "OKTA_GRANT_DUPLICATE", `${APP}.grantTypes[1]`, "is listed more than once");
    expectProblem(r, "CONFIG_INVALID_VALUE", `${APP}.grantTypes[2]`, 'got "magic"');
  });

  it("checks a signing key's material although another of its settings is malformed", () => {
    const r = load(oktaStack({ a: { type: "service", keys: [{ kid: "k1", publicKey: "-----BEGIN PUBLIC KEY-----\nbm90IGEga2V5\n-----END PUBLIC KEY-----\n", active: "yes" }] } }));
    expectProblem(r, "CONFIG_INVALID_TYPE", `${APP}.keys[0].active`, "must be a boolean");
    expectProblem(r, "KEY_INVALID", `${APP}.keys[0].publicKey`, "is not a PEM public key");
  });

  it("counts a malformed key setting as present: it still says which kind of key was meant", () => {
    const r = load(oktaStack({ a: { type: "service", keys: [{ kid: "k1", algorithm: "EC", rsaBits: 1024 }] } }));
    expectProblem(r, "CONFIG_INVALID_VALUE", `${APP}.keys[0].rsaBits`, "must be 2048, 3072 or 4096");
    expectProblem(r, "KEY_SOURCE_CONFLICT", `${APP}.keys[0].rsaBits`, "rsaBits applies to RSA keys");
  });

  it("finds duplicate groups in an assignment that has an unknown key", () => {
    const r = load(oktaStack({ a: { type: "web", redirectUris: ["https://a.example.com/cb"], assignTo: { groups: ["Eng", "Eng"], extra: 1 } } }));
    expectProblem(r, "OKTA_ASSIGN_GROUPS_DUPLICATE", `${APP}.assignTo.groups[1]`, '"Eng" is listed more than once');
  });

  it("checks an Auth0 callback list that has a number in it", () => {
    const r = load(auth0({ callbacks: [7, "http://p.example.com/cb"] }));
    expectProblem(r, "CONFIG_INVALID_TYPE", `${AUTH0}.callbacks[0]`, "must be a string");
    expectProblem(r, "AUTH0_URL_HTTP", `${AUTH0}.callbacks[1]`, "uses http");
  });
});

describe("malformed values are the parse's alone", () => {
  it("reports an empty redirect URI once, as empty", () => {
    const r = load(oktaStack({ a: { type: "web", redirectUris: [""] } }));
    expect(r.diagnostics.filter((d) => d.path === `${APP}.redirectUris[0]`).map((d) => d.message)).toEqual(["must not be empty."]);
  });

  it("puts no default in place of a malformed clientAuth (no claim about keys it cannot know are needed)", () => {
    const r = load(oktaStack({ a: { type: "service", clientAuth: 5 } }));
    expectProblem(r, "CONFIG_INVALID_VALUE", `${APP}.clientAuth`, "must be one of");
    expect(withCode(r.diagnostics, "OKTA_SERVICE_KEYS_REQUIRED")).toEqual([]);
  });

  it("does not quote a malformed clientAuth in another rule's message", () => {
    const r = load(auth0({ callbacks: ["https://p.example.com/cb"], clientAuth: "bogus", keys: [{ kid: "k1" }] }));
    expectProblem(r, "CONFIG_INVALID_VALUE", `${AUTH0}.clientAuth`, 'got "bogus"');
    expect(withCode(r.diagnostics, "AUTH0_KEYS")).toEqual([]);
  });
});
