/**
 * `npm run gen:schema`: writes `schema/stack.schema.json`, the JSON Schema of a stack file
 * (`stacks/Pulumi.<stack>.yaml`), for editors: each stack file's first line
 * `# yaml-language-server: $schema=../schema/stack.schema.json` gives key completion, hover docs and shape
 * errors as you type.
 *
 * Generated from the zod schemas the loader validates with (config/schema/*.ts, each recipe's parameters in
 * recipes/*.ts) by zod's own `z.toJSONSchema`, so the two cannot drift apart: a test fails when the committed
 * file differs from what this script generates. The schema describes shape (keys, types, enums, app names);
 * rules that relate fields to each other or to the environment (http in production, grant types per app type,
 * scope names, ...) are the loader's: `npm run check -- <stack>` reports them.
 *
 * Draft-07, the version editors' YAML language servers support best.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import * as z from "zod";
import { HOSTNAME } from "../config/domains";
import { ORG_NAME } from "../config/rules/okta-org";
import { PROJECT } from "../config/sections";
import { OKTA_TUNABLES } from "../config/provider-settings";
import { AUTH0_CREDENTIAL_KEYS, AUTH0_PROVIDER_KEYS, auth0AppSchema } from "../config/schema/auth0";
import { adminRoleSchema, assignToSchema, keySchema, OKTA_APP_TYPES, oktaAppSchemas, trustedOriginSchema } from "../config/schema/okta";
import { APP_NAME, environmentSchema, OKTA_CREDENTIAL_KEYS, OKTA_PROVIDER_KEYS, PROJECT_KEYS } from "../config/schema/root";
import { RECIPES } from "../recipes";

export const SCHEMA_FILE = join(__dirname, "..", "schema", "stack.schema.json");

type Meta = { id?: string; title?: string; description?: string };
type Shape = Record<string, z.ZodType>;

/** Hover docs for the keys every Okta app type shares (the zod instances are shared too). */
const OKTA_KEYS: Record<string, string> = {
  adopt: "Bring an existing Okta app under management instead of creating one (Pulumi import): { id: <app id> }. It keeps its client id.",
  label: "The app's name in Okta, shown to users. Default: the app's logical name.",
  grantTypes: "OAuth grant types. Default [authorization_code] (service apps: [client_credentials]). Short names or Okta's URNs.",
  apiScopes: "Okta API scopes granted to the app (okta.users.read, okta.groups.manage, ...), checked against Okta's scope catalogue.",
  allowDeprecatedGrants: "The implicit and password grants are refused unless listed here too (RFC 9700).",
  redirectUris: "Sign-in redirect URIs; required with authorization_code. https, or http for loopback outside production; custom schemes (com.example.app:/callback) on native apps only.",
  postLogoutRedirectUris: "Sign-out redirect URIs.",
  wildcardRedirect: "disabled (default) or subdomain: allows one https://*.example.com/... redirect URI. Never in production.",
  initiateLoginUri: "Okta's initiate-login URI (login_mode SPEC, scope openid): the https URL of the app's login route.",
  refreshToken: "With the refresh_token grant: { rotation: rotate | static, gracePeriodSeconds: 0..60 }. Browser and native apps rotate by default.",
  trustedOrigins: "Trusted origins: [{ origin, scopes?: [CORS, REDIRECT, IFRAME_EMBED] }], scopes default [CORS, REDIRECT]. Shared between apps listing the same origin.",
  assignTo: "Who may use the app: none (default), everyone, or { groups: [<Okta group name>, ...] }.",
};

/** Keys whose meaning differs per Okta app type. */
const OKTA_TYPE_KEYS: Partial<Record<(typeof OKTA_APP_TYPES)[number], Record<string, string>>> = {
  web: {
    clientAuth: "client_secret_basic (default) or client_secret_post.",
    clientSecretVersion: "Increment to rotate the generated client secret (default 1).",
    pkceRequired: "Require PKCE; default false (Okta's default for web apps). Browser and native apps always require it.",
  },
  service: {
    clientAuth: "private_key_jwt (default; the only method Okta accepts for okta.* scopes), or client_secret_basic / client_secret_post for apps with no okta.* scopes.",
    clientSecretVersion: "Client-secret apps: increment to rotate the generated client secret.",
    keys: "Signing keys: generated ({ kid, algorithm?: RSA | EC, rsaBits?, curve? }) or brought ({ kid, publicKey: <PEM> } or { kid, publicJwk }); `active: true` marks the one that signs (default the last).",
    adminRoles: "Okta admin roles for the app: standard roles (READ_ONLY_ADMIN, ...) or { custom: { role, resourceSet } }. Okta refuses the API calls of apps without one.",
    acknowledgeRoles: "SUPER_ADMIN and ORG_ADMIN are refused unless listed here too: they control the whole org.",
  },
};

