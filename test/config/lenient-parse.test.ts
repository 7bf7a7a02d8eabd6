/**
 * The lenient parse (config/lenient-parse.ts) that the Okta and Auth0 rules run on: it reports exactly what a
 * whole-object parse reports (the same CONFIG_* diagnostics, in the same words), keeps every well-formed key
 * typed, marks what is malformed, and keeps the well-formed items of a malformed list at their indices.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { Diagnostics } from "../../config/diagnostics";
import { complete, itemsOf, MALFORMED, wellFormed } from "../../config/lenient";
import { parseLenient } from "../../config/lenient-parse";
import { auth0AppSchema } from "../../config/schema/auth0";
import { oktaAppSchemas } from "../../config/schema/okta";
import { checkShape } from "../../config/zod-issues";

const ROOT = "oidc-apps:okta";
const AT = ["apps", "a"];

function lenient<S extends Parameters<typeof parseLenient>[0]>(schema: S, raw: Record<string, unknown>) {
  const diags = new Diagnostics();
  return { ...parseLenient(schema, raw, ROOT, AT, diags), diagnostics: diags.list() };
}

function whole(schema: Parameters<typeof checkShape>[0], raw: unknown) {
  const diags = new Diagnostics();
  const shaped = checkShape(schema, raw, ROOT, AT, diags);
  return { shaped, diagnostics: diags.list() };
}

const SCHEMAS = { ...oktaAppSchemas, auth0: auth0AppSchema };

/** Values of every kind the stack file can hold, biased toward the settings' own words. */
const words = fc.constantFrom("", "web", "service", "regular_web", "https://a.example.com/cb", "okta.users.read", "implicit", "authorization_code", "everyone", "READ_ONLY_ADMIN", "rotate", "EC", "k1", "__proto__", "constructor");
const json: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: "small" }, words, fc.integer({ min: -2, max: 4000 }), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null), fc.array(tie("value"), { maxLength: 3 }), tie("map")),
  map: fc.dictionary(fc.oneof(words, fc.constantFrom("kid", "groups", "origin", "custom", "role", "resourceSet", "rotation", "id")), tie("value"), { maxKeys: 3 }),
})).value;
const app = (keys: readonly string[]) => fc.dictionary(fc.oneof(fc.constantFrom(...keys), words), json, { maxKeys: 6 });

describe("parseLenient", () => {
  for (const [name, schema] of Object.entries(SCHEMAS)) {
    it(`reports exactly what a whole-object parse of a ${name} app reports, and is clean exactly when it is`, () => {
      fc.assert(
        fc.property(app(Object.keys(schema.shape)), (raw) => {
          const parsed = lenient(schema, raw);
          const expected = whole(schema, raw);
          expect(parsed.diagnostics).toEqual(expected.diagnostics);
          expect(parsed.shaped).toEqual(expected.shaped);
        }),
        { numRuns: 400 },
      );
    });
  }

  it("keeps well-formed keys as written and marks malformed ones", () => {
    const { value, shaped } = lenient(oktaAppSchemas.web, { type: "web", label: "Portal", pkceRequired: "yes", clientSecretVersion: 0 });
    expect(shaped).toBeUndefined();
    expect(value.label).toBe("Portal");
    expect(value.pkceRequired).toBe(MALFORMED);
    expect(value.clientSecretVersion).toBe(MALFORMED);
    expect("redirectUris" in value).toBe(false);
  });

  it("keeps the well-formed items of a malformed list at their indices", () => {
    const { value } = lenient(oktaAppSchemas.web, { type: "web", redirectUris: ["https://a.example.com/cb", 5, "https://b.example.com/cb"] });
    expect(itemsOf(value.redirectUris)).toEqual(["https://a.example.com/cb", MALFORMED, "https://b.example.com/cb"]);
  });

  it("keeps a list whose only fault is its length, for the rules that count its items", () => {
    const { value, diagnostics } = lenient(oktaAppSchemas.web, { type: "web", grantTypes: [] });
    expect(value.grantTypes).toEqual([]);
    expect(diagnostics.map((d) => d.message)).toEqual(["must not be an empty list."]);
  });

  it("keeps the well-formed keys of a malformed map inside a list, and tells it from a complete one", () => {
    const { value } = lenient(oktaAppSchemas.service, { type: "service", keys: [{ kid: "k1", rsaBits: 1024, extra: true }, { kid: "k2" }] });
    const [first, second] = itemsOf(value.keys);
    expect(wellFormed(first) && first.kid).toBe("k1");
    expect(wellFormed(first) && first.rsaBits).toBe(MALFORMED);
    expect(wellFormed(first) && "extra" in first).toBe(false);
    expect(complete(first)).toBe(false);
    expect(complete(second)).toBe(true);
  });

  it("follows a union to its map option when the value is a map", () => {
    const { value } = lenient(oktaAppSchemas.web, { type: "web", assignTo: { groups: ["a", 5], extra: 1 } });
    const assign = value.assignTo;
    expect(wellFormed(assign) && typeof assign === "object" && itemsOf(assign.groups)).toEqual(["a", MALFORMED]);
  });

  it("marks a value of the wrong kind MALFORMED, whatever is inside it", () => {
    const { value } = lenient(oktaAppSchemas.web, { type: "web", redirectUris: { a: "https://a.example.com/cb" }, assignTo: ["everyone"] });
    expect(value.redirectUris).toBe(MALFORMED);
    expect(value.assignTo).toBe(MALFORMED);
  });
});

