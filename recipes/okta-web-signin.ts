/**
 * Okta "sign users in to your web app" (shared/reference/001): a web app with production and (outside
 * production) local redirect URIs, an initiate-login URI, refresh-token rotation with a grace period, a trusted
 * origin for the app's base URI, Everyone or group assignment.
 */
import * as z from "zod";
import { originOf } from "../config/uris";
import { baseUrl, oktaOverrides, requireOkta, urlPath, withOktaOverrides } from "./common";
import { ref, type Recipe } from "./types";

const params = z.strictObject({
  recipe: z.literal("okta-web-signin"),
  appUrl: baseUrl,
  callbackPath: urlPath.optional(),
  localDevUrl: baseUrl.optional(),
  loginPath: urlPath.optional(),
  assignTo: z.unknown().optional(),
  rotateRefreshTokens: z.boolean().optional(),
  gracePeriodSeconds: z.number().int().optional(),
  trustedOrigin: z.boolean().optional(),
  label: z.string().min(1).max(100).optional(),
  overrides: oktaOverrides,
});

export const oktaWebSignin: Recipe<typeof params> = {
  guide: "001_1d5f306afd54046f.txt",
  params,
  expand(p, ctx) {
    const org = requireOkta(ctx);
    if (!org) return undefined;
    const callback = p.callbackPath ?? "/authorization-code/callback";
    const production = ctx.environment === "production";
    // The guide's local development values; production stacks never get them.
    const local = production ? undefined : (p.localDevUrl ?? "http://localhost:8080");
    const redirectUri = `${p.appUrl}${callback}`;
    const loginUri = `${p.appUrl}${p.loginPath ?? "/login"}`;
    const origins = [p.appUrl, local].filter((u): u is string => u !== undefined).map((u) => originOf(u)?.origin ?? u);
    const app = withOktaOverrides(
      {
        type: "web",
        label: p.label ?? ctx.instance,
        grantTypes: ["authorization_code", "refresh_token"],
        redirectUris: [redirectUri, ...(local ? [`${local}${callback}`] : [])],
        postLogoutRedirectUris: [`${p.appUrl}/`],
        initiateLoginUri: loginUri,
        refreshToken: { rotation: (p.rotateRefreshTokens ?? true) ? "rotate" : "static", gracePeriodSeconds: p.gracePeriodSeconds ?? 30 },
        ...((p.trustedOrigin ?? true) ? { trustedOrigins: [...new Set(origins)].map((origin) => ({ origin, scopes: ["CORS", "REDIRECT"] })) } : {}),
        // The guide leaves the Everyone default.
        assignTo: p.assignTo ?? "everyone",
      },
      p.overrides,
    );
    return {
      okta: { [ctx.instance]: app },
      handoff: {
        issuer: org.orgUrl,
        clientId: ref("okta", ctx.instance, "clientId"),
        clientSecret: ref("okta", ctx.instance, "clientSecret"),
        redirectUri,
        loginUri,
      },
      consumer: {
        product: "your web app",
        checkedAgainst: "Okta's sign-in guide (shared/reference/001): an OpenID Connect sign-in with a refresh token",
        requests: [{ provider: "okta", app: ctx.instance, flow: "authorization_code", scopes: ["openid", "profile", "email", "offline_access"] }],
      },
    };
  },
};
