/**
 * The Okta org: `okta:orgName` and `okta:baseUrl`, from which the provider, the issuer and every output URL are
 * built. Checked whenever set; required only when the stack declares Okta apps.
 */
import type { Diagnostics } from "../diagnostics";
import { HOSTNAME } from "../domains";
import type { OktaOrg } from "../model";
import { show, showSetting } from "../show";
import { editDistance } from "../suggest";
import { defineRules, type Rule } from "./rule";

export const OKTA_ORG_RULES = defineRules({
  OKTA_ORG_REQUIRED: {
    severity: "error",
    summary: "Okta apps are declared but `okta:orgName` is not set, or is not an org name.",
    rationale: "The provider, the issuer (`https://<orgName>.<baseUrl>`) and every output URL are built from the org; a full URL in `orgName` would build `https://https://...`.",
    source: "@pulumi/okta 7.0.0 provider configuration `orgName` (OKTA_ORG_NAME): the org's subdomain",
    fix: "Add `okta:orgName: <your org>` (and `okta:baseUrl` unless it is okta.com) to the stack file.",
  },
  OKTA_BASE_URL_INVALID: {
    severity: "error",
    summary: "`okta:baseUrl` is not a domain name.",
    rationale: "The provider builds `https://<orgName>.<baseUrl>` from it; a scheme or a path there gives a URL that does not resolve.",
    source: "@pulumi/okta 7.0.0 provider configuration `baseUrl` (OKTA_BASE_URL): okta.com, oktapreview.com, okta-emea.com, ...",
    fix: "Use the domain only, e.g. `okta.com` or `oktapreview.com`.",
  },
  OKTA_ORG_NAME_CASE: {
    severity: "error",
    summary: "`okta:orgName` has capital letters.",
    rationale: "Okta's issuer is the org URL in lowercase (`https://acme.okta.com`); built from `ACME`, the issuer and every output URL differ from it, and OpenID Connect clients compare the issuer exactly, so every sign-in would fail validation.",
    source: "OpenID Connect Discovery 1.0 §4.3 (openid.net/specs/openid-connect-discovery-1_0.html): the issuer returned MUST be identical; @pulumi/okta 7.0.0 provider configuration `orgName`",
    fix: "Write the org name in lowercase.",
  },
  OKTA_ORG_ADMIN_DOMAIN: {
    severity: "error",
    summary: "`okta:orgName` ends in `-admin`: the Admin Console's subdomain, not the org's.",
    rationale: "The Admin Console is at `https://<org>-admin.okta.com`; the org, its issuer and its API are at `https://<org>.okta.com`. Copied from the browser's address bar, `acme-admin` builds an issuer and API URLs that are not the org's.",
    source: "Frontegg's Okta guide, shared/reference/000 (\"if your URL is https://acme-admin.okta.com, your domain is acme.okta.com\"); @pulumi/okta 7.0.0 provider configuration `orgName`",
    fix: "Drop `-admin`: `okta:orgName: acme` for https://acme-admin.okta.com.",
  },
  OKTA_BASE_URL_MISSPELT: {
    severity: "error",
    summary: "`okta:baseUrl` is one or two letters from one of Okta's domains (`okta.con`).",
    rationale: "The provider builds the issuer and every API call from `<orgName>.<baseUrl>`; a misspelt domain resolves nowhere, or to someone else's host, and the apply fails only at its first call.",
    source: "@pulumi/okta 7.0.0 provider configuration `baseUrl` (okta.com, oktapreview.com, okta-emea.com; Okta for Government: okta-gov.com, okta.mil)",
    fix: "Use the domain the message suggests.",
  },
});

/** An Okta org's subdomain: `okta:orgName`. Capitals are OKTA_ORG_NAME_CASE's. */
export const ORG_NAME = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;

/** Okta's domains, for `okta:baseUrl` (@pulumi/okta 7.0.0 `baseUrl`; Okta for Government: okta-gov.com, okta.mil). */
export const OKTA_DOMAINS = ["okta.com", "oktapreview.com", "okta-emea.com", "okta-gov.com", "okta.mil"] as const;

/**
 * What is wrong with an `okta:orgName`: not a subdomain (OKTA_ORG_REQUIRED), capitals (OKTA_ORG_NAME_CASE) or
 * the Admin Console's `-admin` (OKTA_ORG_ADMIN_DOMAIN); undefined when it is fine. `message` and `fix` name the
 * value; `secretMessage` does not, for an org name the stack keeps secret.
 */
