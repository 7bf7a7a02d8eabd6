/**
 * Okta grant types: which grant types each Okta app type may and must have, the deprecated grants and their
 * opt-in.
 *
 * Source: terraform-provider-okta `okta/services/idaas/resource_okta_app_oauth.go`, `appRequirementsByType`
 * (the provider enforces it inside create/update only, so a mistake would otherwise surface mid-apply), and
 * Okta's device authorization guide ("Device Authorization is only supported for use with a native
 * application", developer.okta.com/docs/guides/device-authorization-grant/main/). Note that the provider
 * requires `authorization_code` on native apps even when they use the device grant.
 */
import type { Diagnostics } from "../diagnostics";
import { DEPRECATED_GRANTS, normaliseGrantType, type GrantType } from "../grant-types";
import { MALFORMED, wellFormed, type Malformed, type Slot } from "../lenient";
import { keyPath } from "../paths";
import { OKTA_ROOT } from "../sections";
import { show } from "../show";
import { defineRules } from "./rule";
import { BCP, OKTA_APPS_API, policy } from "./sources";

const TF_OKTA_APP = "terraform-provider-okta, okta/services/idaas/resource_okta_app_oauth.go, `appRequirementsByType` (the provider behind @pulumi/okta 7.0.0)";

export const OKTA_GRANT_RULES = defineRules({
  OKTA_GRANT_NOT_ALLOWED: {
    severity: "error",
    summary: "A grant type this kind of Okta app cannot use.",
    rationale: "Okta and the provider reject it when the app is created; the provider does not check at preview, so the mistake would otherwise surface mid-apply.",
    source: `${TF_OKTA_APP}; ${OKTA_APPS_API}, grant_types`,
    fix: "Remove the grant type, or use an app type that allows it.",
  },
  OKTA_GRANT_REQUIRED: {
    severity: "error",
    summary: "A grant type this kind of Okta app must have is missing.",
    rationale: "The provider refuses web and native apps without authorization_code, and service apps without client_credentials, at create time (native apps need authorization_code also next to device_code).",
    source: TF_OKTA_APP,
    fix: "Add the grant type named in the message.",
  },
  OKTA_GRANT_DEPRECATED: {
    severity: "error",
    summary: "The implicit or password grant without an explicit opt-in.",
    rationale: "Both are deprecated: the implicit grant returns tokens in the front channel, the password grant hands users' passwords to the client.",
    source: `${BCP} §2.1.2 and §2.4`,
    fix: "Use authorization_code (with PKCE). If you must keep it, list the grant under `allowDeprecatedGrants`.",
  },
  OKTA_GRANT_DUPLICATE: {
    severity: "warning",
    summary: "A grant type is listed twice.",
    rationale: "Harmless (it is sent once) but usually a copy-paste slip that hides the grant that was meant.",
    source: policy("Validation"),
    fix: "Remove the duplicate.",
  },
  OKTA_GRANT_OPT_IN_UNUSED: {
    severity: "error",
    summary: "`allowDeprecatedGrants` lists a grant the app's grantTypes does not use.",
    rationale: "The opt-in is the reviewed exception to the BCP for one deprecated grant; listed without the grant it changes nothing today, and it would let a later edit add the implicit or password grant to grantTypes without the deliberate, reviewed line the opt-in is meant to be.",
    source: `${BCP} §2.1.2 and §2.4; ${policy("Okta apps")} (allowDeprecatedGrants)`,
    fix: "Remove it from allowDeprecatedGrants.",
  },
});

export type OktaKind = "web" | "browser" | "native" | "service";

export const GRANTS_BY_KIND: Record<OktaKind, { readonly allowed: readonly GrantType[]; readonly required: readonly GrantType[] }> = {
  web: { allowed: ["authorization_code", "refresh_token", "implicit", "client_credentials", "token_exchange"], required: ["authorization_code"] },
  browser: { allowed: ["authorization_code", "refresh_token", "implicit", "token_exchange"], required: [] },
  native: { allowed: ["authorization_code", "refresh_token", "implicit", "password", "device_code", "token_exchange"], required: ["authorization_code"] },
  service: { allowed: ["client_credentials", "token_exchange"], required: ["client_credentials"] },
};

