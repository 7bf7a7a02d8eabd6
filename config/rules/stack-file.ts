/**
 * The stack file as a whole: YAML (read by config/stack-file.ts, which reports these rules too), keys and
 * namespaces, types and values (the parse, config/lenient-parse.ts and config/zod-issues.ts, reports CONFIG_* for every section),
 * credentials, the environment and the stack's name, and app names and labels across the stack.
 */
import type { Diagnostics } from "../diagnostics";
import { isMap } from "../maps";
import { keyPath } from "../paths";
import { AUTH0_SWITCHES, OKTA_TUNABLES } from "../provider-settings";
import { AUTH0_CREDENTIAL_KEYS, AUTH0_PROVIDER_KEYS } from "../schema/auth0";
import { ENVIRONMENTS, OKTA_CREDENTIAL_KEYS, OKTA_PROVIDER_KEYS, PROJECT_KEYS, type Environment } from "../schema/root";
import { AUTH0_ROOT, ENVIRONMENT_KEY, OKTA_ROOT, PROJECT, RECIPES_ROOT } from "../sections";
import { show, showSetting } from "../show";
import { didYouMean, editDistance } from "../suggest";
import { parseUri } from "../uris";
import { defineRules } from "./rule";
import { policy } from "./sources";
import { reportUrlPolicy } from "./text-and-urls";

const PULUMI_CONFIG = "Pulumi, Configuration and the stack settings file (pulumi.com/docs/iac/concepts/config/, pulumi.com/docs/iac/concepts/projects/stack-settings-file/)";

