/**
 * Service apps' credentials and signing keys (`keys:`): the keys private key JWT needs, and each key's id,
 * source, type and material. The key rules are shared by Okta service apps and Auth0 apps.
 */
import type { Diagnostics } from "../diagnostics";
import { broughtKey } from "../key-specs";
import { keySlug } from "../keys";
import { itemsOf, MALFORMED, wellFormed, type Slot } from "../lenient";
import { crossAppCollisions, keyResourceName } from "../names";
import { keyPath, type PathSegment } from "../paths";
import type { RawKey } from "../schema/okta";
import { OKTA_ROOT } from "../sections";
import { show } from "../show";
import { hasOktaScopes } from "./okta-scopes-and-roles";
import { defineRules } from "./rule";
import { OKTA_SERVICE_GUIDE, policy } from "./sources";

const JWA_RSA = "RFC 7518 §3.3: a key of 2048 bits or larger MUST be used with RS256/384/512 (rfc-editor.org/rfc/rfc7518#section-3.3)";

export const KEY_RULES = defineRules({
  OKTA_SERVICE_KEYS_REQUIRED: {
    severity: "error",
    summary: "A private key JWT service app without keys.",
    rationale: "Okta needs a public key (JWKS) to verify the app's client assertions; the provider refuses private_key_jwt without `jwks`.",
    source: `${OKTA_SERVICE_GUIDE}; @pulumi/okta 7.0.0 \`okta.app.OAuth\`: private_key_jwt requires jwks or jwksUri`,
    fix: "Add a key to generate, or bring a public key.",
  },
  OKTA_SERVICE_KEYS_UNUSED: {
    severity: "error",
    summary: "Keys on an app that authenticates with a client secret.",
    rationale: "They would be ignored: nothing verifies them, yet the file suggests the app uses them, and generated keys would sit in the state for nothing.",
    source: policy("Okta API service apps"),
    fix: "Remove the keys, or use clientAuth: private_key_jwt.",
  },
  OKTA_SECRET_VERSION_UNUSED: {
    severity: "error",
    summary: "`clientSecretVersion` on an Okta service app that authenticates with private key JWT.",
    rationale: "A private key JWT app has no client secret: none is generated or set, so bumping the version would rotate nothing while the file says a secret is rotated. Its credentials are its keys.",
    source: `${OKTA_SERVICE_GUIDE}; ${policy("Okta API service apps")} (clientSecretVersion: client-secret apps)`,
    fix: "Remove clientSecretVersion; a private key JWT app rotates by its keys (add the new key, then remove the old one).",
  },
  OKTA_SCOPES_NEED_PRIVATE_KEY_JWT: {
    severity: "error",
    summary: "A client-secret service app that asks for Okta API scopes.",
    rationale: "\"The private_key_jwt client authentication method is the only supported method for OAuth service apps that want to get access tokens with Okta scopes\": the app could never get a token.",
    source: OKTA_SERVICE_GUIDE,
    fix: "Use clientAuth: private_key_jwt.",
  },
  KEY_DUPLICATE_KID: {
    severity: "error",
    summary: "Two keys of one app share a key id (or ids that differ only in punctuation).",
    rationale: "Clients name the key they signed with by kid, so the JWKS must be unambiguous; generated keys are also named after the kid's slug, so `2026.11` and `2026-11` would collide.",
    source: "RFC 7517 §4.5, \"kid\" (rfc-editor.org/rfc/rfc7517#section-4.5): used to choose among keys, so distinct keys in a set should have distinct kids",
    fix: "Give each key a unique kid (a date such as 2026-11 works well).",
  },
  KEY_RESOURCE_NAME_COLLISION: {
    severity: "error",
    summary: "Generated keys of two apps would get the same resource name.",
    rationale: "A generated key is a resource named `<app>-key-<kid slug>`, so the app `x` with the kid `y-key-z` and the app `x-key-y` with the kid `z` both name theirs `x-key-y-key-z`. The engine refuses a second resource with the same URN (stack, project, parent type chain, type and name), so `pulumi up` would fail at that key. Keys of an Okta and an Auth0 app differ in their parents' types, but plans and `pulumi stack` show resources by type and name, so those are refused too. A kid is the user's choice, so it is refused rather than renamed behind the user's back.",
    source: "Pulumi engine, github.com/pulumi/pulumi pkg/resource/deploy/step_generator.go `generateURN`: \"Duplicate resource URN '<urn>'; try giving it a unique name\" (error 2001, pkg/diag/errors.go `GetDuplicateResourceURNError`)",
    fix: "Rename one kid.",
  },
  KEY_ACTIVE_MULTIPLE: {
    severity: "error",
    summary: "More than one key is marked active.",
    rationale: "Clients sign with one key; the outputs (`activeKeyId`, the handoffs) must say which.",
    source: policy("Okta API service apps"),
    fix: "Mark one key `active: true` (default: the last one).",
  },
  KEY_ACTIVE_NONE: {
    severity: "error",
    summary: "Every key of an app is marked `active: false`.",
    rationale: "No key is left to sign with, yet the app needs one: oidc-apps would fall back to the last key and hand it out as `activeKeyId` (and to the recipes' handoffs), contradicting the file.",
    source: policy("Okta API service apps"),
    fix: "Mark the key clients sign with `active: true`, or remove `active: false` from it.",
  },
  KEY_SOURCE_CONFLICT: {
    severity: "error",
    summary: "A key mixes generation settings with a brought key, or settings of the other algorithm.",
    rationale: "It is unclear which key is meant: a key is either generated (algorithm, rsaBits or curve) or brought (publicKey or publicJwk), and `curve` means nothing to an RSA key.",
    source: policy("Okta API service apps"),
    fix: "Either generate (algorithm, rsaBits or curve) or bring (publicKey or publicJwk).",
  },
  KEY_PRIVATE_MATERIAL: {
    severity: "error",
    summary: "Private key material where a public key belongs.",
    rationale: "A private key in a stack file is committed to the repository and copied into the state; it must stay with its owner. A pasted private key must be treated as leaked.",
    source: "RFC 7518 §6.2.2 and §6.3.2 (the private JWK members d, p, q, dp, dq, qi); RFC 7468 (PEM \"PRIVATE KEY\" blocks)",
    fix: "Paste the public key only (`openssl pkey -in key.pem -pubout`), and treat the pasted private key as leaked: replace it.",
  },
  KEY_INVALID: {
    severity: "error",
    summary: "A public key that cannot be parsed.",
    rationale: "Okta and Auth0 could not verify signatures with it; the apply would fail or, worse, succeed with a JWKS nobody can use.",
    source: "RFC 7468 (PEM SubjectPublicKeyInfo) and RFC 7517 (JWK); parsed with node:crypto",
    fix: "Paste a PEM public key (-----BEGIN PUBLIC KEY-----) or a public JWK.",
  },
  KEY_WEAK: {
    severity: "error",
    summary: "An RSA key shorter than 2048 bits.",
    rationale: "RS256 with a shorter key is not allowed; Okta and Auth0 reject such keys.",
    source: `${JWA_RSA}; NIST SP 800-57 Part 1`,
    fix: "Generate a 2048-bit or longer key.",
  },
  KEY_UNSUPPORTED: {
    severity: "error",
    summary: "A key type Okta does not take for private key JWT, or one not proven through the provider.",
    rationale: "Okta verifies RS256/384/512 and ES256/384/512 only, so Ed25519 and other curves are refused; and the provider's jwks block has no curve, sending EC keys as kid, kty, x, y: only P-256 keys are proven to be accepted so (its recorded test), P-384 and P-521 are refused here rather than at apply.",
    source: `${OKTA_SERVICE_GUIDE}; terraform-provider-okta v6.12 okta/services/idaas/resource_okta_app_oauth.go \`buildAppOAuthV6\` (no crv) and test/fixtures/vcr/idaas/TestAccResourceOktaAppOauth_serviceWithJWKS`,
    fix: "Use an RSA key, or an EC key on P-256.",
  },
});

