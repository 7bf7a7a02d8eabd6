/**
 * The model of an Okta API service app (`type: service`): client credentials, authenticated by private key JWT
 * (default) or a client secret. Built only from a clean, shaped app; its rules are in config/rules/keys.ts and
 * config/rules/okta-scopes-and-roles.ts.
 */
import { modelGrants, secretVersion } from "./app-defaults";
import { keySpec } from "./key-specs";
import { activeKey } from "./keys";
import type { AdminRoleSpec, OktaServiceAppSpec } from "./model";
import { roleKey } from "./rules/okta-scopes-and-roles";
import type { RawOktaApp } from "./schema/okta";

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
    adminRoles: adminRoleSpecs(raw.adminRoles),
  };
}

/** The roles of a service app, each once (duplicates are a warning; two role resources would share a name). */
export function adminRoleSpecs(raw: RawOktaApp<"service">["adminRoles"]): AdminRoleSpec[] {
  return (raw ?? [])
    .filter((r, i, all) => all.findIndex((o) => roleKey(o) === roleKey(r)) === i)
    .map((r) => (typeof r === "string" ? { kind: "standard", type: r } : { kind: "custom", role: r.custom.role, resourceSet: r.custom.resourceSet }));
}
