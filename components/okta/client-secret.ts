import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";

/** Length of generated client secrets: alphanumeric, within Okta's 14..100 character bounds. */
export const CLIENT_SECRET_LENGTH = 64;

/**
 * A client secret we generate, so rotation is a config change: `clientSecretVersion` is the keeper, and a new
 * version makes a new value that Okta stores as the app's secret (`clientBasicSecret`).
 */
export function clientSecret(name: string, version: number, parent: pulumi.Resource, protect: boolean): pulumi.Output<string> {
  const password = new random.RandomPassword(
    `${name}-client-secret`,
    { length: CLIENT_SECRET_LENGTH, special: false, keepers: { clientSecretVersion: String(version) } },
    { parent, protect },
  );
  return pulumi.secret(password.result);
}
