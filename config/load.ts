/**
 * The loader: Pulumi's flat config map (`namespace:key` → string, objects as JSON) in, a validated model and
 * the diagnostics out. Pure: no Pulumi runtime, no environment, no file system.
 */
import { Diagnostics, type Diagnostic } from "./diagnostics";
import type { OktaOrg, StackModel } from "./model";
import { buildOktaApp, mergeTrustedOrigins, oktaOrg, parseOktaApps, OKTA_ROOT } from "./okta";
import { AUTH0_ROOT, buildAuth0, parseAuth0Apps } from "./auth0";
import { expandRecipes, mergeApps, RECIPES_ROOT, remapRecipeDiagnostics, type MergedApp } from "./recipes";
import { AUTH0_SWITCHES, OKTA_TUNABLES } from "./provider-settings";
import { AUTH0_CREDENTIAL_KEYS, AUTH0_PROVIDER_KEYS } from "./schema/auth0";
import { ENVIRONMENTS, OKTA_CREDENTIAL_KEYS, OKTA_PROVIDER_KEYS, PROJECT_KEYS, type Environment } from "./schema/root";
import { checkKeyResourceNames, type AppWithKeys } from "./key-rules";
import { keyPath } from "./paths";
import { checkReview } from "./rules/review";
import { checkConfigText } from "./rules/text";
import { reportUrlPolicy } from "./rules/okta-uris";
import { show } from "./show";
import { didYouMean, editDistance } from "./suggest";
import { parseUri } from "./uris";

export const PROJECT = "oidc-apps";

export interface LoadInput {
  /** Pulumi's config map as `pulumi.runtime.allConfig()` returns it. */
  readonly config: Readonly<Record<string, string>>;
  /**
   * Keys whose values are secrets (`secure:` in the stack file). Used to catch clear-text credentials, and to
   * never quote, or look into, a value the stack keeps secret.
   */
  readonly secretKeys?: ReadonlySet<string>;
  /**
   * The stack's name (`prod` for `Pulumi.prod.yaml`), when the caller knows it: a stack named for production
   * must be a production stack (STACK_NAME_ENVIRONMENT_MISMATCH). `pulumi.getStack()` in the program, the
   * `<stack>` argument in the CLIs.
   */
  readonly stack?: string;
}

export interface LoadResult {
  /** Present exactly when there are no errors. */
  readonly model?: StackModel;
  readonly diagnostics: readonly Diagnostic[];
}

export function loadStackConfig({ config: given, secretKeys, stack }: LoadInput): LoadResult {
  const diags = new Diagnostics();
  checkKnownKeys(given, secretKeys, diags);
  checkConfigText(given, secretKeys, diags);
  // An encrypted value under oidc-apps: is an error (checkKnownKeys), and is read no further: under a real
  // `pulumi up` it is decrypted, and no later message may quote any of it.
  const config = withoutSecretSections(given, secretKeys);

  const environmentSecret = secretKeys?.has(`${PROJECT}:environment`) ?? false;
  const environment = environmentSecret ? undefined : readEnvironment(config[`${PROJECT}:environment`], diags);
  const production = environment === "production";
  if (environment && stack !== undefined) checkStackName(stack, environment, diags);

  // Recipes expand into ordinary apps first; they need the org and tenant if the stack names them.
  const recipesRaw = config[RECIPES_ROOT];
  const expansion =
    recipesRaw === undefined || !environment
      ? { instances: [], clean: true }
      : expandRecipes({ section: parseStructured(recipesRaw, RECIPES_ROOT, diags), environment, ...quietProviders(config), diags });

  const expanded = new Diagnostics();
  const merged: MergedApp[] = [];
  const oktaRaw = config[OKTA_ROOT];
  const recipes = expansion?.clean ? expansion.instances : undefined;
  const oktaSection = mergeApps(oktaRaw === undefined ? undefined : parseStructured(oktaRaw, OKTA_ROOT, diags), "okta", expansion?.instances ?? [], diags, merged);
  const oktaApps = oktaSection === undefined ? [] : parseOktaApps({ section: oktaSection, production, diags: expanded });
  // Org settings are checked whenever apps are declared, even when an app has errors, so all problems show at once.
  const org = readOktaOrg(config, declaresApps(oktaSection), secretKeys, diags);

  const auth0Raw = config[AUTH0_ROOT];
  const auth0Section = mergeApps(auth0Raw === undefined ? undefined : parseStructured(auth0Raw, AUTH0_ROOT, diags), "auth0", expansion?.instances ?? [], diags, merged);
  const auth0Apps = auth0Section === undefined ? [] : parseAuth0Apps(auth0Section, production, expanded);
  const domain = readAuth0Domain(config, declaresApps(auth0Section), secretKeys, diags);
  // Before the remap, so a recipe's app that collides is reported on its recipe instance.
  checkKeyResourceNames(appsWithKeys(oktaApps, auth0Apps), expanded);
  checkReview({ okta: oktaSection, auth0: auth0Section, production, recipeApps: new Set(merged.map((m) => `${m.provider}:${m.name}`)), diags: expanded });
  remapRecipeDiagnostics(expanded, diags, merged);
  checkNamesAcrossProviders(oktaSection, auth0Section, merged, diags);

  if (diags.hasErrors || !environment || !oktaApps || !auth0Apps || !recipes) return { diagnostics: diags.list() };
  const model: StackModel = {
    environment,
    protect: production,
    ...(org && oktaApps.length > 0 ? { okta: { org, apps: oktaApps.map(buildOktaApp), trustedOrigins: mergeTrustedOrigins(oktaApps) } } : {}),
    ...(domain && auth0Apps && auth0Apps.length > 0 ? { auth0: buildAuth0(domain, auth0Apps) } : {}),
    recipes: recipes.map((r) => ({ instance: r.instance, recipe: r.recipe, handoff: r.expansion.handoff, consumer: r.expansion.consumer })),
  };
  return { model, diagnostics: diags.list() };
}

