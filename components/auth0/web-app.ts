/**
 * An Auth0 Regular Web Application: the client, its credentials (a generated client secret, or private key
 * JWT with public keys), and a Management API grant when it asks for Management API scopes.
 */
import * as auth0 from "@pulumi/auth0";
import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";
import type { Auth0WebAppSpec } from "../../config/model";
import { appResourceOptions } from "../app-options";
import { privateKeyOutputs, signingKeys, type PrivateKeyOutputs } from "../keys/signing-keys";

export interface Auth0WebAppArgs {
  readonly spec: Auth0WebAppSpec;
  /** The tenant domain: issuer and Management API audience derive from it. */
  readonly domain: string;
  readonly protect: boolean;
}

/** Auth0: client secrets are at least 48 characters of letters, digits and `_-+=.`; ours are 64 alphanumerics. */
export const AUTH0_SECRET_LENGTH = 64;

/** What an Auth0 app's build hands its component: the client and the values clients read. */
export interface Auth0WebAppParts {
  readonly client: auth0.Client;
  /** Known from the config: plain values, not Outputs (issue 19: fewer objects per app). */
  readonly domain: string;
  readonly clientId: pulumi.Output<string>;
  /** Client-secret auth only. Secret. */
  readonly clientSecret?: pulumi.Output<string>;
  readonly issuer: string;
  /** private_key_jwt: the kids of the keys Auth0 holds, the one to sign with, and the generated keys by kid. */
  readonly keyIds?: string[];
  readonly activeKeyId?: string;
  readonly privateKeys: Readonly<Record<string, PrivateKeyOutputs>>;
}

/**
 * The resources of an Auth0 Regular Web Application, under `parent` (library/auth0-regular-web-app.ts): one
 * function for the program's path and the library user's, so both register exactly the same children with
 * exactly the same inputs.
 */
export function buildAuth0WebApp(parent: pulumi.ComponentResource, name: string, args: Auth0WebAppArgs): Auth0WebAppParts {
  const { spec, domain, protect } = args;
  const refresh = spec.refreshToken;
  const client = new auth0.Client(
    name,
    {
      name: spec.displayName,
      appType: "regular_web",
      isFirstParty: true,
      oidcConformant: true,
      jwtConfiguration: { alg: "RS256" },
      grantTypes: [...spec.grantTypes],
      callbacks: [...spec.callbacks],
      allowedLogoutUrls: [...spec.allowedLogoutUrls],
      webOrigins: [...spec.webOrigins],
      ...(spec.initiateLoginUri ? { initiateLoginUri: spec.initiateLoginUri } : {}),
      ...(refresh
        ? {
            refreshToken: {
              rotationType: refresh.rotationType,
              // Auth0 requires expiring tokens with rotation; we use expiring tokens either way.
              expirationType: "expiring",
              leeway: refresh.leewaySeconds,
              tokenLifetime: refresh.tokenLifetimeSeconds,
              idleTokenLifetime: refresh.idleTokenLifetimeSeconds,
              infiniteTokenLifetime: false,
              infiniteIdleTokenLifetime: false,
            },
          }
        : {}),
    },
    // `description`: @pulumi/auth0 sends "Managed by Pulumi" when it is not set (`args?.description ?? "Managed
    // by Pulumi"`, client.js; pulumi-auth0 provider/resources.go). New clients get it; an adopted client keeps
    // its own description instead of having it overwritten by the update that follows the import.
    appResourceOptions(parent, { protect, importId: spec.adopt?.id, ignoreChanges: ["description"] }),
  );

  let secret: pulumi.Output<string> | undefined;
  let keyParts: Pick<Auth0WebAppParts, "privateKeys" | "keyIds" | "activeKeyId"> = { privateKeys: {} };
  let credentialArgs: auth0.ClientCredentialsArgs;
  if (spec.authenticationMethod === "private_key_jwt") {
    const keys = signingKeys(name, spec.keys, parent);
    // The private half of a generated key exists only in state: without these outputs no client could sign.
    keyParts = {
      privateKeys: privateKeyOutputs(keys),
      keyIds: spec.keys.map((k) => k.kid),
      ...(spec.activeKeyId !== undefined ? { activeKeyId: spec.activeKeyId } : {}),
    };
    credentialArgs = {
      clientId: client.clientId,
      authenticationMethod: "private_key_jwt",
      privateKeyJwt: { credentials: keys.map((k) => ({ credentialType: "public_key", name: k.kid, pem: k.publicKeyPem, algorithm: "RS256" })) },
    };
  } else if (spec.clientSecretVersion !== undefined) {
    const password = new random.RandomPassword(
      `${name}-client-secret`,
      { length: AUTH0_SECRET_LENGTH, special: false, keepers: { clientSecretVersion: String(spec.clientSecretVersion) } },
      // Not protected: replacing it is the rotation (see components/okta/client-secret.ts).
      { parent },
    );
    secret = pulumi.secret(password.result);
    credentialArgs = { clientId: client.clientId, authenticationMethod: spec.authenticationMethod, clientSecret: secret };
  } else {
    // An adopted app keeps its secret until `clientSecretVersion` is set.
    credentialArgs = { clientId: client.clientId, authenticationMethod: spec.authenticationMethod };
  }
  // Adopted: the credentials of an existing client are imported by the client's id as well.
  const credentials = new auth0.ClientCredentials(`${name}-credentials`, credentialArgs, {
    parent,
    // Retained in production: deleting them resets the client's authentication method, which costs the app a
    // working credential (the one thing besides the client itself that production retains).
    retainOnDelete: protect,
    ...(spec.adopt ? { import: spec.adopt.id } : {}),
  });

  if (spec.managementApiScopes.length > 0) {
    new auth0.ClientGrant(
      `${name}-management-api`,
      // No `subjectType`: it is Optional + Computed + ForceNew, Auth0 applies `client` when it is absent, and the
      // provider reads it back (terraform-provider-auth0 v1.53.0 internal/auth0/client/resource_grant.go), so
      // leaving it out never causes a diff, while a value that ever read back differently would replace the grant.
      { clientId: client.clientId, audience: `https://${domain}/api/v2/`, scopes: [...spec.managementApiScopes] },
      // Not retained: a grant is a privilege, so one that leaves the stack file leaves the tenant.
      { parent, ...(spec.adopt?.managementApiGrantId ? { import: spec.adopt.managementApiGrantId } : {}) },
    );
  }

  return {
    client,
    domain,
    clientId: client.clientId,
    // The credentials' secret output is empty unless the provisioning client may read client keys
    // (pulumi-auth0 #314); the value we set is the truth either way.
    ...(spec.authenticationMethod === "private_key_jwt"
      ? {}
      : { clientSecret: pulumi.secret(secret ? pulumi.all([credentials.clientSecret, secret]).apply(([read, set]) => read || set) : credentials.clientSecret) }),
    issuer: `https://${domain}/`,
    ...keyParts,
  };
}
