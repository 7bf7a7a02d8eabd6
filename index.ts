/**
 * The oidc-apps program. The only place that reads Pulumi config and builds providers; everything else gets
 * typed values from here. The same function runs under the real engine (`pulumi up`, which calls the exported
 * function with no arguments) and under the mock runtime (the offline plan and the tests).
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import * as auth0 from "@pulumi/auth0";
import * as okta from "@pulumi/okta";
import * as pulumi from "@pulumi/pulumi";
import { BrowserApp, NativeApp, ServiceApp, TrustedOrigins, WebApp, type OktaAppOutputs, type PrivateKeyOutputs } from "./components/okta";
import { groupLookups } from "./components/okta/group-lookups";
import { Auth0WebApp } from "./components/auth0/web-app";
import { ConfigInvalidError, formatDiagnostic, type Diagnostic } from "./config/diagnostics";
import { loadStackConfig } from "./config/load";
import type { Auth0Model, OktaModel, OktaUserAppSpec } from "./config/model";
import { OKTA_PROVIDER_DEFAULTS, OKTA_TUNABLES } from "./config/provider-settings";
import type { HandoffTemplate, OutputRef } from "./recipes/types";
import { BUILD_INFO, sourceHash } from "./scripts/source-hash";

/** The exported function, its options (used by the offline plan and tests; `pulumi up` passes none). */
function main(options: main.Options = {}): Promise<main.StackOutputs> {
  const stale = staleBuild();
  if (stale) return Promise.reject(new pulumi.RunError(stale));
  const stackFile = options.stackFile ?? `stacks/Pulumi.${pulumi.getStack()}.yaml`;
  const secretKeys = options.secretKeys ?? secretKeysFromEngine();
  const { model, diagnostics } = loadStackConfig({ config: pulumi.runtime.allConfig(), ...(secretKeys ? { secretKeys } : {}) });
  report(diagnostics, stackFile, options.onDiagnostics);
  if (!model) {
    // RunError: the engine prints the message without a stack trace. Nothing has been registered yet.
    return Promise.reject(new pulumi.RunError(new ConfigInvalidError(diagnostics, stackFile).message));
  }
  const outputs: main.StackOutputs = { environment: model.environment };
  // Each provider exists only when the stack declares apps for it, so an Okta-only stack needs no Auth0 settings.
  if (model.okta) outputs.okta = oktaStack(model.okta, model.protect);
  if (model.auth0) outputs.auth0 = auth0Stack(model.auth0, model.protect);
  if (model.recipes.length > 0) {
    outputs.handoffs = Object.fromEntries(model.recipes.map((r) => [r.instance, resolveHandoff(r.handoff, outputs)]));
  }
  return Promise.resolve(outputs);
}

namespace main {
  export interface Options {
    /** The stack file the config came from, for messages. Default `stacks/Pulumi.<stack>.yaml`. */
    stackFile?: string;
    /** Keys whose values are secrets. Default: what the engine says (`PULUMI_CONFIG_SECRET_KEYS`). */
    secretKeys?: ReadonlySet<string>;
    /** Receives every diagnostic (errors and warnings). Default: warnings go to the Pulumi log. */
    onDiagnostics?: (diagnostics: readonly Diagnostic[]) => void;
  }

  export interface AppOutputs {
    readonly type: string;
    readonly clientId: pulumi.Output<string>;
    /** Web apps and client-secret service apps. Secret. */
    readonly clientSecret?: pulumi.Output<string>;
    readonly issuer: pulumi.Output<string>;
    readonly discoveryUrl: pulumi.Output<string>;
    /** Service apps. */
    readonly tokenEndpoint?: pulumi.Output<string>;
    /** Apps with API scopes: space-separated. */
    readonly scopes?: pulumi.Output<string>;
    readonly keyIds?: pulumi.Output<string[]>;
    /** Service apps with private key JWT: the public JWKS. */
    readonly jwks?: pulumi.Output<unknown[]>;
    readonly activeKeyId?: pulumi.Output<string>;
    /** Generated keys by kid: `{ pem, jwk }`, both secret. */
    readonly privateKeys?: Readonly<Record<string, PrivateKeyOutputs>>;
  }