/** The org and tenant for recipes, when the stack sets them validly (problems are reported where they are read). */
function quietProviders(config: Readonly<Record<string, string>>): { okta?: OktaOrg; auth0Domain?: string; settingsPresent: { okta: boolean; auth0: boolean } } {
  const orgName = config["okta:orgName"];
  const baseUrl = config["okta:baseUrl"] ?? "okta.com";
  const domain = config["auth0:domain"];
  return {
    // "Present" = set and non-empty: then readOktaOrg / readAuth0Domain report it if it is invalid. An empty
    // org or domain, or a baseUrl without an org, would otherwise make the recipe fail silently.
    settingsPresent: { okta: orgName !== undefined && orgName !== "", auth0: domain !== undefined && domain !== "" },
    ...(orgName && orgNameProblem(orgName) === undefined && HOSTNAME.test(baseUrl) && baseUrlProblem(baseUrl) === undefined ? { okta: oktaOrg(orgName, baseUrl) } : {}),
    ...(domain && HOSTNAME.test(domain) ? { auth0Domain: domain } : {}),
  };
}

/** The config without the `oidc-apps:` keys the stack keeps secret: those are refused, never read. */
function withoutSecretSections(config: Readonly<Record<string, string>>, secretKeys: ReadonlySet<string> | undefined): Readonly<Record<string, string>> {
  const secret = Object.keys(config).filter((k) => k.startsWith(`${PROJECT}:`) && secretKeys?.has(k));
  if (secret.length === 0) return config;
  const copy: Record<string, string> = { ...config };
  for (const k of secret) delete copy[k];
  return copy;
}

