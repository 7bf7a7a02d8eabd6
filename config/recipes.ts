/**
 * `oidc-apps:recipes`: each instance names a recipe and its parameters. Parameters are validated with key
 * paths like any config; the recipe expands into ordinary app configs that are merged into the Okta and Auth0
 * sections, so the same rules check them and the plan shows them like any other app.
 */
import { Diagnostics, type Diagnostic } from "./diagnostics";
import { isMap } from "./maps";
import type { OktaOrg } from "./model";
import { keyPath } from "./paths";
import type { Expansion, RecipeCatalog, RecipeContext } from "./recipe-types";
import { checkParameters, checkRecipeName, RECIPE_RULES } from "./rules/recipes";
import type { Rule } from "./rules/rule";
import { STACK_FILE_RULES } from "./rules/stack-file";
import { APP_NAME, type Environment } from "./schema/root";
import { PROJECT, RECIPES_ROOT } from "./sections";
import { show } from "./show";
import { checkShape } from "./zod-issues";

export interface RecipeInstance {
  readonly instance: string;
  readonly recipe: string;
  /** The apps it creates (ordinary app configs, per provider) and its handoff template. */
  readonly expansion: Expansion;
}

export interface RecipesInput {
  readonly section: unknown;
  /** The recipes instances may name (recipes/index.ts `RECIPES`, passed in by the caller of the loader). */
  readonly recipes: RecipeCatalog;
  readonly environment: Environment;
  readonly okta?: OktaOrg;
  readonly auth0Domain?: string;
  readonly settingsPresent: RecipeContext["settingsPresent"];
  readonly diags: Diagnostics;
}

export function expandRecipes({ section, recipes, environment, okta, auth0Domain, settingsPresent, diags }: RecipesInput): { instances: RecipeInstance[]; clean: boolean } | undefined {
  if (section === undefined) return { instances: [], clean: true };
  if (!isMap(section)) {
    diags.report(STACK_FILE_RULES.CONFIG_NOT_A_MAP, RECIPES_ROOT, "must be a map of instance name to `{ recipe: <name>, ...parameters }`.");
    return undefined;
  }
  const instances: RecipeInstance[] = [];
  let clean = true;
  for (const [instance, raw] of Object.entries(section)) {
    const expansion = expandOne(instance, raw, recipes, { environment, settingsPresent, ...(okta ? { okta } : {}), ...(auth0Domain ? { auth0Domain } : {}) }, diags);
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

function expandOne(instance: string, raw: unknown, recipes: RecipeCatalog, base: Ctx, diags: Diagnostics): Expansion | undefined {
  const at = [instance];
  if (!APP_NAME.test(instance)) {
    diags.report(STACK_FILE_RULES.APP_NAME_INVALID, keyPath(RECIPES_ROOT, at), `${show(instance)} is not a valid recipe instance name (it names the apps it creates).`);
    return undefined;
  }
  if (!isMap(raw)) {
    diags.report(STACK_FILE_RULES.CONFIG_NOT_A_MAP, keyPath(RECIPES_ROOT, at), "must be a map: `{ recipe: <name>, ...parameters }`.");
    return undefined;
  }
  const name = checkRecipeName(raw, Object.keys(recipes), at, diags);
  if (name === undefined) return undefined;
  const recipe = recipes[name]!;
  const params = checkShape(recipe.params, raw, RECIPES_ROOT, at, diags);
  if (params === undefined) return undefined;
  checkParameters(name, raw, base.environment, at, diags);
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

  override report(rule: Rule, path: string, message: string, fix?: string): void {
    if (rule.severity === "error") this.errors++;
    this.into.report(rule, path, message, fix);
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
      const owner = other ? `the recipe instance ${show(other.instance)} already creates one` : `${PROJECT}:${provider}.apps already has one`;
      diags.report(RECIPE_RULES.RECIPE_APP_NAME_CONFLICT, keyPath(RECIPES_ROOT, [instance]), `the recipe creates the ${provider} app ${show(name)}, but ${owner}.`);
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
  const owners = new Map<string, string>(merged.map((m) => [`${PROJECT}:${m.provider}.apps.${m.name}`, m.instance]));
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
      code: d.severity === "error" ? RECIPE_RULES.RECIPE_APP_INVALID.code : d.code,
      path: keyPath(RECIPES_ROOT, [owner[1]]),
      message: `expands to ${d.path}, which fails ${d.code}: ${d.message}`,
    });
  }
}
