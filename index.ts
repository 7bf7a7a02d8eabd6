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
  const restore = stackTracesOff();
  const result = run(options);
  restoreWhenSettled(result, restore);
  return result;
}

async function run(options: main.Options): Promise<main.StackOutputs> {
  const stale = staleBuild();
  if (stale) throw runError(stale);
  const stackFile = options.stackFile ?? `stacks/Pulumi.${pulumi.getStack()}.yaml`;
  const secretKeys = options.secretKeys ?? secretKeysFromEngine();
  const { model, diagnostics } = loadStackConfig({ config: pulumi.runtime.allConfig(), stack: pulumi.getStack(), ...(secretKeys ? { secretKeys } : {}) });
  report(diagnostics, stackFile, options.onDiagnostics);
  if (!model) {
    // RunError: the engine prints the message without a stack trace. Nothing has been registered yet.
    throw runError(new ConfigInvalidError(diagnostics, stackFile).message);
  }
  const outputs: main.StackOutputs = { environment: model.environment };
  // Each provider exists only when the stack declares apps for it, so an Okta-only stack needs no Auth0 settings.
  const secret = keptSecret(secretKeys);
  if (model.okta) outputs.okta = await oktaStack(model.okta, model.protect, secret);
  if (model.auth0) outputs.auth0 = await auth0Stack(model.auth0, model.protect, secret);
  if (model.recipes.length > 0) {
    outputs.handoffs = Object.fromEntries(model.recipes.map((r) => [r.instance, resolveHandoff(r.handoff, outputs)]));
  }
  return outputs;
}

/** `register` for each app in order, `main.APPS_PER_TURN` per turn of the event loop. */
async function eachApp<T>(apps: readonly T[], register: (app: T) => void): Promise<void> {
  for (let i = 0; i < apps.length; i++) {
    if (i > 0 && i % main.APPS_PER_TURN === 0) await new Promise<void>((resolve) => setImmediate(resolve));
    register(apps[i]!);
  }
}

namespace main {
  /**
   * Apps are constructed a few at a time, with a turn of the event loop in between (issue 19). The SDK keeps
   * each registration's promises, closures and serialized inputs until the registration has been sent (and,
   * under the mock runtime, answered); constructing thousands of apps in one synchronous run holds all of them
   * at once (0.8 MB per app; 7,000 apps exhausted Node's default heap). Between batches the runtime sends, or
   * under the mock runtime completes, what was constructed. Small batches: what one batch leaves behind then
   * dies in V8's young generation; at 3,000 apps, 25 apps per turn took 1.5x the time and 1.6x the memory of 5
   * (`node --import tsx bench/eval-child.ts baseline 3000 25`, then `... 3000 5`). Constructor order, and so
   * every name, parent and output, is the same.
   */
  export const APPS_PER_TURN = 5;

  export interface Options {
    /** The stack file the config came from, for messages. Default `stacks/Pulumi.<stack>.yaml`. */
    stackFile?: string;
    /** Keys whose values are secrets. Default: what the engine says (`PULUMI_CONFIG_SECRET_KEYS`). */
    secretKeys?: ReadonlySet<string>;
    /** Receives every diagnostic (errors and warnings). Default: warnings go to the Pulumi log. */
    onDiagnostics?: (diagnostics: readonly Diagnostic[]) => void;
  }

  /** Values the config determines are plain (issue 19: no Output per value where none is needed). */
  export interface AppOutputs {
    readonly type: string;
    readonly clientId: pulumi.Output<string>;
    /** Web apps and client-secret service apps. Secret. */
    readonly clientSecret?: pulumi.Output<string>;
    readonly issuer: string;
    readonly discoveryUrl: string;
    /** Service apps. */
    readonly tokenEndpoint?: string;
    /** Apps with API scopes: space-separated. */
    readonly scopes?: string;
    readonly keyIds?: string[];
    /** Service apps with private key JWT: the public JWKS. */
    readonly jwks?: pulumi.Output<unknown[]>;
    readonly activeKeyId?: string;
    /** Generated keys by kid: `{ pem, jwk }`, both secret. */
    readonly privateKeys?: Readonly<Record<string, PrivateKeyOutputs>>;
  }