export const STACK_FILE_RULES = defineRules({
  YAML_SYNTAX: {
    severity: "error",
    summary: "The stack file is not valid YAML, or it expands aliases without bound.",
    rationale: "Nothing in the file can be read. Pulumi would refuse it too, but only when `pulumi up` starts, and without the key paths. An alias bomb (aliases nesting aliases) is refused before it is expanded, so a hostile file cannot exhaust memory.",
    source: `YAML 1.2.2 (yaml.org/spec/1.2.2); ${PULUMI_CONFIG}: "The file format must be YAML"`,
    fix: "Correct the YAML at the line and column given.",
  },
  CONFIG_NOT_A_MAP: {
    severity: "error",
    summary: "A section that must be a map is something else.",
    rationale: "Sections such as `oidc-apps:okta`, `apps` and each app hold named entries; a list or a plain string there has no names to read, so nothing in it could be checked or created.",
    source: `${PULUMI_CONFIG}: structured values reach the program as JSON; the shapes are config/schema/*.ts and schema/stack.schema.json`,
    fix: "Write the section as a YAML map (key: value lines).",
  },
  CONFIG_UNKNOWN_KEY: {
    severity: "error",
    summary: "A key oidc-apps does not know.",
    rationale: "Pulumi passes every key to the program and ignores those it does not read, so a misspelt key (`redirectUri`) would be ignored silently and the app created without the setting.",
    source: `${PULUMI_CONFIG}; ${policy("Validation")} ("Unknown keys are errors with a suggestion")`,
    fix: "Remove the key or correct its spelling; the message suggests the nearest known key.",
  },
  CONFIG_REQUIRED: {
    severity: "error",
    summary: "A required key is missing.",
    rationale: "There is no safe default for it (an app's `type` decides which settings and rules apply; a recipe needs its URLs).",
    source: "The schemas in config/schema/*.ts and recipes/*.ts (schema/stack.schema.json for editors)",
    fix: "Add the key.",
  },
  CONFIG_INVALID_TYPE: {
    severity: "error",
    summary: "A value has the wrong type.",
    rationale: "The providers take typed values (a list of redirect URIs, a whole number of seconds); a value of another type would fail at apply time, or be coerced into something that was not meant.",
    source: "The schemas in config/schema/*.ts, after the input types of @pulumi/okta 7.0.0 and @pulumi/auth0 3.49.0",
    fix: "Write a value of the type given.",
  },
  CONFIG_INVALID_VALUE: {
    severity: "error",
    summary: "A value is not one of the allowed values, or is out of range.",
    rationale: "The providers accept a fixed set of values and ranges (app types, grant types, provider tunables); anything else fails at apply time, often after other resources were already changed.",
    source: "The schemas in config/schema/*.ts and config/provider-settings.ts, after @pulumi/okta 7.0.0, @pulumi/auth0 3.49.0 and the Okta provider's settings (backoff, retries, max_api_capacity 1-100)",
    fix: "Use one of the values listed, or a value in the range given.",
  },
  CONFIG_CLEARTEXT_CREDENTIAL: {
    severity: "error",
    summary: "A provider credential is in the stack file in clear text.",
    rationale: "Stack files are committed; a credential in one is leaked to everyone who can read the repository, and to its history forever.",
    source: "Pulumi, Secrets (pulumi.com/docs/iac/concepts/secrets/): `pulumi config set --secret` stores the value encrypted; @pulumi/okta and @pulumi/auth0 provider credentials (`apiToken`, `accessToken`, `privateKey`, `clientSecret`, `clientAssertionPrivateKey`)",
    fix: "Remove it from the file and set it with `pulumi config set --secret <key>` or the provider's environment variable.",
  },
  ENVIRONMENT_REQUIRED: {
    severity: "error",
    summary: "`oidc-apps:environment` is missing.",
    rationale: "Production strictness (https only, no loopback, no wildcards) and protection against deletion depend on it; guessing would be unsafe either way.",
    source: policy("Environments"),
    fix: "Add `oidc-apps:environment: development | staging | production`.",
  },
  APP_NAME_INVALID: {
    severity: "error",
    summary: "An app's (or recipe instance's) logical name is not a lowercase slug.",
    rationale: "The name becomes Pulumi resource names, URNs and output keys; renaming it later replaces the app with a new one with a new client id, so it must be boring and stable from the start.",
    source: `Pulumi, Resource names (pulumi.com/docs/iac/concepts/resources/names/): the name is part of the URN; ${policy("Stack files")}`,
    fix: "Use lowercase letters, digits and hyphens, 1-50 characters, starting and ending with a letter or digit.",
  },
  APP_NAME_DUPLICATE: {
    severity: "error",
    summary: "The same app name is used for an Okta app and an Auth0 app.",
    rationale: "Outputs are namespaced per provider (`okta.<name>`, `auth0.<name>`), but nothing else is: both apps name their children after themselves (`<name>-client-secret`, `<name>-key-<kid>`), so resources of the same type and name sit under two parents, and the plan, `pulumi stack --show-urns`, the policy pack's reports, logs and people must tell `portal` from `portal` by context. One name, one app keeps every reference unambiguous.",
    source: policy("Validation"),
    fix: "Rename one of the two apps (e.g. `portal` and `portal-auth0`). Renaming an existing app replaces it; to keep its client id, take it out of the state first (`pulumi state delete`) and adopt it under the new name (`adopt: { id: ... }`), as in docs/operations.md § Runbook, moving an app between stacks.",
  },
  YAML_TOO_LARGE: {
    severity: "error",
    summary: "The stack file is larger than oidc-apps reads: over 2 MiB, 100,000 lines or 100,000 YAML nodes.",
    rationale: "Every check must finish in bounded time on any input, a hostile one in a pull request included. Stack files are kilobytes (1,000 apps are about 400 KB), so the cap leaves ample room and keeps reading and checking any file within seconds.",
    source: policy("Untrusted input"),
    fix: "Split the stack, or remove what does not belong in it.",
  },
  YAML_TAG_UNKNOWN: {
    severity: "error",
    summary: "A YAML tag outside the core schema (`!vault`, `!!binary`, `!!set`, …).",
    rationale: "Stack files hold plain values. A tag the core schema does not define is dropped or turns the value into something else (`!vault x` reads as the string `x`, `!!binary` as bytes), so what is applied is not what was written and reviewed.",
    source: `YAML 1.2.2 §10.3, Core Schema (yaml.org/spec/1.2.2); ${PULUMI_CONFIG}`,
    fix: "Remove the tag and write the value itself; keep secrets out of the file (`pulumi config set --secret`).",
  },
  YAML_MERGE_KEY: {
    severity: "error",
    summary: "A YAML merge key (`<<: *anchor`).",
    rationale: "Merge keys are a YAML 1.1 type, not YAML 1.2: Pulumi's parser (go-yaml) merges them and a YAML 1.2 reader does not, so the two would read different settings; and the merged keys would escape the key checks (an app merging its `type` is reported as having none).",
    source: `YAML merge key type (yaml.org/type/merge.html), not in YAML 1.2.2's core schema (yaml.org/spec/1.2.2); ${policy("Untrusted input")}`,
    fix: "Write the keys out in each map; an alias for a whole value (`redirectUris: *uris`) is fine.",
  },
  CONFIG_NAMESPACE_MISSPELT: {
    severity: "error",
    summary: "A key in a namespace one or two letters from `oidc-apps`, `okta` or `auth0` (`oidc-app:okta`).",
    rationale: "Pulumi passes keys of every namespace to the program, and oidc-apps reads only its own, so `oidc-app:okta` would be ignored without a word: the stack plans with no apps at all (\"0 resources\").",
    source: `${PULUMI_CONFIG}: keys are \`<namespace>:<key>\`; ${policy("Validation")}`,
    fix: "Correct the namespace; the message names the key that was meant.",
  },
  STACK_NAME_ENVIRONMENT_MISMATCH: {
    severity: "error",
    summary: "A stack named for production (`prod`, `production`, `prd`) whose `oidc-apps:environment` is not production.",
    rationale: "The environment decides production strictness (https only, no loopback, no wildcards) and protection against deletion; `Pulumi.prod.yaml` set to development would create unprotected apps that accept plain http and loopback redirect URIs, and nothing else would say so.",
    source: policy("Environments"),
    fix: "Set `oidc-apps:environment: production`, or name the stack for what it is.",
  },
  APP_LABEL_DUPLICATE: {
    severity: "warning",
    summary: "Two apps of one provider with the same label (Okta) or name (Auth0).",
    rationale: "Labels are what users see on their Okta dashboard and Auth0's consent pages, and what admins search for in the console: two apps that look the same are chosen by mistake, and a review cannot tell which is which.",
    source: policy("Validation"),
    fix: "Give each app a label (or Auth0 name) of its own.",
  },
});

