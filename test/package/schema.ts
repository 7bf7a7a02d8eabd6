/**
 * The Pulumi plugin schema of the package, inferred from the TypeScript sources the way `pulumi package add`
 * gets it: `ComponentProvider.getSchema()` (@pulumi/pulumi provider/experimental/provider.js) runs the
 * `Analyzer` (analyzer.js) over `<dirname>/tsconfig.json`, from the entry `findProgramEntryPoint` picks (here
 * the root index.ts), for the classes cmd/run-plugin/run.js would find (`getPulumiComponents` of the package's
 * exports). The committed copy is test/fixtures/plugin-schema.json.
 */
import { join, resolve } from "node:path";
import { ComponentProvider, getPulumiComponents } from "@pulumi/pulumi/provider/experimental";
import * as library from "../../index";

export const ROOT = resolve(__dirname, "../..");
export const SCHEMA_FILE = join(ROOT, "test", "fixtures", "plugin-schema.json");
/** `OIDC_APPS_UPDATE_PLUGIN_SCHEMA=1 npx vitest run test/package/schema.test.ts` rewrites the committed schema. */
export const UPDATE_ENV = "OIDC_APPS_UPDATE_PLUGIN_SCHEMA";

/** The package name run-plugin derives from package.json `name` (and so the token prefix). */
export const PACKAGE = "oidc-apps";

/** The components a plugin host serves: every exported ComponentResource subclass of the package entry. */
export const COMPONENTS = getPulumiComponents(library);

export function provider(): ComponentProvider {
  return new ComponentProvider({ name: PACKAGE, dirname: ROOT, components: COMPONENTS });
}
