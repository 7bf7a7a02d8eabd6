/** The stack's Auth0 part: the provider, every app, and their outputs. */
import { Auth0WebApp } from "../components/auth0/web-app";
import type { Auth0Model } from "../config/model";
import { eachApp } from "./batches";
import type { Auth0AppOutputs } from "./outputs";
import { auth0Provider } from "./providers";
import type { SecretAware } from "./secrets";

export async function auth0Stack(model: Auth0Model, protect: boolean, secret: SecretAware): Promise<Record<string, Auth0AppOutputs>> {
  const provider = auth0Provider(model, secret);
  const outputs: Record<string, Auth0AppOutputs> = {};
  await eachApp(model.apps, (spec) => {
    const app = new Auth0WebApp(spec.name, { spec, domain: model.domain, protect }, { providers: [provider] });
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
  });
  return outputs;
}
