/**
 * Property-based tests (fast-check) of the loader.
 *
 * 1. Whatever the structure under the known keys (random values, random keys, random mutations of a valid
 *    stack), `loadStackConfig` never throws: it answers with diagnostics, every one a catalogue code with a key
 *    path and a message, and a model exactly when there is no error.
 * 2. Valid stacks, generated from app generators that respect every rule (web, browser, native and service Okta
 *    apps, Auth0 apps, recipe instances, in each environment), always load with no diagnostic at all, validate
 *    against the editors' JSON Schema (the schema is never stricter than the loader), and render through the
 *    plan (the real program under the mock runtime) with a resource per app.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Ajv from "ajv";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../../config/diagnostics";
import { loadStack, type LoadResult } from "../../recipes/load-stack";
import { RULES } from "../../config/rules/catalogue";
import { readStackFileText } from "../../config/stack-file";
import { cli as checkCli } from "../../scripts/check";
import { SCHEMA_FILE } from "../../scripts/gen-schema";
import { cli as planCli } from "../../scripts/plan";
import { planOfYaml } from "../support/plan";
import { stackYaml } from "../support/stacks";

type Json = unknown;
type Config = Record<string, Json>;

// ---------------------------------------------------------------------------------------------------------
// What must hold for any input.

function loadYaml(config: Json): LoadResult {
  const file = readStackFileText(stackYaml(config));
  if (file.diagnostics.length > 0) return { diagnostics: file.diagnostics };
  return loadStack({ config: file.config, secretKeys: file.secretKeys });
}

function expectWellFormed(result: LoadResult): void {
  expect(Array.isArray(result.diagnostics)).toBe(true);
  for (const d of result.diagnostics as Diagnostic[]) {
    expect(Object.hasOwn(RULES, d.code), d.code).toBe(true);
    expect(["error", "warning"]).toContain(d.severity);
    expect(typeof d.path === "string" && d.path.length > 0).toBe(true);
    expect(typeof d.message === "string" && d.message.length > 0).toBe(true);
  }
  const errors = result.diagnostics.some((d) => d.severity === "error");
  expect(result.model === undefined, `model ${result.model ? "present" : "absent"} with ${errors ? "" : "no "}errors`).toBe(errors);
}

// ---------------------------------------------------------------------------------------------------------
// Random structures under the known keys.

const KNOWN_APP_KEYS = [
  "type", "label", "grantTypes", "allowDeprecatedGrants", "redirectUris", "postLogoutRedirectUris", "wildcardRedirect", "initiateLoginUri",
  "refreshToken", "trustedOrigins", "assignTo", "clientAuth", "clientSecretVersion", "pkceRequired", "keys", "apiScopes", "adminRoles",
  "acknowledgeRoles", "adopt", "name", "callbacks", "allowedLogoutUrls", "webOrigins", "managementApiScopes",
];
const PLAUSIBLE: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom("web", "browser", "native", "service", "regular_web", "development", "production", "https://a.example.com/cb", "http://localhost:8080/cb", "https://*.example.com/cb", "com.example.app:/cb", "authorization_code", "refresh_token", "implicit", "password", "client_credentials", "device_code", "everyone", "none", "rotate", "private_key_jwt", "SUPER_ADMIN", "okta.users.read", "read:users", "__proto__", "constructor", ""),
  fc.integer({ min: -5, max: 100 }),
  fc.constantFrom(1e400, -0, 0.5, Number.MAX_SAFE_INTEGER),
  fc.boolean(),
  fc.constant(null),
);
const value: fc.Arbitrary<Json> = fc.letrec<{ v: Json }>((tie) => ({
  v: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    PLAUSIBLE,
    fc.string({ maxLength: 12 }),
    fc.array(tie("v"), { maxLength: 4 }),
    fc.dictionary(fc.oneof(fc.constantFrom(...KNOWN_APP_KEYS, "kid", "origin", "scopes", "groups", "secure", "custom", "rotation", "gracePeriodSeconds"), fc.string({ maxLength: 6 })), tie("v"), { maxKeys: 4 }),
  ),
})).v;
const appName = fc.oneof(fc.constantFrom("portal", "bot", "spa", "cli", "Portal", "a_b", "__proto__", "-x", "a".repeat(51)), fc.string({ maxLength: 10 }));
const app = fc.oneof(value, fc.dictionary(fc.constantFrom(...KNOWN_APP_KEYS), value, { maxKeys: 8 }));
const section = fc.oneof(value, fc.record({ apps: fc.oneof(value, fc.dictionary(appName, app, { maxKeys: 3 })) }, { requiredKeys: [] }));
const randomConfig: fc.Arbitrary<Config> = fc
  .record(
    {
      "oidc-apps:environment": fc.oneof(fc.constantFrom("development", "staging", "production"), value),
      "oidc-apps:okta": section,
      "oidc-apps:auth0": section,
      "oidc-apps:recipes": fc.oneof(
        value,
        fc.dictionary(appName, fc.oneof(value, fc.record({ recipe: fc.oneof(fc.constantFrom("frontegg-okta", "frontegg-auth0", "okta-web-signin", "okta-mcp-server", "defguard-okta", "okta-provisioner"), value) }).chain((r) => fc.dictionary(fc.constantFrom("gatewayUrl", "appUrl", "url", "publicUrl", "mode", "scopes", "adminRole", "keys", "overrides", "label"), value, { maxKeys: 4 }).map((p) => ({ ...p, ...r })))), { maxKeys: 3 }),
      ),
      "okta:orgName": fc.oneof(fc.constant("acme"), value),
      "okta:baseUrl": fc.oneof(fc.constant("okta.com"), value),
      "okta:maxApiCapacity": value,
      "okta:apiToken": fc.oneof(fc.constant({ secure: "AAABAC" }), value),
      "auth0:domain": fc.oneof(fc.constant("acme.us.auth0.com"), value),
      "auth0:clientSecret": value,
    },
    { requiredKeys: [] },
  )
  .chain((known) => fc.dictionary(fc.string({ minLength: 1, maxLength: 16 }), value, { maxKeys: 3 }).map((extra) => ({ ...extra, ...known })));

// ---------------------------------------------------------------------------------------------------------
// Valid stacks: generators that respect every rule.

type Env = "development" | "staging" | "production";
const label = fc.stringMatching(/^[a-z][a-z0-9]{0,9}$/);
const host = fc.tuple(label, fc.constantFrom("example.com", "example.org", "apps.example.net")).map(([a, b]) => `${a}.${b}`);
const https = fc.tuple(host, fc.constantFrom("", "/callback", "/auth/callback", "/login/callback")).map(([h, p]) => `https://${h}${p}`);
const loopbackAt = (...hosts: string[]) => fc.tuple(fc.constantFrom(...hosts), fc.integer({ min: 1024, max: 65535 })).map(([h, p]) => `http://${h}:${p}/callback`);
const loopback = loopbackAt("localhost", "127.0.0.1", "[::1]");
// Native apps name the loopback interface by its IP literal (OKTA_REDIRECT_LOCALHOST_NAME).
const nativeLoopback = loopbackAt("127.0.0.1", "[::1]");
const uris = (env: Env, extra: fc.Arbitrary<string>[] = [], local = loopback) => fc.uniqueArray(fc.oneof(https, ...(env === "production" ? [] : [local]), ...extra), { minLength: 1, maxLength: 3 });
// Labels get " (<app name>)" appended below, so that no two apps look alike (APP_LABEL_DUPLICATE): at most 100 characters in all.
const text = fc.string({ minLength: 1, maxLength: 60 });
const optional = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
const withoutUndefined = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
const origin = fc.oneof(host.map((h) => `https://${h}`), fc.tuple(host, fc.integer({ min: 1, max: 65535 }).filter((p) => p !== 443)).map(([h, p]) => `https://${h}:${p}`));
const assignTo = (env: Env) =>
  // Everyone in production is a warning (OKTA_ASSIGN_EVERYONE_PRODUCTION): a valid production stack assigns groups.
  fc.oneof(fc.constantFrom(...(env === "production" ? ["none"] : ["none", "everyone"])), fc.uniqueArray(fc.stringMatching(/^[A-Z][A-Za-z ]{0,15}$/), { minLength: 1, maxLength: 3 }).map((groups) => ({ groups })));
const READ_SCOPES = ["okta.users.read", "okta.groups.read", "okta.apps.read", "okta.logs.read", "okta.brands.read"];

function userApp(type: "web" | "browser" | "native", env: Env): fc.Arbitrary<Record<string, unknown>> {
  const extraGrants: string[] = type === "native" ? ["refresh_token", "device_code", "token_exchange"] : type === "web" ? ["refresh_token", "client_credentials", "token_exchange"] : ["refresh_token", "token_exchange"];
  const customScheme = label.map((l) => `com.example.${l}:/callback`);
  return fc
    .record({
      grants: fc.subarray(extraGrants),
      redirectUris: type === "native" ? uris(env, [customScheme], nativeLoopback) : uris(env),
      postLogoutRedirectUris: optional(type === "native" ? uris(env, [customScheme], nativeLoopback) : uris(env)),
      label: optional(text),
      initiateLoginUri: optional(https),
      // Public clients must rotate (OKTA_REFRESH_STATIC_PUBLIC_CLIENT).
      rotation: type === "web" ? fc.constantFrom("rotate", "static") : fc.constant("rotate"),
      grace: optional(fc.integer({ min: 0, max: 60 })),
      trustedOrigins: optional(fc.uniqueArray(fc.record({ origin, scopes: optional(fc.subarray(["CORS", "REDIRECT", "IFRAME_EMBED"], { minLength: 1 })) }), { minLength: 1, maxLength: 2, selector: (o) => o.origin })),
      assignTo: optional(assignTo(env)),
      apiScopes: optional(fc.subarray(READ_SCOPES, { minLength: 1 })),
      web: fc.record({ clientAuth: optional(fc.constantFrom("client_secret_basic", "client_secret_post")), clientSecretVersion: optional(fc.integer({ min: 1, max: 9 })), pkceRequired: optional(fc.boolean()) }),
      wildcard: env === "production" ? fc.constant(false) : fc.boolean(),
    })
    .map((a) => {
      const grantTypes = ["authorization_code", ...a.grants];
      const redirectUris = a.wildcard ? [...a.redirectUris, "https://*.preview.example.com/callback"] : a.redirectUris;
      return withoutUndefined({
        type,
        label: a.label,
        grantTypes,
        redirectUris,
        postLogoutRedirectUris: a.postLogoutRedirectUris,
        ...(a.wildcard ? { wildcardRedirect: "subdomain" } : {}),
        initiateLoginUri: a.initiateLoginUri,
        ...(grantTypes.includes("refresh_token") ? { refreshToken: withoutUndefined({ rotation: a.rotation, gracePeriodSeconds: a.grace }) } : {}),
        trustedOrigins: a.trustedOrigins?.map((o) => withoutUndefined(o)),
        assignTo: a.assignTo,
        apiScopes: a.apiScopes,
        ...(type === "web" ? withoutUndefined(a.web) : {}),
      });
    });
}

const kids = fc.uniqueArray(fc.stringMatching(/^[a-z0-9]{1,8}$/), { minLength: 1, maxLength: 2 });
const generatedKey = (kid: string, rsaOnly: boolean) =>
  fc.oneof(
    fc.record({ kid: fc.constant(kid), rsaBits: optional(fc.constantFrom(2048, 3072, 4096)) }).map(withoutUndefined),
    ...(rsaOnly ? [] : [fc.record({ kid: fc.constant(kid), algorithm: fc.constant("EC"), curve: optional(fc.constantFrom("P256")) }).map(withoutUndefined)]),
  );
const keys = (rsaOnly: boolean) =>
  kids.chain((ids) => fc.tuple(...ids.map((k) => generatedKey(k, rsaOnly))).chain((list) => fc.option(fc.integer({ min: 0, max: list.length - 1 }), { nil: undefined }).map((active) => list.map((k, i) => (i === active ? { ...k, active: true } : k)))));

const serviceApp: fc.Arbitrary<Record<string, unknown>> = fc.oneof(
  fc.record({ keys: keys(false), apiScopes: optional(fc.subarray(READ_SCOPES, { minLength: 1 })), label: optional(text) }).map((a) =>
    withoutUndefined({ type: "service", label: a.label, keys: a.keys, apiScopes: a.apiScopes, ...(a.apiScopes ? { adminRoles: ["READ_ONLY_ADMIN"] } : {}) }),
  ),
  fc.record({ clientAuth: fc.constantFrom("client_secret_basic", "client_secret_post"), clientSecretVersion: optional(fc.integer({ min: 1, max: 9 })) }).map((a) => withoutUndefined({ type: "service", ...a })),
  fc.constant({ type: "service", keys: [{ kid: "root" }], apiScopes: ["okta.apps.manage"], adminRoles: ["SUPER_ADMIN"], acknowledgeRoles: ["SUPER_ADMIN"] }),
);

function auth0App(env: Env): fc.Arbitrary<Record<string, unknown>> {
  const url = fc.tuple(host, fc.constantFrom("/callback", "/", "/logout")).map(([h, p]) => `https://${h}${p}`);
  const urls = fc.uniqueArray(fc.oneof(url, ...(env === "production" ? [] : [loopback])), { minLength: 1, maxLength: 3 });
  return fc
    .record({
      name: optional(text),
      callbacks: urls,
      allowedLogoutUrls: optional(urls),
      webOrigins: optional(fc.uniqueArray(origin, { minLength: 1, maxLength: 2 })),
      initiateLoginUri: optional(https),
      clientCredentials: fc.boolean(),
      // update:users can take over accounts: a warning in production (AUTH0_SCOPE_PRIVILEGED_PRODUCTION).
      managementApiScopes: optional(fc.subarray(["read:users", "read:logs", "read:clients", env === "production" ? "read:roles" : "update:users"], { minLength: 1 })),
      privateKeyJwt: fc.boolean(),
      keys: keys(true),
      refreshToken: optional(fc.record({ rotation: optional(fc.constantFrom("rotate", "static")), leewaySeconds: optional(fc.integer({ min: 0, max: 60 })) }).map(withoutUndefined)),
    })
    .map((a) =>
      withoutUndefined({
        type: "regular_web",
        name: a.name,
        callbacks: a.callbacks,
        allowedLogoutUrls: a.allowedLogoutUrls,
        webOrigins: a.webOrigins,
        initiateLoginUri: a.initiateLoginUri,
        grantTypes: ["authorization_code", "refresh_token", ...(a.clientCredentials ? ["client_credentials"] : [])],
        managementApiScopes: a.clientCredentials ? a.managementApiScopes : undefined,
        ...(a.privateKeyJwt ? { clientAuth: "private_key_jwt", keys: a.keys } : {}),
        refreshToken: a.refreshToken,
      }),
    );
}

const recipe = (env: Env) => fc.oneof(
  fc.tuple(host, fc.constantFrom("", "/mcp")).map(([h, p]) => ({ recipe: "frontegg-okta", gatewayUrl: `https://${h}${p}` })),
  fc.record({ appUrl: host.map((h) => `https://${h}`), assignTo: optional(assignTo(env)), gracePeriodSeconds: optional(fc.integer({ min: 0, max: 60 })) }).map((p) => withoutUndefined({ recipe: "okta-web-signin", ...p })),
);

interface ValidStack {
  readonly config: Config;
  readonly okta: number;
  readonly auth0: number;
}

/** A stack with unique names across providers and recipe instances (a recipe's apps are `<instance>`). */
const validStack: fc.Arbitrary<ValidStack> = fc.constantFrom<Env>("development", "staging", "production").chain((env) =>
  fc
    .uniqueArray(fc.stringMatching(/^[a-z][a-z0-9-]{0,20}[a-z0-9]$/), { minLength: 1, maxLength: 6 })
    .chain((names) =>
      fc.tuple(
        fc.tuple(...names.map(() => fc.integer({ min: 0, max: 5 }))),
        fc.tuple(...names.map(() => userApp("web", env))),
        fc.tuple(...names.map(() => userApp("browser", env))),
        fc.tuple(...names.map(() => userApp("native", env))),
        fc.tuple(...names.map(() => serviceApp)),
        fc.tuple(...names.map(() => auth0App(env))),
        fc.tuple(...names.map(() => recipe(env))),
        fc.constantFrom("okta.com", "oktapreview.com"),
      ).map(([kinds, web, browser, native, service, auth0, recipes, baseUrl]) => {
        const okta: Record<string, unknown> = {};
        const a0: Record<string, unknown> = {};
        const rs: Record<string, unknown> = {};
        // Every label its own (APP_LABEL_DUPLICATE): an app without one is shown by its name, which is unique.
        const own = (app: Record<string, unknown>, field: "label" | "name", name: string) => (typeof app[field] === "string" ? { ...app, [field]: `${app[field] as string} (${name})` } : app);
        names.forEach((name, i) => {
          const kind = kinds[i]!;
          if (kind === 0) okta[name] = own(web[i]!, "label", name);
          else if (kind === 1) okta[name] = own(browser[i]!, "label", name);
          else if (kind === 2) okta[name] = own(native[i]!, "label", name);
          else if (kind === 3) okta[name] = own(service[i]!, "label", name);
          else if (kind === 4) a0[name] = own(auth0[i]!, "name", name);
          else rs[name] = recipes[i]!.recipe === "frontegg-okta" ? { ...recipes[i], label: `Frontegg (${name})` } : recipes[i];
        });
        const config: Config = {
          "okta:orgName": "acme",
          "okta:baseUrl": baseUrl,
          "auth0:domain": "acme.us.auth0.com",
          "oidc-apps:environment": env,
          ...(Object.keys(okta).length > 0 ? { "oidc-apps:okta": { apps: okta } } : {}),
          ...(Object.keys(a0).length > 0 ? { "oidc-apps:auth0": { apps: a0 } } : {}),
          ...(Object.keys(rs).length > 0 ? { "oidc-apps:recipes": rs } : {}),
        };
        return { config, okta: Object.keys(okta).length + Object.keys(rs).length, auth0: Object.keys(a0).length };
      }),
    ),
);