/** Pulumi hands structured values to programs as JSON text; a plain string stays a string. */
export function parseStructured(raw: string, path: string, diags: Diagnostics): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    diags.report(STACK_FILE_RULES.CONFIG_NOT_A_MAP, path, `must be a map, got the text ${show(raw)}.`);
    return undefined;
  }
}

export function readEnvironment(raw: string | undefined, diags: Diagnostics): Environment | undefined {
  if (raw === undefined) {
    diags.report(STACK_FILE_RULES.ENVIRONMENT_REQUIRED, ENVIRONMENT_KEY, "is not set.");
    return undefined;
  }
  if (!(ENVIRONMENTS as readonly string[]).includes(raw)) {
    diags.report(STACK_FILE_RULES.CONFIG_INVALID_VALUE, ENVIRONMENT_KEY, `must be one of ${ENVIRONMENTS.join(", ")}; got ${show(raw)}.${didYouMean(raw, ENVIRONMENTS)}`);
    return undefined;
  }
  return raw as Environment;
}

/** Words that name a production stack: `prod`, `prod-eu`, `acme/production`. */
const PRODUCTION_STACK_WORDS = new Set(["prod", "production", "prd"]);

/**
 * A stack named for production (`prod`, `production`, `prd`, as a word of its name) must have environment
 * production; the message for the stack name, or undefined. Exported for the CLIs and the policy pack.
 */
export function stackNameProblem(stack: string, environment: Environment): string | undefined {
  if (environment === "production") return undefined;
  const name = stack.slice(stack.lastIndexOf("/") + 1);
  const words = name.toLowerCase().split(/[^a-z0-9]+/);
  const word = words.find((w) => PRODUCTION_STACK_WORDS.has(w));
  if (!word) return undefined;
  return `is ${environment}, but the stack ${show(stack)} is named for production (${show(word)}): its apps would not be protected against deletion, and http, loopback and wildcard redirect URIs would be accepted.`;
}

export function checkStackName(stack: string, environment: Environment, diags: Diagnostics): void {
  const problem = stackNameProblem(stack, environment);
  if (problem) diags.report(STACK_FILE_RULES.STACK_NAME_ENVIRONMENT_MISMATCH, ENVIRONMENT_KEY, problem);
}

/**
 * Unknown keys in the namespaces we own (`oidc-apps:`) or configure (`okta:`) are errors with a suggestion;
 * other namespaces belong to other tools. Credentials must be secrets.
 */
