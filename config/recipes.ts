/**
 * `oidc-apps:recipes`: each instance names a recipe and its parameters. Parameters are validated with key
 * paths like any config; the recipe expands into ordinary app configs that are merged into the Okta and Auth0
 * sections, so the same rules check them and the plan shows them like any other app.
 */
import { RECIPES, type Expansion } from "../recipes";
import type { RecipeContext } from "../recipes/types";
import { Diagnostics, type Diagnostic } from "./diagnostics";
import type { OktaOrg } from "./model";
import { keyPath } from "./paths";
import { RULES, type RuleCode } from "./rules/catalogue";
import { APP_NAME, type Environment } from "./schema/root";
import { show } from "./show";
import { didYouMean } from "./suggest";
import { checkShape } from "./zod-issues";

export const RECIPES_ROOT = "oidc-apps:recipes";

export interface RecipeInstance {
  readonly instance: string;
  readonly recipe: string;
  /** The apps it creates (ordinary app configs, per provider) and its handoff template. */
  readonly expansion: Expansion;
}

export interface RecipesInput {
  readonly section: unknown;
  readonly environment: Environment;
  readonly okta?: OktaOrg;
  readonly auth0Domain?: string;
  readonly settingsPresent: RecipeContext["settingsPresent"];
  readonly diags: Diagnostics;
}

export function expandRecipes({ section, environment, okta, auth0Domain, settingsPresent, diags }: RecipesInput): { instances: RecipeInstance[]; clean: boolean } | undefined {
  if (section === undefined) return { instances: [], clean: true };
  if (typeof section !== "object" || section === null || Array.isArray(section)) {
    diags.report("CONFIG_NOT_A_MAP", RECIPES_ROOT, "must be a map of instance name to `{ recipe: <name>, ...parameters }`.");
    return undefined;
  }
  const instances: RecipeInstance[] = [];
  let clean = true;
  for (const [instance, raw] of Object.entries(section as Record<string, unknown>)) {
    const expansion = expandOne(instance, raw, { environment, settingsPresent, ...(okta ? { okta } : {}), ...(auth0Domain ? { auth0Domain } : {}) }, diags);
    if (!expansion) {
      clean = false;
      continue;
    }
    const recipe = (raw as Record<string, unknown>)["recipe"] as string;
    instances.push({ instance, recipe, expansion });
  }
  // The instances that did expand are returned even when another failed, so their apps are still checked
  // and every problem shows at once; `clean` keeps the model from being built without the failed one.
  return { instances, clean };
}

type Ctx = Pick<RecipeContext, "environment" | "okta" | "auth0Domain" | "settingsPresent">;

function expandOne(instance: string, raw: unknown, base: Ctx, diags: Diagnostics): Expansion | undefined {
  const at = [instance];
  if (!APP_NAME.test(instance)) {
    diags.report("APP_NAME_INVALID", keyPath(RECIPES_ROOT, at), `${show(instance)} is not a valid recipe instance name (it names the apps it creates).`);
    return undefined;
  }
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    diags.report("CONFIG_NOT_A_MAP", keyPath(RECIPES_ROOT, at), "must be a map: `{ recipe: <name>, ...parameters }`.");
    return undefined;
  }
  const name = (raw as Record<string, unknown>)["recipe"];
  const names = Object.keys(RECIPES);
  if (typeof name !== "string" || !Object.hasOwn(RECIPES, name)) {
    const hint = typeof name === "string" ? didYouMean(name, names) : "";
    diags.report(name === undefined ? "CONFIG_REQUIRED" : "RECIPE_UNKNOWN", keyPath(RECIPES_ROOT, [...at, "recipe"]), `${name === undefined ? "is missing" : `${show(name)} is not a recipe`}; recipes: ${names.join(", ")}.${hint}`);
    return undefined;
  }
  const recipe = RECIPES[name]!;
  const params = checkShape(recipe.params, raw, RECIPES_ROOT, at, diags);
  if (params === undefined) return undefined;
  checkParameters(name, raw as Record<string, unknown>, base.environment, at, diags);
  // Counted as they are reported: sorting every diagnostic of the stack once per instance was quadratic.
  const counted = new CountedDiagnostics(diags);
  const expansion = recipe.expand(params, { ...base, instance, diags: counted, path: (...s) => keyPath(RECIPES_ROOT, [...at, ...s]) });
  return counted.errors > 0 ? undefined : expansion;
}

