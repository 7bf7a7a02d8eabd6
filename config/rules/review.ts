/**
 * Warnings a careful reviewer would want, over the whole stack once recipes have expanded: two apps that look
 * the same (APP_LABEL_DUPLICATE), Everyone assigned in production (OKTA_ASSIGN_EVERYONE_PRODUCTION) and
 * privileged Auth0 Management API scopes in production (AUTH0_SCOPE_PRIVILEGED_PRODUCTION). Each reads the raw
 * merged sections defensively.
 *
 * The production warnings are about choices written in the stack file. A recipe's apps follow their product's
 * guide, and the README states what each assigns and grants; a recipe's explicit `assignTo: everyone` is warned
 * about on the recipe instance (config/recipes.ts).
 */
import type { Diagnostics } from "../diagnostics";
import { keyPath } from "../paths";
import { show } from "../show";

const OKTA_ROOT = "oidc-apps:okta";
const AUTH0_ROOT = "oidc-apps:auth0";

/**
 * Auth0 Management API scopes that can take over the tenant, its users or their credentials, with what they
 * allow (Auth0 Management API v2 reference, auth0.com/docs/api/management/v2; scope names from
 * config/catalogues/auth0-management-scopes.ts).
 */
export const AUTH0_PRIVILEGED_SCOPES: Readonly<Record<string, string>> = {
  "read:user_idp_tokens": "reads users' access tokens at their social and enterprise identity providers",
  "read:federated_connections_tokens": "reads the tokens users granted to third-party services",
  "read:client_keys": "reads every application's client secret",
  "create:clients": "creates applications (with any callback URLs and grants)",
  "update:clients": "changes any application: its callback URLs, grant types and settings",
  "delete:clients": "deletes applications",
  "update:client_keys": "sets any application's client secret",
  "create:client_credentials": "adds signing keys to any application (then signs in as it)",
  "update:client_credentials": "changes any application's signing keys",
  "create:client_grants": "grants any application Management API scopes: a way to every other scope",
  "update:client_grants": "widens any application's Management API grant: a way to every other scope",
  "create:connections": "adds a way to sign in (an identity provider or a database) to the tenant",
  "update:connections": "changes how users sign in, and which applications a connection serves",
  "create:actions": "adds code that runs in users' sign-ins",
  "update:actions": "changes code that runs in users' sign-ins",
  "create:rules": "adds code that runs in users' sign-ins",
  "update:rules": "changes code that runs in users' sign-ins",
  "create:hooks": "adds code that runs in the tenant's flows",
  "update:hooks": "changes code that runs in the tenant's flows",
  "update:users": "changes any user's email, password and identities: an account takeover",
  "delete:users": "deletes user accounts",
  "update:guardian_factors": "turns multi-factor methods on and off for the tenant",
  "delete:guardian_enrollments": "removes users' multi-factor enrollments",
  "create:role_members": "gives users roles, and so the permissions of the tenant's APIs",
  "update:tenant_settings": "changes the tenant's settings (session lifetimes, flags, default directory)",
  "update:signing_keys": "rotates or revokes the tenant's token signing keys",
  "update:resource_servers": "changes the tenant's APIs: their scopes, token lifetimes and signing",
  "delete:tenants": "deletes the tenant",
};

export interface ReviewInput {
  /** `oidc-apps:okta` and `oidc-apps:auth0` with the recipes' apps merged in. */
  readonly okta: unknown;
  readonly auth0: unknown;
  readonly production: boolean;
  /** Apps a recipe created, `<provider>:<name>`. */
  readonly recipeApps: ReadonlySet<string>;
  /** Diagnostics whose paths are re-pointed at recipe instances afterwards. */
  readonly diags: Diagnostics;
}

export function checkReview({ okta, auth0, production, recipeApps, diags }: ReviewInput): void {
  const oktaApps = appsOf(okta);
  const auth0Apps = appsOf(auth0);
  checkLabels(oktaApps, OKTA_ROOT, "label", "Okta", diags);
  checkLabels(auth0Apps, AUTH0_ROOT, "name", "Auth0", diags);
  if (!production) return;
  for (const [name, app] of oktaApps) {
    if (recipeApps.has(`okta:${name}`) || !isMap(app) || app["assignTo"] !== "everyone") continue;
    diags.report(
      "OKTA_ASSIGN_EVERYONE_PRODUCTION",
      keyPath(OKTA_ROOT, ["apps", name, "assignTo"]),
      "assigns the app to Everyone in a production stack: every user of the org can sign in to it, and everyone added later.",
    );
  }
  for (const [name, app] of auth0Apps) {
    if (recipeApps.has(`auth0:${name}`) || !isMap(app) || !Array.isArray(app["managementApiScopes"])) continue;
    app["managementApiScopes"].forEach((scope, i) => {
      if (typeof scope !== "string" || !Object.hasOwn(AUTH0_PRIVILEGED_SCOPES, scope)) return;
      diags.report(
        "AUTH0_SCOPE_PRIVILEGED_PRODUCTION",
        keyPath(AUTH0_ROOT, ["apps", name, "managementApiScopes", i]),
        `${show(scope)} ${AUTH0_PRIVILEGED_SCOPES[scope]!}; in production, whoever holds this app's credential can do the same.`,
      );
    });
  }
}

/** Labels compared as people read them: Unicode-normalised, case-folded, spaces collapsed. */
function normalise(label: string): string {
  return label.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();
}

function checkLabels(apps: readonly [string, unknown][], root: string, field: "label" | "name", provider: string, diags: Diagnostics): void {
  const first = new Map<string, string>();
  for (const [name, app] of apps) {
    if (!isMap(app)) continue;
    const written = typeof app[field] === "string" && app[field] !== "" ? (app[field] as string) : undefined;
    const label = written ?? name;
    const key = normalise(label);
    const earlier = first.get(key);
    if (earlier === undefined) {
      first.set(key, name);
      continue;
    }
    diags.report(
      "APP_LABEL_DUPLICATE",
      keyPath(root, written !== undefined ? ["apps", name, field] : ["apps", name]),
      `the ${provider} app ${show(name)} is shown as ${show(label)}, like ${keyPath(root, ["apps", earlier])}: users and admins would see two apps with one name.`,
    );
  }
}

function appsOf(section: unknown): [string, unknown][] {
  const apps = isMap(section) ? section["apps"] : undefined;
  return isMap(apps) ? Object.entries(apps) : [];
}

function isMap(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
