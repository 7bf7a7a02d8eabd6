/**
 * The `okta.app.OAuth` inputs for an app spec: pure, so the mapping from our config to Okta's fields is tested
 * without the Pulumi runtime. Only the inputs the config asks for are set; everything else keeps Okta's default.
 */
import type * as okta from "@pulumi/okta";
import { GRANT_TYPE_URNS } from "../../config/grant-types";
import type { OktaUserAppSpec } from "../../config/model";

/** The scopes Okta asks for when it starts sign-in at the app's initiate-login URI (login_mode SPEC). */
export const INITIATE_LOGIN_SCOPES = ["openid"];

export function oauthArgs(spec: OktaUserAppSpec): okta.app.OAuthArgs {
  const grants = spec.grantTypes;
  return {
    label: spec.label,
    type: spec.kind,
    grantTypes: grants.map((g) => GRANT_TYPE_URNS[g]),
    responseTypes: responseTypes(spec),
    tokenEndpointAuthMethod: spec.tokenEndpointAuthMethod,
    pkceRequired: spec.pkceRequired,
    redirectUris: [...spec.redirectUris],
    postLogoutRedirectUris: [...spec.postLogoutRedirectUris],
    wildcardRedirect: spec.wildcardRedirect ? "SUBDOMAIN" : "DISABLED",
    // Okta gives new apps the org's default access policy. Without this the provider looks that policy up on
    // every create and update, which needs okta.policies.read and fails with the narrower provisioning
    // credential (terraform-provider-okta #2375; the flag came with #2428).
    skipAuthenticationPolicy: true,
    ...(spec.initiateLoginUri
      ? { loginUri: spec.initiateLoginUri, loginMode: "SPEC", loginScopes: INITIATE_LOGIN_SCOPES }
      : { loginMode: "DISABLED" }),
    // Only with the refresh grant: the provider fails when the grant is removed while these are set (pulumi-okta #224).
    ...(spec.refreshToken ? { refreshTokenRotation: spec.refreshToken.rotation, refreshTokenLeeway: spec.refreshToken.leewaySeconds } : {}),
  };
}

/** `code` for the authorization code flow; `token` and `id_token` only when the implicit grant was opted into. */
function responseTypes(spec: OktaUserAppSpec): string[] {
  const types: string[] = [];
  if (spec.grantTypes.includes("authorization_code")) types.push("code");
  if (spec.grantTypes.includes("implicit")) types.push("token", "id_token");
  return types;
}
