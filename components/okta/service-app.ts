/**
 * An Okta API service app: client credentials, authenticated by private key JWT (keys generated or brought)
 * or by a generated client secret; its Okta API scope grant and admin roles.
 */
import * as okta from "@pulumi/okta";
import * as pulumi from "@pulumi/pulumi";
import type { PublicJwk } from "../../config/keys";
import type { OktaOrg, OktaServiceAppSpec } from "../../config/model";
import { GRANT_TYPE_URNS } from "../../config/grant-types";
import { oktaJwk, privateKeyOutputs, signingKeys, type PrivateKeyOutputs } from "../keys/signing-keys";
import { appResourceOptions } from "../app-options";
import { oktaAppImportId, UNMANAGED_OAUTH_INPUTS } from "./oauth-args";
import { assignAdminRoles } from "./admin-roles";
import { grantApiScopes } from "./api-scopes";
import { clientSecret } from "./client-secret";

export interface ServiceAppArgs {
  readonly spec: OktaServiceAppSpec;
  readonly org: OktaOrg;
  readonly protect: boolean;
}

/** What an Okta service app's build hands its component: the app and the values clients read. */
export interface OktaServiceAppParts {
  readonly app: okta.app.OAuth;
  readonly clientId: pulumi.Output<string>;
  /** Client-secret auth only. Secret. */
  readonly clientSecret?: pulumi.Output<string>;
  /** Known from the config: plain values, not Outputs (issue 19: fewer objects per app). */
  readonly issuer: string;
  readonly tokenEndpoint: string;
  /** Space-separated, ready for OKTA_SCOPES. */
  readonly scopes: string;
  readonly keyIds: string[];
  /** The public JWKS registered with Okta (with `crv` for EC keys), for anyone who verifies our assertions. */
  readonly jwks: pulumi.Output<PublicJwk[]>;
  readonly activeKeyId?: string;
  /** Generated keys, by kid. */
  readonly privateKeys: Readonly<Record<string, PrivateKeyOutputs>>;
}

/**
 * The resources of an Okta service app, under `parent` (library/okta-service-app.ts): one function for the
 * program's path and the library user's, so both register exactly the same children with exactly the same inputs.
 */
export function buildOktaServiceApp(parent: pulumi.ComponentResource, name: string, args: ServiceAppArgs): OktaServiceAppParts {
  const { spec, org, protect } = args;
  const keys = signingKeys(name, spec.keys, parent);
  const secretAuth = spec.tokenEndpointAuthMethod !== "private_key_jwt";
  const secret = secretAuth && spec.clientSecretVersion !== undefined ? clientSecret(name, spec.clientSecretVersion, parent) : undefined;

  const app = new okta.app.OAuth(
    name,
    {
      label: spec.label,
      type: "service",
      grantTypes: spec.grantTypes.map((g) => GRANT_TYPE_URNS[g]),
      responseTypes: ["token"],
      tokenEndpointAuthMethod: spec.tokenEndpointAuthMethod,
      pkceRequired: false,
      // Update calls createOrUpdateAuthenticationPolicy for every app type unless this is set: Create skips
      // service apps, Update does not (terraform-provider-okta v6.12 okta/services/idaas/resource_okta_app_oauth.go,
      // `resourceAppOAuthCreate` vs `resourceAppOAuthUpdate`; okta/terraform-provider-okta#2295, #2403 fixed Create
      // only). Without it every update of a service app (a key rotation, a label) lists policies, which needs
      // okta.policies.read, and PUTs an access policy onto a service app.
      skipAuthenticationPolicy: true,
      ...(keys.length > 0 ? { jwks: keys.map((k) => k.jwk.apply(oktaJwk)) } : {}),
      ...(secret ? { clientBasicSecret: secret } : {}),
    },
    appResourceOptions(parent, { protect, importId: spec.adopt && oktaAppImportId(spec.adopt.id), ignoreChanges: UNMANAGED_OAUTH_INPUTS }),
  );
  // Privileges are revocable in every environment: a scope grant or an admin role that leaves the stack file
  // leaves the org. Only the app (its client id) is retained.
  const childOpts = { parent };
  grantApiScopes(name, app, org.orgUrl, spec.apiScopes, childOpts);
  assignAdminRoles(name, app.clientId, spec.adminRoles, childOpts);

  return {
    app,
    clientId: app.clientId,
    ...(secretAuth ? { clientSecret: pulumi.secret(app.clientSecret) } : {}),
    issuer: org.orgUrl,
    tokenEndpoint: `${org.orgUrl}/oauth2/v1/token`,
    scopes: spec.apiScopes.join(" "),
    keyIds: spec.keys.map((k) => k.kid),
    jwks: pulumi.all(keys.map((k) => k.jwk)),
    ...(spec.activeKeyId !== undefined ? { activeKeyId: spec.activeKeyId } : {}),
    privateKeys: privateKeyOutputs(keys),
  };
}