export function orgNameProblem(orgName: string): { rule: Rule; message: string; secretMessage: string; fix?: string } | undefined {
  if (!ORG_NAME.test(orgName)) {
    const message = "is not an Okta org name (the first label of <org>.okta.com).";
    return { rule: OKTA_ORG_RULES.OKTA_ORG_REQUIRED, message, secretMessage: message, fix: "Set it to the org's subdomain only, e.g. `acme` for https://acme.okta.com." };
  }
  if (/[A-Z]/.test(orgName)) {
    return {
      rule: OKTA_ORG_RULES.OKTA_ORG_NAME_CASE,
      message: `has capital letters; the org's issuer is ${show(`https://${orgName.toLowerCase()}.<baseUrl>`)}, and OpenID Connect clients compare issuers exactly.`,
      secretMessage: "has capital letters; the org's issuer is lowercase, and OpenID Connect clients compare issuers exactly.",
      fix: `Write it in lowercase: \`okta:orgName: ${orgName.toLowerCase()}\`.`,
    };
  }
  if (/-admin$/.test(orgName)) {
    const org = orgName.slice(0, -"-admin".length);
    return {
      rule: OKTA_ORG_RULES.OKTA_ORG_ADMIN_DOMAIN,
      message: `is the Admin Console's subdomain (https://${orgName}.<baseUrl>), not the org's: the org, its issuer and its API are at https://${org}.<baseUrl>.`,
      secretMessage: "ends in -admin: the Admin Console's subdomain, not the org's.",
      fix: `Drop \`-admin\`: \`okta:orgName: ${org}\`.`,
    };
  }
  return undefined;
}

/** A domain name for `okta:baseUrl` that is one or two letters from one of {@link OKTA_DOMAINS}: the domain meant. */
export function baseUrlProblem(baseUrl: string): string | undefined {
  if ((OKTA_DOMAINS as readonly string[]).includes(baseUrl)) return undefined;
  return OKTA_DOMAINS.find((d) => editDistance(baseUrl, d) <= 2);
}

export function oktaOrg(orgName: string, baseUrl: string): OktaOrg {
  return { orgName, baseUrl, orgUrl: `https://${orgName}.${baseUrl}` };
}

/** The org, when the stack sets it validly; problems are reported here. */
export function readOktaOrg(config: Readonly<Record<string, string>>, required: boolean, secretKeys: ReadonlySet<string> | undefined, diags: Diagnostics): OktaOrg | undefined {
  const orgName = config["okta:orgName"];
  const baseUrl = config["okta:baseUrl"] ?? "okta.com";
  let ok = true;
  if (orgName === undefined || orgName === "") {
    if (required) diags.report(OKTA_ORG_RULES.OKTA_ORG_REQUIRED, "okta:orgName", "is not set, and the stack declares Okta apps.");
    ok = false;
  } else {
    const problem = orgNameProblem(orgName);
    if (problem) {
      const secret = secretKeys?.has("okta:orgName") ?? false;
      diags.report(problem.rule, "okta:orgName", `${showSetting("okta:orgName", orgName, secretKeys)} ${secret ? problem.secretMessage : problem.message}`, secret ? undefined : problem.fix);
      ok = false;
    }
  }
  if (!HOSTNAME.test(baseUrl)) {
    diags.report(OKTA_ORG_RULES.OKTA_BASE_URL_INVALID, "okta:baseUrl", `${showSetting("okta:baseUrl", baseUrl, secretKeys)} is not a domain name.`);
    ok = false;
  } else {
    const meant = baseUrlProblem(baseUrl);
    if (meant) {
      diags.report(OKTA_ORG_RULES.OKTA_BASE_URL_MISSPELT, "okta:baseUrl", `${showSetting("okta:baseUrl", baseUrl, secretKeys)} is not one of Okta's domains (${OKTA_DOMAINS.join(", ")}). Did you mean ${show(meant)}?`, `Use \`okta:baseUrl: ${meant}\`.`);
      ok = false;
    }
  }
  return ok && orgName ? oktaOrg(orgName, baseUrl) : undefined;
}

/** The org for recipes, without reporting: set, and valid (readOktaOrg reports it where it is read). */
export function validOktaOrg(config: Readonly<Record<string, string>>): OktaOrg | undefined {
  const orgName = config["okta:orgName"];
  const baseUrl = config["okta:baseUrl"] ?? "okta.com";
  return orgName && orgNameProblem(orgName) === undefined && HOSTNAME.test(baseUrl) && baseUrlProblem(baseUrl) === undefined ? oktaOrg(orgName, baseUrl) : undefined;
}
