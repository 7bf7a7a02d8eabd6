/** The stack's Okta part: the provider, the group lookups, trusted origins, every app, and their outputs. */
import type * as pulumi from "@pulumi/pulumi";
import { groupAssigners, groupLookups } from "../components/okta/group-lookups";
import type { OktaUserAppArgs } from "../components/okta/user-app";
import { COMPONENT_TYPES } from "../components/types";
import type { OktaModel, OktaUserAppSpec } from "../config/model";
import { OktaBrowserApp, OktaNativeApp, OktaServiceApp, OktaTrustedOrigins, OktaWebApp, type OktaBrowserAppArgs, type OktaNativeAppArgs, type OktaWebAppArgs } from "../library";
import { prebuiltOktaServiceApp, prebuiltOktaUserApp, prebuiltTrustedOrigins, type Prebuilt } from "../library/channel";
import { nextTurn, turnBefore } from "./batches";
import type { OktaAppOutputs } from "./outputs";
import { oktaProvider } from "./providers";
import type { SecretAware } from "./secrets";

/**
 * The library's components, given the model the loader built (library/channel.ts): validated once, for the
 * whole stack, and keeping the type tokens every URN of a shipped stack has (components/types.ts).
 */
export async function oktaStack(model: OktaModel, protect: boolean, secret: SecretAware): Promise<Record<string, OktaAppOutputs>> {
  const provider = oktaProvider(model, secret);
  const opts = { providers: [provider] };
  const groups = groupLookups(provider, groupAssigners(model.apps));

  // Not retained in any environment: an origin that leaves the stack file leaves the org (it costs no client id).
  if (model.trustedOrigins.length > 0) {
    new OktaTrustedOrigins("trusted-origins", prebuiltTrustedOrigins({ type: COMPONENT_TYPES.oktaTrustedOrigins, origins: model.trustedOrigins }), opts);
  }

  const outputs: Record<string, OktaAppOutputs> = {};
  // Constructed right here, not through helpers or callbacks: every frame between this loop and a resource is
  // read by the SDK for every resource (program/batches.ts).
  for (const [i, spec] of model.apps.entries()) {
    if (turnBefore(i)) await nextTurn();
    if (spec.kind === "service") {
      const app = new OktaServiceApp(spec.name, prebuiltOktaServiceApp({ type: COMPONENT_TYPES.oktaService, spec, org: model.org, protect }), opts);
      outputs[spec.name] = serviceOutputs(app, model.org.orgUrl);
      continue;
    }
    const { Class, type } = USER_APPS[spec.kind];
    const args: Prebuilt<OktaUserAppArgs> = { type, spec, org: model.org, groups: groups.groupsFor(spec.name, spec.assignTo), protect };
    const app = new Class(spec.name, prebuiltOktaUserApp(args), opts);
    outputs[spec.name] = {
      ...userAppOutputs(spec.kind, app, model.org.orgUrl),
      ...(spec.apiScopes.length > 0 ? { scopes: spec.apiScopes.join(" ") } : {}),
    };
  }
  return outputs;
}

function serviceOutputs(app: OktaServiceApp, orgUrl: string): OktaAppOutputs {
  return {
    type: "service",
    clientId: app.clientId,
    ...(app.clientSecret ? { clientSecret: app.clientSecret } : {}),
    // The model's org: the same plain values the component holds.
    issuer: orgUrl,
    discoveryUrl: `${orgUrl}/.well-known/openid-configuration`,
    tokenEndpoint: `${orgUrl}/oauth2/v1/token`,
    scopes: app.scopes,
    keyIds: app.keyIds,
    ...(app.activeKeyId ? { jwks: app.jwks } : {}),
    ...(app.activeKeyId ? { activeKeyId: app.activeKeyId } : {}),
    ...(Object.keys(app.privateKeys).length > 0 ? { privateKeys: app.privateKeys } : {}),
  };
}

type UserApp = OktaWebApp | OktaBrowserApp | OktaNativeApp;
/** The args every user-app class takes from the program: the prebuilt carrier (library/channel.ts), typed as all three. */
type UserAppClass = new (name: string, args: OktaWebAppArgs & OktaBrowserAppArgs & OktaNativeAppArgs, opts?: pulumi.ComponentResourceOptions) => UserApp;

/** Each kind's class, and the type token its URNs keep (components/types.ts). */
const USER_APPS: Record<OktaUserAppSpec["kind"], { readonly Class: UserAppClass; readonly type: string }> = {
  web: { Class: OktaWebApp, type: COMPONENT_TYPES.oktaWeb },
  browser: { Class: OktaBrowserApp, type: COMPONENT_TYPES.oktaBrowser },
  native: { Class: OktaNativeApp, type: COMPONENT_TYPES.oktaNative },
};

function userAppOutputs(type: string, app: UserApp, orgUrl: string): OktaAppOutputs {
  return {
    type,
    clientId: app.clientId,
    ...("clientSecret" in app && app.clientSecret ? { clientSecret: app.clientSecret } : {}),
    issuer: orgUrl,
    discoveryUrl: `${orgUrl}/.well-known/openid-configuration`,
  };
}
