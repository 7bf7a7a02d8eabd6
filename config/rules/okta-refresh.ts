/** Okta refresh tokens: settings that need the refresh_token grant, the grace period, and rotation for public clients. */
import type { Diagnostics } from "../diagnostics";
import type { GrantType } from "../grant-types";
import { wellFormed, type Slot } from "../lenient";
import { keyPath } from "../paths";
import { OKTA_ROOT } from "../sections";
import { show } from "../show";
import { defineRules } from "./rule";
import { BCP, OKTA_APPS_API } from "./sources";

export const OKTA_REFRESH_RULES = defineRules({
  OKTA_REFRESH_WITHOUT_GRANT: {
    severity: "error",
    summary: "Refresh-token settings on an app without the refresh_token grant.",
    rationale: "Okta ignores them, so the file says something that is not true; and the provider fails when the grant is later removed from an app with rotation set.",
    source: "pulumi-okta issue #224; @pulumi/okta 7.0.0 `refreshTokenRotation` and `refreshTokenLeeway` are sent only with the refresh_token grant",
    fix: "Add `refresh_token` to grantTypes, or remove `refreshToken`.",
  },
  OKTA_REFRESH_GRACE_RANGE: {
    severity: "error",
    summary: "Refresh-token grace period outside 0-60 seconds.",
    rationale: "Okta accepts a rotation grace period (refresh_token_leeway) of 0 to 60 seconds and rejects anything else on apply.",
    source: `Okta, Refresh access tokens and rotate refresh tokens (developer.okta.com/docs/guides/refresh-tokens/main/); ${OKTA_APPS_API}, refresh_token.leeway`,
    fix: "Use a whole number of seconds from 0 to 60 (Okta's default is 30).",
  },
  OKTA_REFRESH_STATIC_PUBLIC_CLIENT: {
    severity: "error",
    summary: "Static (non-rotating) refresh tokens on a browser or native app.",
    rationale: "Browser and native apps are public clients: they cannot authenticate, so a leaked static refresh token can be replayed by anyone until it expires. RFC 9700 requires public clients' refresh tokens to be sender-constrained or rotated, and oidc-apps cannot sender-constrain them (@pulumi/okta 7.0.0 has no DPoP setting), so they must rotate. Okta and the provider would accept STATIC.",
    source: `${BCP} §4.14.2 ("refresh tokens for public clients MUST be sender-constrained or use refresh token rotation"); Okta, Refresh access tokens and rotate refresh tokens (developer.okta.com/docs/guides/refresh-tokens/main/)`,
    fix: "Use `rotation: rotate` (the default for browser and native apps), or remove `rotation`.",
  },
});

/** What the refresh-token rules read: an app's `refreshToken`, as parsed. */
export type RefreshSettings = Slot<{ rotation?: string; gracePeriodSeconds?: number }> | undefined;

/** `refreshToken` of a web, browser or native app; `grants` is the app's grant list when it is well-formed. */
export function checkRefreshToken(kind: "web" | "browser" | "native", refresh: RefreshSettings, grants: readonly GrantType[] | undefined, at: readonly string[], diags: Diagnostics): void {
  if (!wellFormed(refresh)) return;
  if (grants && !grants.includes("refresh_token")) {
    diags.report(OKTA_REFRESH_RULES.OKTA_REFRESH_WITHOUT_GRANT, keyPath(OKTA_ROOT, [...at, "refreshToken"]), "refresh-token settings are given but grantTypes does not include refresh_token.");
  }
  if (kind !== "web" && refresh.rotation === "static") {
    diags.report(OKTA_REFRESH_RULES.OKTA_REFRESH_STATIC_PUBLIC_CLIENT, keyPath(OKTA_ROOT, [...at, "refreshToken", "rotation"]), `${kind} apps are public clients; RFC 9700 §4.14.2 requires their refresh tokens to rotate (or be sender-constrained, which oidc-apps cannot set up).`);
  }
  const grace = refresh.gracePeriodSeconds;
  if (wellFormed(grace) && (grace < 0 || grace > 60)) {
    diags.report(OKTA_REFRESH_RULES.OKTA_REFRESH_GRACE_RANGE, keyPath(OKTA_ROOT, [...at, "refreshToken", "gracePeriodSeconds"]), `is ${show(grace)}; Okta accepts 0 to 60 seconds.`);
  }
}