/** What the credential rules read of an Okta service app. */
export interface ServiceCredentialSettings {
  readonly clientAuth?: Slot<string>;
  readonly clientSecretVersion?: Slot<number>;
  readonly apiScopes?: Slot<string[]>;
  readonly keys?: Slot<RawKey[]>;
}

/**
 * How an Okta service app authenticates, and whether that fits its keys, secret version and scopes. With a
 * malformed `clientAuth` the method is unknown, so only the keys themselves are checked.
 */
export function checkServiceCredentials(app: ServiceCredentialSettings, at: readonly PathSegment[], diags: Diagnostics): void {
  const keys = itemsOf(app.keys);
  checkKeys(keys, OKTA_ROOT, at, diags);
  if (app.clientAuth === MALFORMED) return;
  const auth = app.clientAuth ?? "private_key_jwt";
  if (auth === "private_key_jwt" && keys.length === 0) {
    diags.report(KEY_RULES.OKTA_SERVICE_KEYS_REQUIRED, keyPath(OKTA_ROOT, [...at, "keys"]), "private key JWT needs at least one key.", 'Add `keys: [{ kid: "<yyyy-mm>" }]` to generate one, or bring your own public key with `publicKey`.');
  }
  if (auth !== "private_key_jwt" && keys.length > 0) {
    diags.report(KEY_RULES.OKTA_SERVICE_KEYS_UNUSED, keyPath(OKTA_ROOT, [...at, "keys"]), `keys are only used with clientAuth: private_key_jwt, not ${auth}.`);
  }
  if (auth !== "private_key_jwt" && hasOktaScopes(itemsOf(app.apiScopes))) {
    diags.report(
      KEY_RULES.OKTA_SCOPES_NEED_PRIVATE_KEY_JWT,
      keyPath(OKTA_ROOT, [...at, "clientAuth"]),
      `${auth} cannot get tokens with Okta API scopes: "private_key_jwt is the only supported method for OAuth service apps that want to get access tokens with Okta scopes" (Okta, Implement OAuth for Okta with a service app).`,
      "Use clientAuth: private_key_jwt (the default) with keys.",
    );
  }
  if (auth === "private_key_jwt" && app.clientSecretVersion !== undefined) {
    diags.report(KEY_RULES.OKTA_SECRET_VERSION_UNUSED, keyPath(OKTA_ROOT, [...at, "clientSecretVersion"]), "the app authenticates with private_key_jwt and has no client secret, so there is no secret to rotate.");
  }
}

