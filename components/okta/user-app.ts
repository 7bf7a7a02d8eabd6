/**
 * Okta apps that sign people in: web (confidential, client secret), browser (SPA) and native (public, PKCE).
 * One build for every kind: an `okta.app.OAuth` named exactly like the component, a generated client secret for
 * web apps, and the app's group assignments and scope grants.
 */
import * as okta from "@pulumi/okta";
import * as pulumi from "@pulumi/pulumi";
import type { OktaOrg, OktaUserAppSpec } from "../../config/model";
import { appResourceOptions } from "../app-options";
import { grantApiScopes } from "./api-scopes";
import { assignGroups, type GroupToAssign } from "./assignments";
import { clientSecret } from "./client-secret";
import { oauthArgs, oktaAppImportId, UNMANAGED_OAUTH_INPUTS } from "./oauth-args";

export interface OktaUserAppArgs {
  /** The validated app, defaults applied. */
  readonly spec: OktaUserAppSpec;
  /** The org: the issuer of the org authorization server. */
  readonly org: OktaOrg;
  /** Groups to assign, already looked up once per stack by the caller; empty for `assignTo: none`. */
  readonly groups: readonly GroupToAssign[];
  /** Production: protect the app against deletion and replacement, and retain it on delete. */
  readonly protect: boolean;
}

/** What an Okta user app's build hands its component: the app and the values clients read. */
export interface OktaUserAppParts {
  readonly app: okta.app.OAuth;
  readonly clientId: pulumi.Output<string>;
  /** Web apps only; always a Pulumi secret. */
  readonly clientSecret?: pulumi.Output<string>;
  /** Known from the config: plain values, not Outputs (issue 19: fewer objects per app). */
  readonly issuer: string;
  readonly discoveryUrl: string;
}

/**
 * The resources of an Okta user app, under `parent` (a library component, library/): one function for the
 * program's path and the library user's, so both register exactly the same children with exactly the same inputs.
 */
export function buildOktaUserApp(parent: pulumi.ComponentResource, name: string, args: OktaUserAppArgs): OktaUserAppParts {
  const { spec, org, protect } = args;
  // An adopted web app keeps its existing secret until `clientSecretVersion` is set (see config/okta.ts).
  const secret = spec.kind === "web" && spec.clientSecretVersion !== undefined ? clientSecret(name, spec.clientSecretVersion, parent) : undefined;

  const app = new okta.app.OAuth(
    name,
    { ...oauthArgs(spec), ...(secret ? { clientBasicSecret: secret } : {}) },
    appResourceOptions(parent, { protect, importId: spec.adopt && oktaAppImportId(spec.adopt.id), ignoreChanges: UNMANAGED_OAUTH_INPUTS }),
  );
  // Privileges are revocable in every environment: an assignment or a scope grant that leaves the stack file
  // leaves the org. Only the app (its client id) is retained.
  const childOpts = { parent };
  assignGroups(name, app, args.groups, childOpts);
  grantApiScopes(name, app, org.orgUrl, spec.apiScopes, childOpts);

  return {
    app,
    clientId: app.clientId,
    // The provider marks it secret through additionalSecretOutputs; wrap it anyway so no path can leak it.
    ...(spec.kind === "web" ? { clientSecret: pulumi.secret(app.clientSecret) } : {}),
    issuer: org.orgUrl,
    discoveryUrl: `${org.orgUrl}/.well-known/openid-configuration`,
  };
}