  export interface Auth0AppOutputs {
    readonly type: "regular_web";
    readonly domain: pulumi.Output<string>;
    readonly clientId: pulumi.Output<string>;
    /** Client-secret auth. Secret. */
    readonly clientSecret?: pulumi.Output<string>;
    readonly issuer: pulumi.Output<string>;
    /** private_key_jwt: the kids Auth0 holds and the one to sign with. */
    readonly keyIds?: pulumi.Output<string[]>;
    readonly activeKeyId?: pulumi.Output<string>;
    /** private_key_jwt, generated keys by kid: `{ pem, jwk }`, both secret. */
    readonly privateKeys?: Readonly<Record<string, PrivateKeyOutputs>>;
  }

  export interface StackOutputs {
    environment: string;
    okta?: Record<string, AppOutputs>;
    auth0?: Record<string, Auth0AppOutputs>;
    /** Per recipe instance: exactly what its third-party product asks for; secrets stay secrets. */
    handoffs?: Record<string, unknown>;
  }
}

/**
 * `pulumi up` runs the compiled program (bin/index.js, for a fast start-up). Refuse to run a build that no
 * longer matches the sources. Running from TypeScript (the plan, the tests) needs no check.
 */
function staleBuild(): string | undefined {
  if (!__filename.endsWith(".js")) return undefined;
  const root = path.resolve(__dirname, "..");
  let recorded: unknown;
  try {
    recorded = JSON.parse(readFileSync(path.join(root, BUILD_INFO), "utf8"));
  } catch {
    return `${BUILD_INFO} is missing: run \`npm run build\` (or \`npm ci\`) before \`pulumi preview\` / \`pulumi up\`.`;
  }
  if ((recorded as { sourceHash?: unknown }).sourceHash !== sourceHash(root)) {
    return "The compiled program in bin/ is older than the TypeScript sources: run `npm run build`, then run pulumi again.";
  }
  return undefined;
}

function report(diagnostics: readonly Diagnostic[], stackFile: string, sink: main.Options["onDiagnostics"]): void {
  if (sink) {
    sink(diagnostics);
    return;
  }
  for (const d of diagnostics) if (d.severity === "warning") void pulumi.log.warn(formatDiagnostic(d, stackFile));
}

/** The language host passes the names of secret config keys in this variable. */
function secretKeysFromEngine(): ReadonlySet<string> | undefined {
  const raw = process.env["PULUMI_CONFIG_SECRET_KEYS"];
  if (!raw) return undefined;
  try {
    const keys: unknown = JSON.parse(raw);
    return Array.isArray(keys) ? new Set(keys.filter((k): k is string => typeof k === "string")) : undefined;
  } catch {
    return undefined;
  }
}

function oktaStack(model: OktaModel, protect: boolean): Record<string, main.AppOutputs> {
  const provider = oktaProvider(model);
  const opts = { providers: [provider] };
  const groups = groupLookups(provider);

  // Not retained in any environment: an origin that leaves the stack file leaves the org (it costs no client id).
  if (model.trustedOrigins.length > 0) new TrustedOrigins("trusted-origins", { origins: model.trustedOrigins }, opts);

  const outputs: Record<string, main.AppOutputs> = {};
  for (const spec of model.apps) {
    if (spec.kind === "service") {
      outputs[spec.name] = serviceOutputs(new ServiceApp(spec.name, { spec, org: model.org, protect }, opts), model.org.orgUrl);
      continue;
    }
    const app = userApp(spec, { spec, org: model.org, groups: groups.groupsFor(spec.name, spec.assignTo), protect }, opts);
    outputs[spec.name] = {
      ...appOutputs(spec.kind, app),
      ...(spec.apiScopes.length > 0 ? { scopes: pulumi.output(spec.apiScopes.join(" ")) } : {}),
    };
  }
  return outputs;
}

function serviceOutputs(app: ServiceApp, orgUrl: string): main.AppOutputs {
  return {
    type: "service",
    clientId: app.clientId,
    ...(app.clientSecret ? { clientSecret: app.clientSecret } : {}),
    issuer: app.issuer,
    discoveryUrl: pulumi.output(`${orgUrl}/.well-known/openid-configuration`),
    tokenEndpoint: app.tokenEndpoint,
    scopes: app.scopes,
    keyIds: app.keyIds,
    ...(app.activeKeyId ? { jwks: app.jwks } : {}),
    ...(app.activeKeyId ? { activeKeyId: app.activeKeyId } : {}),
    ...(Object.keys(app.privateKeys).length > 0 ? { privateKeys: app.privateKeys } : {}),
  };
}