/** Each key's id, source, type and material, and which key is active; a malformed key (not a map) is skipped. */
export function checkKeys(keys: readonly Slot<RawKey>[], root: string, at: readonly PathSegment[], diags: Diagnostics): void {
  const kids = new Set<string>();
  let active = 0;
  let inactive = 0;
  keys.forEach((k, i) => {
    if (!wellFormed(k)) return;
    const path = (...rest: string[]) => keyPath(root, [...at, "keys", i, ...rest]);
    if (wellFormed(k.kid)) {
      // Generated keys are named after their kid's slug, so `2026.11` and `2026-11` would collide too.
      const slug = keySlug(k.kid);
      if (kids.has(slug)) diags.report(KEY_RULES.KEY_DUPLICATE_KID, path("kid"), `the key id ${show(k.kid)} repeats (or differs only in punctuation from) another key id of this app; key ids must be unique.`);
      kids.add(slug);
    }
    if (k.active === true) active++;
    if (k.active === false) inactive++;
    // Present counts, well-formed or not: a malformed setting still says which kind of key was meant.
    const brought = (["publicKey", "publicJwk"] as const).filter((f) => k[f] !== undefined);
    const generatedFields = (["algorithm", "rsaBits", "curve"] as const).filter((f) => k[f] !== undefined);
    if (brought.length > 1 || (brought.length === 1 && generatedFields.length > 0)) {
      diags.report(KEY_RULES.KEY_SOURCE_CONFLICT, path(), `give either publicKey, publicJwk, or generation settings (${generatedFields.join(", ") || "algorithm"}), not several.`);
      return;
    }
    const algorithm = k.algorithm ?? "RSA";
    if (algorithm === "RSA" && k.curve !== undefined) diags.report(KEY_RULES.KEY_SOURCE_CONFLICT, path("curve"), "curve applies to EC keys; this key is RSA.", "Remove curve, or set algorithm: EC.");
    if (algorithm === "EC" && k.rsaBits !== undefined) diags.report(KEY_RULES.KEY_SOURCE_CONFLICT, path("rsaBits"), "rsaBits applies to RSA keys; this key is EC.", "Remove rsaBits, or set algorithm: RSA.");
    if (algorithm === "EC" && (k.curve === "P384" || k.curve === "P521")) {
      diags.report(KEY_RULES.KEY_UNSUPPORTED, path("curve"), `${k.curve} is not proven with Okta: the provider sends EC keys without their curve, and only P-256 keys are known to be accepted so.`, "Use curve: P256 (the default), or an RSA key.");
    }
    const result = broughtKey(k, "check");
    if (result && !result.ok) {
      const field = k.publicKey !== undefined ? "publicKey" : "publicJwk";
      const rule = ({ private: KEY_RULES.KEY_PRIVATE_MATERIAL, malformed: KEY_RULES.KEY_INVALID, weak: KEY_RULES.KEY_WEAK, unsupported: KEY_RULES.KEY_UNSUPPORTED } as const)[result.problem];
      // Never echo the key itself: a pasted private key is a secret.
      diags.report(rule, path(field), `the key ${result.detail}.`);
    }
  });
  if (active > 1) diags.report(KEY_RULES.KEY_ACTIVE_MULTIPLE, keyPath(root, [...at, "keys"]), `${active} keys are marked active; clients sign with one.`);
  if (keys.length > 0 && inactive === keys.length) {
    diags.report(KEY_RULES.KEY_ACTIVE_NONE, keyPath(root, [...at, "keys"]), `${keys.length === 1 ? "the only key is" : `all ${keys.length} keys are`} marked active: false, so none is left to sign with; clients sign with one.`);
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
  const keys: { app: AppWithKeys; kid: string; name: string; path: string }[] = [];
  for (const app of apps) {
    app.keys.forEach((k, i) => {
      if (k.publicKey !== undefined || k.publicJwk !== undefined) return; // brought: no resource
      keys.push({ app, kid: k.kid, name: keyResourceName(app.name, k.kid), path: keyPath(app.root, ["apps", app.name, "keys", i, "kid"]) });
    });
  }
  for (const { first, later: key } of crossAppCollisions(keys)) {
    diags.report(
      KEY_RULES.KEY_RESOURCE_NAME_COLLISION,
      key.path,
      `the generated key ${show(key.kid)} of the app ${show(key.app.name)} would be the resource ${show(key.name)}, like the key ${show(first.kid)} of the app ${show(first.app.name)} (${first.path}); Pulumi refuses two resources with one name.`,
    );
  }
}