/** Passes every diagnostic on to `into`, counting the errors. */
class CountedDiagnostics extends Diagnostics {
  errors = 0;

  constructor(private readonly into: Diagnostics) {
    super();
  }

  override report(code: RuleCode, path: string, message: string, fix?: string): void {
    if (RULES[code].severity === "error") this.errors++;
    this.into.report(code, path, message, fix);
  }

  override add(d: Diagnostic): void {
    if (d.severity === "error") this.errors++;
    this.into.add(d);
  }

  override get hasErrors(): boolean {
    return this.into.hasErrors;
  }

  override list(): Diagnostic[] {
    return this.into.list();
  }
}

/** Settings a recipe takes both as a parameter and under `overrides`. */
const OVERRIDABLE = ["label", "assignTo"] as const;

/**
 * Parameters that have no effect where they are: the recipe drops them by design. `okta-web-signin` adds the
 * local development URL outside production only; `defguard-okta` uses `publicUrl` only for enrollment or MFA.
 */
function ignoredParameters(recipe: string, raw: Record<string, unknown>, environment: Environment): { key: string; why: string }[] {
  const ignored: { key: string; why: string }[] = [];
  if (recipe === "okta-web-signin" && raw["localDevUrl"] !== undefined && environment === "production") {
    ignored.push({ key: "localDevUrl", why: "production stacks never get the local development redirect URI and origin, so the recipe does not use it here" });
  }
  if (recipe === "defguard-okta" && raw["publicUrl"] !== undefined && raw["enrollment"] === false && raw["mfa"] !== true) {
    ignored.push({ key: "publicUrl", why: "it serves only enrollment and MFA, and both are off" });
  }
  return ignored;
}

/**
 * What the recipe's own parameters say that its expansion cannot: a parameter and its override that disagree
 * (RECIPE_OVERRIDE_CONFLICT; the override would win silently), parameters without effect (RECIPE_PARAM_IGNORED),
 * and Everyone chosen explicitly in production (OKTA_ASSIGN_EVERYONE_PRODUCTION; the recipes' own defaults are
 * documented in the README).
 */
function checkParameters(recipe: string, raw: Record<string, unknown>, environment: Environment, at: readonly string[], diags: Diagnostics): void {
  const overrides = typeof raw["overrides"] === "object" && raw["overrides"] !== null && !Array.isArray(raw["overrides"]) ? (raw["overrides"] as Record<string, unknown>) : {};
  for (const key of OVERRIDABLE) {
    if (raw[key] === undefined || overrides[key] === undefined || JSON.stringify(raw[key]) === JSON.stringify(overrides[key])) continue;
    diags.report(
      "RECIPE_OVERRIDE_CONFLICT",
      keyPath(RECIPES_ROOT, [...at, "overrides", key]),
      `is ${show(overrides[key])}, but ${keyPath(RECIPES_ROOT, [...at, key])} is ${show(raw[key])}; the override would win without a word.`,
      `Keep one of the two: remove ${key} or overrides.${key}.`,
    );
  }
  for (const { key, why } of ignoredParameters(recipe, raw, environment)) {
    diags.report("RECIPE_PARAM_IGNORED", keyPath(RECIPES_ROOT, [...at, key]), `has no effect: ${why}.`);
  }
  if (environment !== "production") return;
  const choices: [string[], unknown][] = [
    [["assignTo"], raw["assignTo"]],
    [["overrides", "assignTo"], overrides["assignTo"]],
  ];
  for (const [where, value] of choices) {
    if (value !== "everyone") continue;
    diags.report(
      "OKTA_ASSIGN_EVERYONE_PRODUCTION",
      keyPath(RECIPES_ROOT, [...at, ...where]),
      "assigns the recipe's app to Everyone in a production stack: every user of the org can sign in to it, and everyone added later.",
    );
  }
}

