/**
 * What to check for each app: the stack file's model says what the app should be able to do (redirect URIs,
 * grant types, scopes, client authentication), the outputs say who it is (client id, issuer) and hold its
 * credentials. Pure: no network. Apps are sorted by provider, then name, so reports are deterministic.
 */
import type { Auth0WebAppSpec, OktaAppSpec, StackModel } from "../config/model";
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
    }
  | { readonly method: "client_secret_basic" | "client_secret_post"; readonly secret: string }
  | { readonly method: "none" };

export type CheckSpec =
  | { readonly check: "discovery" }
  | { readonly check: "client-credentials" | "management-api"; readonly scopes: readonly string[]; readonly audience?: string; readonly auth: ClientAuthPlan }
  | { readonly check: "authorization-request"; readonly redirectUri: string }
  | { readonly check: "device-authorization"; readonly scopes: readonly string[]; readonly auth: ClientAuthPlan };

/** A check to run, or one decided without the network (skipped, or failed on the inputs alone). */
export type PlannedCheck =
  | { readonly kind: "run"; readonly spec: CheckSpec }
  | { readonly kind: "skip" | "fail"; readonly check: CheckName; readonly subject?: string; readonly message: string };

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
  const oktaSpecs = new Map((model.okta?.apps ?? []).map((a) => [a.name, a]));
  for (const name of union(oktaSpecs.keys(), Object.keys(outputs.okta ?? {}))) {
    targets.push(oktaTarget(name, oktaSpecs.get(name), outputs.okta?.[name], model.okta?.org.orgUrl));
  }
  const auth0Specs = new Map((model.auth0?.apps ?? []).map((a) => [a.name, a]));
  for (const name of union(auth0Specs.keys(), Object.keys(outputs.auth0 ?? {}))) {
    targets.push(auth0Target(name, auth0Specs.get(name), outputs.auth0?.[name], model.auth0?.domain));
  }
  return targets.sort((a, b) => compare(a.provider, b.provider) || compare(a.name, b.name));
}

/** An app on one side only cannot be verified: say which side is missing it. */
function presence(spec: unknown, output: unknown): PlannedCheck | undefined {
  if (!output) return { kind: "fail", check: "outputs", message: "in the stack file but not in the stack outputs: run `pulumi up`, or pass the outputs of this stack" };
  if (!spec) return { kind: "fail", check: "outputs", message: "in the stack outputs but not in the stack file: pass the stack file this stack was applied from" };
  return undefined;
}

function oktaTarget(name: string, spec: OktaAppSpec | undefined, out: OktaAppOutput | undefined, orgUrl: string | undefined): AppTarget {
  const base = { provider: "okta" as const, name, type: spec?.kind ?? out?.type ?? "?" };
  const missing = presence(spec, out);
  if (missing || !spec || !out) return { ...base, checks: [missing!] };
  const mismatch = !sameUrl(out.issuer, orgUrl)
    ? `the outputs' issuer ${out.issuer} is not the stack file's org ${orgUrl ?? "(none)"}: outputs of another stack?`
    : spec.kind !== out.type
      ? `the outputs say type ${out.type}, the stack file says ${spec.kind}`
      : undefined;
  const identity = { ...base, clientId: out.clientId, issuer: out.issuer };
  if (mismatch) return { ...identity, checks: [{ kind: "fail", check: "outputs", message: mismatch }] };

  const checks: PlannedCheck[] = [run({ check: "discovery" })];
  if (spec.kind === "service") {
    checks.push(oktaServiceToken(spec, out));
  } else {
    if (spec.grantTypes.includes("authorization_code")) checks.push(...spec.redirectUris.map(authorizationRequest));
    if (spec.grantTypes.includes("device_code")) {
      const auth = spec.tokenEndpointAuthMethod === "none" ? ({ method: "none" } as const) : secretAuth(spec.tokenEndpointAuthMethod, out.clientSecret);
      checks.push(authPlanned("device-authorization", auth, (a) => ({ check: "device-authorization", scopes: ["openid", ...spec.apiScopes], auth: a })));
    }
  }
  return { ...identity, checks };
}