/** What an app gets when `grantTypes` is omitted: the provider's own default would differ per type. */
export const DEFAULT_GRANTS: Record<OktaKind, readonly GrantType[]> = {
  web: ["authorization_code"],
  browser: ["authorization_code"],
  native: ["authorization_code"],
  service: ["client_credentials"],
};

/** An app's `grantTypes` as parsed: absent (the defaults apply), a list of items, or not a list at all. */
export type GrantList = readonly Slot<string>[] | Malformed | undefined;

/**
 * The normalised grant list (defaults applied), or undefined when it is not a list or has a malformed item. A
 * well-formed item is a known name (the schema's enum), so normalising it always succeeds.
 */
export function grantsOf(kind: OktaKind, listed: GrantList): GrantType[] | undefined {
  const list = listed ?? DEFAULT_GRANTS[kind];
  if (!wellFormed(list)) return undefined;
  const grants = list.map((g) => (wellFormed(g) ? normaliseGrantType(g) : undefined));
  return grants.every((g): g is GrantType => g !== undefined) ? grants : undefined;
}

/**
 * Grant-type rules. `optIn` is the app's `allowDeprecatedGrants` (none for service apps, which have no such
 * key). Returns the normalised list when every entry is a known grant type.
 */
export function checkGrants(kind: OktaKind, listed: GrantList, optIn: readonly Slot<string>[], at: string[], diags: Diagnostics): GrantType[] | undefined {
  if (listed === MALFORMED) return undefined; // not a list: the parse reports it
  const entries: readonly Slot<string>[] = listed ?? [...DEFAULT_GRANTS[kind]];
  const grants: GrantType[] = [];
  const rules = GRANTS_BY_KIND[kind];
  let known = true;
  entries.forEach((entry, i) => {
    const grant = wellFormed(entry) ? normaliseGrantType(entry) : undefined;
    if (!grant) {
      known = false; // the parse reports unknown names
      return;
    }
    const path = keyPath(OKTA_ROOT, [...at, "grantTypes", i]);
    if (grants.includes(grant)) diags.report(OKTA_GRANT_RULES.OKTA_GRANT_DUPLICATE, path, `${show(entry)} is listed more than once.`);
    else grants.push(grant);
    if (!rules.allowed.includes(grant)) {
      diags.report(OKTA_GRANT_RULES.OKTA_GRANT_NOT_ALLOWED, path, `${kind} apps cannot use the ${grant} grant; they allow ${rules.allowed.join(", ")}.`);
    } else if (DEPRECATED_GRANTS.includes(grant) && !optIn.includes(grant)) {
      diags.report(OKTA_GRANT_RULES.OKTA_GRANT_DEPRECATED, path, `the ${grant} grant is deprecated and needs an explicit opt-in.`, `Use authorization_code with PKCE, or add \`allowDeprecatedGrants: [${grant}]\` to this app.`);
    }
  });
  if (!known) return undefined;
  if (kind !== "service") {
    // An opt-in for a grant the app does not use would let the grant be added later without a second look.
    optIn.forEach((grant, i) => {
      if (wellFormed(grant) && (DEPRECATED_GRANTS as readonly string[]).includes(grant) && !grants.includes(grant as GrantType)) {
        diags.report(OKTA_GRANT_RULES.OKTA_GRANT_OPT_IN_UNUSED, keyPath(OKTA_ROOT, [...at, "allowDeprecatedGrants", i]), `opts in to the ${grant} grant, but grantTypes does not include it.`);
      }
    });
  }
  for (const required of rules.required) {
    if (!grants.includes(required)) {
      const why = kind === "native" ? " (terraform-provider-okta requires it on native apps, also alongside device_code)" : "";
      diags.report(OKTA_GRANT_RULES.OKTA_GRANT_REQUIRED, keyPath(OKTA_ROOT, [...at, "grantTypes"]), `${kind} apps must include ${required}${why}.`, `Add ${required} to grantTypes.`);
    }
  }
  return grants;
}
