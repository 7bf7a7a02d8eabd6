/**
 * schema/stack.schema.json: generated from the zod schemas, committed for editors, referenced from every stack
 * file. It cannot go stale, it accepts every shipped stack, it knows exactly the keys the loader knows, and it
 * flags the shape mistakes of the bad-input corpus that `npm run check` reports (rules that need the
 * environment or relate fields to each other are the loader's alone).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import Ajv from "ajv";
import { describe, expect, it } from "vitest";
import { parse, parseDocument } from "yaml";
import { AUTH0_APP_TYPES, AUTH0_PROVIDER_KEYS } from "../../config/schema/auth0";
import { OKTA_APP_TYPES } from "../../config/schema/okta";
import { OKTA_PROVIDER_KEYS, PROJECT_KEYS } from "../../config/schema/root";
import { RECIPES } from "../../recipes";
import { SCHEMA_FILE, stackSchemaText } from "../../scripts/gen-schema";
import { readCorpus } from "../../scripts/corpus-manifest";

const REPO = join(__dirname, "..", "..");
const STACKS = join(REPO, "stacks");
const SCHEMA_LINE = "# yaml-language-server: $schema=../schema/stack.schema.json";

// The schema is plain JSON: walk it untyped.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the schema is walked by key, untyped JSON
type Json = Record<string, any>;
const committed = readFileSync(SCHEMA_FILE, "utf8");
const schema = JSON.parse(committed) as Json;
const ajv = new Ajv({ strict: false, allErrors: true, discriminator: true });
const validate = ajv.compile(schema);
const stackFiles = readdirSync(STACKS).filter((f) => /^Pulumi\..+\.yaml$/.test(f));

function errorsOf(data: unknown): string[] {
  return validate(data) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message ?? ""}`);
}

describe("schema/stack.schema.json", () => {
  it("is up to date with the zod schemas (run `npm run gen:schema` when this fails)", () => {
    expect(committed).toBe(stackSchemaText());
  });

  it("is a valid draft-07 schema", () => {
    expect(schema["$schema"]).toBe("http://json-schema.org/draft-07/schema#");
    expect(ajv.validateSchema(schema), JSON.stringify(ajv.errors)).toBe(true);
  });

  it("knows exactly the keys the loader knows", () => {
    const config = schema["definitions"]["config"] as Json;
    const keys = Object.keys(config["properties"]);
    expect(keys).toEqual([...PROJECT_KEYS.map((k) => `oidc-apps:${k}`), ...OKTA_PROVIDER_KEYS.map((k) => `okta:${k}`), ...AUTH0_PROVIDER_KEYS.map((k) => `auth0:${k}`)]);
    expect(config["propertyNames"]["anyOf"][0]["enum"]).toEqual(keys);
    expect(config["required"]).toEqual(["oidc-apps:environment"]);
    const defs = Object.keys(schema["definitions"]);
    for (const t of OKTA_APP_TYPES) expect(defs).toContain(`okta-${t}-app`);
    expect(AUTH0_APP_TYPES).toEqual(["regular_web"]);
    expect(defs).toContain("auth0-regular-web-app");
    expect(defs.filter((d) => d.startsWith("recipe-")).sort()).toEqual(Object.keys(RECIPES).map((r) => `recipe-${r}`).sort());
  });

  it("picks the Okta app variant by `type` (oneOf with a discriminator)", () => {
    const apps = schema["definitions"]["config"]["properties"]["oidc-apps:okta"]["properties"]["apps"]["anyOf"][0];
    const union = apps["additionalProperties"] as Json;
    expect(union["discriminator"]).toEqual({ propertyName: "type" });
    expect(union["oneOf"]).toHaveLength(OKTA_APP_TYPES.length);
    for (const t of OKTA_APP_TYPES) expect(schema["definitions"][`okta-${t}-app`]["properties"]["type"]["const"]).toBe(t);
    const recipes = schema["definitions"]["config"]["properties"]["oidc-apps:recipes"]["additionalProperties"] as Json;
    expect(recipes["discriminator"]).toEqual({ propertyName: "recipe" });
  });

  it("takes provider credentials only as secrets, and leaves other namespaces free", () => {
    const base = { "oidc-apps:environment": "development" };
    expect(errorsOf({ config: { ...base, "okta:apiToken": { secure: "AAABAC..." }, "auth0:clientSecret": { secure: "AAABAD..." } } })).toEqual([]);
    expect(errorsOf({ config: { ...base, "okta:apiToken": "00abc" } }).join()).toContain("/config/okta:apiToken must be object");
    expect(errorsOf({ config: { ...base, "aws:region": "eu-west-1", "other-tool:settings": { anything: [1, 2] } } })).toEqual([]);
    expect(errorsOf({ config: { ...base, "okta:orgname": "acme" } }).join()).toContain("property name must be valid");
    expect(errorsOf({ config: { ...base, environment: "development" } }).join()).toContain("property name must be valid");
  });

  it("documents the keys editors complete (hover text)", () => {
    const web = schema["definitions"]["okta-web-app"]["properties"] as Json;
    for (const key of ["label", "redirectUris", "grantTypes", "refreshToken", "assignTo", "clientAuth", "pkceRequired"]) expect(web[key]["description"], key).toBeTruthy();
    const config = schema["definitions"]["config"]["properties"] as Json;
    for (const key of ["oidc-apps:environment", "oidc-apps:okta", "oidc-apps:auth0", "oidc-apps:recipes", "okta:orgName", "auth0:domain"]) expect(config[key]["description"], key).toBeTruthy();
  });
});

describe("every stack file in stacks/", () => {
  it("finds the stacks", () => {
    expect(stackFiles.length).toBeGreaterThanOrEqual(3);
  });

  for (const file of stackFiles) {
    it(`${file}: references the schema on line 1 and validates against it`, () => {
      const text = readFileSync(join(STACKS, file), "utf8");
      expect(text.split("\n")[0]).toBe(SCHEMA_LINE);
      expect(resolve(STACKS, SCHEMA_LINE.split("$schema=")[1]!)).toBe(SCHEMA_FILE);
      expect(errorsOf(parse(text))).toEqual([]);
    });
  }
});

describe("the schema flags the corpus's shape mistakes, as `npm run check` does", () => {
  /** Codes for mistakes of shape, which a JSON Schema can express. */
  const SHAPE = new Set(["CONFIG_NOT_A_MAP", "CONFIG_UNKNOWN_KEY", "CONFIG_INVALID_TYPE", "CONFIG_REQUIRED", "APP_NAME_INVALID", "CONFIG_CLEARTEXT_CREDENTIAL", "ENVIRONMENT_REQUIRED"]);
  /** Shape codes the schema cannot see, and why. */
  const BEYOND_SCHEMA: Record<string, string> = {
    "recipe-device-mode-with-keys.yaml": "keys are unknown only in the MCP recipe's device mode: a rule on another field's value",
    "shape-grace-period-is-infinite.yaml": "1e400 is Infinity in YAML, which JSON Schema validators count as an integer; Pulumi passes it as null",
  };
  const cases = readCorpus().filter((c) => c.expect.some((e) => SHAPE.has(e.code)));

  it("has shape cases to check", () => {
    expect(cases.length).toBeGreaterThanOrEqual(25);
  });

  for (const c of cases) {
    const why = BEYOND_SCHEMA[c.name];
    it(`${c.name}: ${why ? `accepted by the schema (${why})` : "rejected by the schema"}`, () => {
      const doc = parseDocument(readFileSync(c.absolute, "utf8"), { uniqueKeys: true });
      expect(doc.errors).toEqual([]);
      const errors = errorsOf(doc.toJS({ maxAliasCount: 100 }));
      if (why) expect(errors).toEqual([]);
      else expect(errors.length).toBeGreaterThan(0);
    });
  }
});