/** How a provider value is quoted: never, when the stack keeps it secret (it is decrypted under a real `pulumi up`). */
function quoted(key: string, value: string, secretKeys: ReadonlySet<string> | undefined): string {
  return secretKeys?.has(key) ? "the (secret) value" : show(value);
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

function checkStackName(stack: string, environment: Environment, diags: Diagnostics): void {
  const problem = stackNameProblem(stack, environment);
  if (problem) diags.report("STACK_NAME_ENVIRONMENT_MISMATCH", `${PROJECT}:environment`, problem);
}

/** The apps whose keys the program uses (private key JWT; the same defaults as the model builders). */
function appsWithKeys(okta: ReturnType<typeof parseOktaApps>, auth0: ReturnType<typeof parseAuth0Apps>): AppWithKeys[] {
  return [
    ...(okta ?? []).flatMap((a) => (a.type === "service" && (a.raw.clientAuth ?? "private_key_jwt") === "private_key_jwt" ? [{ root: OKTA_ROOT, name: a.name, keys: a.raw.keys ?? [] }] : [])),
    ...(auth0 ?? []).flatMap((a) => (a.raw.clientAuth === "private_key_jwt" ? [{ root: AUTH0_ROOT, name: a.name, keys: a.raw.keys ?? [] }] : [])),
  ];
}

/**
 * One name, one app: an Okta app and an Auth0 app of the same name would register children of the same type
 * and name (`<name>-client-secret`, `<name>-key-<kid>`) told apart only by their parents. Reported on the Auth0
 * app, or on the recipe instance that created it.
 */
function checkNamesAcrossProviders(okta: unknown, auth0: unknown, merged: readonly MergedApp[], diags: Diagnostics): void {
  const oktaNames = new Set(appNames(okta));
  for (const name of appNames(auth0)) {
    if (!oktaNames.has(name)) continue;
    const recipe = merged.find((m) => m.provider === "auth0" && m.name === name);
    const path = recipe ? keyPath(RECIPES_ROOT, [recipe.instance]) : keyPath(AUTH0_ROOT, ["apps", name]);
    diags.report("APP_NAME_DUPLICATE", path, `the Auth0 app ${show(name)} has the same name as the Okta app ${keyPath(OKTA_ROOT, ["apps", name])}; app names must be unique across providers.`);
  }
}

function appNames(section: unknown): string[] {
  const apps = typeof section === "object" && section !== null ? (section as Record<string, unknown>)["apps"] : undefined;
  return typeof apps === "object" && apps !== null && !Array.isArray(apps) ? Object.keys(apps) : [];
}

function declaresApps(section: unknown): boolean {
  const apps = typeof section === "object" && section !== null ? (section as Record<string, unknown>)["apps"] : undefined;
  return typeof apps === "object" && apps !== null && Object.keys(apps).length > 0;
}

/** Pulumi hands structured values to programs as JSON text; a plain string stays a string. */
function parseStructured(raw: string, path: string, diags: Diagnostics): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    diags.report("CONFIG_NOT_A_MAP", path, `must be a map, got the text ${show(raw)}.`);
    return undefined;
  }
}

function readEnvironment(raw: string | undefined, diags: Diagnostics): Environment | undefined {
  const path = `${PROJECT}:environment`;
  if (raw === undefined) {
    diags.report("ENVIRONMENT_REQUIRED", path, "is not set.");
    return undefined;
  }
  if (!(ENVIRONMENTS as readonly string[]).includes(raw)) {
    diags.report("CONFIG_INVALID_VALUE", path, `must be one of ${ENVIRONMENTS.join(", ")}; got ${show(raw)}.${didYouMean(raw, ENVIRONMENTS)}`);
    return undefined;
  }
  return raw as Environment;
}

/** A DNS name: `okta:baseUrl`, `auth0:domain` (exported for the JSON Schema). */
export const HOSTNAME = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/;
/** An Okta org's subdomain: `okta:orgName`. Capitals are OKTA_ORG_NAME_CASE's. */
export const ORG_NAME = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;

/** Okta's domains, for `okta:baseUrl` (@pulumi/okta 7.0.0 `baseUrl`; Okta for Government: okta-gov.com, okta.mil). */
export const OKTA_DOMAINS = ["okta.com", "oktapreview.com", "okta-emea.com", "okta-gov.com", "okta.mil"] as const;

/** A canonical Auth0 tenant domain: `<tenant>.auth0.com` or `<tenant>.<region>.auth0.com`. */
export const AUTH0_CANONICAL_DOMAIN = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9]{2,10})?\.auth0\.com$/;

/**
 * What is wrong with an `okta:orgName`: not a subdomain (OKTA_ORG_REQUIRED), capitals (OKTA_ORG_NAME_CASE) or
 * the Admin Console's `-admin` (OKTA_ORG_ADMIN_DOMAIN); undefined when it is fine. `message` and `fix` name the
 * value; `secretMessage` does not, for an org name the stack keeps secret.
 */
export function orgNameProblem(orgName: string): { code: "OKTA_ORG_NAME_CASE" | "OKTA_ORG_ADMIN_DOMAIN" | "OKTA_ORG_REQUIRED"; message: string; secretMessage: string; fix?: string } | undefined {
  if (!ORG_NAME.test(orgName)) {
    const message = "is not an Okta org name (the first label of <org>.okta.com).";
    return { code: "OKTA_ORG_REQUIRED", message, secretMessage: message, fix: "Set it to the org's subdomain only, e.g. `acme` for https://acme.okta.com." };
  }
  if (/[A-Z]/.test(orgName)) {
    return {
      code: "OKTA_ORG_NAME_CASE",
      message: `has capital letters; the org's issuer is ${show(`https://${orgName.toLowerCase()}.<baseUrl>`)}, and OpenID Connect clients compare issuers exactly.`,
      secretMessage: "has capital letters; the org's issuer is lowercase, and OpenID Connect clients compare issuers exactly.",
      fix: `Write it in lowercase: \`okta:orgName: ${orgName.toLowerCase()}\`.`,
    };
  }
  if (/-admin$/.test(orgName)) {
    const org = orgName.slice(0, -"-admin".length);
    return {
      code: "OKTA_ORG_ADMIN_DOMAIN",
      message: `is the Admin Console's subdomain (https://${orgName}.<baseUrl>), not the org's: the org, its issuer and its API are at https://${org}.<baseUrl>.`,
      secretMessage: "ends in -admin: the Admin Console's subdomain, not the org's.",
      fix: `Drop \`-admin\`: \`okta:orgName: ${org}\`.`,
    };
  }
  return undefined;
}

