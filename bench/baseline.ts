/**
 * The hand-written baseline for the generated stacks (bench/stack.ts): a Pulumi program that registers, for
 * `n` apps, exactly the resources the real program does for `generatedConfig(n)` (same types, names, parents,
 * options and inputs, components included, in the same order), makes the same lookups and returns the same
 * stack outputs, with none of the program's machinery: no config parsing or validation, no model, no
 * component classes, no Output wrappers beyond what the values need. Its cost is the floor of what the SDK
 * charges for that stack under the same runtime; bench/run.ts checks its plan equal to the real one before
 * timing either.
 *
 * It knows the generated stack's shape by heart, which is the point: it is what someone would write by hand
 * for these apps, and nothing here is shared with the program.
 */
import { createPrivateKey, createPublicKey } from "node:crypto";
import * as okta from "@pulumi/okta";
import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";
import * as tls from "@pulumi/tls";
import { COMPONENT_TYPES } from "../components/types";
import { GROUPS, ORIGINS } from "./stack";

const ORG_URL = "https://bench.okta.com";
const DISCOVERY = `${ORG_URL}/.well-known/openid-configuration`;
const TOKEN_ENDPOINT = `${ORG_URL}/oauth2/v1/token`;

/** okta.app.OAuth inputs a stack file has no key for, kept at the org's values (the program's ignoreChanges). */
const IGNORED = [
  "accessibilityErrorRedirectUrl", "accessibilityLoginRedirectUrl", "accessibilitySelfService", "adminNote", "appLinksJson",
  "appSettingsJson", "autoKeyRotation", "autoSubmitToolbar", "backchannelCustomAuthenticatorId", "clientUri", "consentMethod",
  "enduserNote", "frontchannelLogoutSessionRequired", "frontchannelLogoutUri", "groupsClaim", "hideIos", "hideWeb",
  "implicitAssignment", "issuerMode", "jwksUri", "logo", "logoUri", "network", "participateSlo", "policyUri", "profile", "status",
  "tosUri", "userNameTemplate", "userNameTemplatePushStatus", "userNameTemplateSuffix", "userNameTemplateType",
];

const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");

/**
 * `appsPerTurn`: construct that many apps, then let the event loop turn, as the program does (index.ts
 * `APPS_PER_TURN`); 0 constructs everything in one synchronous run, as the program did before issue 19.
 */