/** Replace one subtree of a valid config (by a random path) with a random value. */
function mutate(config: Config, choices: number[], replacement: Json): Config {
  const copy = JSON.parse(JSON.stringify(config)) as Config;
  let node: unknown = copy;
  for (const choice of choices) {
    if (typeof node !== "object" || node === null) break;
    const keys = Object.keys(node);
    if (keys.length === 0) break;
    const key = keys[choice % keys.length]!;
    const child = (node as Record<string, unknown>)[key];
    if (typeof child !== "object" || child === null || choice % 3 === 0) {
      (node as Record<string, unknown>)[key] = replacement;
      return copy;
    }
    node = child;
  }
  return copy;
}

const schemaValidate = new Ajv({ strict: false, allErrors: true, discriminator: true }).compile(JSON.parse(readFileSync(SCHEMA_FILE, "utf8")) as object);

describe("the loader never throws: it answers with diagnostics", () => {
  it("on random structures under the known keys, read from YAML as the plan does", () => {
    fc.assert(
      fc.property(randomConfig, (config) => {
        expectWellFormed(loadYaml(config));
      }),
      { numRuns: 250 },
    );
  });

  it("on random text in Pulumi's flat config map (structured values that are not JSON, secrets or not)", () => {
    const key = fc.constantFrom("oidc-apps:environment", "oidc-apps:okta", "oidc-apps:auth0", "oidc-apps:recipes", "okta:orgName", "okta:baseUrl", "okta:apiToken", "okta:maxRetries", "okta:backoff", "auth0:domain", "auth0:clientSecret", "oidc-apps:x", "okta:y", "other:z");
    const text = fc.oneof(fc.string({ maxLength: 20 }), value.map((v) => JSON.stringify(v) ?? ""), fc.constantFrom("{", "[", '{"apps":', "null", "true", "1e400", '{"apps":{"__proto__":{}}}'));
    fc.assert(
      fc.property(fc.dictionary(key, text, { maxKeys: 8 }), fc.subarray(["okta:apiToken", "auth0:clientSecret", "oidc-apps:okta"]), (config, secrets) => {
        expectWellFormed(loadStack({ config, secretKeys: new Set(secrets) }));
      }),
      { numRuns: 400 },
    );
  });

  it("on valid stacks with one subtree replaced by a random value", () => {
    fc.assert(
      fc.property(validStack, fc.array(fc.nat(), { minLength: 1, maxLength: 6 }), value, (stack, path, replacement) => {
        expectWellFormed(loadYaml(mutate(stack.config, path, replacement)));
      }),
      { numRuns: 150 },
    );
  });

  it(
    "and the plan never fails for any other reason: mutated stacks either render or report errors with nothing registered",
    async () => {
      await fc.assert(
        fc.asyncProperty(validStack, fc.array(fc.nat(), { minLength: 1, maxLength: 6 }), value, async (stack, path, replacement) => {
          const config = mutate(stack.config, path, replacement);
          // planOfYaml throws on a defect (the program failed without an error diagnostic).
          const plan = await planOfYaml(stackYaml(config), "prop");
          const loaded = loadYaml(config);
          expect(plan.diagnostics).toEqual(loaded.diagnostics);
          if (loaded.model === undefined) expect(plan.resources).toEqual([]);
        }),
        { numRuns: 25 },
      );
    },
    120_000,
  );

  it("leaves Object.prototype alone", () => {
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
    expect(Object.keys(Object.prototype)).toEqual([]);
  });
});