  export interface Auth0AppOutputs {
    readonly type: "regular_web";
    readonly domain: string;
    readonly clientId: pulumi.Output<string>;
    /** Client-secret auth. Secret. */
    readonly clientSecret?: pulumi.Output<string>;
    readonly issuer: string;
    /** private_key_jwt: the kids Auth0 holds and the one to sign with. */
    readonly keyIds?: string[];
    readonly activeKeyId?: string;
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
 * Stack traces are off while the program's resources register (issue 19): the SDK captures `new Error().stack`
 * for every promise it makes (@pulumi/pulumi runtime/debuggable.js `debuggablePromise`, `_debugStackTrace`),
 * only for its leak report under PULUMI_DEBUG_PROMISE_LEAKS, and under the language host every such trace is
 * source-mapped by `source-map-support/register` (loaded by cmd/run/index.js): most of a `pulumi up`'s program
 * time. What users read is kept: RunErrors print without a stack (cmd/run/run.js `uncaughtHandler`), a failed
 * registration's error carries the resource's name, type and the engine's message (runtime/resource.js
 * `preallocError.message`), and the resources' source positions are read with the SDK's own unlimited limit
 * (resource.js `Resource.callsites`). `OIDC_APPS_STACK_TRACES=1` keeps them all, for debugging; so does
 * PULUMI_DEBUG_PROMISE_LEAKS, whose report is those traces. Returns the restore, which puts the limit back
 * unless someone else changed it meanwhile; already at 0 (the offline plan turns it off around its whole run,
 * plan/capture.ts), nothing changes here.
 */
function stackTracesOff(): () => void {
  const previous = Error.stackTraceLimit;
  if (process.env["OIDC_APPS_STACK_TRACES"] || process.env["PULUMI_DEBUG_PROMISE_LEAKS"] || previous === 0) return () => {};
  Error.stackTraceLimit = 0;
  let pending = true;
  return () => {
    if (pending && Error.stackTraceLimit === 0) Error.stackTraceLimit = previous;
    pending = false;
  };
}

/**
 * A RunError prints as its message alone (cmd/run/run.js `uncaughtHandler`: "Always hide the stack for
 * RunErrors"), yet the host also formats every uncaught error with `util.inspect` for its trace span
 * (`span.addEvent(defaultErrorMessage(err))`, cmd/run/error.js), and Node 20's inspect spends seconds and
 * gigabytes on a stack that source-map-support mapped into the SDK's sources (a frame at
 * `node_modules/@pulumi/resource.ts`, from @pulumi/pulumi's source maps): a stack-file error took 15 s and
 * 3.3 GB to report. So its stack is its message, with or without OIDC_APPS_STACK_TRACES.
 */
function runError(message: string): pulumi.RunError {
  const error = new pulumi.RunError(message);
  error.stack = `${error.name}: ${message}`;
  return error;
}

/**
 * Under the engine the resources register after the program has constructed them, so the restore waits until
 * the program is done and then until the runtime has settled: the SDK's own wait for every outstanding RPC,
 * registrations and stack outputs included (runtime/settings.js `waitForRPCs`, what `disconnect()` awaits; it
 * waits again whenever new RPCs started meanwhile). It is not in the SDK's typings: without it, the restore
 * waits for the event loop to empty (`beforeExit`).
 */
function restoreWhenSettled(program: Promise<unknown>, restore: () => void): void {
  const waitForRPCs = (pulumi.runtime as { waitForRPCs?: () => Promise<void> }).waitForRPCs;
  const settled = () => (typeof waitForRPCs === "function" ? waitForRPCs() : new Promise<void>((resolve) => process.once("beforeExit", () => resolve())));
  program.then(settled, settled).then(restore, restore);
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

async function oktaStack(model: OktaModel, protect: boolean, secret: SecretAware): Promise<Record<string, main.AppOutputs>> {
  const provider = oktaProvider(model, secret);
  const opts = { providers: [provider] };
  const groups = groupLookups(provider);

  // Not retained in any environment: an origin that leaves the stack file leaves the org (it costs no client id).
  if (model.trustedOrigins.length > 0) new TrustedOrigins("trusted-origins", { origins: model.trustedOrigins }, opts);

  const outputs: Record<string, main.AppOutputs> = {};
  await eachApp(model.apps, (spec) => {
    if (spec.kind === "service") {
      outputs[spec.name] = serviceOutputs(new ServiceApp(spec.name, { spec, org: model.org, protect }, opts), model.org.orgUrl);
      return;
    }
    const app = userApp(spec, { spec, org: model.org, groups: groups.groupsFor(spec.name, spec.assignTo), protect }, opts);
    outputs[spec.name] = {
      ...appOutputs(spec.kind, app),
      ...(spec.apiScopes.length > 0 ? { scopes: spec.apiScopes.join(" ") } : {}),
    };
  });
  return outputs;
}

function serviceOutputs(app: ServiceApp, orgUrl: string): main.AppOutputs {
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
function oktaProvider(model: OktaModel, secret: SecretAware): okta.Provider {
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

async function auth0Stack(model: Auth0Model, protect: boolean, secret: SecretAware): Promise<Record<string, main.Auth0AppOutputs>> {
  const cfg = new pulumi.Config("auth0");
  // Credentials: `pulumi config set --secret auth0:clientSecret` (or apiToken / clientAssertionPrivateKey), or
  // the provider's environment variables AUTH0_CLIENT_ID, AUTH0_CLIENT_SECRET, AUTH0_API_TOKEN.
  const provider = new auth0.Provider("auth0", {
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
  const outputs: Record<string, main.Auth0AppOutputs> = {};
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

/** Reads a plain provider setting, as a Pulumi secret when the stack keeps it secret (`secure:`). */
type SecretAware = (cfg: pulumi.Config, namespace: string, key: string) => pulumi.Input<string> | undefined;

/**
 * `cfg.get` of a `secure:` value returns it in clear (and only warns), so a setting that is not a credential by
 * name but that the stack encrypted (an http proxy with a password, a client id) would reach the provider's
 * inputs, the plan and the state in clear: read those with `getSecret`.
 */
function keptSecret(secretKeys: ReadonlySet<string> | undefined): SecretAware {
  return (cfg, namespace, key) => (secretKeys?.has(`${namespace}:${key}`) ? cfg.getSecret(key) : cfg.get(key));
}

function defined<T extends Record<string, unknown>>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export = main;
