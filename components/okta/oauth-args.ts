/**
 * The `okta.app.OAuth` inputs for an app spec: pure, so the mapping from our config to Okta's fields is tested
 * without the Pulumi runtime. Only the inputs the config asks for are set; everything else keeps Okta's default.
 */
import type * as okta from "@pulumi/okta";
import { GRANT_TYPE_URNS } from "../../config/grant-types";
import type { OktaUserAppSpec } from "../../config/model";

/**
 * The scopes Okta asks for when it starts sign-in at the app's initiate-login URI (login_mode SPEC). No perpetual
 * diff: the provider always sends `idp_initiated_login { mode, default_scope }` (`buildAppOAuthV6`) and its Read
 * sets `login_scopes` from `default_scope` whatever the mode, SPEC included (`setOAuthClientSettingsV6`);
 * terraform-provider-okta v6.12 okta/services/idaas/resource_okta_app_oauth.go.
 */
export const INITIATE_LOGIN_SCOPES = ["openid"];

/**
 * `okta.app.OAuth` inputs the stack file has no key for. Their provider defaults differ from what a console-made
 * app may have (`hide_ios`/`hide_web` true, `consent_method` TRUSTED, `issuer_mode` ORG_URL, username template
 * `${source.login}`, `auto_key_rotation` true, ...), and Update is a full PUT of the app built from the inputs
 * (`resourceAppOAuthUpdate` → `ReplaceApplication` with `buildAppOAuthV6`; terraform-provider-okta v6.12
 * okta/services/idaas/resource_okta_app_oauth.go). Ignoring them keeps the org's values on every update: an
 * adopted app stays as it was (the engine resets ignored paths to the old inputs, which after an import are the
 * imported values; pulumi/pulumi pkg/resource/deploy/step_generator.go `processIgnoreChanges`), and a created
 * app keeps the defaults it was created with. Not applied on create, so new apps get the provider's defaults.
 */
export const UNMANAGED_OAUTH_INPUTS: readonly string[] = [
  "accessibilityErrorRedirectUrl", "accessibilityLoginRedirectUrl", "accessibilitySelfService", "adminNote", "appLinksJson",
  "appSettingsJson", "autoKeyRotation", "autoSubmitToolbar", "backchannelCustomAuthenticatorId", "clientUri", "consentMethod",
  "enduserNote", "frontchannelLogoutSessionRequired", "frontchannelLogoutUri", "groupsClaim", "hideIos", "hideWeb",
  "implicitAssignment", "issuerMode", "jwksUri", "logo", "logoUri", "network", "participateSlo", "policyUri", "profile", "status",
  "tosUri", "userNameTemplate", "userNameTemplatePushStatus", "userNameTemplateSuffix", "userNameTemplateType",
];

/**
 * The import id of an adopted Okta app: its plain id, on purpose. `skip_authentication_policy` is never read
 * back, so the import differs from our input on it and the engine follows the import with an update; that
 * update is harmless because the provider's Update takes the flag from the new inputs (true) and then skips the
 * policy (`resourceAppOAuthUpdate`), and the fields the stack file does not set are ignored (above). The
 * importer would also accept `<id>/skip_authentication_policy` (`appImporter`, app.go), but changing the import
 * id of a resource already in the state makes the engine import it again as a replacement of itself
 * (pulumi/pulumi pkg/resource/deploy/step_generator.go: `isImport` when `oldImportID != goal.ID`, then
 * ImportReplacementStep + ReplaceStep), which would delete the app that stacks adopted before kept `adopt` for.
 */
export function oktaAppImportId(appId: string): string {
  return appId;
}

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
