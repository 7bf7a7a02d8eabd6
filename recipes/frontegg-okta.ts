/**
 * Frontegg + Okta (shared/reference/000): an Okta web app with authorization code + refresh token, redirect
 * `<gateway>/integration-callback`, no group assignment; Frontegg is handed the Okta domain, client id,
 * client secret and the scope list (OIDC scopes plus `okta.*` API scopes, which are granted to the app).
 */
import { z } from "zod";
import { baseUrl, oktaOverrides, requireOkta, withOktaOverrides, withoutImpliedReads } from "./common";
import { ref, type Recipe } from "./types";

/** The guide's scope table, in its order. */
export const FRONTEGG_OKTA_SCOPES = [
  "openid", "profile", "email", "phone", "address", "offline_access",
  "okta.users.read", "okta.users.manage", "okta.groups.read", "okta.groups.manage", "okta.apps.read", "okta.apps.manage",
  "okta.authorizationServers.read", "okta.authorizationServers.manage", "okta.logs.read",
];

const params = z.strictObject({
  recipe: z.literal("frontegg-okta"),
  gatewayUrl: baseUrl,
  scopes: z.array(z.string().min(1)).min(1).optional(),
  label: z.string().min(1).max(100).optional(),
  overrides: oktaOverrides,
});

export const fronteggOkta: Recipe<typeof params> = {
  guide: "000_4ad05bf81d05bbed.txt",
  params,
  expand(p, ctx) {
    const org = requireOkta(ctx);
    if (!org) return undefined;
    const scopes = p.scopes ?? FRONTEGG_OKTA_SCOPES;
    const app = withOktaOverrides(
      {
        type: "web",
        label: p.label ?? "Frontegg Integration",
        grantTypes: ["authorization_code", "refresh_token"],
        redirectUris: [`${p.gatewayUrl}/integration-callback`],
        assignTo: "none",
        // Granted to the app; Frontegg still asks for the whole list, read scopes included.
        apiScopes: withoutImpliedReads(scopes.filter((s) => s.startsWith("okta."))),
      },
      p.overrides,
    );
    return {
      okta: { [ctx.instance]: app },
      handoff: {
        domain: `${org.orgName}.${org.baseUrl}`,
        clientId: ref("okta", ctx.instance, "clientId"),
        clientSecret: ref("okta", ctx.instance, "clientSecret"),
        scopes: scopes.join(" "),
      },
    };
  },
};
