/**
 * The verify tests' stack: one stack file (through the real loader, as verify reads it), the outputs the
 * program would export for it once applied (shaped by the output contract, with a key pair from node:crypto
 * turned into JWKs by our key machinery), and canaries for every secret.
 */
import { createHash, generateKeyPairSync } from "node:crypto";
import { jwkFromPem, type PublicJwk } from "../../config/keys";
import { loadStack } from "../../recipes/load-stack";
import type { StackModel } from "../../config/model";
import { privateJwkJson } from "../../components/keys/signing-keys";
import type { StackOutputsJson } from "../../verify/outputs";
import { auth0Apps, AUTH0_DOMAIN, AUTH0_TENANT, environment, oktaApps, ORG_NAME, readStack, recipes, stackConfig, stackYaml } from "../support/stacks";

export const ISSUER = "https://acme.okta.com";
export { AUTH0_DOMAIN };
export const MANAGEMENT_API = `https://${AUTH0_DOMAIN}/api/v2/`;
export const KID = "2026-11";

/**
 * Random-looking, as real client secrets are: redaction removes any 8-character run of a secret, so a canary
 * spelled from words (`okta-web-secret`) would also remove those words wherever a message uses them.
 */
export const CANARY = {
  webSecret: "CANARYq7Vw2mZk9XbR4tLp8sYd3nHf6Jc1GxEu5TaQ",
  auth0Secret: "CANARYm3Kz8WqP1vXr6YtB9nLc4Hs7Dj2Fg5ReUaNoMi0SwZbCqVyTlAkEhGdJxOuPf",
};

export const STACK_YAML = stackYaml(stackConfig(
  { "okta:orgName": ORG_NAME }, AUTH0_TENANT, environment(),
  oktaApps({
    portal: {
      type: "web",
      grantTypes: ["authorization_code", "refresh_token"],
      redirectUris: ["https://portal.example.com/authorization-code/callback", "http://localhost:8080/authorization-code/callback"],
      clientSecretVersion: 1,
    },
    "mcp-cli": {
      type: "native",
      grantTypes: ["authorization_code", "device_code"],
      redirectUris: ["com.okta.acme:/callback"],
      apiScopes: ["okta.users.read", "okta.logs.read"],
      assignTo: "everyone",
    },
    "mcp-automation": {
      type: "service",
      keys: [{ kid: KID }],
      apiScopes: ["okta.users.read", "okta.groups.manage", "okta.logs.read"],
      adminRoles: ["READ_ONLY_ADMIN", "GROUP_MEMBERSHIP_ADMIN"],
    },
  }),
  auth0Apps({
    "partner-portal": {
      type: "regular_web",
      callbacks: ["https://partners.example.com/callback"],
      grantTypes: ["authorization_code", "refresh_token", "client_credentials"],
      managementApiScopes: ["read:users", "read:logs"],
    },
  }),
));

export function loadModel(yamlText = STACK_YAML): StackModel {
  const { model, diagnostics } = loadStack(readStack(yamlText));
  if (!model) throw new Error(`fixture stack is invalid: ${JSON.stringify(diagnostics)}`);
  return model;
}

export interface KeyPair {
  readonly privatePem: string;
  readonly publicJwk: PublicJwk;
}

/** What the tls provider would generate, and the public JWK derived the way the program derives it. */
export function keyPair(kid = KID): KeyPair {
  const pair = generateKeyPairSync("rsa", { modulusLength: 2048, publicKeyEncoding: { type: "spki", format: "pem" }, privateKeyEncoding: { type: "pkcs8", format: "pem" } });
  const jwk = jwkFromPem(pair.publicKey, kid);
  if (!jwk.ok) throw new Error(jwk.detail);
  return { privatePem: pair.privateKey, publicJwk: jwk.jwk };
}

/** The outputs `pulumi stack output --json --show-secrets` would print for STACK_YAML. */
export function outputsFor(key: KeyPair): StackOutputsJson {
  const discoveryUrl = `${ISSUER}/.well-known/openid-configuration`;
  return {
    environment: "development",
    okta: {
      portal: { type: "web", clientId: "0oa-portal", clientSecret: CANARY.webSecret, issuer: ISSUER, discoveryUrl },
      "mcp-cli": { type: "native", clientId: "0oa-mcp-cli", issuer: ISSUER, discoveryUrl, scopes: "okta.users.read okta.logs.read" },
      "mcp-automation": {
        type: "service",
        clientId: "0oa-mcp-automation",
        issuer: ISSUER,
        discoveryUrl,
        tokenEndpoint: `${ISSUER}/oauth2/v1/token`,
        scopes: "okta.users.read okta.groups.manage okta.logs.read",
        keyIds: [KID],
        activeKeyId: KID,
        jwks: [key.publicJwk],
        privateKeys: { [KID]: { pem: key.privatePem, jwk: privateJwkJson(key.privatePem, key.publicJwk) } },
      },
    },
    auth0: {
      "partner-portal": { type: "regular_web", domain: AUTH0_DOMAIN, clientId: "auth0-partner-portal", clientSecret: CANARY.auth0Secret, issuer: `https://${AUTH0_DOMAIN}/` },
    },
    handoffs: {},
  };
}

/** Every line of a PEM body and the private JWK members: none may appear in any output. */
export function secretFragments(key: KeyPair): string[] {
  const pemLines = key.privatePem.split("\n").filter((l) => l && !l.startsWith("-----"));
  const jwk = JSON.parse(privateJwkJson(key.privatePem, key.publicJwk)) as Record<string, string>;
  return [...Object.values(CANARY), ...pemLines, jwk["d"]!, jwk["p"]!, jwk["q"]!];
}

