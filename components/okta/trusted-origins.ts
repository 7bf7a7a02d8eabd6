/**
 * Okta trusted origins for the whole stack. Okta keeps one per origin, so the config layer merges identical
 * origins across apps (scopes unioned) and this component creates one `okta.trustedorigin.Origin` each.
 */
import * as okta from "@pulumi/okta";
import * as pulumi from "@pulumi/pulumi";
import { uniqueSlugs } from "../../config/names";
import { slug } from "../../config/paths";
import type { TrustedOriginSpec } from "../../config/model";

export interface TrustedOriginsArgs {
  readonly origins: readonly TrustedOriginSpec[];
}

/**
 * One `okta.trustedorigin.Origin` per origin, named `<prefix>-<origin slug>`, under `parent`: shared by the
 * program's component (above) and the library's (library/), keyed by origin.
 */
export function createTrustedOrigins(parent: pulumi.Resource, prefix: string, specs: readonly TrustedOriginSpec[]): Record<string, okta.trustedorigin.Origin> {
  const origins: Record<string, okta.trustedorigin.Origin> = {};
  const slugs = originSlugs(specs.map((o) => o.origin));
  for (const spec of specs) {
    origins[spec.origin] = new okta.trustedorigin.Origin(
      `${prefix}-${slugs.get(spec.origin)!}`,
      // Okta requires unique names; the origin itself is unique and tells an admin what it is.
      { name: spec.origin, origin: spec.origin, scopes: spec.scopes.map((type) => ({ type })) },
      // Never retained: an origin is a privilege (where the org accepts CORS and redirects from), so one that
      // leaves the stack file leaves the org.
      { parent },
    );
  }
  return origins;
}

/** `https://app.example.com:8443` → `https-app-example-com-8443`: stable, readable, URN-safe. */
export function originSlug(origin: string): string {
  return slug(origin);
}

/**
 * The resource-name part of every origin of the stack: its {@link originSlug}, unless another origin has the
 * same slug (`https://a-b.example.com`, `https://a.b.example.com`); then each of those gets `-<8 hex of
 * sha256(origin)>` appended (config/names.ts), so both exist and neither depends on the other's position.
 */
export function originSlugs(origins: readonly string[]): Map<string, string> {
  return uniqueSlugs(origins);
}