const OKTA_TYPES: Record<(typeof OKTA_APP_TYPES)[number], { title: string; description: string }> = {
  web: { title: "Okta web app", description: "A server-side web app: authorization code with a generated client secret." },
  browser: { title: "Okta browser app", description: "A single-page app: a public client with PKCE." },
  native: { title: "Okta native app", description: "A mobile, desktop or CLI app: a public client with PKCE; custom-scheme redirect URIs and the device grant allowed." },
  service: { title: "Okta API service app", description: "A machine calling Okta's or your APIs: client credentials, private key JWT by default." },
};

const AUTH0_KEYS: Record<string, string> = {
  type: "regular_web: an Auth0 Regular Web Application.",
  adopt: "Bring an existing Auth0 application under management: { id: <client id>, managementApiGrantId?: cgr_... }.",
  name: "The app name shown on Auth0's login and consent pages. Default: the app's logical name.",
  callbacks: "Allowed callback URLs (at most 100): https (http only for loopback outside production); a wildcard only as one * in the left-most label, never in production.",
  allowedLogoutUrls: "Allowed logout URLs (at most 100), same rules as callbacks.",
  webOrigins: "Allowed web origins (at most 100): scheme, host and port only.",
  initiateLoginUri: "The https URL of the app's login route (Auth0: https or empty).",
  grantTypes: "Default [authorization_code, refresh_token]; also client_credentials; implicit only with allowDeprecatedGrants: [implicit].",
  allowDeprecatedGrants: "The implicit grant is refused unless listed here too.",
  clientAuth: "client_secret_post (default), client_secret_basic, or private_key_jwt with keys.",
  clientSecretVersion: "Increment to rotate the generated client secret (default 1).",
  keys: "private_key_jwt: one or two RSA keys, generated ({ kid }) or brought ({ kid, publicKey } / { kid, publicJwk }).",
  refreshToken: "With the refresh_token grant: { rotation: rotate | static, leewaySeconds, tokenLifetimeSeconds, idleTokenLifetimeSeconds }.",
  managementApiScopes: "Management API scopes granted to the app (one client grant); needs client_credentials. Checked against Auth0's catalogue.",
};

const RECIPE_DOCS: Record<string, string> = {
  "frontegg-okta": "Frontegg + Okta: an Okta web app for Frontegg's Integrations page, with the guide's scopes granted. Handoff: domain, clientId, clientSecret, scopes.",
  "frontegg-auth0": "Frontegg + Auth0: an Auth0 Regular Web Application and one Management API grant. Handoff: domain, clientId, clientSecret, scopes.",
  "okta-web-signin": "Sign users in to your web app with Okta: redirect, sign-out and login URIs, refresh-token rotation, trusted origins, assignment. Handoff: issuer, clientId, clientSecret, redirectUri, loginUri.",
  "okta-mcp-server": "The Okta MCP server: a native app with the device grant (mode: device) or an API service app with a generated key (mode: private_key_jwt). Handoff: the MCP client's env block and the unlocked tools.",
  "defguard-okta": "Defguard + Okta: a web app with Defguard's callbacks, assigned to Everyone, and optionally a directory-sync API service app. Handoff: Defguard's Okta settings.",
  "okta-provisioner": "The provisioning credential: the Okta API service app the Okta provider signs in with (private key JWT). Handoff: the provider's environment variables.",
};

