/**
 * Args a TypeScript signature does not keep out (JSON.parse, JavaScript, Python or YAML dicts, Outputs): each is
 * refused with an InvalidArgsError at its path, before anything is registered, never let through and never a
 * TypeError or an internal error.
 */
import { generateKeyPairSync } from "node:crypto";
import * as pulumi from "@pulumi/pulumi";
import { describe, expect, it } from "vitest";
import { Auth0RegularWebApp, ClientAuthMethod, InvalidArgsError, OktaBrowserApp, OktaNativeApp, OktaServiceApp, OktaTrustedOrigins, OktaWebApp } from "../../library";
import { capture } from "../../plan/capture";

const run = <T>(program: () => T) => capture({ project: "consumer", stack: "test" }, program);

const OK = "https://portal.example.com/cb";

/** The InvalidArgsError `program` throws, after checking that nothing was registered; fails on anything else. */
async function refused(program: () => unknown): Promise<InvalidArgsError> {
  const { resources, result } = await run(program);
  if (result.ok) throw new Error("the args were accepted");
  expect(result.error).toBeInstanceOf(InvalidArgsError);
  expect(resources).toEqual([]);
  return result.error as InvalidArgsError;
}

const errors = (e: InvalidArgsError) => e.diagnostics.filter((d) => d.severity === "error").map((d) => `${d.code} ${d.path}`);

describe("a __proto__ key in the args (finding 1)", () => {
  it("is reported as an unknown key, and what it holds never reaches the model", async () => {
    const web = await refused(() => new OktaWebApp("portal", JSON.parse(`{"redirectUris":["${OK}"],"__proto__":{"grantTypes":["implicit"]}}`)));
    expect(errors(web)).toEqual(["CONFIG_UNKNOWN_KEY portal.__proto__"]);
    const bot = await refused(() => new OktaServiceApp("bot", JSON.parse('{"keys":[{"kid":"k1"}],"orgUrl":"https://acme.okta.com","apiScopes":["okta.users.read"],"__proto__":{"adminRoles":["SUPER_ADMIN"]}}')));
    expect(errors(bot)).toEqual(["CONFIG_UNKNOWN_KEY bot.__proto__"]);
    const partner = await refused(() => new Auth0RegularWebApp("partner", JSON.parse('{"domain":"acme.us.auth0.com","grantTypes":["client_credentials"],"__proto__":{"managementApiScopes":["delete:users"]}}')));
    expect(errors(partner)).toEqual(["CONFIG_UNKNOWN_KEY partner.__proto__"]);
    const origins = await refused(() => new OktaTrustedOrigins("shared", JSON.parse('{"origins":[{"origin":"https://a.example.com"}],"__proto__":{"environment":"development"}}')));
    expect(errors(origins)).toEqual(["CONFIG_UNKNOWN_KEY shared.__proto__"]);
  });

  it("reads only the args' own keys: inherited ones are not args", async () => {
    const { resources, result } = await run(() => new OktaWebApp("portal", Object.assign(Object.create({ environment: "development", grantTypes: ["implicit"] }) as object, { redirectUris: [OK] })));
    if (!result.ok) throw result.error;
    const app = resources.find((r) => r.type === "okta:app/oAuth:OAuth")!;
    expect(app.protect).toBe(true);
    expect(app.inputs).toMatchObject({ grantTypes: ["authorization_code"] });
  });
});

describe("a `type` key (finding 2)", () => {
  it("is refused at <name>.type, for every app class, and never suggested", async () => {
    const cases: [string, () => unknown][] = [
      ["portal", () => new OktaWebApp("portal", { redirectUris: [OK], type: "browser" } as never)],
      ["spa", () => new OktaBrowserApp("spa", { redirectUris: [OK], type: "web" } as never)],
      ["cli", () => new OktaNativeApp("cli", { redirectUris: [OK], type: "web" } as never)],
      ["portal", () => new OktaWebApp("portal", { type: "service", clientAuth: "client_secret_basic" } as never)],
      ["bot", () => new OktaServiceApp("bot", { type: "web", redirectUris: [OK] } as never)],
      ["partner", () => new Auth0RegularWebApp("partner", { domain: "acme.us.auth0.com", type: "spa" } as never)],
    ];
    for (const [name, program] of cases) {
      const e = await refused(program);
      expect(errors(e)).toContain(`CONFIG_UNKNOWN_KEY ${name}.type`);
      expect(e.diagnostics.find((d) => d.path === `${name}.type`)!.message).toMatch(/the class fixes the kind/);
    }
    const typo = await refused(() => new Auth0RegularWebApp("partner", { domain: "acme.us.auth0.com", tipe: 1 } as never));
    const unknown = typo.diagnostics.find((d) => d.path === "partner.tipe")!;
    expect(`${unknown.message} ${unknown.fix}`).not.toMatch(/"type"|\btype\b,/);
    expect(unknown.fix).toContain("environment");
  });
});