function oktaServiceToken(spec: Extract<OktaAppSpec, { kind: "service" }>, out: OktaAppOutput): PlannedCheck {
  if (spec.apiScopes.length === 0) {
    // The org authorization server issues client-credentials tokens only for Okta API scopes.
    return { kind: "skip", check: "client-credentials", message: "the app has no apiScopes, so there is no token to ask the org authorization server for" };
  }
  if (spec.tokenEndpointAuthMethod !== "private_key_jwt") {
    return authPlanned("client-credentials", secretAuth(spec.tokenEndpointAuthMethod, out.clientSecret), (auth) => ({ check: "client-credentials", scopes: spec.apiScopes, auth }));
  }
  const kid = out.activeKeyId ?? spec.activeKeyId;
  if (!kid) return { kind: "fail", check: "client-credentials", message: "the outputs have no activeKeyId" };
  const key = spec.keys.find((k) => k.kid === kid);
  if (key?.source === "provided") {
    return { kind: "skip", check: "client-credentials", message: `the active key ${kid} was brought: its private half is not in the outputs, so verify cannot sign with it` };
  }
  const pem = out.privateKeys?.[kid]?.pem;
  if (pem === undefined) return { kind: "fail", check: "client-credentials", message: `the outputs have no privateKeys.${kid}.pem for the active key` };
  if (pem === MASKED) return { kind: "fail", check: "client-credentials", message: `privateKeys.${kid}.pem ${WITH_SHOW_SECRETS}` };
  return run({ check: "client-credentials", scopes: spec.apiScopes, auth: { method: "private_key_jwt", kid, pem, ...(out.jwks ? { jwks: out.jwks } : {}), audience: "token_endpoint" } });
}

function auth0Target(name: string, spec: Auth0WebAppSpec | undefined, out: Auth0AppOutput | undefined, domain: string | undefined): AppTarget {
  const base = { provider: "auth0" as const, name, type: spec?.kind ?? out?.type ?? "?" };
  const missing = presence(spec, out);
  if (missing || !spec || !out) return { ...base, checks: [missing!] };
  const identity = { ...base, clientId: out.clientId, issuer: out.issuer };
  if (out.domain !== domain) {
    return { ...identity, checks: [{ kind: "fail", check: "outputs", message: `the outputs' domain ${out.domain} is not the stack file's auth0:domain ${domain ?? "(none)"}: outputs of another stack?` }] };
  }

  const checks: PlannedCheck[] = [run({ check: "discovery" })];
  if (spec.grantTypes.includes("authorization_code")) checks.push(...spec.callbacks.map(authorizationRequest));
  if (spec.managementApiScopes.length > 0) {
    const scopes = spec.managementApiScopes;
    // The Management API's identifier; Auth0 takes it as `audience`, not as an RFC 8707 resource indicator.
    const audience = `https://${out.domain}/api/v2/`;
    if (spec.authenticationMethod === "private_key_jwt") {
      checks.push({ kind: "skip", check: "management-api", message: "the app authenticates with private key JWT and Auth0 outputs carry no private key, so verify cannot sign for it" });
    } else {
      checks.push(authPlanned("management-api", secretAuth(spec.authenticationMethod, out.clientSecret), (auth) => ({ check: "management-api", scopes, audience, auth })));
    }
  }
  return { ...identity, checks };
}

function authorizationRequest(redirectUri: string): PlannedCheck {
  // A wildcard entry is a pattern, not a URI a client can send.
  if (redirectUri.includes("*")) return { kind: "skip", check: "authorization-request", subject: redirectUri, message: "a wildcard redirect URI cannot be sent as is" };
  return run({ check: "authorization-request", redirectUri });
}

type AuthOrProblem = ClientAuthPlan | { readonly problem: string };

function secretAuth(method: "client_secret_basic" | "client_secret_post", secret: string | undefined): AuthOrProblem {
  if (secret === undefined) return { problem: "the outputs have no clientSecret" };
  if (secret === MASKED) return { problem: `clientSecret ${WITH_SHOW_SECRETS}` };
  return { method, secret };
}

function authPlanned(check: CheckName, auth: AuthOrProblem, spec: (auth: ClientAuthPlan) => CheckSpec): PlannedCheck {
  return "problem" in auth ? { kind: "fail", check, message: auth.problem } : run(spec(auth));
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
    return a === b;
  }
}

function union(a: Iterable<string>, b: Iterable<string>): string[] {
  return [...new Set([...a, ...b])];
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
