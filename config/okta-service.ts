/**
 * Okta API service apps (`type: service`): client credentials, authenticated by private key JWT (default) or a
 * client secret. Rules read the raw map defensively; the builder runs only on a clean, shaped app.
 */
import type { Diagnostics } from "./diagnostics";
import { normaliseGrantType } from "./grant-types";
import { jwkFromJwk, jwkFromPem, type KeyResult } from "./keys";
import type { KeySpec, OktaServiceAppSpec } from "./model";
import { hasOktaScopes } from "./okta-scopes";
import { keyPath } from "./paths";
import { DEFAULT_GRANTS } from "./rules/okta-grants";
import type { RawKey, RawOktaApp } from "./schema/okta";
import { show } from "./show";
import { keySlug } from "./keys";

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
  checkKeys(keys, at, diags);
}

function checkKeys(keys: unknown[], at: string[], diags: Diagnostics): void {
  const kids = new Set<string>();
  let active = 0;
  keys.forEach((key, i) => {
    if (typeof key !== "object" || key === null || Array.isArray(key)) return;
    const k = key as Record<string, unknown>;
    const path = (...rest: string[]) => keyPath(ROOT, [...at, "keys", i, ...rest]);
    if (typeof k["kid"] === "string") {
      // Generated keys are named after their kid's slug, so `2026.11` and `2026-11` would collide too.
      const slug = keySlug(k["kid"]);
      if (kids.has(slug)) diags.report("KEY_DUPLICATE_KID", path("kid"), `the key id ${show(k["kid"])} repeats (or differs only in punctuation from) another key id of this app; key ids must be unique.`);
      kids.add(slug);
    }
    if (k["active"] === true) active++;
    const brought = ["publicKey", "publicJwk"].filter((f) => f in k);
    const generatedFields = ["algorithm", "rsaBits", "curve"].filter((f) => f in k);
    if (brought.length > 1 || (brought.length === 1 && generatedFields.length > 0)) {
      diags.report("KEY_SOURCE_CONFLICT", path(), `give either publicKey, publicJwk, or generation settings (${generatedFields.join(", ") || "algorithm"}), not several.`);
      return;
    }
    const algorithm = k["algorithm"] ?? "RSA";
    if (algorithm === "RSA" && "curve" in k) diags.report("KEY_SOURCE_CONFLICT", path("curve"), "curve applies to EC keys; this key is RSA.", "Remove curve, or set algorithm: EC.");
    if (algorithm === "EC" && "rsaBits" in k) diags.report("KEY_SOURCE_CONFLICT", path("rsaBits"), "rsaBits applies to RSA keys; this key is EC.", "Remove rsaBits, or set algorithm: RSA.");
    const result = broughtKey(k, "check");
    if (result && !result.ok) {
      const field = "publicKey" in k ? "publicKey" : "publicJwk";
      const code = ({ private: "KEY_PRIVATE_MATERIAL", malformed: "KEY_INVALID", weak: "KEY_WEAK", unsupported: "KEY_UNSUPPORTED" } as const)[result.problem];
      // Never echo the key itself: a pasted private key is a secret.
      diags.report(code, path(field), `the key ${result.detail}.`);
    }
  });
  if (active > 1) diags.report("KEY_ACTIVE_MULTIPLE", keyPath(ROOT, [...at, "keys"]), `${active} keys are marked active; clients sign with one.`);
}

/** A brought key's parsed JWK, or undefined for a generated key. */
function broughtKey(k: Record<string, unknown>, kid: string): KeyResult | undefined {
  if (typeof k["publicKey"] === "string") return jwkFromPem(k["publicKey"], kid);
  if (typeof k["publicJwk"] === "object" && k["publicJwk"] !== null && !Array.isArray(k["publicJwk"])) return jwkFromJwk(k["publicJwk"] as Record<string, unknown>, kid);
  return undefined;
}

export function buildServiceApp(name: string, raw: RawOktaApp<"service">): OktaServiceAppSpec {
  const auth = raw.clientAuth ?? "private_key_jwt";
  const keys = (raw.keys ?? []).map(keySpec);
  const active = raw.keys?.find((k) => k.active === true)?.kid ?? keys.at(-1)?.kid;
  return {
    kind: "service",
    name,
    label: raw.label ?? name,
    grantTypes: (raw.grantTypes ?? DEFAULT_GRANTS.service).map((g) => normaliseGrantType(g)!).filter((g, i, all) => all.indexOf(g) === i),
    apiScopes: [...new Set(raw.apiScopes ?? [])],
    tokenEndpointAuthMethod: auth,
    keys: auth === "private_key_jwt" ? keys : [],
    ...(auth === "private_key_jwt" && active ? { activeKeyId: active } : {}),
    ...(auth !== "private_key_jwt" ? { clientSecretVersion: raw.clientSecretVersion ?? 1 } : {}),
    adminRoles: (raw.adminRoles ?? []).map((r) => (typeof r === "string" ? { kind: "standard", type: r } : { kind: "custom", role: r.custom.role, resourceSet: r.custom.resourceSet })),
  };
}

function keySpec(k: RawKey): KeySpec {
  const brought = broughtKey(k as Record<string, unknown>, k.kid);
  if (brought) {
    if (!brought.ok) throw new Error(`internal: key ${k.kid} should have been rejected by the rules`);
    return { source: "provided", kid: k.kid, jwk: brought.jwk };
  }
  if (k.algorithm === "EC") return { source: "generated", kid: k.kid, algorithm: "EC", curve: k.curve ?? "P256" };
  return { source: "generated", kid: k.kid, algorithm: "RSA", rsaBits: k.rsaBits ?? 2048 };
}
