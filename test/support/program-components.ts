/**
 * The public components built the way the program builds them (program/okta.ts, program/auth0.ts): through the
 * internal channel, with an already validated model and the type tokens the shipped stacks were created with.
 * Component tests use these to register an app from a model spec without a stack file.
 */
import type * as pulumi from "@pulumi/pulumi";
import type { Auth0WebAppArgs } from "../../components/auth0/web-app";
import type { ServiceAppArgs } from "../../components/okta/service-app";
import type { TrustedOriginsArgs } from "../../components/okta/trusted-origins";
import type { OktaUserAppArgs } from "../../components/okta/user-app";
import { COMPONENT_TYPES } from "../../components/types";
import { Auth0RegularWebApp, OktaBrowserApp, OktaNativeApp, OktaServiceApp, OktaTrustedOrigins, OktaWebApp } from "../../library";
import type { Auth0RegularWebAppArgs, OktaBrowserAppArgs, OktaNativeAppArgs, OktaServiceAppArgs, OktaTrustedOriginsArgs, OktaWebAppArgs } from "../../library";
import { prebuiltAuth0App, prebuiltOktaServiceApp, prebuiltOktaUserApp, prebuiltTrustedOrigins } from "../../library/channel";

type Options = pulumi.ComponentResourceOptions;

export class WebApp extends OktaWebApp {
  constructor(name: string, args: OktaUserAppArgs, opts?: Options) {
    super(name, prebuiltOktaUserApp<OktaWebAppArgs>({ type: COMPONENT_TYPES.oktaWeb, ...args }), opts);
  }
}

export class BrowserApp extends OktaBrowserApp {
  constructor(name: string, args: OktaUserAppArgs, opts?: Options) {
    super(name, prebuiltOktaUserApp<OktaBrowserAppArgs>({ type: COMPONENT_TYPES.oktaBrowser, ...args }), opts);
  }
}

export class NativeApp extends OktaNativeApp {
  constructor(name: string, args: OktaUserAppArgs, opts?: Options) {
    super(name, prebuiltOktaUserApp<OktaNativeAppArgs>({ type: COMPONENT_TYPES.oktaNative, ...args }), opts);
  }
}

export class ServiceApp extends OktaServiceApp {
  constructor(name: string, args: ServiceAppArgs, opts?: Options) {
    super(name, prebuiltOktaServiceApp<OktaServiceAppArgs>({ type: COMPONENT_TYPES.oktaService, ...args }), opts);
  }
}

export class TrustedOrigins extends OktaTrustedOrigins {
  constructor(name: string, args: TrustedOriginsArgs, opts?: Options) {
    super(name, prebuiltTrustedOrigins<OktaTrustedOriginsArgs>({ type: COMPONENT_TYPES.oktaTrustedOrigins, ...args }), opts);
  }
}

export class Auth0WebApp extends Auth0RegularWebApp {
  constructor(name: string, args: Auth0WebAppArgs, opts?: Options) {
    super(name, prebuiltAuth0App<Auth0RegularWebAppArgs>({ type: COMPONENT_TYPES.auth0Web, ...args }), opts);
  }
}
