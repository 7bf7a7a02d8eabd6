/**
 * `oidc-apps:recipes`: each instance names a recipe and its parameters. Parameters are validated with key
 * paths like any config; the recipe expands into ordinary app configs that are merged into the Okta and Auth0
 * sections, so the same rules check them and the plan shows them like any other app.
 */
import { RECIPES, type Expansion } from "../recipes";
import type { RecipeContext } from "../recipes/types";
import { Diagnostics } from "./diagnostics";
import type { OktaOrg } from "./model";
import { keyPath } from "./paths";
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
  const before = diags.list().filter((d) => d.severity === "error").length;
  const expansion = recipe.expand(params, { ...base, instance, diags, path: (...s) => keyPath(RECIPES_ROOT, [...at, ...s]) });
  const after = diags.list().filter((d) => d.severity === "error").length;
  return after > before ? undefined : expansion;
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
  for (const { instance, name, app } of added) {
    if (Object.hasOwn(apps, name)) {
      const other = merged.find((m) => m.provider === provider && m.name === name);
      const owner = other ? `the recipe instance ${show(other.instance)} already creates one` : `oidc-apps:${provider}.apps already has one`;
      diags.report("RECIPE_APP_NAME_CONFLICT", keyPath(RECIPES_ROOT, [instance]), `the recipe creates the ${provider} app ${show(name)}, but ${owner}.`);
      continue;
    }
    apps[name] = app;
    merged.push({ provider, instance, name });
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
  for (const d of from.list()) {
    const owner = [...owners.entries()].find(([prefix]) => d.path === prefix || d.path.startsWith(`${prefix}.`) || d.path.startsWith(`${prefix}[`));
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
