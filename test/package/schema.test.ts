/**
 * The Pulumi plugin schema (what `pulumi package add` generates Python, Go, .NET, Java and YAML SDKs from) is
 * pinned: a change to a component's args or outputs that would silently change every generated SDK fails here.
 * A deliberate change regenerates it: `OIDC_APPS_UPDATE_PLUGIN_SCHEMA=1 npx vitest run test/package/schema.test.ts`
 * (then `npm run gen:library-docs`); the diff of test/fixtures/plugin-schema.json is part of the review.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { OktaWebApp, type OktaWebAppArgs } from "../../index";
import { capture } from "../../plan/capture";
import { COMPONENTS, PACKAGE, provider, ROOT, SCHEMA_FILE, UPDATE_ENV } from "./schema";

/** The library's public components (library/index.ts). */
const EXPECTED = ["Auth0RegularWebApp", "OktaBrowserApp", "OktaNativeApp", "OktaServiceApp", "OktaTrustedOrigins", "OktaWebApp"];

interface Property {
  type?: string;
  $ref?: string;
  description?: string;
}
interface Resource {
  isComponent?: boolean;
  description?: string;
  inputProperties?: Record<string, Property>;
  requiredInputs?: string[];
  properties?: Record<string, Property>;
  required?: string[];
}
interface Schema {
  name: string;
  version: string;
  resources: Record<string, Resource>;
  types?: Record<string, unknown>;
}

describe("the Pulumi plugin schema", () => {
  it("the analyzer accepts every component library/index.ts exports, with its inputs and outputs, as committed", async () => {
    expect(COMPONENTS.map((c) => c.name).sort()).toEqual(EXPECTED);
    // Throws, naming the class and the property, when the analyzer refuses one (a union, `readonly T[]`, …).
    const schema = JSON.parse(await provider().getSchema()) as Schema;
    if (process.env[UPDATE_ENV]) writeFileSync(SCHEMA_FILE, JSON.stringify(schema, null, 2) + "\n");
    const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string };
    // The schema version is package.json `version` (ComponentProvider: `options.version ?? packageJSON.version`).
    expect(schema).toMatchObject({ name: PACKAGE, version: pkg.version });
    expect(Object.keys(schema.resources).sort()).toEqual(EXPECTED.map((c) => `${PACKAGE}:index:${c}`));
    for (const [token, r] of Object.entries(schema.resources)) {
      expect(r.isComponent, token).toBe(true);
      expect(r.description, `${token}: the class's JSDoc`).toBeTruthy();
      expect(Object.keys(r.inputProperties ?? {}).length, `${token}: inputs`).toBeGreaterThan(0);
      expect(Object.keys(r.properties ?? {}).length, `${token}: outputs`).toBeGreaterThan(0);
      for (const [key, p] of [...Object.entries(r.inputProperties ?? {}), ...Object.entries(r.properties ?? {})]) {
        expect(p.description, `${token}.${key}: its JSDoc`).toBeTruthy();
        // The analyzer turns `{@link X}` in a JSDoc into "[object Object]" (provider/experimental/analyzer.js).
        expect(p.description, `${token}.${key}`).not.toContain("[object Object]");
      }
    }
    expect(schema, `the committed schema (${UPDATE_ENV}=1 regenerates it)`).toEqual(JSON.parse(readFileSync(SCHEMA_FILE, "utf8")));
  }, 60_000);

  it("construct() (what a Python or YAML program's OktaWebApp runs) builds what `new OktaWebApp` does in TypeScript", async () => {
    const args: OktaWebAppArgs = { redirectUris: ["https://shop.example.com/callback"] };
    const options = { project: "consumer", stack: "dev" };
    // The plugin path: provider/server.js hands `construct` the deserialized inputs; plain values here.
    const served = await capture(options, async () => {
      const { urn } = await provider().construct("shop", `${PACKAGE}:index:OktaWebApp`, { ...args }, {});
      return urn;
    });
    const direct = await capture(options, () => new OktaWebApp("shop", args).urn);
    expect(served.result.ok, String(!served.result.ok && served.result.error)).toBe(true);
    expect(direct.result.ok).toBe(true);
    expect(served.resources.map((r) => r.type)).toContain("okta:app/oAuth:OAuth");
    expect(served.resources).toEqual(direct.resources);
    expect(served.invokes).toEqual(direct.invokes);
  }, 60_000);
});