/**
 * Merge the recipes' apps into a provider section. A name already used by the user's own apps or another
 * recipe is an error on the recipe instance.
 */
export interface MergedApp {
  readonly provider: "okta" | "auth0";
  readonly instance: string;
  readonly name: string;
}

export function mergeApps(section: unknown, provider: "okta" | "auth0", instances: readonly RecipeInstance[], diags: Diagnostics, merged: MergedApp[]): unknown {
  const added = instances.flatMap((i) => Object.entries(i.expansion[provider] ?? {}).map(([name, app]) => ({ instance: i.instance, name, app })));
  if (added.length === 0) return section;
  const base = typeof section === "object" && section !== null && !Array.isArray(section) ? (section as Record<string, unknown>) : {};
  const apps: Record<string, unknown> = typeof base["apps"] === "object" && base["apps"] !== null ? { ...(base["apps"] as Record<string, unknown>) } : {};
  // The first recipe instance to create each name, looked up instead of searched for every conflict.
  const creators = new Map<string, MergedApp>();
  for (const m of merged) if (m.provider === provider && !creators.has(m.name)) creators.set(m.name, m);
  for (const { instance, name, app } of added) {
    if (Object.hasOwn(apps, name)) {
      const other = creators.get(name);
      const owner = other ? `the recipe instance ${show(other.instance)} already creates one` : `oidc-apps:${provider}.apps already has one`;
      diags.report("RECIPE_APP_NAME_CONFLICT", keyPath(RECIPES_ROOT, [instance]), `the recipe creates the ${provider} app ${show(name)}, but ${owner}.`);
      continue;
    }
    apps[name] = app;
    const entry: MergedApp = { provider, instance, name };
    merged.push(entry);
    if (!creators.has(name)) creators.set(name, entry);
  }
  return { ...base, apps };
}

/**
 * Diagnostics about apps a recipe created point at keys that are not in the user's file: re-point them at the
 * recipe instance, keeping the expanded key in the message so the rule stays explainable.
 */
export function remapRecipeDiagnostics(from: Diagnostics, into: Diagnostics, merged: readonly MergedApp[]): void {
  // Only apps a recipe really added: a user's app of the same name keeps its own diagnostics.
  const owners = new Map<string, string>(merged.map((m) => [`oidc-apps:${m.provider}.apps.${m.name}`, m.instance]));
  // An app owns a path that is its prefix or continues it with `.` or `[`: look those prefixes of the path up
  // (the first owner in merge order wins), instead of scanning every owner for every diagnostic.
  const rank = new Map([...owners.keys()].map((prefix, i) => [prefix, i]));
  const ownerOf = (path: string): [string, string] | undefined => {
    let found: string | undefined;
    for (let i = 0; i <= path.length; i++) {
      if (i < path.length && path[i] !== "." && path[i] !== "[") continue;
      const prefix = path.slice(0, i);
      if (rank.has(prefix) && (found === undefined || rank.get(prefix)! < rank.get(found)!)) found = prefix;
    }
    return found === undefined ? undefined : [found, owners.get(found)!];
  };
  for (const d of from.list()) {
    const owner = ownerOf(d.path);
    if (!owner) {
      into.add(d);
      continue;
    }
    into.add({
      ...d,
      code: d.severity === "error" ? "RECIPE_APP_INVALID" : d.code,
      path: keyPath(RECIPES_ROOT, [owner[1]]),
      message: `expands to ${d.path}, which fails ${d.code}: ${d.message}`,
    });
  }
}
