import type * as okta from "@pulumi/okta";
import * as pulumi from "@pulumi/pulumi";
import { buildOktaServiceApp, type ServiceAppArgs } from "../components/okta/service-app";
import type { OktaServiceAppSpec } from "../config/model";
import { prebuiltOf } from "./channel";
import type { KeyArgs, OktaAppArgs } from "./common-args";
import type { ClientAuthMethod, GrantType, StandardAdminRole } from "./enums";
import { planOktaApp } from "./okta-entry";
import type { Jwk, PrivateKey } from "./outputs";

/** A custom admin role: a role bound to a resource set (the stack file's `{ custom: { role, resourceSet } }`). */
export interface CustomAdminRoleArgs {
  /** The custom role's id. */
  role: string;
  /** The resource set's id. */
  resourceSet: string;
}

/** The args of an OktaServiceApp: the stack file's keys of a `type: service` app. Plain values (validated before anything is registered). */
export interface OktaServiceAppArgs extends OktaAppArgs {
  /**
   * The grant types the app may use.
   * @default [GrantType.ClientCredentials]
   */
  grantTypes?: GrantType[];
  /**
   * How the client authenticates: PrivateKeyJwt (the only one Okta accepts with okta.* scopes), or a client secret.
   * @default ClientAuthMethod.PrivateKeyJwt
   */
  clientAuth?: ClientAuthMethod;
  /**
   * Client-secret auth: version of the generated secret; increment to rotate it. Refused with PrivateKeyJwt.
   * @default 1 with a client secret, or none for an adopted app
   */
  clientSecretVersion?: number;
  /**
   * Private key JWT: the signing keys Okta trusts (several during a rotation).
   * @default []
   */
  keys?: KeyArgs[];
  /**
   * Okta's standard admin roles for the app (its Okta API calls are refused without one).
   * @default []
   */
  adminRoles?: StandardAdminRole[];
  /**
   * Custom admin roles, each bound to a resource set; the stack file lists them in `adminRoles` as `{ custom }`.
   * @default []
   */
  customAdminRoles?: CustomAdminRoleArgs[];
  /**
   * SUPER_ADMIN and ORG_ADMIN are refused unless acknowledged here too.
   * @default []
   */
  acknowledgeRoles?: StandardAdminRole[];
}

/**
 * An Okta API service application: client credentials for machines that call Okta's APIs, authenticated by
 * private key JWT (keys generated or brought) or a generated client secret, with its API scope grant and
 * admin roles; the stack file's `type: service`.
 *
 * Construction checks the args with the stack file's rules and throws one InvalidArgsError listing every
 * problem (at paths such as `bot.keys[0].rsaBits`) before anything is registered.
 */
export class OktaServiceApp extends pulumi.ComponentResource {
  /** The Okta app. */
  readonly app: okta.app.OAuth;
  /** The OAuth client id. */
  readonly clientId: pulumi.Output<string>;
  /** Client-secret auth only: the client secret, a Pulumi secret. */
  readonly clientSecret?: pulumi.Output<string>;
  /** The issuer of the org authorization server (the org URL); only with `orgUrl`. */
  readonly issuer?: string;
  /** The org's token endpoint; only with `orgUrl`. */
  readonly tokenEndpoint?: string;
  /** The granted API scopes, space-separated (ready for OKTA_SCOPES). */
  readonly scopes: string;
  /** Private key JWT: the kids of the keys Okta trusts. */
  readonly keyIds: string[];
  /** The public JWKS registered with Okta, for anyone who verifies the app's assertions. */
  readonly jwks: pulumi.Output<Jwk[]>;
  /** Private key JWT: the kid clients sign with. */
  readonly activeKeyId?: string;
  /** Generated keys' private halves by kid, as Pulumi secrets; brought keys have none. */
  readonly privateKeys: Record<string, PrivateKey>;

  constructor(name: string, args: OktaServiceAppArgs, opts?: pulumi.ComponentResourceOptions) {
    const prebuilt = prebuiltOf<ServiceAppArgs>(args);
    const plan = prebuilt ?? { type: "oidc-apps:index:OktaServiceApp", ...planOktaApp("OktaServiceApp", "service", name, args) };
    const orgKnown = plan.org !== undefined;
    super(plan.type, name, {}, opts);
    const spec: OktaServiceAppSpec = plan.spec;
    // No API scopes without an org (a rule), so the stand-in org is read by nothing but the outputs left out below.
    const parts = buildOktaServiceApp(this, name, { spec, org: plan.org ?? { orgName: "", baseUrl: "", orgUrl: "" }, protect: plan.protect });
    this.app = parts.app;
    this.clientId = parts.clientId;
    this.clientSecret = parts.clientSecret;
    if (orgKnown) {
      this.issuer = parts.issuer;
      this.tokenEndpoint = parts.tokenEndpoint;
    }
    this.scopes = parts.scopes;
    this.keyIds = parts.keyIds;
    this.jwks = parts.jwks;
    this.activeKeyId = parts.activeKeyId;
    this.privateKeys = parts.privateKeys;
    // No registered outputs (issue 19): the program exports every value as a stack output, and registering
    // them again cost each app an RPC (and a second copy of its secrets in the state). It marks the end.
    this.registerOutputs({});
  }
}