/** Hover docs for recipe parameters: `<recipe>.<param>`, or `<param>` for all recipes. */
const RECIPE_PARAMS: Record<string, string> = {
  recipe: "The recipe this instance expands.",
  label: "The app's label in Okta.",
  overrides: "Settings teams legitimately tune on the expanded app: { label, assignTo, extraRedirectUris }.",
  acknowledgeRoles: "SUPER_ADMIN and ORG_ADMIN are refused unless listed here too.",
  "frontegg-okta.gatewayUrl": "Required: the MCP gateway's base URL; the redirect URI is <gatewayUrl>/integration-callback.",
  "frontegg-okta.scopes": "Default: the guide's table (OIDC scopes and okta.* scopes); the okta.* ones are granted.",
  "frontegg-auth0.gatewayUrl": "Required: the MCP gateway's base URL; the callback is <gatewayUrl>/integration-callback.",
  "frontegg-auth0.scopes": "Default: the guide's table; its Management API scopes are granted.",
  "frontegg-auth0.name": "The app's name in Auth0. Default: Frontegg Integration.",
  "okta-web-signin.appUrl": "Required: the app's base URL (https, no query or fragment).",
  "okta-web-signin.callbackPath": "Default /authorization-code/callback.",
  "okta-web-signin.localDevUrl": "Local development URL, added outside production only. Default http://localhost:8080.",
  "okta-web-signin.loginPath": "Default /login: the initiate-login URI is <appUrl><loginPath>.",
  "okta-web-signin.assignTo": "everyone (the guide's default), none, or { groups: [...] }.",
  "okta-web-signin.rotateRefreshTokens": "Default true.",
  "okta-web-signin.gracePeriodSeconds": "Refresh-token rotation grace period, 0..60. Default 30.",
  "okta-web-signin.trustedOrigin": "Default true: the app's (and local dev) origin as a trusted origin.",
  "okta-mcp-server.mode": "device (a native app with the device grant) or private_key_jwt (an API service app with a key).",
  "okta-mcp-server.scopes": "Required: the Okta API scopes the server gets (okta.users.read, ...).",
  "okta-mcp-server.adminRole": "private_key_jwt mode: the app's admin role. Default READ_ONLY_ADMIN; required when any scope is a manage scope.",
  "okta-mcp-server.keys": "private_key_jwt mode: signing keys. Default one generated RSA key.",
  "defguard-okta.url": "Required: Defguard's dashboard URL.",
  "defguard-okta.publicUrl": "Defguard's enrollment proxy URL; required with enrollment or MFA.",
  "defguard-okta.enrollment": "Default true: adds <publicUrl>/openid/callback.",
  "defguard-okta.mfa": "Default false: adds <publicUrl>/openid/mfa/callback.",
  "defguard-okta.directorySync": "Default false: also an API service app for directory sync (okta.users.read, okta.groups.read, Read-Only Administrator).",
  "okta-provisioner.adminRole": "Required: granting Okta API scopes takes SUPER_ADMIN (acknowledge it); APP_ADMIN suffices when no stack grants scopes or roles.",
  "okta-provisioner.scopes": "Default: the scopes oidc-apps' resources need.",
  "okta-provisioner.keys": "Default one generated RSA key.",
};

const PROVIDER_DOCS: Record<string, string> = {
  "okta:orgName": "The Okta org's subdomain: acme for https://acme.okta.com. Required when the stack has Okta apps.",
  "okta:baseUrl": "okta.com (default), oktapreview.com, okta-emea.com, ...",
  "auth0:domain": "The Auth0 tenant's canonical domain (acme.us.auth0.com), not a custom domain. Required when the stack has Auth0 apps.",
};

const secure = z.strictObject({ secure: z.string().min(1) });

/** Pulumi reads every config value as text: numbers and booleans may also be written as strings. */
function tunable(spec: (typeof OKTA_TUNABLES)[string]): z.ZodType {
  if (spec.type === "boolean") return z.union([z.boolean(), z.enum(["true", "false"])]);
  let n = z.number().int();
  if (spec.min !== undefined) n = n.min(spec.min);
  if (spec.max !== undefined) n = n.max(spec.max);
  return z.union([n, z.string().regex(/^\d+$/)]);
}

/** A case-insensitive pattern spelt out, since JSON Schema patterns take no flags. */
function caseless(re: RegExp): RegExp {
  return re.flags.includes("i") ? new RegExp(re.source.replace(/a-z/g, "a-zA-Z")) : re;
}

function providerKeys(ns: "okta" | "auth0", keys: readonly string[], credentials: readonly string[], meta: z.core.$ZodRegistry<Meta>): Shape {
  const shape: Shape = {};
  for (const name of keys) {
    const key = `${ns}:${name}`;
    let schema: z.ZodType;
    if (credentials.includes(name)) schema = secure;
    else if (key === "okta:orgName") schema = z.string().regex(caseless(ORG_NAME));
    else if (key === "okta:baseUrl" || key === "auth0:domain") schema = z.string().regex(HOSTNAME);
    else if (ns === "okta" && Object.hasOwn(OKTA_TUNABLES, name)) schema = tunable(OKTA_TUNABLES[name]!);
    else if (key === "okta:scopes") schema = z.union([z.string(), z.array(z.string())]);
    else if (["auth0:debug", "auth0:cliLogin", "auth0:dynamicCredentials"].includes(key)) schema = z.union([z.boolean(), z.enum(["true", "false"])]);
    else schema = z.union([z.string(), secure]);
    const description = PROVIDER_DOCS[key] ?? (credentials.includes(name) ? "A provider credential: only as a Pulumi secret (`pulumi config set --secret`), never in clear text." : `@pulumi/${ns} provider setting \`${name}\`.`);
    schema = schema.optional();
    meta.add(schema, { description });
    shape[key] = schema;
  }
  return shape;
}

