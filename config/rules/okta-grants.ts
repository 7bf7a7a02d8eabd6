/**
 * Which grant types each Okta app type may and must have.
 *
 * Source: terraform-provider-okta `okta/services/idaas/resource_okta_app_oauth.go`, `appRequirementsByType`
 * (the provider enforces it inside create/update only, so a mistake would otherwise surface mid-apply), and
 * Okta's device authorization guide ("Device Authorization is only supported for use with a native
 * application", developer.okta.com/docs/guides/device-authorization-grant/main/). Note that the provider
 * requires `authorization_code` on native apps even when they use the device grant.
 */
import type { GrantType } from "../grant-types";

export type OktaKind = "web" | "browser" | "native" | "service";

export const GRANTS_BY_KIND: Record<OktaKind, { readonly allowed: readonly GrantType[]; readonly required: readonly GrantType[] }> = {
  web: { allowed: ["authorization_code", "refresh_token", "implicit", "client_credentials", "token_exchange"], required: ["authorization_code"] },
  browser: { allowed: ["authorization_code", "refresh_token", "implicit", "token_exchange"], required: [] },
  native: { allowed: ["authorization_code", "refresh_token", "implicit", "password", "device_code", "token_exchange"], required: ["authorization_code"] },
  service: { allowed: ["client_credentials", "token_exchange"], required: ["client_credentials"] },
};

/** What an app gets when `grantTypes` is omitted: the provider's own default would differ per type. */
export const DEFAULT_GRANTS: Record<OktaKind, readonly GrantType[]> = {
  web: ["authorization_code"],
  browser: ["authorization_code"],
  native: ["authorization_code"],
  service: ["client_credentials"],
};
