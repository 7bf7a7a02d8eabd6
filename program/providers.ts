/**
 * The Okta and Auth0 providers, each built once per stack, from the stack's okta:* / auth0:* config. Each exists
 * only when the stack declares apps for it, so an Okta-only stack needs no Auth0 settings.
 */
import * as auth0 from "@pulumi/auth0";
import * as okta from "@pulumi/okta";
import * as pulumi from "@pulumi/pulumi";
import type { Auth0Model, OktaModel } from "../config/model";
import { OKTA_PROVIDER_DEFAULTS, OKTA_TUNABLES } from "../config/provider-settings";
import type { SecretAware } from "./secrets";

/**
 * The Okta provider. Credentials: `pulumi config set --secret okta:apiToken|okta:privateKey`, or the provider's
 * own environment variables (OKTA_API_TOKEN; OKTA_API_CLIENT_ID + OKTA_API_PRIVATE_KEY ...), which the provider
 * reads itself when these are unset.
 */
export function oktaProvider(model: OktaModel, secret: SecretAware): okta.Provider {
  const cfg = new pulumi.Config("okta");
  const tunables: Record<string, number | boolean> = {};
  for (const [key, spec] of Object.entries(OKTA_TUNABLES)) {
    const value = spec.type === "boolean" ? cfg.getBoolean(key) : cfg.getNumber(key);
    if (value !== undefined) tunables[key] = value;
  }
  const scopes = cfg.getObject<string[]>("scopes");
  return new okta.Provider("okta", {
    orgName: model.org.orgName,
    baseUrl: model.org.baseUrl,
    ...OKTA_PROVIDER_DEFAULTS,
    ...tunables,
    ...defined({
      apiToken: cfg.getSecret("apiToken"),
      accessToken: cfg.getSecret("accessToken"),
      privateKey: cfg.getSecret("privateKey"),
      privateKeyId: secret(cfg, "okta", "privateKeyId"),
      clientId: secret(cfg, "okta", "clientId"),
      httpProxy: secret(cfg, "okta", "httpProxy"),
      scopes,
    }),
  });
}

export function auth0Provider(model: Auth0Model, secret: SecretAware): auth0.Provider {
  const cfg = new pulumi.Config("auth0");
  // Credentials: `pulumi config set --secret auth0:clientSecret` (or apiToken / clientAssertionPrivateKey), or
  // the provider's environment variables AUTH0_CLIENT_ID, AUTH0_CLIENT_SECRET, AUTH0_API_TOKEN.
  return new auth0.Provider("auth0", {
    domain: model.domain,
    ...defined({
      clientId: secret(cfg, "auth0", "clientId"),
      clientSecret: cfg.getSecret("clientSecret"),
      apiToken: cfg.getSecret("apiToken"),
      clientAssertionPrivateKey: cfg.getSecret("clientAssertionPrivateKey"),
      clientAssertionSigningAlg: secret(cfg, "auth0", "clientAssertionSigningAlg"),
      audience: secret(cfg, "auth0", "audience"),
      customDomainHeader: secret(cfg, "auth0", "customDomainHeader"),
      // An explicit provider does not read the stack's auth0:* config by itself: pass the switches on
      // (config/provider-settings.ts AUTH0_SWITCHES; the loader refuses values other than true and false).
      debug: cfg.getBoolean("debug"),
      cliLogin: cfg.getBoolean("cliLogin"),
      dynamicCredentials: cfg.getBoolean("dynamicCredentials"),
    }),
  });
}

function defined<T extends Record<string, unknown>>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as Partial<T>;
}