export function baselineProgram(n: number, appsPerTurn: number): () => Promise<Record<string, unknown>> {
  return async () => {
    const provider = new okta.Provider("okta", { orgName: "bench", baseUrl: "okta.com", backoff: true, minWaitSeconds: 30, maxWaitSeconds: 300, maxRetries: 5, maxApiCapacity: 50 });
    const opts = { providers: [provider] };

    // Trusted origins: one per distinct origin of the web and browser apps, sorted.
    const used = new Set<string>();
    for (let i = 0; i < n; i++) if (i % 5 <= 2) used.add(ORIGINS[i % ORIGINS.length]!);
    if (used.size > 0) {
      const origins = new pulumi.ComponentResource(COMPONENT_TYPES.oktaTrustedOrigins, "trusted-origins", {}, opts);
      for (const origin of [...used].sort()) {
        new okta.trustedorigin.Origin(`trusted-origins-${slug(origin)}`, { name: origin, origin, scopes: [{ type: "CORS" }, { type: "REDIRECT" }] }, { parent: origins });
      }
    }

    let everyone: pulumi.Output<string> | undefined;
    const groups = new Map<string, pulumi.Output<string>>();
    const groupId = (name: string) => {
      if (name === "Everyone") return (everyone ??= okta.group.getEveryoneGroupOutput({}, { provider }).id);
      let id = groups.get(name);
      if (!id) groups.set(name, (id = okta.group.getGroupOutput({ name }, { provider }).id));
      return id;
    };

    const apps: Record<string, unknown> = {};
    for (let i = 0; i < n; i++) {
      if (appsPerTurn > 0 && i > 0 && i % appsPerTurn === 0) await new Promise<void>((resolve) => setImmediate(resolve));
      const name = `app-${String(i).padStart(4, "0")}`;
      const origin = ORIGINS[i % ORIGINS.length]!;
      const kind = i % 5;
      const type = kind <= 1 ? "web" : kind === 2 ? "browser" : kind === 3 ? "native" : "service";
      const componentType = { web: COMPONENT_TYPES.oktaWeb, browser: COMPONENT_TYPES.oktaBrowser, native: COMPONENT_TYPES.oktaNative, service: COMPONENT_TYPES.oktaService }[type];
      const component = new pulumi.ComponentResource(componentType, name, {}, opts);
      const child = { parent: component };
      const appOpts = { parent: component, protect: false, retainOnDelete: false, ignoreChanges: IGNORED };

      if (type === "service") {
        const kid = `k${i}`;
        const key = new tls.PrivateKey(`${name}-key-${slug(kid)}`, { algorithm: "RSA", rsaBits: 2048 }, child);
        const jwk = key.publicKeyPem.apply((pem) => ({ ...createPublicKey(pem).export({ format: "jwk" }), kid }) as Record<string, string>);
        const app = new okta.app.OAuth(
          name,
          {
            label: name,
            type: "service",
            grantTypes: ["client_credentials"],
            responseTypes: ["token"],
            tokenEndpointAuthMethod: "private_key_jwt",
            pkceRequired: false,
            skipAuthenticationPolicy: true,
            jwks: [jwk.apply((k) => ({ kid, kty: "RSA", e: k["e"]!, n: k["n"]! }))],
          },
          appOpts,
        );
        new okta.AppOauthApiScope(`${name}-api-scopes`, { appId: app.id, issuer: ORG_URL, scopes: ["okta.users.read", "okta.groups.read"] }, child);
        new okta.Oauth2V1ClientsRoleReadOnlyAdmin(`${name}-role-read-only-admin`, { clientId: app.clientId, type: "READ_ONLY_ADMIN" }, child);
        const privateJwk = pulumi.all([key.privateKeyPemPkcs8, jwk]).apply(([pem, pub]) => JSON.stringify({ ...createPrivateKey(pem).export({ format: "jwk" }), kid: pub["kid"], alg: "RS256", use: "sig" }));
        apps[name] = {
          type,
          clientId: app.clientId,
          issuer: ORG_URL,
          discoveryUrl: DISCOVERY,
          tokenEndpoint: TOKEN_ENDPOINT,
          scopes: "okta.users.read okta.groups.read",
          keyIds: [kid],
          jwks: pulumi.all([jwk]),
          activeKeyId: kid,
          privateKeys: { [kid]: { pem: pulumi.secret(key.privateKeyPemPkcs8), jwk: pulumi.secret(privateJwk) } },
        };
        continue;
      }

      const web = type === "web";
      const secret = web ? new random.RandomPassword(`${name}-client-secret`, { length: 64, special: false, keepers: { clientSecretVersion: "1" } }, child) : undefined;
      const grantTypes = kind <= 1 ? ["authorization_code", "refresh_token"] : kind === 3 ? ["authorization_code", "urn:ietf:params:oauth:grant-type:device_code"] : ["authorization_code"];
      const redirect = kind <= 1 ? `${origin}/callback/${i}` : kind === 2 ? `${origin}/spa/${i}` : `com.example.app${i}:/callback`;
      const app = new okta.app.OAuth(
        name,
        {
          label: name,
          type,
          grantTypes,
          responseTypes: ["code"],
          redirectUris: [redirect],
          postLogoutRedirectUris: [],
          wildcardRedirect: "DISABLED",
          tokenEndpointAuthMethod: web ? "client_secret_basic" : "none",
          pkceRequired: !web,
          loginMode: "DISABLED",
          skipAuthenticationPolicy: true,
          ...(web ? { refreshTokenRotation: "STATIC", refreshTokenLeeway: 30, clientBasicSecret: pulumi.secret(secret!.result) } : {}),
        },
        appOpts,
      );
      const assigned =
        kind === 2 ? [GROUPS[i % GROUPS.length]!] : kind === 3 || i % 2 === 0 ? ["Everyone"] : [GROUPS[i % GROUPS.length]!, GROUPS[(i + 1) % GROUPS.length]!];
      for (const group of assigned) new okta.app.GroupAssignment(`${name}-group-${slug(group)}`, { appId: app.id, groupId: groupId(group) }, child);
      apps[name] = { type, clientId: app.clientId, ...(web ? { clientSecret: pulumi.secret(app.clientSecret) } : {}), issuer: ORG_URL, discoveryUrl: DISCOVERY };
    }
    return { environment: "development", okta: apps };
  };
}
