/**
 * A Pulumi program that uses the oidc-apps components: a web app people sign in to, and a service app that reads
 * users with the client-credentials grant. The Okta provider is the program's own (configured as usual with
 * `pulumi config set okta:orgName …`, `okta:baseUrl`, `okta:apiToken --secret`).
 */
import { ClientAuthMethod, Environment, GrantType, OktaServiceApp, OktaWebApp } from "oidc-apps";

const portal = new OktaWebApp("portal", {
  environment: Environment.Staging,
  label: "Customer portal",
  redirectUris: ["https://portal.staging.example.com/callback"],
  postLogoutRedirectUris: ["https://portal.staging.example.com/"],
  grantTypes: [GrantType.AuthorizationCode, GrantType.RefreshToken],
  assignTo: { groups: ["Portal Users"] },
});

const reporter = new OktaServiceApp("reporter", {
  environment: Environment.Staging,
  // Okta grants API scopes through the org authorization server, whose issuer is the org URL.
  orgUrl: "https://acme-staging.okta.com",
  clientAuth: ClientAuthMethod.PrivateKeyJwt,
  keys: [{ kid: "reporter-2026" }],
  apiScopes: ["okta.users.read"],
});

export const portalClientId = portal.clientId;
export const portalClientSecret = portal.clientSecret;
export const reporterClientId = reporter.clientId;