/**
 * The object with a description on each documented key. Keys are cloned first: zod instances are shared
 * (one `baseUrl` schema serves every recipe URL), and metadata belongs to an instance.
 */
function documented<S extends z.ZodObject>(object: S, docs: (key: string) => string | undefined, meta: z.core.$ZodRegistry<Meta>): S {
  const shape: Shape = {};
  for (const [key, schema] of Object.entries(object.shape as Shape)) {
    const description = docs(key);
    if (!description) continue;
    const copy = schema.clone();
    meta.add(copy, { description });
    shape[key] = copy;
  }
  return object.extend(shape) as unknown as S;
}

/** The stack file's JSON Schema, as the object written to schema/stack.schema.json. */
export function buildStackSchema(): Record<string, unknown> {
  const meta = z.registry<Meta>();

  // Okta apps: one variant per `type`, so editors offer each type's keys and docs (a oneOf on `type`).
  const oktaVariants = OKTA_APP_TYPES.map((type) => {
    const docs = (key: string) => OKTA_TYPE_KEYS[type]?.[key] ?? OKTA_KEYS[key] ?? (key === "type" ? `The app type: ${type}.` : undefined);
    const variant = documented(oktaAppSchemas[type].extend({ type: z.literal(type) }), docs, meta);
    meta.add(variant, { id: `okta-${type}-app`, ...OKTA_TYPES[type] });
    return variant;
  });
  const [first, ...rest] = oktaVariants;
  const oktaApp = z.discriminatedUnion("type", [first!, ...rest]);
  meta.add(oktaApp, { description: "An Okta app; its `type` decides which keys apply." });

  const auth0App = documented(auth0AppSchema, (key) => AUTH0_KEYS[key], meta);
  meta.add(auth0App, { id: "auth0-regular-web-app", title: "Auth0 Regular Web Application" });

  const recipeVariants = Object.entries(RECIPES).map(([name, recipe]) => {
    const params = documented(recipe.params as unknown as z.ZodObject<Shape>, (key) => RECIPE_PARAMS[`${name}.${key}`] ?? RECIPE_PARAMS[key], meta);
    meta.add(params, { id: `recipe-${name}`, title: `Recipe ${name}`, description: RECIPE_DOCS[name] ?? `The ${name} recipe.` });
    return params;
  });
  const recipe = z.discriminatedUnion("recipe", recipeVariants as unknown as [z.ZodObject<{ recipe: z.ZodLiteral<string> }>]);

  // Shared building blocks get their own definitions (reused across app types).
  meta.add(keySchema, { id: "signing-key", title: "Signing key", description: "A key for private key JWT: generated ({ kid, algorithm?, rsaBits?, curve? }) or brought ({ kid, publicKey } or { kid, publicJwk }). Public keys only." });
  meta.add(assignToSchema, { id: "assign-to", title: "Assignment", description: "none (default), everyone, or { groups: [<Okta group name>, ...] }." });
  meta.add(trustedOriginSchema, { id: "trusted-origin", title: "Trusted origin", description: "{ origin: https://app.example.com, scopes?: [CORS, REDIRECT, IFRAME_EMBED] }: scheme, host and port only." });
  meta.add(adminRoleSchema, { id: "admin-role", title: "Okta admin role" });

  const appName = z.string().regex(APP_NAME);
  const apps = (app: z.ZodType, what: string) => {
    const s = z.record(appName, app).nullable().optional();
    meta.add(s, { description: `${what} by logical name: lowercase letters, digits and hyphens (1-50). The name becomes resource names and output keys: renaming an app replaces it.` });
    return s;
  };
  const oktaSection = z.strictObject({ apps: apps(oktaApp, "Okta apps") });
  const auth0Section = z.strictObject({ apps: apps(auth0App, "Auth0 apps") });
  const recipes = z.record(appName, recipe);

  const project: Shape = {
    // Required, as for the loader (ENVIRONMENT_REQUIRED): a copy, so the shared enum keeps no metadata of ours.
    [`${PROJECT}:environment`]: environmentSchema.clone(),
    [`${PROJECT}:okta`]: oktaSection.optional(),
    [`${PROJECT}:auth0`]: auth0Section.optional(),
    [`${PROJECT}:recipes`]: recipes.optional(),
  };
  meta.add(project[`${PROJECT}:environment`]!, { description: "Required. development, staging or production: production is strict (https only, no loopback, no wildcards) and protects every app." });
  meta.add(project[`${PROJECT}:okta`]!, { description: "Okta apps: { apps: { <name>: <app> } }." });
  meta.add(project[`${PROJECT}:auth0`]!, { description: "Auth0 apps: { apps: { <name>: <app> } }." });
  meta.add(project[`${PROJECT}:recipes`]!, { description: "Recipe instances: { <instance>: { recipe: <name>, ...parameters } }. Each expands into ordinary apps plus a handoff output." });
  const projectKeys = Object.keys(project).map((k) => k.slice(PROJECT.length + 1));
  if (projectKeys.join() !== PROJECT_KEYS.join()) throw new Error(`internal: the schema's project keys ${projectKeys.join()} differ from PROJECT_KEYS ${PROJECT_KEYS.join()}`);

  const config = z
    .object({
      ...project,
      ...providerKeys("okta", OKTA_PROVIDER_KEYS, OKTA_CREDENTIAL_KEYS, meta),
      ...providerKeys("auth0", AUTH0_PROVIDER_KEYS, AUTH0_CREDENTIAL_KEYS, meta),
    })
    .catchall(z.unknown());
  meta.add(config, { id: "config", title: "Stack configuration", description: "Pulumi config: `<namespace>:<key>` to value. oidc-apps reads oidc-apps:*, okta:* and auth0:*; other namespaces belong to other tools." });

  const file = z
    .object({
      // Required: `oidc-apps:environment` lives in it.
      config,
      secretsprovider: z.string().optional(),
      encryptedkey: z.string().optional(),
      encryptionsalt: z.string().optional(),
      environment: z.unknown().optional(),
    })
    .catchall(z.unknown());
  meta.add(file, { title: "oidc-apps stack file (stacks/Pulumi.<stack>.yaml)" });

  const json = z.toJSONSchema(file, { target: "draft-07", io: "input", metadata: meta, unrepresentable: "any" }) as Record<string, unknown>;
  return finish(json, Object.keys(config.shape));
}