/**
 * A second stack, made of recipe instances (plus one app of its own): the apps are the recipes' expansions and
 * `model.recipes[].consumer` says what each product asks the issuer for, so verify sends the products'
 * requests. Outputs are derived from the model the way the program shapes them.
 */
export const RECIPE_STACK_YAML = stackYaml(stackConfig(
  { "okta:orgName": ORG_NAME }, AUTH0_TENANT, environment(),
  oktaApps({
    // No recipe: its authorization request asks for `openid` only, as before.
    portal: { type: "web", grantTypes: ["authorization_code"], redirectUris: ["https://portal.example.com/authorization-code/callback"] },
  }),
  recipes({
    // Service app, private key JWT: the server asks for exactly OKTA_SCOPES, signing with RS256.
    "okta-mcp": { recipe: "okta-mcp-server", mode: "private_key_jwt", scopes: ["okta.users.read", "okta.groups.read"] },
    // Native app, device grant: openid profile email offline_access + OKTA_SCOPES.
    "okta-mcp-device": { recipe: "okta-mcp-server", mode: "device", scopes: ["okta.users.read", "okta.logs.read"] },
    // Web app: Frontegg's authorization request carries the whole handed-over scope list.
    frontegg: { recipe: "frontegg-okta", gatewayUrl: "https://gateway.example.com" },
    // Auth0 app: a Management API token for the list's Management API scopes.
    "frontegg-auth0": { recipe: "frontegg-auth0", gatewayUrl: "https://gateway.example.com", scopes: ["openid", "profile", "email", "offline_access", "read:users", "read:logs"] },
  }),
));

/** The client secret the recipe stack's outputs hold for an app: a canary, random-looking like CANARY's. */
export function canarySecret(provider: "okta" | "auth0", app: string): string {
  return `CANARY${createHash("sha256").update(`${provider}/${app}`).digest("base64url").slice(0, 40)}`;
}

/** Outputs for any model: client ids `0oa-<name>` / `auth0-<name>`, canary secrets, `keys` for service apps. */
export function outputsOf(model: StackModel, keys: Readonly<Record<string, KeyPair>>): StackOutputsJson {
  const discoveryUrl = `${ISSUER}/.well-known/openid-configuration`;
  const okta: NonNullable<StackOutputsJson["okta"]> = {};
  for (const app of model.okta?.apps ?? []) {
    const scopes = app.apiScopes.length > 0 ? { scopes: app.apiScopes.join(" ") } : {};
    const common = { type: app.kind, clientId: `0oa-${app.name}`, issuer: ISSUER, discoveryUrl, ...scopes };
    if (app.kind === "service") {
      const kid = app.activeKeyId!;
      const key = keys[app.name];
      if (!key) throw new Error(`fixture: no key pair for ${app.name}`);
      okta[app.name] = {
        ...common,
        tokenEndpoint: `${ISSUER}/oauth2/v1/token`,
        keyIds: app.keys.map((k) => k.kid),
        activeKeyId: kid,
        jwks: [{ ...key.publicJwk, kid }],
        privateKeys: { [kid]: { pem: key.privatePem, jwk: privateJwkJson(key.privatePem, { ...key.publicJwk, kid }) } },
      };
    } else {
      okta[app.name] = { ...common, ...(app.kind === "web" ? { clientSecret: canarySecret("okta", app.name) } : {}) };
    }
  }
  const auth0: NonNullable<StackOutputsJson["auth0"]> = {};
  for (const app of model.auth0?.apps ?? []) {
    auth0[app.name] = { type: app.kind, domain: model.auth0!.domain, clientId: `auth0-${app.name}`, clientSecret: canarySecret("auth0", app.name), issuer: `https://${model.auth0!.domain}/` };
  }
  return { environment: model.environment, okta, auth0, handoffs: {} };
}

/** Every secret in outputs built by `outputsOf`, with the key fragments: none may appear in any output. */
export function secretFragmentsOf(outputs: StackOutputsJson, pairs: readonly KeyPair[]): string[] {
  const secrets = [...Object.values(outputs.okta ?? {}), ...Object.values(outputs.auth0 ?? {})].flatMap((a) => (a.clientSecret ? [a.clientSecret] : []));
  return [
    ...secrets,
    ...pairs.flatMap((pair) => {
      const pemLines = pair.privatePem.split("\n").filter((l) => l && !l.startsWith("-----"));
      const jwk = JSON.parse(privateJwkJson(pair.privatePem, pair.publicJwk)) as Record<string, string>;
      return [...pemLines, ...["d", "p", "q"].flatMap((m) => (jwk[m] ? [jwk[m]!] : []))];
    }),
  ];
}

/** An EC P-256 key pair, as a stack with `algorithm: EC` would generate it. */
export function ecKeyPair(kid = KID): KeyPair {
  const pair = generateKeyPairSync("ec", { namedCurve: "P-256", publicKeyEncoding: { type: "spki", format: "pem" }, privateKeyEncoding: { type: "pkcs8", format: "pem" } });
  const jwk = jwkFromPem(pair.publicKey, kid);
  if (!jwk.ok) throw new Error(jwk.detail);
  return { privatePem: pair.privateKey, publicJwk: jwk.jwk };
}
