/**
 * The plan as a readable tree, for a person reviewing a stack: a header that counts resources, lookups, errors
 * and warnings; the diagnostics right after it; then each component with its children indented beneath it,
 * each app first said in the setup guides' words (the Okta and Auth0 app types, who is assigned, which grants,
 * client authentication, scopes, admin roles and keys), settings that look alarming explained beside them;
 * then lookups and outputs. Rendered from the Plan JSON alone (nothing else is read), so it is deterministic;
 * the JSON is the contract, this text may change.
 */
import { COMPONENT_TYPES, OKTA_COMPONENT_PREFIX } from "../components/types";
import { formatDiagnostic } from "../config/diagnostics";
import { keySlug } from "../config/keys";
import { nameHash } from "../config/names";
import { slug } from "../config/paths";
import type { AppOutputsRead, AppsSection } from "../program/outputs";
import { optionMarks } from "./marks";
import type { Plan, PlanResource } from "./run";

export function planText(plan: Plan, stackFile: string): string {
  const lines: string[] = [];
  const errors = plan.diagnostics.filter((d) => d.severity === "error").length;
  const warnings = plan.diagnostics.length - errors;
  const problems = `${count(errors, "error")}, ${count(warnings, "warning")}`;
  lines.push(`${plan.project} · stack ${plan.stack} · ${stackFile}`);
  if (errors > 0) lines.push(`${problems}: nothing would be created.`);
  else lines.push(`${count(plan.resources.length, "resource")} · ${count(plan.invokes.length, "lookup")} · ${problems}`);
  if (plan.diagnostics.length > 0) {
    lines.push("", errors > 0 ? "Diagnostics" : "Warnings");
    for (const d of plan.diagnostics) lines.push(`  ${formatDiagnostic(d, stackFile).replace(/\n/g, "\n  ")}`);
  }
  if (errors > 0) return lines.join("\n") + "\n";

  lines.push("", "Resources");
  const children = new Map<string | null, PlanResource[]>();
  for (const r of plan.resources) {
    const siblings = children.get(r.parent);
    if (siblings) siblings.push(r);
    else children.set(r.parent, [r]);
  }
  const walk = (parent: string | null, depth: number) => {
    for (const r of children.get(parent) ?? []) {
      const pad = "  ".repeat(depth + 1);
      const marks = optionMarks(r);
      lines.push(`${pad}${r.type}  ${r.name}${marks.length > 0 ? `  [${marks.join(", ")}]` : ""}`);
      if ((r.ignoreChanges ?? []).length > 0) lines.push(`${pad}    # [org keeps …]: ${IGNORED_NOTE}`);
      for (const [key, value] of Object.entries(r.inputs as Record<string, unknown>)) {
        const note = settingNote(r, key, value);
        lines.push(`${pad}    ${key}: ${inline(value)}${note ? `  # ${note}` : ""}`);
      }
      const key = `${r.type}::${r.name}`;
      for (const line of appSummary(r, children.get(key) ?? [], plan)) lines.push(`${pad}  » ${line}`);
      walk(key, depth + 1);
    }
  };
  walk(null, 0);
  lines.push("", "Lookups");
  for (const i of plan.invokes) lines.push(`  ${i.token} ${inline(i.args)}`);
  if (plan.invokes.length === 0) lines.push("  none");
  lines.push("", "Outputs");
  flatten(plan.outputs, "", lines);
  return lines.join("\n") + "\n";
}

function count(n: number, what: string): string {
  return `${n} ${what}${n === 1 ? "" : "s"}`;
}

function inline(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}

function flatten(value: unknown, prefix: string, lines: string[]): void {
  if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, lines);
    return;
  }
  lines.push(`  ${prefix}: ${inline(value)}`);
}

// ---------------------------------------------------------------------------------------------------------
// Settings that look alarming, explained where they appear
// ---------------------------------------------------------------------------------------------------------

const OKTA_APP = "okta:app/oAuth:OAuth";
const RANDOM_PASSWORD = "random:index/randomPassword:RandomPassword";

