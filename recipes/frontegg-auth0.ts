/**
 * Frontegg + Auth0 (shared/reference/003): an Auth0 Regular Web Application with callback
 * `<gateway>/integration-callback`; Frontegg is handed the tenant domain, client id, client secret and the
 * scope list. The list's Management API scopes are granted to the app's client credentials.
 */
import * as z from "zod";
import { AUTH0_MANAGEMENT_SCOPES } from "../config/catalogues/auth0-management-scopes";
import { didYouMean } from "../config/suggest";
import { baseUrl, requireAuth0 } from "./common";
import { ref, type Recipe } from "./types";
import { RECIPE_RULES } from "../config/rules/recipes";

/** The guide's scope table, in its order. */
export const FRONTEGG_AUTH0_SCOPES = [
  "openid", "profile", "email", "offline_access",
  "read:users", "update:users", "delete:users", "create:users", "read:user_idp_tokens",
  "read:organizations", "update:organizations", "create:organizations", "delete:organizations",
  "read:organization_members", "manage:organization_members",
  "read:roles", "create:roles", "update:roles", "delete:roles", "read:logs", "read:clients", "update:clients",
];

const OIDC_SCOPES = new Set(["openid", "profile", "email", "offline_access", "phone", "address"]);

/**
 * Scopes Frontegg's guide names that the Management API does not have, and the real scopes that do what the
 * guide describes. `manage:organization_members` is in no Auth0 scope list (the auth0 SDK's generated
 * OauthScope enum has no `manage:` scope at all); adding and removing members takes
 * create:/delete:organization_members.
 */
export const GUIDE_SCOPE_EQUIVALENTS: Readonly<Record<string, readonly string[]>> = {
  "manage:organization_members": ["create:organization_members", "delete:organization_members"],
};

const KNOWN = new Set(AUTH0_MANAGEMENT_SCOPES);

const params = z.strictObject({
  recipe: z.literal("frontegg-auth0"),
  gatewayUrl: baseUrl,
  scopes: z.array(z.string().min(1)).min(1).optional(),
  name: z.string().min(1).max(100).optional(),
});

export const fronteggAuth0: Recipe<typeof params> = {
  guide: "003_f8334b74d67a167d.txt",
  params,
  expand(p, ctx) {
    const domain = requireAuth0(ctx);
    if (!domain) return undefined;
    const scopes = p.scopes ?? FRONTEGG_AUTH0_SCOPES;
    const granted: string[] = [];
    scopes.forEach((scope, i) => {
      if (OIDC_SCOPES.has(scope)) return;
      if (KNOWN.has(scope)) granted.push(scope);
      else if (Object.hasOwn(GUIDE_SCOPE_EQUIVALENTS, scope)) granted.push(...GUIDE_SCOPE_EQUIVALENTS[scope]!);
      else {
        // Frontegg asks for it, so it stays in the handoff; it cannot be granted, so the apply must not fail on it.
        ctx.diags.report(
          RECIPE_RULES.RECIPE_SCOPE_NOT_GRANTED,
          ctx.path("scopes", i),
          `${JSON.stringify(scope)} is not an Auth0 Management API scope (not in the auth0 SDK's OauthScope catalogue), so it is handed to Frontegg but not granted.${didYouMean(scope, AUTH0_MANAGEMENT_SCOPES)}`,
        );
      }
    });
    return {
      auth0: {
        [ctx.instance]: {
          type: "regular_web",
          name: p.name ?? "Frontegg Integration",
          callbacks: [`${p.gatewayUrl}/integration-callback`],
          grantTypes: ["authorization_code", "refresh_token", "client_credentials"],
          ...(granted.length > 0 ? { managementApiScopes: [...new Set(granted)] } : {}),
        },
      },
      handoff: {
        domain,
        clientId: ref("auth0", ctx.instance, "clientId"),
        clientSecret: ref("auth0", ctx.instance, "clientSecret"),
        scopes: scopes.join(" "),
      },
      consumer: {
        product: "Frontegg",
        checkedAgainst: "Frontegg's setup guide (shared/reference/003)",
        // The Management API token Frontegg works with; OIDC scopes belong to the sign-in, not to this grant.
        requests: granted.length > 0 ? [{ provider: "auth0", app: ctx.instance, flow: "client_credentials", scopes: [...new Set(granted)], audience: `https://${domain}/api/v2/` }] : [],
      },
    };
  },
};
