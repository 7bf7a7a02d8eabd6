/**
 * The loader: Pulumi's flat config map (`namespace:key` → string, objects as JSON) in, a validated model and
 * the diagnostics out. Pure: no Pulumi runtime, no environment, no file system. The recipes come in with the
 * input (`recipes`, a {@link RecipeCatalog}), so config/ depends on nothing above it; `loadStack` in
 * recipes/load-stack.ts passes the real ones.
 */
import { buildAuth0, parseAuth0Apps } from "./auth0";
import { Diagnostics, type Diagnostic } from "./diagnostics";
import { HOSTNAME } from "./domains";
import { isMap } from "./maps";
import type { OktaOrg, StackModel } from "./model";
import { buildOktaApp, mergeTrustedOrigins, namedChildrenOf, parseOktaApps } from "./okta";
import type { RecipeCatalog } from "./recipe-types";
import { expandRecipes, mergeApps, remapRecipeDiagnostics, type MergedApp } from "./recipes";
import { checkPrivilegedScopesInProduction, readAuth0Domain } from "./rules/auth0";
import { checkKeyResourceNames, type AppWithKeys } from "./rules/keys";
import { checkOktaResourceNames } from "./rules/okta-resource-names";
import { readOktaOrg, validOktaOrg } from "./rules/okta-org";
import { checkEveryoneInProduction } from "./rules/okta-uris";
import { checkKnownKeys, checkLabels, checkNamesAcrossProviders, checkStackName, parseStructured, readEnvironment } from "./rules/stack-file";
import { checkConfigText } from "./rules/text-and-urls";
import { AUTH0_ROOT, ENVIRONMENT_KEY, OKTA_ROOT, PROJECT, RECIPES_ROOT } from "./sections";

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
  /** The recipes `oidc-apps:recipes` may name (recipes/index.ts `RECIPES`). */
  readonly recipes: RecipeCatalog;
}

export interface LoadResult {
  /** Present exactly when there are no errors. */
  readonly model?: StackModel;
  readonly diagnostics: readonly Diagnostic[];
}

export function loadStackConfig({ config: given, secretKeys, stack, recipes: catalog }: LoadInput): LoadResult {
  const diags = new Diagnostics();
  checkKnownKeys(given, secretKeys, diags);
  checkConfigText(given, secretKeys, diags);
  // An encrypted value under oidc-apps: is an error (checkKnownKeys), and is read no further: under a real
  // `pulumi up` it is decrypted, and no later message may quote any of it.
  const config = withoutSecretSections(given, secretKeys);

  const environmentSecret = secretKeys?.has(ENVIRONMENT_KEY) ?? false;
  const environment = environmentSecret ? undefined : readEnvironment(config[ENVIRONMENT_KEY], diags);
  const production = environment === "production";
  if (environment && stack !== undefined) checkStackName(stack, environment, diags);

  // Recipes expand into ordinary apps first; they need the org and tenant if the stack names them.
  const recipesRaw = config[RECIPES_ROOT];
  const expansion =
    recipesRaw === undefined || !environment
      ? { instances: [], clean: true }
      : expandRecipes({ section: parseStructured(recipesRaw, RECIPES_ROOT, diags), recipes: catalog, environment, ...quietProviders(config), diags });

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
  checkOktaResourceNames(namedChildrenOf(oktaApps ?? []), expanded);
  reviewWarnings(oktaSection, auth0Section, production, new Set(merged.map((m) => `${m.provider}:${m.name}`)), expanded);
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

/**
 * Warnings a careful reviewer would want, over the whole stack once recipes have expanded: two apps that look
 * the same, and, in production, Everyone assigned and privileged Auth0 Management API scopes. The production
 * warnings are about choices written in the stack file, so apps a recipe created (`recipeApps`) are left out:
 * they follow their product's guide, and docs/recipes.md states what each assigns and grants.
 */
function reviewWarnings(okta: unknown, auth0: unknown, production: boolean, recipeApps: ReadonlySet<string>, diags: Diagnostics): void {
  const oktaApps = appsOf(okta);
  const auth0Apps = appsOf(auth0);
  checkLabels(oktaApps, OKTA_ROOT, "label", "Okta", diags);
  checkLabels(auth0Apps, AUTH0_ROOT, "name", "Auth0", diags);
  if (!production) return;
  checkEveryoneInProduction(oktaApps, recipeApps, diags);
  checkPrivilegedScopesInProduction(auth0Apps, recipeApps, diags);
}

function appsOf(section: unknown): [string, unknown][] {
  const apps = isMap(section) ? section["apps"] : undefined;
  return isMap(apps) ? Object.entries(apps) : [];
}

/** The org and tenant for recipes, when the stack sets them validly (problems are reported where they are read). */
function quietProviders(config: Readonly<Record<string, string>>): { okta?: OktaOrg; auth0Domain?: string; settingsPresent: { okta: boolean; auth0: boolean } } {
  const orgName = config["okta:orgName"];
  const domain = config["auth0:domain"];
  const okta = validOktaOrg(config);
  return {
    // "Present" = set and non-empty: then readOktaOrg / readAuth0Domain report it if it is invalid. An empty
    // org or domain, or a baseUrl without an org, would otherwise make the recipe fail silently.
    settingsPresent: { okta: orgName !== undefined && orgName !== "", auth0: domain !== undefined && domain !== "" },
    ...(okta ? { okta } : {}),
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

/** The apps whose keys the program uses (private key JWT; the same defaults as the model builders). */
function appsWithKeys(okta: ReturnType<typeof parseOktaApps>, auth0: ReturnType<typeof parseAuth0Apps>): AppWithKeys[] {
  return [
    ...(okta ?? []).flatMap((a) => (a.type === "service" && (a.raw.clientAuth ?? "private_key_jwt") === "private_key_jwt" ? [{ root: OKTA_ROOT, name: a.name, keys: a.raw.keys ?? [] }] : [])),
    ...(auth0 ?? []).flatMap((a) => (a.raw.clientAuth === "private_key_jwt" ? [{ root: AUTH0_ROOT, name: a.name, keys: a.raw.keys ?? [] }] : [])),
  ];
}

function declaresApps(section: unknown): boolean {
  const apps = typeof section === "object" && section !== null ? (section as Record<string, unknown>)["apps"] : undefined;
  return typeof apps === "object" && apps !== null && Object.keys(apps).length > 0;
}
