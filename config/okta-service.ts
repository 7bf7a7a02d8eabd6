/**
 * Okta API service apps (`type: service`): client credentials, authenticated by private key JWT (default) or a
 * client secret. Rules read the raw map defensively; the builder runs only on a clean, shaped app.
 */
import type { Diagnostics } from "./diagnostics";
import { checkKeys, keySpec } from "./key-rules";
import { activeKey } from "./keys";
import type { OktaServiceAppSpec } from "./model";
import { modelGrants, secretVersion } from "./okta";
import { rolesCovering, uncoveredScopes } from "./catalogues/okta-role-coverage";
import { hasOktaScopes, roleKey } from "./okta-scopes";
import { keyPath } from "./paths";
import { show } from "./show";
import type { RawOktaApp } from "./schema/okta";

const ROOT = "oidc-apps:okta";

export function checkServiceRules(raw: Record<string, unknown>, at: string[], diags: Diagnostics): void {
  const auth = typeof raw["clientAuth"] === "string" ? raw["clientAuth"] : "private_key_jwt";
  const keys = Array.isArray(raw["keys"]) ? raw["keys"] : [];
  if (auth === "private_key_jwt" && keys.length === 0) {
    diags.report("OKTA_SERVICE_KEYS_REQUIRED", keyPath(ROOT, [...at, "keys"]), "private key JWT needs at least one key.", 'Add `keys: [{ kid: "<yyyy-mm>" }]` to generate one, or bring your own public key with `publicKey`.');
  }
  if (auth !== "private_key_jwt" && keys.length > 0) {
    diags.report("OKTA_SERVICE_KEYS_UNUSED", keyPath(ROOT, [...at, "keys"]), `keys are only used with clientAuth: private_key_jwt, not ${auth}.`);
  }
  if (auth !== "private_key_jwt" && hasOktaScopes(raw["apiScopes"])) {
    diags.report(
      "OKTA_SCOPES_NEED_PRIVATE_KEY_JWT",
      keyPath(ROOT, [...at, "clientAuth"]),
      `${auth} cannot get tokens with Okta API scopes: "private_key_jwt is the only supported method for OAuth service apps that want to get access tokens with Okta scopes" (Okta, Implement OAuth for Okta with a service app).`,
      "Use clientAuth: private_key_jwt (the default) with keys.",
    );
  }
  if (hasOktaScopes(raw["apiScopes"]) && !(Array.isArray(raw["adminRoles"]) && raw["adminRoles"].length > 0)) {
    diags.report("OKTA_SERVICE_NO_ADMIN_ROLE", keyPath(ROOT, [...at, "adminRoles"]), "the app is granted Okta API scopes but no admin role; Okta does not assign one to apps, so its calls will be refused.");
  }
  if (auth === "private_key_jwt" && raw["clientSecretVersion"] !== undefined) {
    diags.report("OKTA_SECRET_VERSION_UNUSED", keyPath(ROOT, [...at, "clientSecretVersion"]), "the app authenticates with private_key_jwt and has no client secret, so there is no secret to rotate.");
  }
  checkRoleCoverage(raw, at, diags);
  checkKeys(keys, ROOT, at, diags);
}

/**
 * Scopes the app's standard admin roles are documented not to permit (config/catalogues/okta-role-coverage.ts):
 * the calls would be refused. Custom roles, and what Okta does not document, are never reported.
 */
function checkRoleCoverage(raw: Record<string, unknown>, at: string[], diags: Diagnostics): void {
  const scopes = raw["apiScopes"];
  const roles = raw["adminRoles"];
  if (!Array.isArray(scopes) || !Array.isArray(roles) || roles.length === 0) return;
  const uncovered = new Set(uncoveredScopes(scopes.filter((s): s is string => typeof s === "string"), roles));
  const reported = new Set<string>();
  scopes.forEach((scope, i) => {
    if (typeof scope !== "string" || !uncovered.has(scope) || reported.has(scope)) return;
    reported.add(scope);
    const held = roles.map((r) => (typeof r === "string" ? r : "a custom role")).join(", ");
    const roleList = rolesCovering(scope);
    diags.report(
      "OKTA_ROLE_SCOPE_NOT_COVERED",
      keyPath(ROOT, [...at, "apiScopes", i]),
      `${show(scope)} is granted, but Okta documents that ${roles.length === 1 ? "the app's role" : "none of the app's roles"} (${held}) ${roles.length === 1 ? "does not permit" : "permits"} what it is for, so its calls with it will be refused.`,
      `Add a role that permits it (Okta documents ${roleList.join(", ")}), or remove the scope.`,
    );
  });
}

export function buildServiceApp(name: string, raw: RawOktaApp<"service">): OktaServiceAppSpec {
  const auth = raw.clientAuth ?? "private_key_jwt";
  const keys = (raw.keys ?? []).map(keySpec);
  const active = activeKey(raw.keys ?? [])?.kid;
  return {
    kind: "service",
    name,
    label: raw.label ?? name,
    grantTypes: modelGrants("service", raw.grantTypes),
    apiScopes: [...new Set(raw.apiScopes ?? [])],
    tokenEndpointAuthMethod: auth,
    keys: auth === "private_key_jwt" ? keys : [],
    ...(auth === "private_key_jwt" && active ? { activeKeyId: active } : {}),
    ...(auth !== "private_key_jwt" ? secretVersion(raw.clientSecretVersion, raw.adopt) : {}),
    ...(raw.adopt ? { adopt: { id: raw.adopt.id } } : {}),
    // Duplicates are a warning; one role resource each (two would share a name).
    adminRoles: (raw.adminRoles ?? [])
      .filter((r, i, all) => all.findIndex((o) => roleKey(o) === roleKey(r)) === i)
      .map((r) => (typeof r === "string" ? { kind: "standard", type: r } : { kind: "custom", role: r.custom.role, resourceSet: r.custom.resourceSet })),
  };
}