/** What zod cannot say: which config key names are allowed, discriminators, and no safe-integer noise. */
function finish(json: Record<string, unknown>, knownKeys: readonly string[]): Record<string, unknown> {
  const defs = json["definitions"] as Record<string, Record<string, unknown>>;
  // Keys in the namespaces oidc-apps reads must be known ones (the loader rejects others); every key needs a
  // namespace (Pulumi refuses `key` without one); other namespaces are free.
  defs["config"]!["propertyNames"] = {
    anyOf: [{ enum: [...knownKeys] }, { pattern: `^(?!(${PROJECT}|okta|auth0):)[^:]+:(config:)?[^:]+$` }],
  };
  const strip = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(strip);
    if (typeof node !== "object" || node === null) return;
    const o = node as Record<string, unknown>;
    if (o["minimum"] === -Number.MAX_SAFE_INTEGER) delete o["minimum"];
    if (o["maximum"] === Number.MAX_SAFE_INTEGER) delete o["maximum"];
    if (Array.isArray(o["oneOf"])) {
      const tag = ["type", "recipe"].find((t) => (o["oneOf"] as Record<string, unknown>[]).every((v) => isTagged(v, t, defs)));
      // `type: object` beside the discriminator: validators that honour `discriminator` skip non-objects.
      if (tag) Object.assign(o, { type: "object", discriminator: { propertyName: tag } });
    }
    Object.values(o).forEach(strip);
  };
  strip(json);
  return {
    $schema: json["$schema"],
    $comment: "Generated by `npm run gen:schema` (scripts/gen-schema.ts) from config/schema/*.ts and recipes/*.ts. Do not edit: a test fails when it is stale.",
    ...Object.fromEntries(Object.entries(json).filter(([k]) => k !== "$schema")),
  };
}

/** A oneOf branch (or the definition it references) that fixes `tag` to a constant. */
function isTagged(branch: Record<string, unknown>, tag: string, defs: Record<string, Record<string, unknown>>): boolean {
  const ref = branch["$ref"];
  const target = typeof ref === "string" ? defs[ref.replace("#/definitions/", "")] : branch;
  const props = target?.["properties"] as Record<string, Record<string, unknown>> | undefined;
  return props?.[tag]?.["const"] !== undefined;
}

/** The file's text: stable key order as generated, two-space indent, trailing newline. */
export function stackSchemaText(): string {
  return JSON.stringify(buildStackSchema(), null, 2) + "\n";
}

if (require.main === module) {
  writeFileSync(SCHEMA_FILE, stackSchemaText());
  process.stdout.write(`wrote ${SCHEMA_FILE}\n`);
}