describe("valid generated stacks", () => {
  it("load with no diagnostic at all, with every app in the model, and validate against the JSON Schema", () => {
    fc.assert(
      fc.property(validStack, (stack) => {
        const result = loadYaml(stack.config);
        expect(result.diagnostics).toEqual([]);
        expect(result.model).toBeDefined();
        expect(result.model!.okta?.apps.length ?? 0).toBeGreaterThanOrEqual(stack.okta);
        expect(result.model!.auth0?.apps.length ?? 0).toBe(stack.auth0);
        expect(schemaValidate({ config: stack.config }), JSON.stringify(schemaValidate.errors)).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it(
    "render through the plan: no diagnostics, an OAuth app per Okta app and a client per Auth0 app",
    async () => {
      await fc.assert(
        fc.asyncProperty(validStack, async (stack) => {
          const plan = await planOfYaml(stackYaml(stack.config), "prop");
          expect(plan.diagnostics).toEqual([]);
          expect(plan.resources.filter((r) => r.type === "okta:app/oAuth:OAuth").length).toBeGreaterThanOrEqual(stack.okta);
          expect(plan.resources.filter((r) => r.type === "auth0:index/client:Client").length).toBe(stack.auth0);
          expect(plan.resources.every((r) => r.protect === (stack.config["oidc-apps:environment"] === "production") || !["okta:app/oAuth:OAuth", "auth0:index/client:Client"].includes(r.type))).toBe(true);
        }),
        { numRuns: 50 },
      );
    },
    180_000,
  );
});

// ---------------------------------------------------------------------------------------------------------
// Mutated stack files, as text: what YAML allows and a stack file must not hold.

/** One textual mutation of a stack file; `at` picks a line or a position, modulo the text's size. */
type Mutation =
  | { kind: "tag"; at: number; tag: string }
  | { kind: "anchor"; at: number; self: boolean }
  | { kind: "merge"; at: number }
  | { kind: "duplicate"; at: number }
  | { kind: "bom" }
  | { kind: "crlf" }
  | { kind: "control"; at: number; char: string }
  | { kind: "huge"; at: number; size: number }
  | { kind: "delete"; at: number };

/** Bounded by design: at most three mutations, values of at most 200 KB; so each case is small work whatever it holds. */
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant("tag" as const), at: fc.nat(), tag: fc.constantFrom("!vault", "!!binary", "!!set", "!!timestamp", "!", "!!str", "!!int", "!custom:x") }),
  fc.record({ kind: fc.constant("anchor" as const), at: fc.nat(), self: fc.boolean() }),
  fc.record({ kind: fc.constant("merge" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("duplicate" as const), at: fc.nat() }),
  fc.constant({ kind: "bom" as const }),
  fc.constant({ kind: "crlf" as const }),
  fc.record({ kind: fc.constant("control" as const), at: fc.nat(), char: fc.constantFrom("\u0000", "\u0007", "\u001b", "\t", "\u007f", "\u0085", "\u009b", "\u00ad", "\u200b", "\u200d", "\u202e", "\u2028", "\u2066", "\ufeff", "\ud800") }),
  fc.record({ kind: fc.constant("huge" as const), at: fc.nat(), size: fc.integer({ min: 1_000, max: 200_000 }) }),
  fc.record({ kind: fc.constant("delete" as const), at: fc.nat() }),
);

function applyMutation(text: string, m: Mutation): string {
  const lines = text.split("\n");
  const valueLines = lines.map((l, i) => [l, i] as const).filter(([l]) => /^\s*[^#\s][^:]*: \S/.test(l));
  const keyLines = lines.map((l, i) => [l, i] as const).filter(([l]) => /^\s+[^-\s][^:]*:$/.test(l));
  const pick = <T,>(list: readonly T[], at: number) => (list.length === 0 ? undefined : list[at % list.length]);
  switch (m.kind) {
    case "tag": {
      const line = pick(valueLines, m.at);
      if (line) lines[line[1]] = line[0].replace(": ", `: ${m.tag} `);
      return lines.join("\n");
    }
    case "anchor": {
      const line = pick(keyLines, m.at);
      if (!line) return text;
      const indent = /^\s*/.exec(line[0])![0];
      // `key: &a` then, inside it, an alias of itself (a cycle) or of a sibling value.
      lines[line[1]] = `${line[0]} &a`;
      lines.splice(line[1] + 1, 0, `${indent}  alias-${m.at % 7}: ${m.self ? "*a" : "[*a]"}`);
      return lines.join("\n");
    }
    case "merge": {
      const line = pick(keyLines, m.at);
      if (!line) return text;
      const indent = /^\s*/.exec(line[0])![0];
      lines.splice(line[1] + 1, 0, `${indent}  <<: *base`);
      return `base: &base { type: web, label: merged }\n${lines.join("\n")}`;
    }
    case "duplicate": {
      const line = pick(valueLines, m.at);
      if (line) lines.splice(line[1] + 1, 0, line[0]);
      return lines.join("\n");
    }
    case "bom":
      return `\uFEFF${text}`;
    case "crlf":
      return text.replace(/\n/g, "\r\n");
    case "control": {
      const at = m.at % (text.length + 1);
      return `${text.slice(0, at)}${m.char}${text.slice(at)}`;
    }
    case "huge": {
      const line = pick(valueLines, m.at);
      if (line) lines[line[1]] = line[0].replace(/: .*$/, `: "${"A1b2".repeat(Math.ceil(m.size / 4)).slice(0, m.size)}"`);
      return lines.join("\n");
    }
    case "delete": {
      const at = m.at % Math.max(1, text.length);
      return `${text.slice(0, at)}${text.slice(at + 1)}`;
    }
  }
}

/** What no output may hold: a stack trace, an internal error, a raw control or format character. */
const STACK_TRACE = /^\s+at\s.+(:\d+:\d+\)?|\(native\))$/m;
const RAW_UNSAFE = /(?![\n])[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/u;

describe("mutated stack files (tags, anchors, merge keys, duplicate keys, BOM, CRLF, control characters, huge values)", () => {
  const dir = mkdtempSync(join(tmpdir(), "oidc-apps-mutated-"));
  let n = 0;

  it(
    "go through check and plan with exit 0 or 1, the same diagnostics, and clean output: never a crash",
    async () => {
      await fc.assert(
        fc.asyncProperty(validStack, fc.array(mutation, { minLength: 1, maxLength: 3 }), async (stack, mutations) => {
          const text = mutations.reduce(applyMutation, stackYaml(stack.config));
          const file = join(dir, `Pulumi.m${n++}.yaml`);
          writeFileSync(file, text, "utf8");
          let checkOut = "";
          let checkErr = "";
          const checkCode = checkCli(["m", "--config-file", file, "--format", "json"], (s) => (checkOut += s), (s) => (checkErr += s));
          let planOut = "";
          let planErr = "";
          const planCode = await planCli(["m", "--config-file", file, "--format", "json"], (s) => (planOut += s), (s) => (planErr += s));
          expect([checkCode, planCode]).toEqual([checkCode, checkCode]);
          expect([0, 1]).toContain(checkCode);
          expect(checkErr + planErr).toBe("");
          for (const out of [checkOut, planOut]) {
            expect(out).not.toMatch(STACK_TRACE);
            expect(out).not.toContain("internal error");
            expect(RAW_UNSAFE.test(out), "a raw control or format character in the output").toBe(false);
          }
          const check = JSON.parse(checkOut) as { diagnostics: Diagnostic[] };
          const plan = JSON.parse(planOut) as { diagnostics: Diagnostic[]; resources: unknown[] };
          expect(plan.diagnostics).toEqual(check.diagnostics);
          if (checkCode === 1) expect(plan.resources).toEqual([]);
          for (const d of check.diagnostics) expect(Object.hasOwn(RULES, d.code), d.code).toBe(true);
        }),
        { numRuns: 60 },
      );
    },
    300_000,
  );

  it("each mutation on its own is answered with its rule, not a crash (one fixed case per kind)", () => {
    const base = stackYaml({ "okta:orgName": "acme", "oidc-apps:environment": "development", "oidc-apps:okta": { apps: { portal: { type: "web", redirectUris: ["https://portal.example.com/cb"] } } } });
    const codesOf = (t: string) => {
      const f = readStackFileText(t);
      return (f.diagnostics.length > 0 ? f.diagnostics : loadStack({ config: f.config, secretKeys: f.secretKeys }).diagnostics).map((d) => d.code);
    };
    expect(codesOf(applyMutation(base, { kind: "tag", at: 0, tag: "!vault" }))).toEqual(["YAML_TAG_UNKNOWN"]);
    expect(codesOf(applyMutation(base, { kind: "anchor", at: 0, self: true }))).toEqual(["YAML_SYNTAX"]);
    expect(codesOf(applyMutation(base, { kind: "merge", at: 1 }))).toEqual(["YAML_MERGE_KEY"]);
    expect(codesOf(applyMutation(base, { kind: "duplicate", at: 0 }))).toEqual(["YAML_SYNTAX"]);
    expect(codesOf(applyMutation(base, { kind: "bom" }))).toEqual([]);
    expect(codesOf(applyMutation(base, { kind: "crlf" }))).toEqual([]);
    expect(codesOf(applyMutation(base, { kind: "control", at: base.indexOf("portal.example"), char: "\u202e" })).sort()).toEqual(["OKTA_REDIRECT_NOT_ABSOLUTE", "TEXT_UNSAFE_CHARACTER"]);
  });
});
