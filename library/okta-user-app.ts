/**
 * What OktaWebApp, OktaBrowserApp and OktaNativeApp share: their plan (the program's prebuilt model, or the
 * args through the stack file's rules) and the args of their build (components/okta/user-app.ts, as the program's apps).
 * Each class extends `pulumi.ComponentResource` itself: the component analyzer accepts no other base.
 */
import type * as pulumi from "@pulumi/pulumi";
import type { OktaOrg, OktaUserAppSpec, TrustedOriginSpec } from "../config/model";
import type { GroupToAssign } from "../components/okta/assignments";
import { groupLookupsWith } from "../components/okta/group-lookups";
import { createTrustedOrigins } from "../components/okta/trusted-origins";
import type { OktaUserAppArgs } from "../components/okta/user-app";
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

/**
 * After `super()`: what the build takes (the groups looked up under `component` unless the program looked them
 * up already). The class passes it straight to `buildOktaUserApp`, so each resource is constructed as few calls
 * below the class as possible: the SDK reads the whole call stack for every resource (issue 19, bench/).
 */
export function userAppArgs(component: pulumi.ComponentResource, name: string, plan: UserAppPlan): OktaUserAppArgs {
  const groups = plan.groups ?? groupLookupsWith({ parent: component }).groupsFor(name, plan.spec.assignTo);
  return { spec: plan.spec, org: plan.org, groups, protect: plan.protect };
}

/** After the build: the app's own trusted origins (library users only; the program merges them per stack). */
export function userAppOrigins(component: pulumi.ComponentResource, name: string, plan: UserAppPlan): void {
  if (plan.origins.length > 0) createTrustedOrigins(component, `${name}-trusted-origin`, plan.origins);
}
