/** Rules and model building for signing keys (`keys:`), shared by Okta service apps and Auth0 apps. */
import type { Diagnostics } from "./diagnostics";
import { jwkFromJwk, jwkFromPem, keySlug, type KeyResult } from "./keys";
import type { KeySpec } from "./model";
import { keyResourceName } from "./names";
import { keyPath, type PathSegment } from "./paths";
import type { RawKey } from "./schema/okta";
import { show } from "./show";

export function checkKeys(keys: unknown[], root: string, at: readonly PathSegment[], diags: Diagnostics): void {
  const kids = new Set<string>();
  let active = 0;
  let inactive = 0;
  keys.forEach((key, i) => {
    if (typeof key !== "object" || key === null || Array.isArray(key)) return;
    const k = key as Record<string, unknown>;
    const path = (...rest: string[]) => keyPath(root, [...at, "keys", i, ...rest]);
    if (typeof k["kid"] === "string") {
      // Generated keys are named after their kid's slug, so `2026.11` and `2026-11` would collide too.
      const slug = keySlug(k["kid"]);
      if (kids.has(slug)) diags.report("KEY_DUPLICATE_KID", path("kid"), `the key id ${show(k["kid"])} repeats (or differs only in punctuation from) another key id of this app; key ids must be unique.`);
      kids.add(slug);
    }
    if (k["active"] === true) active++;
    if (k["active"] === false) inactive++;
    const brought = ["publicKey", "publicJwk"].filter((f) => f in k);
    const generatedFields = ["algorithm", "rsaBits", "curve"].filter((f) => f in k);
    if (brought.length > 1 || (brought.length === 1 && generatedFields.length > 0)) {
      diags.report("KEY_SOURCE_CONFLICT", path(), `give either publicKey, publicJwk, or generation settings (${generatedFields.join(", ") || "algorithm"}), not several.`);
      return;
    }
    const algorithm = k["algorithm"] ?? "RSA";
    if (algorithm === "RSA" && "curve" in k) diags.report("KEY_SOURCE_CONFLICT", path("curve"), "curve applies to EC keys; this key is RSA.", "Remove curve, or set algorithm: EC.");
    if (algorithm === "EC" && "rsaBits" in k) diags.report("KEY_SOURCE_CONFLICT", path("rsaBits"), "rsaBits applies to RSA keys; this key is EC.", "Remove rsaBits, or set algorithm: RSA.");
    if (algorithm === "EC" && (k["curve"] === "P384" || k["curve"] === "P521")) {
      diags.report("KEY_UNSUPPORTED", path("curve"), `${k["curve"]} is not proven with Okta: the provider sends EC keys without their curve, and only P-256 keys are known to be accepted so.`, "Use curve: P256 (the default), or an RSA key.");
    }
    const result = broughtKey(k, "check");
    if (result && !result.ok) {
      const field = "publicKey" in k ? "publicKey" : "publicJwk";
      const code = ({ private: "KEY_PRIVATE_MATERIAL", malformed: "KEY_INVALID", weak: "KEY_WEAK", unsupported: "KEY_UNSUPPORTED" } as const)[result.problem];
      // Never echo the key itself: a pasted private key is a secret.
      diags.report(code, path(field), `the key ${result.detail}.`);
    }
  });
  if (active > 1) diags.report("KEY_ACTIVE_MULTIPLE", keyPath(root, [...at, "keys"]), `${active} keys are marked active; clients sign with one.`);
  if (keys.length > 0 && inactive === keys.length) {
    diags.report("KEY_ACTIVE_NONE", keyPath(root, [...at, "keys"]), `${keys.length === 1 ? "the only key is" : `all ${keys.length} keys are`} marked active: false, so none is left to sign with; clients sign with one.`);
  }
}

/** An app whose keys are used (private key JWT), for {@link checkKeyResourceNames}. */
export interface AppWithKeys {
  /** The provider section, e.g. `oidc-apps:okta`. */
  readonly root: string;
  readonly name: string;
  readonly keys: readonly RawKey[];
}

/**
 * Generated keys become resources named `<app>-key-<kid slug>` (config/names.ts `keyResourceName`), and app
 * names may contain `-key-`: the app `x` with the kid `y-key-z` and the app `x-key-y` with the kid `z` would
 * both create `x-key-y-key-z`. Checked across every app of the stack, Okta and Auth0 (recipes' apps included);
 * one app's own kids are KEY_DUPLICATE_KID's. Reported on each colliding key but the first (by key path).
 */
export function checkKeyResourceNames(apps: readonly AppWithKeys[], diags: Diagnostics): void {
  const byName = new Map<string, { app: AppWithKeys; kid: string; path: string }[]>();
  for (const app of apps) {
    app.keys.forEach((k, i) => {
      if (k.publicKey !== undefined || k.publicJwk !== undefined) return; // brought: no resource
      const name = keyResourceName(app.name, k.kid);
      byName.set(name, [...(byName.get(name) ?? []), { app, kid: k.kid, path: keyPath(app.root, ["apps", app.name, "keys", i, "kid"]) }]);
    });
  }
  for (const [name, keys] of byName) {
    const [first, ...rest] = [...keys].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    for (const key of rest) {
      if (key.app === first!.app) continue;
      diags.report(
        "KEY_RESOURCE_NAME_COLLISION",
        key.path,
        `the generated key ${show(key.kid)} of the app ${show(key.app.name)} would be the resource ${show(name)}, like the key ${show(first!.kid)} of the app ${show(first!.app.name)} (${first!.path}); Pulumi refuses two resources with one name.`,
      );
    }
  }
}

/** A brought key's parsed JWK, or undefined for a generated key. */
function broughtKey(k: Record<string, unknown>, kid: string): KeyResult | undefined {
  if (typeof k["publicKey"] === "string") return jwkFromPem(k["publicKey"], kid);
  if (typeof k["publicJwk"] === "object" && k["publicJwk"] !== null && !Array.isArray(k["publicJwk"])) return jwkFromJwk(k["publicJwk"] as Record<string, unknown>, kid);
  return undefined;
}

export function keySpec(k: RawKey): KeySpec {
  const brought = broughtKey(k as Record<string, unknown>, k.kid);
  if (brought) {
    if (!brought.ok) throw new Error(`internal: key ${k.kid} should have been rejected by the rules`);
    return { source: "provided", kid: k.kid, jwk: brought.jwk };
  }
  if (k.algorithm === "EC") return { source: "generated", kid: k.kid, algorithm: "EC", curve: k.curve ?? "P256" };
  return { source: "generated", kid: k.kid, algorithm: "RSA", rsaBits: k.rsaBits ?? 2048 };
}