/** A domain name for `okta:baseUrl` that is one or two letters from one of {@link OKTA_DOMAINS}: the domain meant. */
export function baseUrlProblem(baseUrl: string): string | undefined {
  if ((OKTA_DOMAINS as readonly string[]).includes(baseUrl)) return undefined;
  return OKTA_DOMAINS.find((d) => editDistance(baseUrl, d) <= 2);
}

/** Checked whenever it is set; required only when the stack declares Auth0 apps. */
function readAuth0Domain(config: Readonly<Record<string, string>>, required: boolean, secretKeys: ReadonlySet<string> | undefined, diags: Diagnostics): string | undefined {
  const domain = config["auth0:domain"];
  if (domain === undefined || domain === "") {
    if (required) diags.report("AUTH0_DOMAIN_REQUIRED", "auth0:domain", "is not set, and the stack declares Auth0 apps.");
    return undefined;
  }
  if (!HOSTNAME.test(domain)) {
    diags.report("AUTH0_DOMAIN_REQUIRED", "auth0:domain", `${quoted("auth0:domain", domain, secretKeys)} is not a domain name.`, "Use the domain only, e.g. `acme.us.auth0.com`, without https:// or a path.");
    return undefined;
  }
  if (!AUTH0_CANONICAL_DOMAIN.test(domain)) {
    diags.report(
      "AUTH0_DOMAIN_NOT_CANONICAL",
      "auth0:domain",
      `${quoted("auth0:domain", domain, secretKeys)} is not a canonical Auth0 tenant domain (<tenant>.auth0.com or <tenant>.<region>.auth0.com): the Management API audience https://<domain>/api/v2/ exists only on that one.`,
    );
  }
  return domain;
}

/** Checked whenever set; required only when the stack declares Okta apps. */
function readOktaOrg(config: Readonly<Record<string, string>>, required: boolean, secretKeys: ReadonlySet<string> | undefined, diags: Diagnostics) {
  const orgName = config["okta:orgName"];
  const baseUrl = config["okta:baseUrl"] ?? "okta.com";
  let ok = true;
  if (orgName === undefined || orgName === "") {
    if (required) diags.report("OKTA_ORG_REQUIRED", "okta:orgName", "is not set, and the stack declares Okta apps.");
    ok = false;
  } else {
    const problem = orgNameProblem(orgName);
    if (problem) {
      const secret = secretKeys?.has("okta:orgName") ?? false;
      diags.report(problem.code, "okta:orgName", `${quoted("okta:orgName", orgName, secretKeys)} ${secret ? problem.secretMessage : problem.message}`, secret ? undefined : problem.fix);
      ok = false;
    }
  }
  if (!HOSTNAME.test(baseUrl)) {
    diags.report("OKTA_BASE_URL_INVALID", "okta:baseUrl", `${quoted("okta:baseUrl", baseUrl, secretKeys)} is not a domain name.`);
    ok = false;
  } else {
    const meant = baseUrlProblem(baseUrl);
    if (meant) {
      diags.report("OKTA_BASE_URL_MISSPELT", "okta:baseUrl", `${quoted("okta:baseUrl", baseUrl, secretKeys)} is not one of Okta's domains (${OKTA_DOMAINS.join(", ")}). Did you mean ${show(meant)}?`, `Use \`okta:baseUrl: ${meant}\`.`);
      ok = false;
    }
  }
  return ok && orgName ? oktaOrg(orgName, baseUrl) : undefined;
}

/**
 * Unknown keys in the namespaces we own (`oidc-apps:`) or configure (`okta:`) are errors with a suggestion;
 * other namespaces belong to other tools. Credentials must be secrets.
 */