export function checkKnownKeys(config: Readonly<Record<string, string>>, secretKeys: ReadonlySet<string> | undefined, diags: Diagnostics): void {
  for (const key of Object.keys(config).sort()) {
    const colon = key.indexOf(":");
    const ns = key.slice(0, colon);
    const name = key.slice(colon + 1);
    checkNamespace(key, ns, name, diags);
    if (ns === "okta" && name === "httpProxy" && !secretKeys?.has(key)) checkHttpProxy(config[key]!, diags);
    if (ns === PROJECT && secretKeys?.has(key)) {
      // No app setting is a secret; a decrypted value here would flow into resource inputs and outputs in clear.
      diags.report(STACK_FILE_RULES.CONFIG_INVALID_TYPE, key, "contains an encrypted (secure) value; oidc-apps settings are not secrets.", "Write the value in plain text; credentials belong in provider keys such as okta:apiToken.");
    }
    if (ns === "okta" && name === "scopes" && !isStringList(config[key]!)) {
      diags.report(STACK_FILE_RULES.CONFIG_INVALID_TYPE, key, "must be a list of scope names, e.g. [okta.apps.manage, okta.groups.read] (unlike the comma-separated OKTA_API_SCOPES variable).");
    }
    if (ns === PROJECT && !(PROJECT_KEYS as readonly string[]).includes(name)) {
      const known = PROJECT_KEYS.map((k) => `${PROJECT}:${k}`);
      diags.report(STACK_FILE_RULES.CONFIG_UNKNOWN_KEY, key, `unknown key.${didYouMean(key, known)}`, `Remove it or use one of: ${known.join(", ")}.`);
    } else if (ns === "okta" && !(OKTA_PROVIDER_KEYS as readonly string[]).includes(name)) {
      const known = OKTA_PROVIDER_KEYS.map((k) => `okta:${k}`);
      diags.report(STACK_FILE_RULES.CONFIG_UNKNOWN_KEY, key, `unknown Okta provider key.${didYouMean(key, known)}`, `Remove it or use one of: ${known.join(", ")}.`);
    }
    else if (ns === "auth0" && !(AUTH0_PROVIDER_KEYS as readonly string[]).includes(name)) {
      const known = AUTH0_PROVIDER_KEYS.map((k) => `auth0:${k}`);
      diags.report(STACK_FILE_RULES.CONFIG_UNKNOWN_KEY, key, `unknown Auth0 provider key.${didYouMean(key, known)}`, `Remove it or use one of: ${known.join(", ")}.`);
    }
    if (ns === "auth0" && (AUTH0_CREDENTIAL_KEYS as readonly string[]).includes(name) && secretKeys && !secretKeys.has(key)) {
      diags.report(STACK_FILE_RULES.CONFIG_CLEARTEXT_CREDENTIAL, key, "is a credential stored in clear text.", `Remove it from the file, then run \`pulumi config set --secret ${key} <value>\`, or use the provider's environment variable.`);
    }
    if (ns === "okta" && Object.hasOwn(OKTA_TUNABLES, name)) checkTunable(key, config[key]!, OKTA_TUNABLES[name]!, secretKeys, diags);
    // Read with getBoolean, which would throw on anything but true or false.
    if (ns === "auth0" && (AUTH0_SWITCHES as readonly string[]).includes(name)) checkTunable(key, config[key]!, { type: "boolean" }, secretKeys, diags);
    if (ns === "okta" && (OKTA_CREDENTIAL_KEYS as readonly string[]).includes(name) && secretKeys && !secretKeys.has(key)) {
      // Never echo the value: it is a credential.
      diags.report(STACK_FILE_RULES.CONFIG_CLEARTEXT_CREDENTIAL, key, "is a credential stored in clear text.", `Remove it from the file, then run \`pulumi config set --secret ${key} <value>\`, or use the provider's environment variable.`);
    }
  }
}

/** Provider tunables are read with typed getters, which would throw: check them here instead. */
function checkTunable(key: string, raw: string, spec: (typeof OKTA_TUNABLES)[string], secretKeys: ReadonlySet<string> | undefined, diags: Diagnostics): void {
  const got = showSetting(key, raw, secretKeys);
  if (spec.type === "boolean") {
    if (raw !== "true" && raw !== "false") diags.report(STACK_FILE_RULES.CONFIG_INVALID_TYPE, key, `must be true or false; got ${got}.`);
    return;
  }
  const n = Number(raw);
  if (raw.trim() === "" || !Number.isInteger(n)) {
    diags.report(STACK_FILE_RULES.CONFIG_INVALID_TYPE, key, `must be a whole number; got ${got}.`);
  } else if ((spec.min !== undefined && n < spec.min) || (spec.max !== undefined && n > spec.max)) {
    diags.report(STACK_FILE_RULES.CONFIG_INVALID_VALUE, key, `must be between ${spec.min} and ${spec.max}; got ${secretKeys?.has(key) ? got : n}.`);
  }
}

/** The namespaces oidc-apps reads, with the keys each has. */
const NAMESPACES: readonly { readonly ns: string; readonly keys: readonly string[] }[] = [
  { ns: PROJECT, keys: PROJECT_KEYS },
  { ns: "okta", keys: OKTA_PROVIDER_KEYS },
  { ns: "auth0", keys: AUTH0_PROVIDER_KEYS },
];