describe("a bad brought key (finding 3)", () => {
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });

  it("is reported by its rule, not as an internal error: a private JWK alone says to treat it as leaked", async () => {
    const jwk = await refused(() => new OktaServiceApp("bot", { keys: [{ kid: "k1", publicJwk: privateKey.export({ format: "jwk" }) as Record<string, string> }] }));
    expect(errors(jwk)).toEqual(["KEY_PRIVATE_MATERIAL bot.keys[0].publicJwk"]);
    expect(jwk.message).toMatch(/treat the pasted private key as leaked/);
    const pem = await refused(() => new OktaServiceApp("bot", { keys: [{ kid: "k1", publicKey: privateKey.export({ type: "pkcs8", format: "pem" }) as string }] }));
    expect(errors(pem)).toEqual(["KEY_PRIVATE_MATERIAL bot.keys[0].publicKey"]);
    const garbage = await refused(() => new Auth0RegularWebApp("partner", { domain: "acme.us.auth0.com", callbacks: [OK], clientAuth: ClientAuthMethod.PrivateKeyJwt, keys: [{ kid: "k1", publicKey: "not a key" }] }));
    expect(errors(garbage)).toEqual(["KEY_INVALID partner.keys[0].publicKey"]);
    for (const e of [jwk, pem, garbage]) expect(e.message).not.toMatch(/internal/);
  });
});

describe("secrets in URI messages (finding 4)", () => {
  it("a token in the fragment or query of a redirect URI, a login URI or a trusted origin is in no message", async () => {
    const canary = "CANARYqq91x";
    const found = [
      await refused(() => new OktaWebApp("portal", { redirectUris: [`https://p.example.com/cb#access_token=${canary}`] })),
      await refused(() => new OktaWebApp("portal", { redirectUris: [`https://p.example.com/cb#state=1&token=${canary}`] })),
      await refused(() => new OktaWebApp("portal", { redirectUris: [OK], initiateLoginUri: `http://p.example.com/login?token=${canary}` })),
      await refused(() => new OktaWebApp("portal", { redirectUris: [OK], initiateLoginUri: `https://p.example.com/login#token=${canary}` })),
      await refused(() => new OktaWebApp("portal", { redirectUris: [OK], trustedOrigins: [{ origin: `https://p.example.com/?token=${canary}` }] })),
      await refused(() => new OktaTrustedOrigins("shared", { origins: [{ origin: `https://p.example.com/?token=${canary}` }] })),
      await refused(() => new OktaTrustedOrigins("shared", { origins: [{ origin: `p.example.com?token=${canary}` }] })),
    ];
    const codes = found.flatMap((e) => e.diagnostics.map((d) => d.code));
    expect(codes).toEqual(expect.arrayContaining(["OKTA_REDIRECT_FRAGMENT", "OKTA_LOGIN_URI_INVALID", "OKTA_TRUSTED_ORIGIN_INVALID"]));
    for (const e of found) {
      expect(e.message).not.toContain(canary);
      for (const d of e.diagnostics) expect(JSON.stringify(d)).not.toContain(canary);
    }
    expect(found[0]!.message).toContain('"https://p.example.com/cb#access_token=…" has a fragment.');
  });
});

describe("Outputs and Promises (finding 5)", () => {
  it("are refused, one error at each one's path, for every arg (orgUrl and domain too)", async () => {
    const web = await refused(() => new OktaWebApp("portal", { redirectUris: [OK, pulumi.output("https://b.example.com/cb")], label: pulumi.secret("Portal"), orgUrl: pulumi.output("https://acme.okta.com") } as never));
    expect(errors(web)).toEqual(["CONFIG_INVALID_TYPE portal.label", "CONFIG_INVALID_TYPE portal.orgUrl", "CONFIG_INVALID_TYPE portal.redirectUris[1]"]);
    for (const d of web.diagnostics) expect(d.message).toMatch(/^must be a plain value known when the component is constructed, not an Output: /);
    expect(web.message).not.toContain("toJSON");
    const env = await refused(() => new OktaBrowserApp("spa", { redirectUris: [OK], environment: Promise.resolve("development") } as never));
    expect(errors(env)).toEqual(["CONFIG_INVALID_TYPE spa.environment"]);
    expect(env.diagnostics[0]!.message).toMatch(/not a Promise/);
    const partner = await refused(() => new Auth0RegularWebApp("partner", { domain: pulumi.output("acme.us.auth0.com"), callbacks: [OK] } as never));
    expect(errors(partner)).toEqual(["CONFIG_INVALID_TYPE partner.domain"]);
    expect(partner.message).not.toMatch(/stack/);
  });

  it("orgUrl and domain that are not strings are type errors, not ignored", async () => {
    expect(errors(await refused(() => new OktaWebApp("portal", { redirectUris: [OK], orgUrl: 42 } as never)))).toEqual(["CONFIG_INVALID_TYPE portal.orgUrl"]);
    expect(errors(await refused(() => new Auth0RegularWebApp("partner", { domain: 42, callbacks: [OK] } as never)))).toEqual(["CONFIG_INVALID_TYPE partner.domain"]);
    const missing = await refused(() => new Auth0RegularWebApp("partner", { callbacks: [OK] } as never));
    expect(errors(missing)).toEqual(["CONFIG_REQUIRED partner.domain"]);
    expect(missing.message).not.toMatch(/stack/);
  });
});

