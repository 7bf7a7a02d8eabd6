import type * as okta from "@pulumi/okta";
import * as pulumi from "@pulumi/pulumi";
import * as z from "zod";
import { createTrustedOrigins, type TrustedOriginsArgs } from "../components/okta/trusted-origins";
import { mergeTrustedOrigins } from "../config/okta";
import { checkTrustedOrigin } from "../config/rules/okta-uris";
import { STACK_FILE_RULES } from "../config/rules/stack-file";
import { APP_NAME } from "../config/schema/root";
import { show } from "../config/show";
import { trustedOriginSchema } from "../config/schema/okta";
import { checkShape } from "../config/zod-issues";
import { prebuiltOf } from "./channel";
import { pathName, plainArgs } from "./args";
import { checked } from "./checked";
import type { EnvironmentArgs, TrustedOriginArgs } from "./common-args";
import type { Environment } from "./enums";
import { environmentOf } from "./environment";

/** The args of an OktaTrustedOrigins. Plain values (validated before anything is registered). */
export interface OktaTrustedOriginsArgs extends EnvironmentArgs {
  /**
   * Which rules apply. Production is the strictest (https only, no loopback). Trusted origins are never
   * protected, whatever the environment: an origin that leaves the args leaves the org.
   * @default Environment.Production
   */
  environment?: Environment;
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

/** The top-level args. */
const ARG_KEYS = ["environment", "origins"];

/**
 * The stack file's trusted-origin shape and rules, and its merge (one origin, scopes unioned, in a fixed order).
 * The name follows the app-name rule: it names the origin resources (`<name>-<origin slug>`), as an app's
 * name names its children.
 */
function planOrigins(name: string, args: unknown) {
  const component = "OktaTrustedOrigins";
  const at = pathName(name);
  return checked(component, name, [], (diags, held) => {
    if (!APP_NAME.test(name)) diags.report(STACK_FILE_RULES.APP_NAME_INVALID, at, `${show(name)} is not a valid name: it names the origin resources (\`<name>-<origin>\`), as an app's name does its resources.`);
    const plain = plainArgs(args, { component, at, keys: ARG_KEYS }, diags, held);
    if (!plain) return undefined;
    const environment = environmentOf(plain["environment"], at, diags);
    const raw: unknown = plain["origins"];
    if (Array.isArray(raw)) {
      const ctx = { root: at, production: environment === "production", native: false, wildcardAllowed: false, diags };
      raw.forEach((o: unknown, i) => {
        if (typeof o === "object" && o !== null) checkTrustedOrigin(Object.hasOwn(o, "origin") ? (o as Record<string, unknown>)["origin"] : undefined, ["origins", i, "origin"], ctx);
      });
    }
    const shaped = checkShape(z.array(trustedOriginSchema), raw, at, ["origins"], diags);
    if (diags.hasErrors || !shaped || !environment) return undefined;
    return mergeTrustedOrigins([{ type: "browser", name, raw: { type: "browser", trustedOrigins: shaped } } as MergeInput]);
  });
}
