import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";

/** Length of generated client secrets: alphanumeric, within Okta's 14..100 character bounds. */
export const CLIENT_SECRET_LENGTH = 64;

/**
 * A client secret we generate, so rotation is a config change: `clientSecretVersion` is the keeper, and a new
 * version makes a new value that Okta stores as the app's secret (`clientBasicSecret`).
 */
/**
 * Not protected, even in production: replacing it is how a rotation happens, and the rotation is a reviewed
 * config change (the plan diff flags it). The app that holds the secret is what production protects.
 */
export function clientSecret(name: string, version: number, parent: pulumi.Resource): pulumi.Output<string> {
  const password = new random.RandomPassword(
    `${name}-client-secret`,
    { length: CLIENT_SECRET_LENGTH, special: false, keepers: { clientSecretVersion: String(version) } },
    { parent },
  );
  return pulumi.secret(password.result);
}
