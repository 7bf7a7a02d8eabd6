/**
 * Okta trusted origins for the whole stack. Okta keeps one per origin, so the config layer merges identical
 * origins across apps (scopes unioned) and this component creates one `okta.trustedorigin.Origin` each.
 */
import * as okta from "@pulumi/okta";
import * as pulumi from "@pulumi/pulumi";
import { slug } from "../../config/paths";
import type { TrustedOriginSpec } from "../../config/model";

export interface TrustedOriginsArgs {
  readonly origins: readonly TrustedOriginSpec[];
  /** Production: keep the origins in the org when they leave the stack. */
  readonly retainOnDelete?: boolean;
}

export class TrustedOrigins extends pulumi.ComponentResource {
  /** Keyed by origin. */
  readonly origins: Readonly<Record<string, okta.trustedorigin.Origin>>;

  constructor(name: string, args: TrustedOriginsArgs, opts?: pulumi.ComponentResourceOptions) {
    super("oidc-apps:okta:TrustedOrigins", name, {}, opts);
    const origins: Record<string, okta.trustedorigin.Origin> = {};
    for (const spec of args.origins) {
      origins[spec.origin] = new okta.trustedorigin.Origin(
        `${name}-${originSlug(spec.origin)}`,
        // Okta requires unique names; the origin itself is unique and tells an admin what it is.
        { name: spec.origin, origin: spec.origin, scopes: spec.scopes.map((type) => ({ type })) },
        { parent: this, retainOnDelete: args.retainOnDelete === true },
      );
    }
    this.origins = origins;
    this.registerOutputs({ origins: Object.keys(origins) });
  }
}

/** `https://app.example.com:8443` → `https-app-example-com-8443`: stable, readable, URN-safe. */
export function originSlug(origin: string): string {
  return slug(origin);
}
