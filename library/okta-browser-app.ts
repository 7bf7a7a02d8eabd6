import type * as okta from "@pulumi/okta";
import * as pulumi from "@pulumi/pulumi";
import type { OktaSignInAppArgs } from "./common-args";

import { buildOktaUserApp } from "../components/okta/user-app";
import { planUserApp, userAppArgs, userAppOrigins } from "./okta-user-app";

/** The args of an OktaBrowserApp: the stack file's keys of a `type: browser` app. Plain values (validated before anything is registered). */
// The stack file has no key for browser apps only: the shared ones are all there are.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface OktaBrowserAppArgs extends OktaSignInAppArgs {}

/**
 * An Okta OIDC single-page application: a public client (authorization code with PKCE, no secret), the stack file's `type: browser`.
 *
 * Construction checks the args with the stack file's rules and throws one InvalidArgsError listing every
 * problem (at paths such as `portal.redirectUris[0]`) before anything is registered.
 */
export class OktaBrowserApp extends pulumi.ComponentResource {
  /** The Okta app. */
  readonly app: okta.app.OAuth;
  /** The OAuth client id. */
  readonly clientId: pulumi.Output<string>;

  /** The issuer of the org authorization server (the org URL); only with `orgUrl`. */
  readonly issuer?: string;
  /** The issuer's OpenID Connect discovery document; only with `orgUrl`. */
  readonly discoveryUrl?: string;

  constructor(name: string, args: OktaBrowserAppArgs, opts?: pulumi.ComponentResourceOptions) {
    const plan = planUserApp("oidc-apps:index:OktaBrowserApp", "OktaBrowserApp", "browser", name, args);
    super(plan.type, name, {}, opts);
    const parts = buildOktaUserApp(this, name, userAppArgs(this, name, plan));
    userAppOrigins(this, name, plan);
    this.app = parts.app;
    this.clientId = parts.clientId;

    if (plan.orgKnown) {
      this.issuer = parts.issuer;
      this.discoveryUrl = parts.discoveryUrl;
    }
    // No registered outputs (issue 19): the program exports every value as a stack output, and registering
    // them again cost each app an RPC (and a second copy of its secrets in the state). It marks the end.
    this.registerOutputs({});
  }
}
