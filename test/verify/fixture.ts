/**
 * The verify tests' stack: one stack file (through the real loader, as verify reads it), the outputs the
 * program would export for it once applied (shaped by the output contract, with a key pair from node:crypto
 * turned into JWKs by our key machinery), and canaries for every secret.
 */
import { generateKeyPairSync } from "node:crypto";
import { stringify } from "yaml";
import { jwkFromPem, type PublicJwk } from "../../config/keys";
import { loadStackConfig } from "../../config/load";
import type { StackModel } from "../../config/model";
import { readStackFileText } from "../../config/stack-file";
import { privateJwkJson } from "../../components/keys/signing-keys";
import type { StackOutputsJson } from "../../verify/outputs";

export const ISSUER = "https://acme.okta.com";
export const AUTH0_DOMAIN = "acme.us.auth0.com";
export const MANAGEMENT_API = `https://${AUTH0_DOMAIN}/api/v2/`;
export const KID = "2026-11";

export const CANARY = {
  webSecret: "CANARY-okta-web-secret-4b1d9e",
  auth0Secret: "CANARY-auth0-secret-77c2a0",
};

export const STACK_YAML = stringify({
  config: {
    "okta:orgName": "acme",
    "auth0:domain": AUTH0_DOMAIN,
    "oidc-apps:environment": "development",
    "oidc-apps:okta": {
      apps: {
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
      },
    },
    "oidc-apps:auth0": {
      apps: {
        "partner-portal": {
          type: "regular_web",
          callbacks: ["https://partners.example.com/callback"],
          grantTypes: ["authorization_code", "refresh_token", "client_credentials"],
          managementApiScopes: ["read:users", "read:logs"],
        },
      },
    },
  },
});

export function loadModel(yamlText = STACK_YAML): StackModel {
  const file = readStackFileText(yamlText);
  const { model, diagnostics } = loadStackConfig({ config: file.config, secretKeys: file.secretKeys });
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
