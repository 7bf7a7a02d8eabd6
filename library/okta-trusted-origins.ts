import type * as okta from "@pulumi/okta";
import * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import { createTrustedOrigins, type TrustedOriginsArgs } from "../components/okta/trusted-origins";
import { mergeTrustedOrigins } from "../config/okta";
import { checkTrustedOrigin } from "../config/rules/okta-uris";
import { trustedOriginSchema } from "../config/schema/okta";
import { checkShape } from "../config/zod-issues";
import { prebuiltOf } from "./channel";
import { checked } from "./checked";
import type { EnvironmentArgs, TrustedOriginArgs } from "./common-args";
import { environmentOf } from "./environment";

/** The args of an OktaTrustedOrigins. Plain values (validated before anything is registered). */
export interface OktaTrustedOriginsArgs extends EnvironmentArgs {
  /** The origins; one listed twice is one origin with the union of the scopes. */
  origins: TrustedOriginArgs[];
}

/**
 * Okta trusted origins shared between apps: Okta keeps one per origin, so apps that list the same origin share
 * one `okta.trustedorigin.Origin` (named `<name>-<origin slug>`). Never protected: an origin that leaves the
 * args leaves the org.
 *
 * Construction checks the origins with the stack file's rules and throws one InvalidArgsError listing every
 * problem (at paths such as `origins.origins[0].origin`) before anything is registered.
 */
export class OktaTrustedOrigins extends pulumi.ComponentResource {
  /** The origin resources, keyed by origin. */
  readonly origins: Record<string, okta.trustedorigin.Origin>;

  constructor(name: string, args: OktaTrustedOriginsArgs, opts?: pulumi.ComponentResourceOptions) {
    const plan = prebuiltOf<TrustedOriginsArgs>(args) ?? { type: "oidc-apps:index:OktaTrustedOrigins", origins: planOrigins(name, args) };
    super(plan.type, name, {}, opts);
    this.origins = createTrustedOrigins(this, name, plan.origins);
    this.registerOutputs({ origins: Object.keys(this.origins) });
  }
}

type MergeInput = Parameters<typeof mergeTrustedOrigins>[0][number];

/** The stack file's trusted-origin shape and rules, and its merge (one origin, scopes unioned, in a fixed order). */
function planOrigins(name: string, args: OktaTrustedOriginsArgs) {
  return checked("OktaTrustedOrigins", name, [], (diags) => {
    const environment = environmentOf(args.environment, name, diags);
    const raw: unknown = args.origins;
    if (Array.isArray(raw)) {
      const ctx = { root: name, production: environment === "production", native: false, wildcardAllowed: false, diags };
      raw.forEach((o: unknown, i) => {
        if (typeof o === "object" && o !== null) checkTrustedOrigin((o as Record<string, unknown>)["origin"], ["origins", i, "origin"], ctx);
      });
    }
    const shaped = checkShape(z.array(trustedOriginSchema), raw, name, ["origins"], diags);
    if (!shaped || !environment) return undefined;
    return mergeTrustedOrigins([{ type: "browser", name, raw: { type: "browser", trustedOrigins: shaped } } as MergeInput]);
  });
}
