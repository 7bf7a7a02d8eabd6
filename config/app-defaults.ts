/** Defaults the Okta and Auth0 model builders share. */
import { normaliseGrantType, type GrantType } from "./grant-types";
import { DEFAULT_GRANTS } from "./rules/okta-grants";
import type { OktaAppType } from "./schema/okta";

/**
 * Generated client secrets: always for new apps (default version 1); for an adopted app only once
 * `clientSecretVersion` is set, because its existing secret cannot be recovered and replacing it is a rotation.
 */
export function secretVersion(version: number | undefined, adopt: { id: string } | undefined): { clientSecretVersion?: number } {
  if (version !== undefined) return { clientSecretVersion: version };
  return adopt ? {} : { clientSecretVersion: 1 };
}

/** The model's grant list for a shaped app: defaults applied, short names, each once. */
export function modelGrants(kind: OktaAppType, listed: readonly string[] | undefined): GrantType[] {
  return [...new Set((listed ?? DEFAULT_GRANTS[kind]).map((g) => normaliseGrantType(g)!))];
}