describe("own keys only", () => {
  it("neither checks nor keeps a value the entry only inherits (an object built with __proto__)", () => {
    const raw = Object.create({ grantTypes: ["implicit"] }) as Record<string, unknown>;
    raw["type"] = "web";
    raw["redirectUris"] = ["https://portal.example.com/callback"];
    const r = lenient(oktaAppSchemas.web, raw);
    expect(r.diagnostics).toEqual([]);
    expect("grantTypes" in r.value).toBe(false);
    expect(r.shaped && "grantTypes" in r.shaped).toBe(false);
  });
});

describe("a well-formed map in one parse", () => {
  // parseLenient parses a plain, well-formed map whole (issue 19) and anything else key by key. A map with
  // another prototype always goes key by key, so the two paths meet on the same own keys here.
  const keyByKey = (raw: Record<string, unknown>) => Object.assign(Object.create({}) as Record<string, unknown>, raw);
  const stack = parse(readFileSync(join(__dirname, "../../stacks/Pulumi.dev.yaml"), "utf8")) as { config: Record<string, { apps?: Record<string, Record<string, unknown>> }> };
  const apps: [string, Parameters<typeof parseLenient>[0], Record<string, unknown>][] = [
    ...Object.entries(stack.config["oidc-apps:okta"]!.apps!).map(([n, a]) => [n, oktaAppSchemas[a["type"] as keyof typeof oktaAppSchemas], a] as [string, Parameters<typeof parseLenient>[0], Record<string, unknown>]),
    ...Object.entries(stack.config["oidc-apps:auth0"]!.apps!).map(([n, a]) => [n, auth0AppSchema, a] as [string, Parameters<typeof parseLenient>[0], Record<string, unknown>]),
  ];

  it("covers the dev stack's apps of every kind", () => {
    expect(new Set(apps.map(([, , a]) => a["type"]))).toEqual(new Set(["web", "browser", "native", "service", "regular_web"]));
  });

  for (const [name, schema, raw] of apps) {
    it(`gives ${name} the same value and model, in the same key order, as the key-by-key parse`, () => {
      const fast = lenient(schema, raw);
      const slow = lenient(schema, keyByKey(raw));
      expect(fast.diagnostics).toEqual([]);
      expect(fast.shaped).toBeDefined();
      expect(fast).toEqual(slow);
      expect(Object.keys(fast.value)).toEqual(Object.keys(slow.value));
      expect(Object.keys(fast.shaped!)).toEqual(Object.keys(slow.shaped!));
    });
  }

  it("takes a map with a null prototype as a plain one", () => {
    const raw = Object.assign(Object.create(null) as Record<string, unknown>, { type: "web", redirectUris: ["https://portal.example.com/callback"] });
    const r = lenient(oktaAppSchemas.web, raw);
    expect(r.diagnostics).toEqual([]);
    expect(r.shaped).toEqual({ type: "web", redirectUris: ["https://portal.example.com/callback"] });
  });
});
