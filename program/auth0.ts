/** The stack's Auth0 part: the provider, every app, and their outputs. */
import { COMPONENT_TYPES } from "../components/types";
import type { Auth0Model } from "../config/model";
import { Auth0RegularWebApp } from "../library";
import { prebuiltAuth0App } from "../library/channel";
import { nextTurn, turnBefore } from "./batches";
import type { Auth0AppOutputs } from "./outputs";
import { auth0Provider } from "./providers";
import type { SecretAware } from "./secrets";

export async function auth0Stack(model: Auth0Model, protect: boolean, secret: SecretAware): Promise<Record<string, Auth0AppOutputs>> {
  const provider = auth0Provider(model, secret);
  const outputs: Record<string, Auth0AppOutputs> = {};
  for (const [i, spec] of model.apps.entries()) {
    if (turnBefore(i)) await nextTurn();
    // The model the loader built (library/channel.ts): validated once, with the type token of a shipped stack's URNs.
    const args = prebuiltAuth0App<ConstructorParameters<typeof Auth0RegularWebApp>[1]>({ type: COMPONENT_TYPES.auth0Web, spec, domain: model.domain, protect });
    const app = new Auth0RegularWebApp(spec.name, args, { providers: [provider] });
    outputs[spec.name] = {
      type: spec.kind,
      domain: app.domain,
      clientId: app.clientId,
      ...(app.clientSecret ? { clientSecret: app.clientSecret } : {}),
      issuer: app.issuer,
      ...(app.keyIds ? { keyIds: app.keyIds } : {}),
      ...(app.activeKeyId ? { activeKeyId: app.activeKeyId } : {}),
      ...(Object.keys(app.privateKeys).length > 0 ? { privateKeys: app.privateKeys } : {}),
    };
  }
  return outputs;
}
