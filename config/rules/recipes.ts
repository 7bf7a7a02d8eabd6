/**
 * Recipes (`oidc-apps:recipes`): the instance's recipe, its parameters, and the apps it creates. The checks of
 * the parameters a recipe's expansion cannot see are here; the expansion (config/recipes.ts) reports the names
 * and merge conflicts, and each recipe (recipes/*.ts) what it needs from the stack and its product.
 */
import type { Diagnostics } from "../diagnostics";
import { keyPath } from "../paths";
import type { Environment } from "../schema/root";
import { RECIPES_ROOT } from "../sections";
import { show } from "../show";
import { didYouMean } from "../suggest";
import { OKTA_URI_RULES } from "./okta-uris";
import { defineRules } from "./rule";
import { OKTA_SERVICE_GUIDE, policy } from "./sources";
import { STACK_FILE_RULES } from "./stack-file";

export const RECIPE_RULES = defineRules({
  RECIPE_UNKNOWN: {
    severity: "error",
    summary: "A recipe that does not exist.",
    rationale: "Nothing would be created for it, and the handoff someone is waiting for would never appear.",
    source: policy("Recipes: `oidc-apps:recipes`"),
    fix: "Use one of the recipes listed in the message.",
  },
  RECIPE_NEEDS_PROVIDER: {
    severity: "error",
    summary: "A recipe whose provider is not configured in the stack.",
    rationale: "The recipe creates apps in Okta or Auth0 and needs the org or tenant for them and for its handoff.",
    source: policy("Recipes: `oidc-apps:recipes`"),
    fix: "Add `okta:orgName` or `auth0:domain` to the stack file.",
  },
  RECIPE_APP_NAME_CONFLICT: {
    severity: "error",
    summary: "A recipe would create an app whose name is already taken.",
    rationale: "App names are unique per provider; a recipe's apps are named `<instance>` and `<instance>-<role>`, and one of them would replace the other.",
    source: policy("Recipes: `oidc-apps:recipes`"),
    fix: "Rename the recipe instance or the app.",
  },
  RECIPE_APP_INVALID: {
    severity: "error",
    summary: "A recipe's parameters expand into an app that breaks a rule.",
    rationale: "The expanded app is checked by the same rules as any app; the message names the rule and the expanded key, reported on the recipe instance the user wrote.",
    source: policy("Recipes: `oidc-apps:recipes`"),
    fix: "Change the recipe parameter the message points to.",
  },
  RECIPE_SCOPE_NOT_GRANTED: {
    severity: "warning",
    summary: "A scope the third-party product asks for that Auth0's Management API does not have.",
    rationale: "It stays in the handoff (the product asks for it) but cannot be granted; failing the apply over it would help no one.",
    source: "The auth0 SDK's generated OauthScope (config/catalogues/auth0-management-scopes.ts); docs/recipes.md § `frontegg-auth0`",
    fix: "Check the spelling against the Management API scopes; if the product really asks for it, nothing to do.",
  },
  RECIPE_READ_TOOLS_NOT_LOADED: {
    severity: "warning",
    summary: "An Okta MCP server scope list with a manage scope but not its read scope.",
    rationale: "The server loads a tool only when that tool's one scope is, as an exact string, in OKTA_SCOPES: a manage scope does not load the read tools, so list_users and the like are missing although Okta would allow the calls.",
    source: "okta/okta-mcp-server v1.1.4 src/okta_mcp_server/utils/scope_guard.py `prune_tools_by_scope` (exact membership); recipes/consumers/okta-mcp-server.ts",
    fix: "Add the read scope next to the manage scope, if the server should read as well as write.",
  },
  RECIPE_KEY_UNSUPPORTED: {
    severity: "error",
    summary: "A key of a type the receiving product cannot sign with.",
    rationale: "The key is valid for Okta, so the app is created and the plan is clean, but every token request of the product then fails: the Okta MCP server and Defguard sign their client assertions with RS256 only.",
    source: "okta/okta-mcp-server v1.1.4 utils/auth/auth_manager.py (RS256 hard-coded); DefGuard/defguard v2.0.1 crates/defguard_core/src/enterprise/directory_sync/okta.rs `build_token` (`from_rsa_pem`, RS256); recipes/consumers/",
    fix: "Use an RSA key (the default), or bring an RSA public key.",
  },
  RECIPE_ADMIN_ROLE_REQUIRED: {
    severity: "error",
    summary: "Manage scopes for the Okta MCP server without an admin role that can write.",
    rationale: "The default, Read-Only Administrator, would make every write call fail: the admin role must have enough permissions for the scopes granted.",
    source: `${OKTA_SERVICE_GUIDE}; docs/recipes.md § \`okta-mcp-server\``,
    fix: "Set adminRole to the narrowest role that covers the scopes.",
  },
  RECIPE_OVERRIDE_CONFLICT: {
    severity: "error",
    summary: "A recipe parameter and the same setting under its `overrides` disagree.",
    rationale: "Both say what the app should be (`assignTo: everyone` and `overrides: { assignTo: none }`); one silently wins, so the file says two things and a reviewer may believe the one that lost.",
    source: policy("Recipes: `oidc-apps:recipes`"),
    fix: "Keep one of the two.",
  },
  RECIPE_PARAM_IGNORED: {
    severity: "warning",
    summary: "A recipe parameter that has no effect here (a local development URL in a production stack, a public URL with enrollment and MFA off).",
    rationale: "The recipe drops it by design (production stacks never get local development redirect URIs), so the file holds a setting that does nothing, which reads as if it did.",
    source: policy("Recipes: `oidc-apps:recipes`"),
    fix: "Remove the parameter from this stack file.",
  },
});

