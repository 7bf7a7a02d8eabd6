/**
 * A client Configuration for one check: the discovered metadata, the app's client id and its client
 * authentication, with verify's request policy (timeout, http only to loopback). Private key JWT signs with
 * the consumer's algorithm when the plan names the consumer's (keys.ts loadSigningKey).
 */
import * as client from "openid-client";
import { loadSigningKey, type LoadedKey } from "../keys";
import type { ClientAuthPlan } from "../targets";
import { applyPolicy, type RequestPolicy } from "../transport";

export type Prepared = { ok: true; config: client.Configuration; key?: Extract<LoadedKey, { ok: true }> } | { ok: false; reason: string };

export async function prepareClient(metadata: client.ServerMetadata, issuer: URL, clientId: string, plan: ClientAuthPlan, policy: RequestPolicy): Promise<Prepared> {
  const configure = (auth: client.ClientAuth) => applyPolicy(new client.Configuration(metadata, clientId, undefined, auth), issuer, policy);
  switch (plan.method) {
    case "none":
      return { ok: true, config: configure(client.None()) };
    case "client_secret_basic":
      return { ok: true, config: configure(client.ClientSecretBasic(plan.secret)) };
    case "client_secret_post":
      return { ok: true, config: configure(client.ClientSecretPost(plan.secret)) };
    case "private_key_jwt": {
      const key = await loadSigningKey(plan.pem, plan.kid, plan.algs);
      if (!key.ok) return { ok: false, reason: key.reason };
      const tokenEndpoint = metadata.token_endpoint;
      const options: client.ModifyAssertionOptions | undefined =
        plan.audience === "token_endpoint" && tokenEndpoint
          ? {
              [client.modifyAssertion]: (_header, payload) => {
                // Okta accepts only the endpoint being called as the assertion's audience; verify signs only
                // for the token endpoint.
                payload.aud = tokenEndpoint;
              },
            }
          : undefined;
      return { ok: true, config: configure(client.PrivateKeyJwt(key.key, options)), key };
    }
  }
}
