/** The stack's Okta part: the provider, the group lookups, trusted origins, every app, and their outputs. */
import type * as pulumi from "@pulumi/pulumi";
import { groupLookups } from "../components/okta/group-lookups";
import type { OktaUserAppArgs } from "../components/okta/user-app";
import { COMPONENT_TYPES } from "../components/types";
import type { OktaModel, OktaServiceAppSpec, OktaUserAppSpec } from "../config/model";
import { OktaBrowserApp, OktaNativeApp, OktaServiceApp, OktaTrustedOrigins, OktaWebApp } from "../library";
import { prebuiltOktaServiceApp, prebuiltOktaUserApp, prebuiltTrustedOrigins } from "../library/channel";
import { eachApp } from "./batches";
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
  const groups = groupLookups(provider);

  // Not retained in any environment: an origin that leaves the stack file leaves the org (it costs no client id).
  if (model.trustedOrigins.length > 0) {
    new OktaTrustedOrigins("trusted-origins", prebuiltTrustedOrigins({ type: COMPONENT_TYPES.oktaTrustedOrigins, origins: model.trustedOrigins }), opts);
  }

  const outputs: Record<string, OktaAppOutputs> = {};
  await eachApp(model.apps, (spec) => {
    if (spec.kind === "service") {
      outputs[spec.name] = serviceOutputs(serviceApp(spec, model, protect, opts), model.org.orgUrl);
      return;
    }
    const app = userApp(spec, { spec, org: model.org, groups: groups.groupsFor(spec.name, spec.assignTo), protect }, opts);
    outputs[spec.name] = {
      ...userAppOutputs(spec.kind, app, model.org.orgUrl),
      ...(spec.apiScopes.length > 0 ? { scopes: spec.apiScopes.join(" ") } : {}),
    };
  });
  return outputs;
}

function serviceApp(spec: OktaServiceAppSpec, model: OktaModel, protect: boolean, opts: pulumi.ComponentResourceOptions): OktaServiceApp {
  return new OktaServiceApp(spec.name, prebuiltOktaServiceApp({ type: COMPONENT_TYPES.oktaService, spec, org: model.org, protect }), opts);
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

function userApp(spec: OktaUserAppSpec, args: OktaUserAppArgs, opts: pulumi.ComponentResourceOptions): UserApp {
  switch (spec.kind) {
    case "web":
      return new OktaWebApp(spec.name, prebuiltOktaUserApp({ type: COMPONENT_TYPES.oktaWeb, ...args }), opts);
    case "browser":
      return new OktaBrowserApp(spec.name, prebuiltOktaUserApp({ type: COMPONENT_TYPES.oktaBrowser, ...args }), opts);
    case "native":
      return new OktaNativeApp(spec.name, prebuiltOktaUserApp({ type: COMPONENT_TYPES.oktaNative, ...args }), opts);
  }
}

function userAppOutputs(type: string, app: UserApp, orgUrl: string): OktaAppOutputs {
  return {
    type,
    clientId: app.clientId,
    ...("clientSecret" in app && app.clientSecret ? { clientSecret: app.clientSecret } : {}),
    issuer: orgUrl,
    discoveryUrl: `${orgUrl}/.well-known/openid-configuration`,
  };
}