function userApp(spec: OktaUserAppSpec, args: ConstructorParameters<typeof WebApp>[1], opts: pulumi.ComponentResourceOptions): OktaAppOutputs {
  switch (spec.kind) {
    case "web":
      return new WebApp(spec.name, args, opts);
    case "browser":
      return new BrowserApp(spec.name, args, opts);
    case "native":
      return new NativeApp(spec.name, args, opts);
  }
}

function appOutputs(type: string, app: OktaAppOutputs): main.AppOutputs {
  return {
    type,
    clientId: app.clientId,
    ...(app.clientSecret ? { clientSecret: app.clientSecret } : {}),
    issuer: app.issuer,
    discoveryUrl: app.discoveryUrl,
  };
}

/**
 * The Okta provider, built once. Credentials: `pulumi config set --secret okta:apiToken|okta:privateKey`, or
 * the provider's own environment variables (OKTA_API_TOKEN; OKTA_API_CLIENT_ID + OKTA_API_PRIVATE_KEY ...),
 * which the provider reads itself when these are unset.
 */
function oktaProvider(model: OktaModel): okta.Provider {
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
      privateKeyId: cfg.get("privateKeyId"),
      clientId: cfg.get("clientId"),
      httpProxy: cfg.get("httpProxy"),
      scopes,
    }),
  });
}

function auth0Stack(model: Auth0Model, protect: boolean): Record<string, main.Auth0AppOutputs> {
  const cfg = new pulumi.Config("auth0");
  // Credentials: `pulumi config set --secret auth0:clientSecret` (or apiToken / clientAssertionPrivateKey), or
  // the provider's environment variables AUTH0_CLIENT_ID, AUTH0_CLIENT_SECRET, AUTH0_API_TOKEN.
  const provider = new auth0.Provider("auth0", {
    domain: model.domain,
    ...defined({
      clientId: cfg.get("clientId"),
      clientSecret: cfg.getSecret("clientSecret"),
      apiToken: cfg.getSecret("apiToken"),
      clientAssertionPrivateKey: cfg.getSecret("clientAssertionPrivateKey"),
      clientAssertionSigningAlg: cfg.get("clientAssertionSigningAlg"),
      audience: cfg.get("audience"),
      customDomainHeader: cfg.get("customDomainHeader"),
      // An explicit provider does not read the stack's auth0:* config by itself: pass the switches on
      // (config/provider-settings.ts AUTH0_SWITCHES; the loader refuses values other than true and false).
      debug: cfg.getBoolean("debug"),
      cliLogin: cfg.getBoolean("cliLogin"),
      dynamicCredentials: cfg.getBoolean("dynamicCredentials"),
    }),
  });
  const outputs: Record<string, main.Auth0AppOutputs> = {};
  for (const spec of model.apps) {
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
  }
  return outputs;
}

/** Fill a recipe's handoff template with the apps' outputs; references keep their outputs' secrecy. */
function resolveHandoff(template: HandoffTemplate, outputs: main.StackOutputs): unknown {
  if (typeof template !== "object") return template;
  if (Array.isArray(template)) return template.map((t: HandoffTemplate) => resolveHandoff(t, outputs));
  if ("$ref" in template) {
    const [provider, ...path] = (template as OutputRef).$ref;
    let value: unknown = outputs[provider];
    for (const key of path) value = value === undefined ? undefined : (value as Record<string, unknown>)[key];
    if (value === undefined) throw new Error(`internal: a recipe's handoff refers to ${(template as OutputRef).$ref.join(".")}, which the program did not output`);
    // apply keeps the output's secrecy: a secret JWK stays a secret object.
    return (template as OutputRef).as === "json" ? pulumi.output(value).apply((text) => JSON.parse(String(text)) as unknown) : value;
  }
  return Object.fromEntries(Object.entries(template).map(([k, v]) => [k, resolveHandoff(v, outputs)]));
}

function defined<T extends Record<string, unknown>>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export = main;