function checkKnownKeys(config: Readonly<Record<string, string>>, secretKeys: ReadonlySet<string> | undefined, diags: Diagnostics): void {
  for (const key of Object.keys(config).sort()) {
    const colon = key.indexOf(":");
    const ns = key.slice(0, colon);
    const name = key.slice(colon + 1);
    checkNamespace(key, ns, name, diags);
    if (ns === "okta" && name === "httpProxy" && !secretKeys?.has(key)) checkHttpProxy(config[key]!, diags);
    if (ns === PROJECT && secretKeys?.has(key)) {
      // No app setting is a secret; a decrypted value here would flow into resource inputs and outputs in clear.
      diags.report("CONFIG_INVALID_TYPE", key, "contains an encrypted (secure) value; oidc-apps settings are not secrets.", "Write the value in plain text; credentials belong in provider keys such as okta:apiToken.");
    }
    if (ns === "okta" && name === "scopes" && !isStringList(config[key]!)) {
      diags.report("CONFIG_INVALID_TYPE", key, "must be a list of scope names, e.g. [okta.apps.manage, okta.groups.read] (unlike the comma-separated OKTA_API_SCOPES variable).");
    }
    if (ns === PROJECT && !(PROJECT_KEYS as readonly string[]).includes(name)) {
      const known = PROJECT_KEYS.map((k) => `${PROJECT}:${k}`);
      diags.report("CONFIG_UNKNOWN_KEY", key, `unknown key.${didYouMean(key, known)}`, `Remove it or use one of: ${known.join(", ")}.`);
    } else if (ns === "okta" && !(OKTA_PROVIDER_KEYS as readonly string[]).includes(name)) {
      const known = OKTA_PROVIDER_KEYS.map((k) => `okta:${k}`);
      diags.report("CONFIG_UNKNOWN_KEY", key, `unknown Okta provider key.${didYouMean(key, known)}`, `Remove it or use one of: ${known.join(", ")}.`);
    }
    else if (ns === "auth0" && !(AUTH0_PROVIDER_KEYS as readonly string[]).includes(name)) {
      const known = AUTH0_PROVIDER_KEYS.map((k) => `auth0:${k}`);
      diags.report("CONFIG_UNKNOWN_KEY", key, `unknown Auth0 provider key.${didYouMean(key, known)}`, `Remove it or use one of: ${known.join(", ")}.`);
    }
    if (ns === "auth0" && (AUTH0_CREDENTIAL_KEYS as readonly string[]).includes(name) && secretKeys && !secretKeys.has(key)) {
      diags.report("CONFIG_CLEARTEXT_CREDENTIAL", key, "is a credential stored in clear text.", `Remove it from the file, then run \`pulumi config set --secret ${key} <value>\`, or use the provider's environment variable.`);
    }
    if (ns === "okta" && Object.hasOwn(OKTA_TUNABLES, name)) checkTunable(key, config[key]!, OKTA_TUNABLES[name]!, secretKeys, diags);
    // Read with getBoolean, which would throw on anything but true or false.
    if (ns === "auth0" && (AUTH0_SWITCHES as readonly string[]).includes(name)) checkTunable(key, config[key]!, { type: "boolean" }, secretKeys, diags);
    if (ns === "okta" && (OKTA_CREDENTIAL_KEYS as readonly string[]).includes(name) && secretKeys && !secretKeys.has(key)) {
      // Never echo the value: it is a credential.
      diags.report("CONFIG_CLEARTEXT_CREDENTIAL", key, "is a credential stored in clear text.", `Remove it from the file, then run \`pulumi config set --secret ${key} <value>\`, or use the provider's environment variable.`);
    }
  }
}


/** Provider tunables are read with typed getters, which would throw: check them here instead. */
function checkTunable(key: string, raw: string, spec: (typeof OKTA_TUNABLES)[string], secretKeys: ReadonlySet<string> | undefined, diags: Diagnostics): void {
  const got = quoted(key, raw, secretKeys);
  if (spec.type === "boolean") {
    if (raw !== "true" && raw !== "false") diags.report("CONFIG_INVALID_TYPE", key, `must be true or false; got ${got}.`);
    return;
  }
  const n = Number(raw);
  if (raw.trim() === "" || !Number.isInteger(n)) {
    diags.report("CONFIG_INVALID_TYPE", key, `must be a whole number; got ${got}.`);
  } else if ((spec.min !== undefined && n < spec.min) || (spec.max !== undefined && n > spec.max)) {
    diags.report("CONFIG_INVALID_VALUE", key, `must be between ${spec.min} and ${spec.max}; got ${secretKeys?.has(key) ? got : n}.`);
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
    "CONFIG_NAMESPACE_MISSPELT",
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
  if (!uri || !uri.isHttp) diags.report("CONFIG_INVALID_VALUE", key, "must be the proxy's http(s) URL, e.g. http://proxy.example.com:3128.", "Write the proxy's URL.");
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
