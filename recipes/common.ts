/** Helpers recipes share: URL parameters, the Okta org they need, and the keys their consumers can use. */
import * as z from "zod";
import { jwkFromJwk, jwkFromPem } from "../config/keys";
import type { RawKey } from "../config/schema/okta";
import { parseUri } from "../config/uris";
import { urlRule } from "../config/rules/text-and-urls";
import { urlProblemMessage, urlProblems } from "../config/url-policy";
import type { RecipeContext } from "./types";
import { RECIPE_RULES } from "../config/rules/recipes";

/**
 * An absolute http(s) base URL without query or fragment; a trailing slash is dropped so paths join cleanly. The
 * URL policy first (config/url-policy.ts: no userinfo, an ASCII lowercase host, no control characters), each
 * problem under its own code and without repeating the value.
 */
export const baseUrl = z
  .string()
  .min(1)
  .superRefine((v, ctx) => {
    const problems = urlProblems(v);
    for (const p of problems) ctx.addIssue({ code: "custom", message: urlProblemMessage(v, p), params: { rule: urlRule(p) } });
    if (problems.length > 0) return;
    const u = parseUri(v);
    if (!(u !== undefined && u.isHttp && !u.hasWildcard && u.url.search === "" && u.url.hash === "")) {
      ctx.addIssue({ code: "custom", message: "must be an absolute http(s) URL without query, fragment or wildcard, e.g. https://app.example.com" });
    }
  })
  .transform((v) => v.replace(/\/+$/, ""));

/** A path beginning with `/`. */
export const urlPath = z.string().regex(/^\/[^\s?#]*$/, "must be a path starting with /, e.g. /login");

/** The Okta org, or an error on the recipe naming the setting it needs. */
export function requireOkta(ctx: RecipeContext) {
  if (!ctx.okta && !ctx.settingsPresent.okta) ctx.diags.report(RECIPE_RULES.RECIPE_NEEDS_PROVIDER, ctx.path("recipe"), "this recipe creates Okta apps and needs `okta:orgName` (and `okta:baseUrl` unless it is okta.com).", "Add `okta:orgName` (and `okta:baseUrl`) to the stack file.");
  return ctx.okta;
}

export function requireAuth0(ctx: RecipeContext) {
  if (!ctx.auth0Domain && !ctx.settingsPresent.auth0) ctx.diags.report(RECIPE_RULES.RECIPE_NEEDS_PROVIDER, ctx.path("recipe"), "this recipe creates Auth0 apps and needs `auth0:domain`.", "Add `auth0:domain` to the stack file.");
  return ctx.auth0Domain;
}

/** Keys of a recipe's apps that users legitimately tune. */
export const oktaOverrides = z
  .strictObject({
    label: z.string().min(1).max(100).optional(),
    assignTo: z.unknown().optional(),
    extraRedirectUris: z.array(z.string().min(1)).optional(),
  })
  .optional();

/** Apply overrides to an expanded Okta app: the app's own rules then check the result like any config. */
export function withOktaOverrides(app: Record<string, unknown>, overrides: z.infer<typeof oktaOverrides>): Record<string, unknown> {
  if (!overrides) return app;
  return {
    ...app,
    ...(overrides.label !== undefined ? { label: overrides.label } : {}),
    ...(overrides.assignTo !== undefined ? { assignTo: overrides.assignTo } : {}),
    ...(overrides.extraRedirectUris ? { redirectUris: [...((app["redirectUris"] as string[]) ?? []), ...overrides.extraRedirectUris] } : {}),
  };
}

/**
 * The key type of a key parameter: generated keys say `algorithm` (RSA by default); brought ones are parsed the
 * way the service app parses them. Undefined when a brought key is malformed (the app's own rules report that).
 */
function keyType(key: RawKey): "RSA" | "EC" | undefined {
  if (key.publicKey !== undefined) {
    const r = jwkFromPem(key.publicKey, key.kid);
    return r.ok ? r.jwk.kty : undefined;
  }
  if (key.publicJwk !== undefined) {
    const r = jwkFromJwk(key.publicJwk, key.kid);
    return r.ok ? r.jwk.kty : undefined;
  }
  return key.algorithm ?? "RSA";
}

/**
 * Refuse keys of a type the receiving product cannot sign with, naming the product and why: such a key plans
 * clean, is registered with Okta, and then every token request of the product fails.
 */
export function requireRsaKeys(keys: readonly RawKey[] | undefined, ctx: RecipeContext, product: string, why: string): boolean {
  let ok = true;
  (keys ?? []).forEach((key, i) => {
    if (keyType(key) !== "EC") return;
    ok = false;
    ctx.diags.report(RECIPE_RULES.RECIPE_KEY_UNSUPPORTED, ctx.path("keys", i), `is an EC key, but ${product} signs only with RSA (${why}).`, "Use an RSA key: drop `algorithm: EC` (RSA 2048 is the default), or bring an RSA public key.");
  });
  return ok;
}
