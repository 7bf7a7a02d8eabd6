/**
 * What to check for each app: the stack file's model says what the app should be able to do (redirect URIs,
 * grant types, scopes, client authentication), the outputs say who it is (client id, issuer) and hold its
 * credentials. For an app a recipe created, each flow its consumer uses is checked with the consumer's own
 * request instead (`model.recipes[].consumer`: its exact scopes, audience and signing algorithms), so a
 * failure is one the product would meet. Pure: no network. Apps are sorted by provider, then name, so reports
 * are deterministic.
 */
import type { Auth0WebAppSpec, OktaAppSpec, OktaServiceAppSpec, StackModel } from "../config/model";
import type { ConsumerRequest } from "../recipes/types";
import { MASKED, type Auth0AppOutput, type OktaAppOutput, type StackOutputsJson } from "./outputs";

export type Provider = "auth0" | "okta";

export type CheckName = "outputs" | "discovery" | "client-credentials" | "management-api" | "authorization-request" | "device-authorization";

/** How the client authenticates at the token and device endpoints. Holds credentials: never printed. */
export type ClientAuthPlan =
  | {
      readonly method: "private_key_jwt";
      readonly kid: string;
      readonly pem: string;
      /** The public JWKS from the outputs, to explain a refused assertion. */
      readonly jwks?: readonly unknown[];
      /**
       * The assertion's `aud`. Okta requires the endpoint being called ("The audience claim for client_assertion
       * must be the endpoint invoked for the request"); openid-client's default, the issuer, suits Auth0.
       */
      readonly audience: "token_endpoint" | "issuer";
      /**
       * The JWS algorithms the consumer signs with, in its order: verify signs with the first one the key can
       * sign with, and fails when there is none. Absent: the key's own algorithm (config/keys.ts signingAlg).
       */
      readonly algs?: readonly string[];
    }
  | { readonly method: "client_secret_basic" | "client_secret_post"; readonly secret: string }
  | { readonly method: "none" };

/**
 * The recipe consumer a check speaks for: the product, the source its requests were read from, and the
 * request as the model declares it (recipes/types.ts ConsumerRequest, without provider and app, which are the
 * check's app). Reported as is: it holds no credential.
 */
export interface ConsumerInfo {
  /** The recipe instance (a key of `oidc-apps:recipes`). */
  readonly recipe: string;
  readonly product: string;
  readonly checkedAgainst: string;
  readonly flow: ConsumerRequest["flow"];
  readonly scopes: readonly string[];
  readonly audience?: string;
  readonly signingAlgs?: readonly string[];
}

/** `consumer` is present when the check sends a recipe consumer's request rather than the per-app one. */
export type CheckSpec =
  | { readonly check: "discovery" }
  | { readonly check: "client-credentials" | "management-api"; readonly scopes: readonly string[]; readonly audience?: string; readonly auth: ClientAuthPlan; readonly consumer?: ConsumerInfo }
  | { readonly check: "authorization-request"; readonly redirectUri: string; readonly scopes: readonly string[]; readonly consumer?: ConsumerInfo }
  | { readonly check: "device-authorization"; readonly scopes: readonly string[]; readonly auth: ClientAuthPlan; readonly consumer?: ConsumerInfo };

/** A check to run, or one decided without the network (skipped, or failed on the inputs alone). */
export type PlannedCheck =
  | { readonly kind: "run"; readonly spec: CheckSpec }
  | { readonly kind: "skip" | "fail"; readonly check: CheckName; readonly subject?: string; readonly message: string; readonly consumer?: ConsumerInfo };

/** What the per-app authorization request asks for (apps no recipe consumer speaks for). */
const OPENID = ["openid"] as const;

export interface AppTarget {
  readonly provider: Provider;
  readonly name: string;
  readonly type: string;
  /** From the outputs; absent when the app is only in the stack file. */
  readonly clientId?: string;
  readonly issuer?: string;
  readonly checks: readonly PlannedCheck[];
}

