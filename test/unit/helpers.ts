/** Unit-test helpers: stack-file YAML text in, the loader's model and diagnostics out. */
import { stringify } from "yaml";
import type { Diagnostic } from "../../config/diagnostics";
import type { OktaUserAppSpec, StackModel } from "../../config/model";
import { loadStackConfig, type LoadResult } from "../../config/load";
import { readStackFileText } from "../../config/stack-file";

/**
 * Read YAML text the way the plan CLI does: a file that is not valid YAML stops at the YAML diagnostics (the
 * config map would be empty, so loading it would only add noise); otherwise the loader runs.
 */
export function load(yamlText: string): LoadResult {
  const file = readStackFileText(yamlText);
  if (file.diagnostics.length > 0) return { diagnostics: file.diagnostics };
  return loadStackConfig({ config: file.config, secretKeys: file.secretKeys });
}

/**
 * A stack file for the Okta org `acme` (okta.com), environment development, with the given apps. `extra`
 * adds or overrides top-level config keys; a key set to `undefined` is left out of the file.
 */
export function stack(apps: Record<string, unknown>, extra: Record<string, unknown> = {}): string {
  const config: Record<string, unknown> = {
    "okta:orgName": "acme",
    "okta:baseUrl": "okta.com",
    "oidc-apps:environment": "development",
    "oidc-apps:okta": { apps },
    ...extra,
  };
  for (const key of Object.keys(config)) if (config[key] === undefined) delete config[key];
  return stringify({ config });
}

/** The diagnostics with the given code. */
export function withCode(diagnostics: readonly Diagnostic[], code: string): Diagnostic[] {
  return diagnostics.filter((d) => d.code === code);
}

/** The one diagnostic with the given code; fails the test (with everything reported) when there is not exactly one. */
export function only(diagnostics: readonly Diagnostic[], code: string): Diagnostic {
  const hits = withCode(diagnostics, code);
  if (hits.length !== 1) throw new Error(`expected exactly one ${code}, got ${hits.length}: ${JSON.stringify(diagnostics, null, 2)}`);
  return hits[0]!;
}

/** Codes of all diagnostics, for absence checks. */
export function codes(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => d.code);
}

/** The user-facing (web, browser, native) app `name` of a loaded model; fails the test when there is none. */
export function userApp(model: StackModel | undefined, name: string): OktaUserAppSpec {
  const app = model?.okta?.apps.find((a) => a.name === name);
  if (!app || app.kind === "service") throw new Error(`no user-facing app ${name} in ${JSON.stringify(model)}`);
  return app;
}
