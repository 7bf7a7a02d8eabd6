/** A component's `orgUrl`, checked by the rules the stack file's `okta:orgName` and `okta:baseUrl` are. */
import type { Diagnostics } from "../config/diagnostics";
import type { OktaOrg } from "../config/model";
import { OKTA_ORG_RULES, readOktaOrg } from "../config/rules/okta-org";
import { show } from "../config/show";

/** `https://<orgName>.<baseUrl>`, nothing after the host but an optional `/`. */
const ORG_URL = /^https:\/\/([^./:@]+)\.([^/:@?#]+)\/?$/;

/** The org of `orgUrl`, its problems reported at `okta:orgName` / `okta:baseUrl` (the caller maps both to `orgUrl`). */
export function orgOfUrl(orgUrl: string, name: string, diags: Diagnostics): OktaOrg | undefined {
  const m = ORG_URL.exec(orgUrl);
  if (!m) {
    diags.report(OKTA_ORG_RULES.OKTA_ORG_REQUIRED, `${name}.orgUrl`, `${show(orgUrl)} is not an Okta org URL (https://<orgName>.<baseUrl>).`, "Use the org's URL, e.g. `https://acme.okta.com`.");
    return undefined;
  }
  return readOktaOrg({ "okta:orgName": m[1]!, "okta:baseUrl": m[2]! }, true, undefined, diags);
}

/** Okta grants API scopes through the org authorization server, whose issuer is the org URL. */
export function requireOrgForScopes(apiScopes: unknown, orgUrl: string | undefined, name: string, diags: Diagnostics): void {
  if (orgUrl === undefined && Array.isArray(apiScopes) && apiScopes.length > 0) {
    diags.report(OKTA_ORG_RULES.OKTA_ORG_REQUIRED, `${name}.orgUrl`, "is not set, and the app is granted Okta API scopes: the grant names the org authorization server, whose issuer is the org URL.", "Set `orgUrl`, e.g. `https://acme.okta.com`.");
  }
}