const WITH_SHOW_SECRETS = 'holds "[secret]": read the outputs with `pulumi stack output --json --show-secrets`';

export function planTargets(model: StackModel, outputs: StackOutputsJson): AppTarget[] {
  const targets: AppTarget[] = [];
  const consumers = consumersByApp(model);
  const oktaSpecs = new Map((model.okta?.apps ?? []).map((a) => [a.name, a]));
  for (const name of union(oktaSpecs.keys(), Object.keys(outputs.okta ?? {}))) {
    targets.push(oktaTarget(name, oktaSpecs.get(name), outputs.okta?.[name], model.okta?.org.orgUrl, consumers.get(`okta/${name}`) ?? []));
  }
  const auth0Specs = new Map((model.auth0?.apps ?? []).map((a) => [a.name, a]));
  for (const name of union(auth0Specs.keys(), Object.keys(outputs.auth0 ?? {}))) {
    targets.push(auth0Target(name, auth0Specs.get(name), outputs.auth0?.[name], model.auth0?.domain, consumers.get(`auth0/${name}`) ?? []));
  }
  return targets.sort((a, b) => compare(a.provider, b.provider) || compare(a.name, b.name));
}

/** Every consumer request of the stack's recipes, by the app it authenticates as (`<provider>/<app>`). */
function consumersByApp(model: StackModel): Map<string, ConsumerInfo[]> {
  const byApp = new Map<string, ConsumerInfo[]>();
  for (const { instance, consumer } of model.recipes ?? []) {
    for (const request of consumer.requests) {
      const info: ConsumerInfo = {
        recipe: instance,
        product: consumer.product,
        checkedAgainst: consumer.checkedAgainst,
        flow: request.flow,
        scopes: [...request.scopes],
        ...(request.audience !== undefined ? { audience: request.audience } : {}),
        ...(request.signingAlgs !== undefined ? { signingAlgs: [...request.signingAlgs] } : {}),
      };
      const key = `${request.provider}/${request.app}`;
      byApp.set(key, [...(byApp.get(key) ?? []), info]);
    }
  }
  return byApp;
}

/**
 * The checks of one app, flow by flow in a fixed order: a flow a consumer uses is checked with each of its
 * consumers' requests (and not with the per-app request); a flow no consumer uses keeps the per-app check. A
 * consumer flow the app has no place for still gets a check, which fails on the inputs.
 */
function byFlow(slots: readonly (readonly [ConsumerRequest["flow"], () => PlannedCheck[]])[], consumers: readonly ConsumerInfo[], forConsumer: (c: ConsumerInfo) => PlannedCheck[]): PlannedCheck[] {
  const checks: PlannedCheck[] = [];
  for (const [flow, perApp] of slots) {
    const asked = consumers.filter((c) => c.flow === flow);
    checks.push(...(asked.length > 0 ? asked.flatMap(forConsumer) : perApp()));
  }
  for (const c of consumers) if (!slots.some(([flow]) => flow === c.flow)) checks.push(...forConsumer(c));
  return checks;
}

/** An app on one side only cannot be verified: say which side is missing it. */
function presence(spec: unknown, output: unknown): PlannedCheck | undefined {
  if (!output) return { kind: "fail", check: "outputs", message: "in the stack file but not in the stack outputs: run `pulumi up`, or pass the outputs of this stack" };
  if (!spec) return { kind: "fail", check: "outputs", message: "in the stack outputs but not in the stack file: pass the stack file this stack was applied from" };
  return undefined;
}

