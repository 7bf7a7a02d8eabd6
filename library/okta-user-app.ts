/**
 * What OktaWebApp, OktaBrowserApp and OktaNativeApp share: their plan (the program's prebuilt model, or the
 * args through the stack file's rules) and their build (components/okta/user-app.ts, as the program's apps).
 * Each class extends `pulumi.ComponentResource` itself: the component analyzer accepts no other base.
 */
import type * as pulumi from "@pulumi/pulumi";
import type { OktaOrg, OktaUserAppSpec, TrustedOriginSpec } from "../config/model";
import type { GroupToAssign } from "../components/okta/assignments";
import { groupLookupsWith } from "../components/okta/group-lookups";
import { createTrustedOrigins } from "../components/okta/trusted-origins";
import { buildOktaUserApp, type OktaUserAppArgs, type OktaUserAppParts } from "../components/okta/user-app";
import { prebuiltOf } from "./channel";
import { planOktaApp } from "./okta-entry";

export interface UserAppPlan {
  /** The component's type token. */
  readonly type: string;
  readonly spec: OktaUserAppSpec;
  readonly org: OktaOrg;
  /** Whether the org is known: without `orgUrl` the component outputs no issuer. */
  readonly orgKnown: boolean;
  readonly protect: boolean;
  /** The program's groups, looked up once per stack; absent: the component looks its groups up itself. */
  readonly groups?: readonly GroupToAssign[];
  readonly origins: readonly TrustedOriginSpec[];
}

/** Stands in for an org the args do not name: nothing reads it (no API scopes without `orgUrl`, no issuer output). */
const NO_ORG: OktaOrg = { orgName: "", baseUrl: "", orgUrl: "" };

/** Before `super()`: the plan, or the error listing every problem of the args. */
export function planUserApp(type: string, component: string, kind: OktaUserAppSpec["kind"], name: string, args: object): UserAppPlan {
  const prebuilt = prebuiltOf<OktaUserAppArgs>(args);
  if (prebuilt) return { ...prebuilt, orgKnown: true, origins: [] };
  const plan = planOktaApp(component, kind, name, args);
  return { type, spec: plan.spec, org: plan.org ?? NO_ORG, orgKnown: plan.org !== undefined, protect: plan.protect, origins: plan.origins };
}

/** After `super()`: the app's resources under `component`, and the values its outputs carry. */
export function buildUserApp(component: pulumi.ComponentResource, name: string, plan: UserAppPlan): OktaUserAppParts {
  const groups = plan.groups ?? groupLookupsWith({ parent: component }).groupsFor(name, plan.spec.assignTo);
  const parts = buildOktaUserApp(component, name, { spec: plan.spec, org: plan.org, groups, protect: plan.protect });
  if (plan.origins.length > 0) createTrustedOrigins(component, `${name}-trusted-origin`, plan.origins);
  return parts;
}