/**
 * A key of ours in a namespace one or two letters off (`oidc-app:okta`, `Okta:orgName`, `auth:domain`) would be
 * ignored: Pulumi hands every namespace to the program. Only keys that exist in the namespace meant are
 * reported, so other tools' keys (`aws:region`) never are.
 */
function checkNamespace(key: string, ns: string, name: string, diags: Diagnostics): void {
  if (!key.includes(":") || NAMESPACES.some((n) => n.ns === ns) || ns.length > 20) return;
  const meant = NAMESPACES.find((n) => editDistance(ns, n.ns) <= 2 && n.keys.some((k) => k.toLowerCase() === name.toLowerCase()));
  if (!meant) return;
  const intended = `${meant.ns}:${meant.keys.find((k) => k.toLowerCase() === name.toLowerCase())!}`;
  diags.report(
    STACK_FILE_RULES.CONFIG_NAMESPACE_MISSPELT,
    key,
    `is in the namespace ${show(ns)}, which oidc-apps does not read, so the setting would be ignored. Did you mean ${show(intended)}?`,
    `Rename the key to ${intended}.`,
  );
}

/** `okta:httpProxy`, in clear text: an http(s) URL under the URL policy (no userinfo: a proxy password belongs in a secret). */
function checkHttpProxy(raw: string, diags: Diagnostics): void {
  const key = "okta:httpProxy";
  reportUrlPolicy(raw, key, diags);
  const uri = parseUri(raw);
  if (!uri || !uri.isHttp) diags.report(STACK_FILE_RULES.CONFIG_INVALID_VALUE, key, "must be the proxy's http(s) URL, e.g. http://proxy.example.com:3128.", "Write the proxy's URL.");
}

/** Pulumi hands a list as JSON text. */
function isStringList(raw: string): boolean {
  try {
    const value: unknown = JSON.parse(raw);
    return Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === "string" && v !== "");
  } catch {
    return false;
  }
}

/** An app a recipe instance created (config/recipes.ts `MergedApp`). */
interface RecipeApp {
  readonly provider: "okta" | "auth0";
  readonly instance: string;
  readonly name: string;
}

/**
 * One name, one app: an Okta app and an Auth0 app of the same name would register children of the same type
 * and name (`<name>-client-secret`, `<name>-key-<kid>`) told apart only by their parents. Reported on the Auth0
 * app, or on the recipe instance that created it.
 */
export function checkNamesAcrossProviders(okta: unknown, auth0: unknown, merged: readonly RecipeApp[], diags: Diagnostics): void {
  const oktaNames = new Set(appNames(okta));
  for (const name of appNames(auth0)) {
    if (!oktaNames.has(name)) continue;
    const recipe = merged.find((m) => m.provider === "auth0" && m.name === name);
    const path = recipe ? keyPath(RECIPES_ROOT, [recipe.instance]) : keyPath(AUTH0_ROOT, ["apps", name]);
    diags.report(STACK_FILE_RULES.APP_NAME_DUPLICATE, path, `the Auth0 app ${show(name)} has the same name as the Okta app ${keyPath(OKTA_ROOT, ["apps", name])}; app names must be unique across providers.`);
  }
}

function appNames(section: unknown): string[] {
  const apps = typeof section === "object" && section !== null ? (section as Record<string, unknown>)["apps"] : undefined;
  return typeof apps === "object" && apps !== null && !Array.isArray(apps) ? Object.keys(apps) : [];
}

/** Labels compared as people read them: Unicode-normalised, case-folded, spaces collapsed. */
function normaliseLabel(label: string): string {
  return label.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();
}

/**
 * Two apps that look the same (APP_LABEL_DUPLICATE), over one provider's apps once recipes have expanded: the
 * Okta `label` or the Auth0 `name`, else the app's own name. Reads the raw merged section defensively.
 */
export function checkLabels(apps: readonly [string, unknown][], root: string, field: "label" | "name", provider: string, diags: Diagnostics): void {
  const first = new Map<string, string>();
  for (const [name, app] of apps) {
    if (!isMap(app)) continue;
    const written = typeof app[field] === "string" && app[field] !== "" ? (app[field] as string) : undefined;
    const label = written ?? name;
    const key = normaliseLabel(label);
    const earlier = first.get(key);
    if (earlier === undefined) {
      first.set(key, name);
      continue;
    }
    diags.report(
      STACK_FILE_RULES.APP_LABEL_DUPLICATE,
      keyPath(root, written !== undefined ? ["apps", name, field] : ["apps", name]),
      `the ${provider} app ${show(name)} is shown as ${show(label)}, like ${keyPath(root, ["apps", earlier])}: users and admins would see two apps with one name.`,
    );
  }
}
