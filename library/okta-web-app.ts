import type * as okta from "@pulumi/okta";
import * as pulumi from "@pulumi/pulumi";
import type { OktaSignInAppArgs } from "./common-args";
import type { ClientAuthMethod } from "./enums";
import { buildOktaUserApp } from "../components/okta/user-app";
import { planUserApp, userAppArgs, userAppOrigins } from "./okta-user-app";

/** The args of an OktaWebApp: the stack file's keys of a `type: web` app. Plain values (validated before anything is registered). */
export interface OktaWebAppArgs extends OktaSignInAppArgs {
  /**
   * How the client authenticates at the token endpoint: ClientSecretBasic or ClientSecretPost.
   * @default ClientAuthMethod.ClientSecretBasic
   */
  clientAuth?: ClientAuthMethod;
  /**
   * Version of the generated client secret; increment to rotate it (the old secret stops working at once).
   * @default 1, or none for an adopted app: it keeps its secret until this is set
   */
  clientSecretVersion?: number;
  /**
   * Require PKCE as well as the client secret.
   * @default false
   */
  pkceRequired?: boolean;
}

/**
 * An Okta OIDC web application: a confidential client (authorization code, client secret), the stack file's `type: web`. Its client secret is generated (64 alphanumerics) and rotated by `clientSecretVersion`.
 *
 * Construction checks the args with the stack file's rules and throws one InvalidArgsError listing every
 * problem (at paths such as `portal.redirectUris[0]`) before anything is registered.
 */
export class OktaWebApp extends pulumi.ComponentResource {
  /** The Okta app. */
  readonly app: okta.app.OAuth;
  /** The OAuth client id. */
  readonly clientId: pulumi.Output<string>;
  /** The client secret, a Pulumi secret. */
  readonly clientSecret: pulumi.Output<string>;
  /** The issuer of the org authorization server (the org URL); only with `orgUrl`. */
  readonly issuer?: string;
  /** The issuer's OpenID Connect discovery document; only with `orgUrl`. */
  readonly discoveryUrl?: string;

  constructor(name: string, args: OktaWebAppArgs, opts?: pulumi.ComponentResourceOptions) {
    const plan = planUserApp("oidc-apps:index:OktaWebApp", "OktaWebApp", "web", name, args);
    super(plan.type, name, {}, opts);
    const parts = buildOktaUserApp(this, name, userAppArgs(this, name, plan));
    userAppOrigins(this, name, plan);
    this.app = parts.app;
    this.clientId = parts.clientId;
    this.clientSecret = parts.clientSecret!;
    if (plan.orgKnown) {
      this.issuer = parts.issuer;
      this.discoveryUrl = parts.discoveryUrl;
    }
    // No registered outputs (issue 19): the program exports every value as a stack output, and registering
    // them again cost each app an RPC (and a second copy of its secrets in the state). It marks the end.
    this.registerOutputs({});
  }
}
