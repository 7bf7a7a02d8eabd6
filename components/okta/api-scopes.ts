import * as okta from "@pulumi/okta";
import type * as pulumi from "@pulumi/pulumi";

/**
 * Exactly one scope-grant resource per app holding every scope (several would fight over the same grants),
 * and none when the app asks for no scope. The issuer is the org URL: Okta API scopes are granted by the org
 * authorization server.
 */
export function grantApiScopes(name: string, app: okta.app.OAuth, orgUrl: string, scopes: readonly string[], opts: pulumi.CustomResourceOptions): okta.AppOauthApiScope | undefined {
  if (scopes.length === 0) return undefined;
  return new okta.AppOauthApiScope(`${name}-api-scopes`, { appId: app.id, issuer: orgUrl, scopes: [...scopes] }, opts);
}