function oktaTarget(name: string, spec: OktaAppSpec | undefined, out: OktaAppOutput | undefined, orgUrl: string | undefined, consumers: readonly ConsumerInfo[]): AppTarget {
  const base = { provider: "okta" as const, name, type: spec?.kind ?? out?.type ?? "?" };
  const missing = presence(spec, out);
  if (missing || !spec || !out) return { ...base, checks: [missing!] };
  // The org authorization server's issuer is the org URL: any other issuer gets nothing, not even discovery.
  const mismatch = !sameUrl(out.issuer, orgUrl)
    ? `the outputs' issuer ${out.issuer} is not the stack file's org ${orgUrl ?? "(none)"}: outputs of another stack? Nothing sent`
    : spec.kind !== out.type
      ? `the outputs say type ${out.type}, the stack file says ${spec.kind}`
      : undefined;
  const identity = { ...base, clientId: out.clientId, issuer: out.issuer };
  if (mismatch) return { ...identity, checks: [{ kind: "fail", check: "outputs", message: mismatch }] };

  const checks: PlannedCheck[] = [run({ check: "discovery" })];
  if (spec.kind === "service") {
    checks.push(...byFlow([["client_credentials", () => [oktaServiceToken(spec, out, spec.apiScopes)]]], consumers, (c) => oktaConsumerCheck(spec, out, c)));
  } else {
    const slots = [
      ["authorization_code", () => (spec.grantTypes.includes("authorization_code") ? spec.redirectUris.map((uri) => authorizationRequest(uri, OPENID)) : [])],
      ["device_authorization", () => (spec.grantTypes.includes("device_code") ? [oktaDevice(spec, out, ["openid", ...spec.apiScopes])] : [])],
    ] as const;
    checks.push(...byFlow(slots, consumers, (c) => oktaConsumerCheck(spec, out, c)));
  }
  return { ...identity, checks };
}

/** The grant (the stack file's short name) a consumer flow needs. */
const GRANT_OF_FLOW = { client_credentials: "client_credentials", device_authorization: "device_code", authorization_code: "authorization_code" } as const;
const CHECK_OF_FLOW = { client_credentials: "client-credentials", device_authorization: "device-authorization", authorization_code: "authorization-request" } as const;

/** A consumer's request to an Okta app, or why it cannot be sent (decided on the inputs). */
function oktaConsumerCheck(spec: OktaAppSpec, out: OktaAppOutput, c: ConsumerInfo): PlannedCheck[] {
  const grant = GRANT_OF_FLOW[c.flow];
  const hasGrant = spec.kind === "service" ? c.flow === "client_credentials" : spec.grantTypes.includes(grant);
  if (!hasGrant) return [notPossible(c, `${c.product} uses the ${grant} grant, but the stack file does not give this ${spec.kind} app that grant`)];
  switch (c.flow) {
    case "client_credentials":
      if (spec.kind === "service") return [oktaServiceToken(spec, out, c.scopes, c)];
      if (spec.tokenEndpointAuthMethod === "none") return [notPossible(c, `${c.product} uses client credentials, but this ${spec.kind} app is a public client (no client secret)`)];
      return [authPlanned("client-credentials", secretAuth(spec.tokenEndpointAuthMethod, out.clientSecret), (auth) => ({ check: "client-credentials", scopes: c.scopes, ...audienceOf(c), auth, consumer: c }), c)];
    case "device_authorization":
      return [oktaDevice(spec as Exclude<OktaAppSpec, OktaServiceAppSpec>, out, c.scopes, c)];
    case "authorization_code": {
      const uris = (spec as Exclude<OktaAppSpec, OktaServiceAppSpec>).redirectUris;
      if (uris.length === 0) return [notPossible(c, `${c.product} signs in with the authorization code flow, but the app has no redirect URI`)];
      return uris.map((uri) => authorizationRequest(uri, c.scopes, c));
    }
  }
}

function oktaDevice(spec: Exclude<OktaAppSpec, OktaServiceAppSpec>, out: OktaAppOutput, scopes: readonly string[], consumer?: ConsumerInfo): PlannedCheck {
  const auth = spec.tokenEndpointAuthMethod === "none" ? ({ method: "none" } as const) : secretAuth(spec.tokenEndpointAuthMethod, out.clientSecret);
  return authPlanned("device-authorization", auth, (a) => ({ check: "device-authorization", scopes, auth: a, ...(consumer ? { consumer } : {}) }), consumer);
}

