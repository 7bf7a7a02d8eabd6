/** The stack's Okta part: the provider, the group lookups, trusted origins, every app, and their outputs. */
import type * as pulumi from "@pulumi/pulumi";
import { BrowserApp, NativeApp, ServiceApp, TrustedOrigins, WebApp, type OktaUserAppArgs } from "../components/okta";
import { groupLookups } from "../components/okta/group-lookups";
import type { OktaModel, OktaUserAppSpec } from "../config/model";
import { eachApp } from "./batches";
import type { OktaAppOutputs } from "./outputs";
import { oktaProvider } from "./providers";
import type { SecretAware } from "./secrets";

export async function oktaStack(model: OktaModel, protect: boolean, secret: SecretAware): Promise<Record<string, OktaAppOutputs>> {
  const provider = oktaProvider(model, secret);
  const opts = { providers: [provider] };
  const groups = groupLookups(provider);

  // Not retained in any environment: an origin that leaves the stack file leaves the org (it costs no client id).
  if (model.trustedOrigins.length > 0) new TrustedOrigins("trusted-origins", { origins: model.trustedOrigins }, opts);

  const outputs: Record<string, OktaAppOutputs> = {};
  await eachApp(model.apps, (spec) => {
    if (spec.kind === "service") {
      outputs[spec.name] = serviceOutputs(new ServiceApp(spec.name, { spec, org: model.org, protect }, opts), model.org.orgUrl);
      return;
    }
    const app = userApp(spec, { spec, org: model.org, groups: groups.groupsFor(spec.name, spec.assignTo), protect }, opts);
    outputs[spec.name] = {
      ...userAppOutputs(spec.kind, app),
      ...(spec.apiScopes.length > 0 ? { scopes: spec.apiScopes.join(" ") } : {}),
    };
  });
  return outputs;
}

function serviceOutputs(app: ServiceApp, orgUrl: string): OktaAppOutputs {
  return {
    type: "service",
    clientId: app.clientId,
    ...(app.clientSecret ? { clientSecret: app.clientSecret } : {}),
    issuer: app.issuer,
    discoveryUrl: `${orgUrl}/.well-known/openid-configuration`,
    tokenEndpoint: app.tokenEndpoint,
    scopes: app.scopes,
    keyIds: app.keyIds,
    ...(app.activeKeyId ? { jwks: app.jwks } : {}),
    ...(app.activeKeyId ? { activeKeyId: app.activeKeyId } : {}),
    ...(Object.keys(app.privateKeys).length > 0 ? { privateKeys: app.privateKeys } : {}),
  };
}

type UserApp = WebApp | BrowserApp | NativeApp;

function userApp(spec: OktaUserAppSpec, args: OktaUserAppArgs, opts: pulumi.ComponentResourceOptions): UserApp {
  switch (spec.kind) {
    case "web":
      return new WebApp(spec.name, args, opts);
    case "browser":
      return new BrowserApp(spec.name, args, opts);
    case "native":
      return new NativeApp(spec.name, args, opts);
  }
}

function userAppOutputs(type: string, app: UserApp): OktaAppOutputs {
  return {
    type,
    clientId: app.clientId,
    ...(app.clientSecret ? { clientSecret: app.clientSecret } : {}),
    issuer: app.issuer,
    discoveryUrl: app.discoveryUrl,
  };
}