/** The instance's `recipe`, when it names one of `names`; else reported (missing, or unknown with the nearest name). */
export function checkRecipeName(raw: Record<string, unknown>, names: readonly string[], at: readonly string[], diags: Diagnostics): string | undefined {
  const name = raw["recipe"];
  if (typeof name === "string" && names.includes(name)) return name;
  const hint = typeof name === "string" ? didYouMean(name, names) : "";
  diags.report(name === undefined ? STACK_FILE_RULES.CONFIG_REQUIRED : RECIPE_RULES.RECIPE_UNKNOWN, keyPath(RECIPES_ROOT, [...at, "recipe"]), `${name === undefined ? "is missing" : `${show(name)} is not a recipe`}; recipes: ${names.join(", ")}.${hint}`);
  return undefined;
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
 * documented in docs/recipes.md).
 */
export function checkParameters(recipe: string, raw: Record<string, unknown>, environment: Environment, at: readonly string[], diags: Diagnostics): void {
  const overrides = typeof raw["overrides"] === "object" && raw["overrides"] !== null && !Array.isArray(raw["overrides"]) ? (raw["overrides"] as Record<string, unknown>) : {};
  for (const key of OVERRIDABLE) {
    if (raw[key] === undefined || overrides[key] === undefined || JSON.stringify(raw[key]) === JSON.stringify(overrides[key])) continue;
    diags.report(
      RECIPE_RULES.RECIPE_OVERRIDE_CONFLICT,
      keyPath(RECIPES_ROOT, [...at, "overrides", key]),
      `is ${show(overrides[key])}, but ${keyPath(RECIPES_ROOT, [...at, key])} is ${show(raw[key])}; the override would win without a word.`,
      `Keep one of the two: remove ${key} or overrides.${key}.`,
    );
  }
  for (const { key, why } of ignoredParameters(recipe, raw, environment)) {
    diags.report(RECIPE_RULES.RECIPE_PARAM_IGNORED, keyPath(RECIPES_ROOT, [...at, key]), `has no effect: ${why}.`);
  }
  if (environment !== "production") return;
  const choices: [string[], unknown][] = [
    [["assignTo"], raw["assignTo"]],
    [["overrides", "assignTo"], overrides["assignTo"]],
  ];
  for (const [where, value] of choices) {
    if (value !== "everyone") continue;
    diags.report(
      OKTA_URI_RULES.OKTA_ASSIGN_EVERYONE_PRODUCTION,
      keyPath(RECIPES_ROOT, [...at, ...where]),
      "assigns the recipe's app to Everyone in a production stack: every user of the org can sign in to it, and everyone added later.",
    );
  }
}