/** Client credentials for a service app: with the app's apiScopes, or with a consumer's scopes and algorithms. */
function oktaServiceToken(spec: OktaServiceAppSpec, out: OktaAppOutput, scopes: readonly string[], consumer?: ConsumerInfo): PlannedCheck {
  const decided = (kind: "skip" | "fail", message: string): PlannedCheck => ({ kind, check: "client-credentials", message, ...(consumer ? { consumer } : {}) });
  if (scopes.length === 0) {
    // The org authorization server issues client-credentials tokens only for Okta API scopes.
    return decided("skip", consumer ? `${consumer.product} asks for no scope, so there is no token to ask the org authorization server for` : "the app has no apiScopes, so there is no token to ask the org authorization server for");
  }
  const withConsumer = consumer ? { consumer, ...audienceOf(consumer) } : {};
  if (spec.tokenEndpointAuthMethod !== "private_key_jwt") {
    return authPlanned("client-credentials", secretAuth(spec.tokenEndpointAuthMethod, out.clientSecret), (auth) => ({ check: "client-credentials", scopes, auth, ...withConsumer }), consumer);
  }
  const kid = out.activeKeyId ?? spec.activeKeyId;
  if (!kid) return decided("fail", "the outputs have no activeKeyId");
  const key = spec.keys.find((k) => k.kid === kid);
  if (key?.source === "provided") {
    return decided("skip", `the active key ${kid} was brought: its private half is not in the outputs, so verify cannot sign with it`);
  }
  const pem = out.privateKeys?.[kid]?.pem;
  if (pem === undefined) return decided("fail", `the outputs have no privateKeys.${kid}.pem for the active key`);
  if (pem === MASKED) return decided("fail", `privateKeys.${kid}.pem ${WITH_SHOW_SECRETS}`);
  const algs = consumer?.signingAlgs;
  return run({
    check: "client-credentials",
    scopes,
    auth: { method: "private_key_jwt", kid, pem, ...(out.jwks ? { jwks: out.jwks } : {}), audience: "token_endpoint", ...(algs && algs.length > 0 ? { algs } : {}) },
    ...withConsumer,
  });
}

function auth0Target(name: string, spec: Auth0WebAppSpec | undefined, out: Auth0AppOutput | undefined, domain: string | undefined, consumers: readonly ConsumerInfo[]): AppTarget {
  const base = { provider: "auth0" as const, name, type: spec?.kind ?? out?.type ?? "?" };
  const missing = presence(spec, out);
  if (missing || !spec || !out) return { ...base, checks: [missing!] };
  const identity = { ...base, clientId: out.clientId, issuer: out.issuer };
  if (out.domain !== domain) {
    return { ...identity, checks: [{ kind: "fail", check: "outputs", message: `the outputs' domain ${out.domain} is not the stack file's auth0:domain ${domain ?? "(none)"}: outputs of another stack? Nothing sent` }] };
  }
  // The tenant's issuer is `https://<domain>/` (components/auth0/web-app.ts): the client secret goes nowhere else.
  const tenantIssuer = `https://${domain}/`;
  if (!sameUrl(out.issuer, tenantIssuer) || !isHttpsUrl(out.issuer)) {
    return { ...identity, checks: [{ kind: "fail", check: "outputs", message: `the outputs' issuer ${out.issuer} is not ${tenantIssuer}, the issuer of the stack file's auth0:domain: outputs edited or of another stack? Nothing sent` }] };
  }
  // The Management API's identifier; Auth0 takes it as `audience`, not as an RFC 8707 resource indicator.
  const managementApi = `https://${out.domain}/api/v2/`;
  const slots = [
    ["authorization_code", () => (spec.grantTypes.includes("authorization_code") ? spec.callbacks.map((uri) => authorizationRequest(uri, OPENID)) : [])],
    ["client_credentials", () => (spec.managementApiScopes.length > 0 ? [auth0Token(spec, out, "management-api", spec.managementApiScopes, managementApi)] : [])],
  ] as const;
  const forConsumer = (c: ConsumerInfo): PlannedCheck[] => {
    const grant = GRANT_OF_FLOW[c.flow];
    if (!spec.grantTypes.includes(grant)) return [notPossible(c, `${c.product} uses the ${grant} grant, but the stack file does not give this app that grant`)];
    if (c.flow === "authorization_code") {
      if (spec.callbacks.length === 0) return [notPossible(c, `${c.product} signs in with the authorization code flow, but the app has no callback URL`)];
      return spec.callbacks.map((uri) => authorizationRequest(uri, c.scopes, c));
    }
    return [auth0Token(spec, out, c.audience === managementApi ? "management-api" : "client-credentials", c.scopes, c.audience, c)];
  };
  return { ...identity, checks: [run({ check: "discovery" }), ...byFlow(slots, consumers, forConsumer)] };
}