/** Beside the `[org keeps …]` mark (the resource's ignoreChanges). */
const IGNORED_NOTE = "after creation pulumi up never changes those settings, so what is set in the admin console stays (ignoreChanges)";

function settingNote(r: PlanResource, key: string, value: unknown): string | undefined {
  const inputs = r.inputs as Record<string, unknown>;
  if (r.type === OKTA_APP) {
    if (key === "skipAuthenticationPolicy" && value === true) {
      return inputs["type"] === "service"
        ? "a service app has no sign-in policy; without this every update would look one up and attach it (needs okta.policies.read)"
        : "Okta still gives the app the org's default sign-in policy; this only skips the provider's lookup of it (needs okta.policies.read)";
    }
    if (key === "pkceRequired" && value === false && inputs["type"] === "web") return "a confidential client: its secret protects the code exchange (the app may still send PKCE)";
    if (key === "tokenEndpointAuthMethod" && value === "none") return "a public client: no secret to leak; PKCE is required instead";
    if (key === "loginMode" && value === "DISABLED") return "sign-in starts at the app only (no initiate-login URI)";
  }
  if (r.type === RANDOM_PASSWORD && key === "special" && value === false && typeof inputs["length"] === "number") {
    return `letters and digits only: ${inputs["length"]} of them are ${Math.floor(inputs["length"] * Math.log2(62))} bits, and nothing a client must escape`;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------
// Each app in the guides' words
// ---------------------------------------------------------------------------------------------------------

/** The app types as the Okta Admin Console's app integration wizard and Auth0's dashboard name them. */
const APP_KINDS: Record<string, string> = {
  [COMPONENT_TYPES.oktaWeb]: "Okta app integration: OIDC, Web Application",
  [COMPONENT_TYPES.oktaBrowser]: "Okta app integration: OIDC, Single-Page Application",
  [COMPONENT_TYPES.oktaNative]: "Okta app integration: OIDC, Native Application",
  [COMPONENT_TYPES.oktaService]: "Okta app integration: API Services",
  [COMPONENT_TYPES.auth0Web]: "Auth0 application: Regular Web Application",
};

/** Grant types as the wizard's "Grant type" checkboxes say them; Okta's URNs and Auth0's names alike. */
const GRANTS: Record<string, string> = {
  authorization_code: "Authorization Code",
  refresh_token: "Refresh Token",
  client_credentials: "Client Credentials",
  implicit: "Implicit (hybrid)",
  password: "Resource Owner Password",
  "urn:ietf:params:oauth:grant-type:device_code": "Device Authorization",
  "urn:ietf:params:oauth:grant-type:token-exchange": "Token Exchange",
};

const CLIENT_AUTH: Record<string, string> = {
  client_secret_basic: "client secret (sent as HTTP Basic)",
  client_secret_post: "client secret (sent in the request body)",
  none: "none: a public client, with PKCE",
  private_key_jwt: "Public key / Private key (private key JWT)",
};

/** Okta's standard admin roles by the names its Admin Console gives them. */
const ADMIN_ROLES: Record<string, string> = {
  SUPER_ADMIN: "Super Administrator",
  ORG_ADMIN: "Organization Administrator",
  APP_ADMIN: "Application Administrator",
  USER_ADMIN: "Group Administrator",
  HELP_DESK_ADMIN: "Help Desk Administrator",
  READ_ONLY_ADMIN: "Read-Only Administrator",
  GROUP_MEMBERSHIP_ADMIN: "Group Membership Administrator",
  REPORT_ADMIN: "Report Administrator",
  API_ACCESS_MANAGEMENT_ADMIN: "API Access Management Administrator",
  ACCESS_CERTIFICATIONS_ADMIN: "Access Certifications Administrator",
  ACCESS_REQUESTS_ADMIN: "Access Requests Administrator",
  WORKFLOWS_ADMIN: "Workflows Administrator",
};

const GROUP_ASSIGNMENT = "okta:app/groupAssignment:GroupAssignment";
const API_SCOPES = "okta:index/appOauthApiScope:AppOauthApiScope";
const ROLE_PREFIX = "okta:index/oauth2V1ClientsRole";
const TLS_KEY = "tls:index/privateKey:PrivateKey";
const EVERYONE_LOOKUP = "okta:group/getEveryoneGroup:getEveryoneGroup";
const GROUP_LOOKUP = "okta:group/getGroup:getGroup";
const AUTH0_CLIENT = "auth0:index/client:Client";
const AUTH0_CREDENTIALS = "auth0:index/clientCredentials:ClientCredentials";
const AUTH0_GRANT = "auth0:index/clientGrant:ClientGrant";

/** What a component that is an app means, one line each; nothing for other components and resources. */
function appSummary(component: PlanResource, kids: readonly PlanResource[], plan: Plan): string[] {
  const kind = APP_KINDS[component.type];
  if (!kind) return [];
  const name = component.name;
  const find = (type: string, n = name) => kids.find((k) => k.type === type && k.name === n);
  const inputs = (r: PlanResource | undefined) => (r?.inputs ?? {}) as Record<string, unknown>;
  const lines: string[] = [];

  if (component.type.startsWith(OKTA_COMPONENT_PREFIX)) {
    const app = find(OKTA_APP);
    const args = inputs(app);
    lines.push(`${kind}${typeof args["label"] === "string" ? `, "${args["label"]}"` : ""}`);
    if (component.type !== COMPONENT_TYPES.oktaService) lines.push(`assigned to: ${assignedTo(name, kids.filter((k) => k.type === GROUP_ASSIGNMENT), plan, app?.import !== undefined)}`);
    lines.push(`grant types: ${grants(args["grantTypes"], args)}`);
    if (typeof args["tokenEndpointAuthMethod"] === "string") lines.push(`client authentication: ${CLIENT_AUTH[args["tokenEndpointAuthMethod"]] ?? args["tokenEndpointAuthMethod"]}`);
    const scopes = stringList(inputs(find(API_SCOPES, `${name}-api-scopes`))["scopes"]);
    lines.push(`Okta API scopes granted: ${scopes.length > 0 ? scopes.join(", ") : "none"}`);
    const roles = kids.filter((k) => k.type.startsWith(ROLE_PREFIX)).map((k) => role(inputs(k)));
    if (roles.length > 0 || component.type === COMPONENT_TYPES.oktaService) lines.push(`admin roles: ${roles.length > 0 ? roles.join(", ") : "none"}`);
    const keyLine = keys(name, kids, output(plan, "okta", name));
    if (keyLine) lines.push(keyLine);
    return lines;
  }

  const client = inputs(find(AUTH0_CLIENT));
  lines.push(`${kind}${typeof client["name"] === "string" ? `, "${client["name"]}"` : ""}`);
  lines.push(`grant types: ${grants(client["grantTypes"], {})}`);
  const method = inputs(find(AUTH0_CREDENTIALS, `${name}-credentials`))["authenticationMethod"];
  if (typeof method === "string") lines.push(`client authentication: ${CLIENT_AUTH[method] ?? method}`);
  const management = stringList(inputs(find(AUTH0_GRANT, `${name}-management-api`))["scopes"]);
  lines.push(`Management API scopes: ${management.length > 0 ? management.join(", ") : "none"}`);
  const keyLine = keys(name, kids, output(plan, "auth0", name));
  if (keyLine) lines.push(keyLine);
  return lines;
}

/** Who may sign in, from the app's assignment resources (`<app>-group-<group slug>`) and the group lookups. */
function assignedTo(app: string, assignments: readonly PlanResource[], plan: Plan, adopted: boolean): string {
  if (assignments.length === 0) {
    return adopted
      ? "no group from the stack file; the app keeps the assignments it has in Okta"
      : `nobody: no user can sign in until the app is assigned (the guide's "Skip group assignment for now")`;
  }
  const prefix = `${app}-group-`;
  const { everyone, bySlug } = groupsOf(plan);
  const names = assignments.map((r) => {
    const suffix = r.name.startsWith(prefix) ? r.name.slice(prefix.length) : r.name;
    if (suffix === "everyone" && everyone) return undefined;
    return bySlug.get(suffix) ?? `the group of ${r.name}`;
  });
  if (names.every((n) => n === undefined)) return `Everyone (the guide's "Allow everyone in your organization to access")`;
  const groups = names.map((n) => JSON.stringify(n ?? "Everyone"));
  return `${groups.length === 1 ? "the group" : "the groups"} ${groups.join(", ")} (the guide's "Limit access to selected groups")`;
}

const GROUPS_OF = new WeakMap<Plan, { everyone: boolean; bySlug: Map<string, string> }>();

/**
 * The plan's group lookups by the slugs the program may have given them (config/names.ts: plain, or with the
 * name's hash when two slugged alike), the first lookup winning; computed once per plan, not per app (hashing
 * every group name for every app was quadratic).
 */
function groupsOf(plan: Plan): { everyone: boolean; bySlug: Map<string, string> } {
  const known = GROUPS_OF.get(plan);
  if (known) return known;
  const bySlug = new Map<string, string>();
  for (const i of plan.invokes) {
    const name = i.token === GROUP_LOOKUP ? (i.args as { name?: unknown }).name : undefined;
    if (typeof name !== "string") continue;
    const hash = nameHash(name);
    const plain = slug(name) || `group-${hash}`;
    for (const key of [plain, `${plain}-${hash}`]) if (!bySlug.has(key)) bySlug.set(key, name);
  }
  const groups = { everyone: plan.invokes.some((i) => i.token === EVERYONE_LOOKUP), bySlug };
  GROUPS_OF.set(plan, groups);
  return groups;
}

function grants(value: unknown, okta: Record<string, unknown>): string {
  const list = stringList(value);
  if (list.length === 0) return "none";
  return list
    .map((g) => {
      const word = GRANTS[g] ?? g;
      if (g !== "refresh_token" || okta["refreshTokenRotation"] === undefined) return word;
      const leeway = okta["refreshTokenLeeway"];
      return okta["refreshTokenRotation"] === "ROTATE" ? `${word} (rotated on use${typeof leeway === "number" ? `, the old one valid ${leeway} s more` : ""})` : `${word} (not rotated)`;
    })
    .join(", ");
}

function role(args: Record<string, unknown>): string {
  const type = String(args["type"]);
  if (type === "CUSTOM") return `custom role ${String(args["role"])} on resource set ${String(args["resourceSet"])}`;
  return ADMIN_ROLES[type] ? `${type} (${ADMIN_ROLES[type]})` : type;
}

/** The app's keys from its outputs (`keyIds`, `activeKeyId`), each said generated (a tls key resource) or brought. */
function keys(app: string, kids: readonly PlanResource[], out: AppOutputsRead): string | undefined {
  const ids = stringList(out.keyIds);
  if (ids.length === 0) return undefined;
  const active = out.activeKeyId;
  const described = ids.map((kid) => {
    const key = kids.find((k) => k.type === TLS_KEY && k.name === `${app}-key-${keySlug(kid)}`);
    const args = (key?.inputs ?? {}) as Record<string, unknown>;
    const what = key
      ? `${args["algorithm"] === "RSA" ? `RSA ${String(args["rsaBits"])}` : `EC ${String(args["ecdsaCurve"])}`}, generated: its private key is a stack secret`
      : "public key from the stack file; its private key stays with whoever brought it";
    return `${kid} (${kid === active ? "active; " : ""}${what})`;
  });
  return `keys: ${described.join("; ")}`;
}

function output(plan: Plan, provider: AppsSection, app: string): AppOutputsRead {
  const outputs = plan.outputs as Partial<Record<AppsSection, Record<string, unknown>>> | null;
  const value = outputs?.[provider]?.[app];
  return value !== null && typeof value === "object" ? (value as AppOutputsRead) : {};
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}