describe("OktaTrustedOrigins's top-level keys (finding 6)", () => {
  it("reports an unknown key, with a suggestion", async () => {
    const e = await refused(() => new OktaTrustedOrigins("shared", { origins: [{ origin: "http://localhost:3000" }], enviroment: "development" } as never));
    expect(errors(e)).toEqual(["CONFIG_UNKNOWN_KEY shared.enviroment", "OKTA_TRUSTED_ORIGIN_HTTP shared.origins[0].origin"]);
    expect(e.diagnostics.find((d) => d.path === "shared.enviroment")!.message).toContain('Did you mean "environment"?');
    expect(errors(await refused(() => new OktaTrustedOrigins("shared", { origins: [{ origin: "https://a.example.com" }], nope: 1 } as never)))).toEqual(["CONFIG_UNKNOWN_KEY shared.nope"]);
  });
});

describe("omitted, null and non-map args (finding 7)", () => {
  it("are an InvalidArgsError, not a TypeError; omitted args of an app whose args are all optional are no args", async () => {
    const { result } = await run(() => new OktaBrowserApp("spa", undefined as never));
    expect(result.ok).toBe(false);
    expect(errors((result as { error: InvalidArgsError }).error)).toEqual(["OKTA_REDIRECT_REQUIRED spa.redirectUris"]);
    expect(errors(await refused(() => new OktaWebApp("portal", null as never)))).toEqual(["CONFIG_NOT_A_MAP portal"]);
    expect(errors(await refused(() => new OktaWebApp("portal", [] as never)))).toEqual(["CONFIG_NOT_A_MAP portal"]);
    expect(errors(await refused(() => new OktaServiceApp("bot", "x" as never)))).toEqual(["CONFIG_NOT_A_MAP bot"]);
    expect(errors(await refused(() => new OktaTrustedOrigins("shared", undefined as never)))).toEqual(["CONFIG_REQUIRED shared.origins"]);
    expect(errors(await refused(() => new Auth0RegularWebApp("partner", undefined as never)))).toEqual(["AUTH0_CALLBACK_REQUIRED partner.callbacks", "CONFIG_REQUIRED partner.domain"]);
    const service = await run(() => new OktaServiceApp("bot", undefined as never));
    expect(service.result.ok).toBe(false);
    expect((service.result as { error: unknown }).error).toBeInstanceOf(InvalidArgsError);
  });
});

describe("customAdminRoles on a user app (finding 8)", () => {
  it("is reported at the key the user wrote, not as adminRoles", async () => {
    const e = await refused(() => new OktaWebApp("portal", { redirectUris: [OK], customAdminRoles: [{ role: "r", resourceSet: "s" }] } as never));
    expect(errors(e)).toEqual(["CONFIG_UNKNOWN_KEY portal.customAdminRoles"]);
  });
});

describe("the component's name in the error (finding 9)", () => {
  it("is redacted and cut short in the headline and the paths, as in the body", async () => {
    const jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.CANARYsigCANARYsig";
    const e = await refused(() => new OktaWebApp(jwt, { redirectUris: ["http://x.example.com/cb"] }));
    expect(e.message).not.toContain("CANARY");
    expect(e.message).toMatch(/^OktaWebApp "\[a JSON Web Token, not shown\]": 2 errors/);
    const long = "a".repeat(3000);
    const l = await refused(() => new OktaWebApp(long, { redirectUris: ["http://x.example.com/cb"] }));
    expect(l.message.length).toBeLessThan(1500);
    expect(l.diagnostics.every((d) => d.path.length < 100)).toBe(true);
  });

  it("of OktaTrustedOrigins follows the app-name rule (it names the origin resources)", async () => {
    expect(errors(await refused(() => new OktaTrustedOrigins("Shared Origins/../x", { origins: [{ origin: "https://a.example.com" }] })))).toEqual(["APP_NAME_INVALID Shared Origins/../x"]);
  });
});

describe("library wording (finding 12)", () => {
  it("no message speaks of stack files, and `type` is not suggested", async () => {
    const e = await refused(() => new Auth0RegularWebApp("partner", { domain: "acme.us.auth0.com", callbacks: ["http://p.example.com/cb", "https://*.example.com/cb", "http://localhost:3000/cb"] }));
    const o = await refused(() => new OktaWebApp("portal", { redirectUris: ["http://p.example.com/cb", "http://localhost:3000/cb"], label: "AKIAIOSFODNN7EXAMPLE", tipe: "web" } as never));
    expect(errors(e)).toEqual(expect.arrayContaining(["AUTH0_URL_HTTP partner.callbacks[0]", "AUTH0_URL_HTTP partner.callbacks[2]"]));
    for (const d of [...e.diagnostics, ...o.diagnostics]) expect(`${d.message} ${d.fix ?? ""}`).not.toMatch(/\bstacks?\b|stack file|use one of: type/);
    expect(e.message).toContain("production allows only https");
  });
});
