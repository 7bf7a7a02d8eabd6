/**
 * The one stack builder of the tests: stack files and their config maps, for the Okta org `acme` (okta.com),
 * the Auth0 tenant `acme.us.auth0.com`, environment development, unless a test says otherwise.
 *
 * A config map is built from parts, merged left to right as object spread does: a later part overrides an earlier
 * key in place (key order, and so the YAML's lines, stay put), and a key set to `undefined` is left out (e.g. to
 * drop a provider: `oktaStack(apps, { "okta:orgName": undefined })`).
 *
 *   oktaConfig / oktaStack      Okta apps under `oidc-apps:okta`
 *   auth0Config / auth0Stack    Auth0 apps under `oidc-apps:auth0`
 *   recipeConfig / recipeStack  recipe instances under `oidc-apps:recipes`, with both providers
 *   stackConfig(...parts)       any other mix, from OKTA_ORG, AUTH0_TENANT, environment(), oktaApps() …
 *   stackYaml(config)           the stack file's text for a config map
 *   readStack(yaml)             the text read back as the CLIs read it (config map and secret keys)
 */
import { stringify } from "yaml";
import { readStackFileText, type StackFileConfig } from "../../config/stack-file";

/** A stack file's `config:` map. */
export type StackConfig = Record<string, unknown>;

export const ORG_NAME = "acme";
export const BASE_URL = "okta.com";
export const AUTH0_DOMAIN = "acme.us.auth0.com";

/** The Okta org `acme` on okta.com. */
export const OKTA_ORG: StackConfig = { "okta:orgName": ORG_NAME, "okta:baseUrl": BASE_URL };
/** The Auth0 tenant `acme.us.auth0.com`. */
export const AUTH0_TENANT: StackConfig = { "auth0:domain": AUTH0_DOMAIN };

export const environment = (name = "development"): StackConfig => ({ "oidc-apps:environment": name });
export const oktaApps = (apps: Record<string, unknown>): StackConfig => ({ "oidc-apps:okta": { apps } });
export const auth0Apps = (apps: Record<string, unknown>): StackConfig => ({ "oidc-apps:auth0": { apps } });
export const recipes = (instances: Record<string, unknown>): StackConfig => ({ "oidc-apps:recipes": instances });

/** The parts merged left to right (object spread); a key whose value is `undefined` is left out. */
export function stackConfig(...parts: StackConfig[]): StackConfig {
  const config: StackConfig = Object.assign({}, ...parts) as StackConfig;
  for (const key of Object.keys(config)) if (config[key] === undefined) delete config[key];
  return config;
}

/** The stack file for a config map (any value: tests of the loader hand it broken ones too). */
export function stackYaml(config: unknown): string {
  return stringify({ config });
}

/** Okta org `acme` (okta.com), development, the given Okta apps; `extra` adds or overrides top-level keys. */
export function oktaConfig(apps: Record<string, unknown>, extra: StackConfig = {}): StackConfig {
  return stackConfig(OKTA_ORG, environment(), oktaApps(apps), extra);
}

export function oktaStack(apps: Record<string, unknown>, extra: StackConfig = {}): string {
  return stackYaml(oktaConfig(apps, extra));
}

/** Auth0 tenant `acme.us.auth0.com`, development, the given Auth0 apps; `extra` adds or overrides top-level keys. */
export function auth0Config(apps: Record<string, unknown>, extra: StackConfig = {}): StackConfig {
  return stackConfig(AUTH0_TENANT, environment(), auth0Apps(apps), extra);
}

export function auth0Stack(apps: Record<string, unknown>, extra: StackConfig = {}): string {
  return stackYaml(auth0Config(apps, extra));
}

/**
 * Recipe instances under `oidc-apps:recipes`, for the Okta org `acme` (okta.com) and the Auth0 tenant, development,
 * no apps of the user's own; `extra` adds or overrides top-level keys.
 */
export function recipeConfig(instances: Record<string, unknown>, extra: StackConfig = {}): StackConfig {
  return stackConfig(OKTA_ORG, AUTH0_TENANT, environment(), recipes(instances), extra);
}

export function recipeStack(instances: Record<string, unknown>, extra: StackConfig = {}): string {
  return stackYaml(recipeConfig(instances, extra));
}

/** A deep copy with `edit` applied: a test derives the changed stack from the base one. */
// `any`: an edit reaches into any depth of the stack config, which is plain YAML data.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function edited(config: StackConfig, edit: (c: any) => void): StackConfig {
  const copy = structuredClone(config);
  edit(copy);
  return copy;
}

/** A stack file's text read as the CLIs read it; fails the test when the text is not valid YAML. */
export function readStack(yamlText: string): Pick<StackFileConfig, "config" | "secretKeys"> {
  const file = readStackFileText(yamlText);
  if (file.diagnostics.length > 0) throw new Error(`fixture is not valid YAML: ${JSON.stringify(file.diagnostics)}`);
  return { config: file.config, secretKeys: file.secretKeys };
}