function auth0Token(spec: Auth0WebAppSpec, out: Auth0AppOutput, check: "management-api" | "client-credentials", scopes: readonly string[], audience: string | undefined, consumer?: ConsumerInfo): PlannedCheck {
  if (spec.authenticationMethod === "private_key_jwt") {
    return { kind: "skip", check, message: "the app authenticates with private key JWT and Auth0 outputs carry no private key, so verify cannot sign for it", ...(consumer ? { consumer } : {}) };
  }
  return authPlanned(check, secretAuth(spec.authenticationMethod, out.clientSecret), (auth) => ({ check, scopes, ...(audience ? { audience } : {}), auth, ...(consumer ? { consumer } : {}) }), consumer);
}

function authorizationRequest(redirectUri: string, scopes: readonly string[], consumer?: ConsumerInfo): PlannedCheck {
  // A wildcard entry is a pattern, not a URI a client can send.
  if (redirectUri.includes("*")) return { kind: "skip", check: "authorization-request", subject: redirectUri, message: "a wildcard redirect URI cannot be sent as is", ...(consumer ? { consumer } : {}) };
  return run({ check: "authorization-request", redirectUri, scopes, ...(consumer ? { consumer } : {}) });
}

/** A consumer request that cannot be sent as the stack file stands: the product would fail the same way. */
function notPossible(consumer: ConsumerInfo, message: string): PlannedCheck {
  return { kind: "fail", check: CHECK_OF_FLOW[consumer.flow], message, consumer };
}

function audienceOf(consumer: ConsumerInfo): { audience?: string } {
  return consumer.audience !== undefined ? { audience: consumer.audience } : {};
}

type AuthOrProblem = ClientAuthPlan | { readonly problem: string };

function secretAuth(method: "client_secret_basic" | "client_secret_post", secret: string | undefined): AuthOrProblem {
  if (secret === undefined) return { problem: "the outputs have no clientSecret" };
  if (secret === MASKED) return { problem: `clientSecret ${WITH_SHOW_SECRETS}` };
  return { method, secret };
}

function authPlanned(check: CheckName, auth: AuthOrProblem, spec: (auth: ClientAuthPlan) => CheckSpec, consumer?: ConsumerInfo): PlannedCheck {
  return "problem" in auth ? { kind: "fail", check, message: auth.problem, ...(consumer ? { consumer } : {}) } : run(spec(auth));
}

function run(spec: CheckSpec): PlannedCheck {
  return { kind: "run", spec };
}

function sameUrl(a: string, b: string | undefined): boolean {
  if (b === undefined) return false;
  try {
    // `https://acme.okta.com` and `https://acme.okta.com/` are the same issuer (openid-client compares hrefs too).
    return new URL(a).href === new URL(b).href;
  } catch {
    return false;
  }
}

function isHttpsUrl(text: string): boolean {
  try {
    return new URL(text).protocol === "https:";
  } catch {
    return false;
  }
}

function union(a: Iterable<string>, b: Iterable<string>): string[] {
  return [...new Set([...a, ...b])];
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
