/**
 * Frontegg + Okta (shared/reference/000): an Okta web app with authorization code + refresh token, redirect
 * `<gateway>/integration-callback`, no group assignment unless asked for; Frontegg is handed the Okta domain,
 * client id, client secret and the scope list (OIDC scopes plus `okta.*` API scopes, every one of them granted
 * to the app).
 */
import * as z from "zod";
import { baseUrl, oktaOverrides, requireOkta, withOktaOverrides } from "./common";
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
  /**
   * Who may sign in through the app. Okta refuses sign-in to users not assigned to the app, so the admin who
   * completes Frontegg's consent must be assigned (the guide's "skip group assignment" is the default).
   */
  assignTo: z.unknown().optional(),
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
    const apiScopes = scopes.filter((s) => s.startsWith("okta."));
    const app = withOktaOverrides(
      {
        type: "web",
        label: p.label ?? "Frontegg Integration",
        grantTypes: ["authorization_code", "refresh_token"],
        redirectUris: [`${p.gatewayUrl}/integration-callback`],
        assignTo: p.assignTo ?? "none",
        // Okta's org authorization server grants a requested scope only when it is in the app's grants
        // collection (Okta, Implement OAuth for Okta: "the scope is granted if it exists in the app's grants
        // collection"), and Frontegg requests the whole list: grant every okta.* scope handed over, read
        // scopes next to their manage scopes included.
        apiScopes,
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
      consumer: {
        product: "Frontegg",
        // Frontegg's code is not public: what it requests is what its guide tells the admin to select.
        checkedAgainst: "Frontegg's setup guide (shared/reference/000)",
        requests: [{ provider: "okta", app: ctx.instance, flow: "authorization_code", scopes }],
      },
    };
  },
};
