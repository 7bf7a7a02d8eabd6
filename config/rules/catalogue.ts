/**
 * The rule catalogue: every diagnostic code oidc-apps can emit, derived from the rule groups. Each group
 * (config/rules/<group>.ts) holds its rules' text (severity, summary, rationale, source, fix) next to the
 * checks that report them; this module only lists the groups, in the order `docs/rules.md` shows them
 * (`npm run gen:docs`), and the codes that are retired.
 *
 * Nothing in config/ imports this module to report a problem (checks report a group's rule objects), so it
 * closes no import cycle. The tests fail when the docs are stale, or when a rule has no violating example in
 * the bad-input corpus (`test/fixtures/invalid/`).
 *
 * Codes are a contract (editors, CI logs and suppressions name them): never rename or reuse one.
 */
import { AUTH0_RULES } from "./auth0";
import { KEY_RULES } from "./keys";
import { OKTA_GRANT_RULES } from "./okta-grants";
import { OKTA_ORG_RULES } from "./okta-org";
import { OKTA_REFRESH_RULES } from "./okta-refresh";
import { OKTA_RESOURCE_NAME_RULES } from "./okta-resource-names";
import { OKTA_SCOPE_AND_ROLE_RULES } from "./okta-scopes-and-roles";
import { OKTA_URI_RULES } from "./okta-uris";
import { RECIPE_RULES } from "./recipes";
import type { Rule } from "./rule";
import { STACK_FILE_RULES } from "./stack-file";
import { TEXT_AND_URL_RULES } from "./text-and-urls";

export type { Rule } from "./rule";

/**
 * Codes that are no longer emitted, with why. They stay listed so that no code is ever reused with another
 * meaning, and so that a suppression or CI log that names one can be explained.
 */
export const RETIRED_RULES: Readonly<Record<string, string>> = {
  OKTA_SCOPE_REDUNDANT:
    "Retired: it advised dropping a read scope next to its manage scope, but Okta's org authorization server grants a requested scope only when it is in the app's grants collection (Okta, Implement OAuth for Okta, define allowed scopes), so a consumer that asks for the read scope (Frontegg, the Okta MCP server) is refused without its grant.",
};

/** The catalogue in sections, in the order the docs list them. */
export const RULE_SECTIONS = [
  { title: "Stack file", rules: STACK_FILE_RULES },
  { title: "Text and URLs", rules: TEXT_AND_URL_RULES },
  { title: "Okta org", rules: OKTA_ORG_RULES },
  { title: "Okta grant types", rules: OKTA_GRANT_RULES },
  { title: "Okta refresh tokens", rules: OKTA_REFRESH_RULES },
  { title: "Okta redirect URIs, login URI, trusted origins and assignments", rules: OKTA_URI_RULES },
  { title: "Okta API scopes and admin roles", rules: OKTA_SCOPE_AND_ROLE_RULES },
  { title: "Service apps and signing keys", rules: KEY_RULES },
  { title: "Okta resource names", rules: OKTA_RESOURCE_NAME_RULES },
  { title: "Auth0", rules: AUTH0_RULES },
  { title: "Recipes", rules: RECIPE_RULES },
] as const;

export const RULES = {
  ...STACK_FILE_RULES,
  ...TEXT_AND_URL_RULES,
  ...OKTA_ORG_RULES,
  ...OKTA_GRANT_RULES,
  ...OKTA_REFRESH_RULES,
  ...OKTA_URI_RULES,
  ...OKTA_SCOPE_AND_ROLE_RULES,
  ...KEY_RULES,
  ...OKTA_RESOURCE_NAME_RULES,
  ...AUTH0_RULES,
  ...RECIPE_RULES,
} as const satisfies Record<string, Rule>;

export type RuleCode = keyof typeof RULES;
