/**
 * Okta apps that sign people in: web (confidential, client secret), browser (SPA) and native (public, PKCE).
 * One component per kind, sharing this base: an `okta.app.OAuth` named exactly like the component, a generated
 * client secret for web apps, and the app's group assignments.
 */
import * as okta from "@pulumi/okta";
import * as pulumi from "@pulumi/pulumi";
import type { OktaOrg, OktaUserAppSpec } from "../../config/model";
import { appResourceOptions } from "../app-options";
import { COMPONENT_TYPES } from "../types";
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
 * The resources of an Okta user app, under `parent`: shared by the program's components (below) and the
 * library's (library/), so both register exactly the same children with exactly the same inputs.
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

abstract class OktaUserApp extends pulumi.ComponentResource {
  /** The Okta app. */
  readonly app: okta.app.OAuth;
  readonly clientId: pulumi.Output<string>;
  /** Web apps only; always a Pulumi secret. */
  readonly clientSecret?: pulumi.Output<string>;
  /** Known from the config: plain values, not Outputs (issue 19: fewer objects per app). */
  readonly issuer: string;
  readonly discoveryUrl: string;

  protected constructor(type: string, name: string, args: OktaUserAppArgs, opts?: pulumi.ComponentResourceOptions) {
    super(type, name, {}, opts);
    const parts = buildOktaUserApp(this, name, args);
    this.app = parts.app;
    this.clientId = parts.clientId;
    this.clientSecret = parts.clientSecret;
    this.issuer = parts.issuer;
    this.discoveryUrl = parts.discoveryUrl;
    // No registered outputs (issue 19): every value is in the stack outputs, which is what consumers read, and
    // registering them again cost each app an RPC that awaits and serializes them (and put a second copy of its
    // secrets in the state). Registering signals the component complete.
    this.registerOutputs({});
  }
}

/** A confidential web app: authorization code, client secret. */
export class WebApp extends OktaUserApp {
  constructor(name: string, args: OktaUserAppArgs, opts?: pulumi.ComponentResourceOptions) {
    super(COMPONENT_TYPES.oktaWeb, name, args, opts);
  }
}

/** A single-page app: public client, PKCE, no secret. */
export class BrowserApp extends OktaUserApp {
  constructor(name: string, args: OktaUserAppArgs, opts?: pulumi.ComponentResourceOptions) {
    super(COMPONENT_TYPES.oktaBrowser, name, args, opts);
  }
}

/** A native (desktop, mobile, CLI) app: public client, PKCE, custom-scheme redirects, device grant. */
export class NativeApp extends OktaUserApp {
  constructor(name: string, args: OktaUserAppArgs, opts?: pulumi.ComponentResourceOptions) {
    super(COMPONENT_TYPES.oktaNative, name, args, opts);
  }
}
