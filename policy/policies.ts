/**
 * The oidc-apps policies: the stack-file validator's security rules applied to the resources a Pulumi program
 * actually declares, whether our components made them or not. Every rule that the validator has is asked
 * through `config/rules/predicates.ts`, which runs the validator's own rule functions; the policies here only
 * decide which resources to ask about, where the environment comes from, and how a finding is reported.
 *
 * `index.ts` serves these as the `oidc-apps` policy pack; tests import this module directly (constructing a
 * `PolicyPack` starts the analyzer's gRPC server).
 */
import * as auth0 from "@pulumi/auth0";
import * as okta from "@pulumi/okta";
import type { EnforcementLevel, PolicyResource, ReportViolation, ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { ROLE_RESOURCES } from "../components/okta/admin-roles";
import { Diagnostics, type Diagnostic } from "../config/diagnostics";
import { RULES } from "../config/rules/catalogue";
import { checkInitiateLoginUri, checkTrustedOrigin } from "../config/rules/okta-uris";
import {
  auth0UrlFindings,
  deprecatedAuth0Grants,
  deprecatedOktaGrants,
  oktaRedirectFindings,
  privilegedRoleFindings,
  productionOnly,
  publicClientWithoutPkce,
  REDIRECT_SECURITY_CODES,
  type Auth0UrlSettings,
  type OktaRedirectSettings,
} from "../config/rules/predicates";
import { show } from "../config/show";
import { parseUri } from "../config/uris";
import type { StandardAdminRole } from "../config/schema/okta";
import {
  eachResource,
  ENVIRONMENT_SCHEMA,
  EXEMPT_SCHEMA,
  forTypes,
  isExempt,
  list,
  resolveEnvironment,
  STACK_TYPE,
  tokenOf,
  violationOf,
  type ExemptConfig,
} from "./support";
import { refusalMessage, urlRefusals, type UrlField } from "./urls";

export const OKTA_APP = tokenOf(okta.app.OAuth);
export const AUTH0_CLIENT = tokenOf(auth0.Client);
export const APP_GROUP_ASSIGNMENTS = tokenOf(okta.AppGroupAssignments);
export const APP_GROUP_ASSIGNMENT = tokenOf(okta.app.GroupAssignment);
export const TRUSTED_ORIGIN = tokenOf(okta.trustedorigin.Origin);

/** The resources that *are* an app in the org: what production protects (components/app-options.ts). */
const APP_TYPES: ReadonlySet<string> = new Set([OKTA_APP, AUTH0_CLIENT]);

/** Every resource that gives an OAuth client an Okta admin role, and the role a standard-role resource stands for. */
const ROLE_BY_TOKEN = new Map<string, StandardAdminRole | undefined>([
  ...Object.entries(ROLE_RESOURCES).map(([role, cls]) => [tokenOf(cls), role as StandardAdminRole] as const),
  [tokenOf(okta.Oauth2V1ClientsRoleCustom), undefined],
  [tokenOf(okta.app.OauthRoleAssignment), undefined],
]);

/** A URL property of a resource: its name, whether it holds a list, and what it is for. */
interface UrlProperty {
  readonly prop: string;
  readonly list: boolean;
  readonly field: UrlField;
}

const OKTA_REDIRECT_CODES = { unreadable: "OKTA_REDIRECT_NOT_ABSOLUTE", scheme: "OKTA_REDIRECT_CUSTOM_SCHEME" } as const;
const AUTH0_URL_CODES = { unreadable: "AUTH0_URL_INVALID", scheme: "AUTH0_URL_INVALID" } as const;

/** The URL properties of a resource the pack checks, by type; none for other types. */
function urlProperties(type: string, props: Record<string, unknown>): UrlProperty[] {
  if (type === OKTA_APP) {
    const redirect: UrlField = { role: "redirect", customSchemes: props["type"] === "native", codes: OKTA_REDIRECT_CODES };
    return [
      { prop: "redirectUris", list: true, field: redirect },
      { prop: "postLogoutRedirectUris", list: true, field: redirect },
      { prop: "loginUri", list: false, field: { role: "login", customSchemes: false, codes: { unreadable: "OKTA_LOGIN_URI_INVALID", scheme: "OKTA_LOGIN_URI_INVALID" } } },
    ];
  }
  if (type === AUTH0_CLIENT) {
    // A native Auth0 client may call back to its own scheme; a regular web app may not.
    const redirect: UrlField = { role: "redirect", customSchemes: props["appType"] === "native", codes: AUTH0_URL_CODES };
    const origin: UrlField = { role: "origin", customSchemes: false, codes: AUTH0_URL_CODES };
    return [
      { prop: "callbacks", list: true, field: redirect },
      { prop: "allowedLogoutUrls", list: true, field: redirect },
      { prop: "webOrigins", list: true, field: origin },
      { prop: "allowedOrigins", list: true, field: origin },
      { prop: "initiateLoginUri", list: false, field: { role: "login", customSchemes: false, httpsOnly: true, codes: { unreadable: "AUTH0_LOGIN_URI_INVALID", scheme: "AUTH0_LOGIN_URI_INVALID" } } },
    ];
  }
  if (type === TRUSTED_ORIGIN) {
    return [{ prop: "origin", list: false, field: { role: "origin", customSchemes: false, codes: { unreadable: "OKTA_TRUSTED_ORIGIN_INVALID", scheme: "OKTA_TRUSTED_ORIGIN_INVALID" } } }];
  }
  return [];
}

/**
 * The values of a resource's URL properties the pack cannot read (fail closed): a list property that is not
 * a list, an element or a value the URL policy or the pack's URL rules refuse (policy/urls.ts). Each is a
 * violation; `refused` holds their paths, so that the validator's rules are not also asked about them.
 */
function unreadableUrls(type: string, props: Record<string, unknown>): { violations: string[]; refused: Set<string> } {
  const violations: string[] = [];
  const refused = new Set<string>();
  for (const { prop, list: isList, field } of urlProperties(type, props)) {
    const value = props[prop];
    if (value === undefined || value === null) continue;
    if (!isList && value === "" && field.role === "login") continue; // unset, as both providers read it
    if (isList && !Array.isArray(value)) {
      refused.add(prop);
      violations.push(`${field.codes.unreadable} ${prop}: ${typeof value === "string" ? show(value) : typeof value} is not a list of URLs, so the policy cannot check it. Fix: Give ${prop} as a list.`);
      continue;
    }
    const entries: [string, unknown][] = isList ? list(value).map((v, i) => [`${prop}[${i}]`, v]) : [[prop, value]];
    for (const [path, raw] of entries) {
      const refusals = urlRefusals(raw, field);
      if (refusals.length === 0) continue;
      refused.add(path);
      for (const r of refusals) violations.push(refusalMessage(r, path, raw));
    }
  }
  return { violations, refused };
}

/**
 * The validator codes the pack enforces on the URLs it could read: transport and wildcards
 * (REDIRECT_SECURITY_CODES), a custom scheme on an app that is not native, an initiate-login URI that is not
 * https (http on loopback outside production, for Okta), a trusted origin over plain http. Form problems (a
 * fragment, a duplicate, a path on an origin) are left to the validator and the providers.
 */
const ENFORCED_URL_CODES: ReadonlySet<string> = new Set<string>([...REDIRECT_SECURITY_CODES, "OKTA_REDIRECT_CUSTOM_SCHEME", "OKTA_LOGIN_URI_INVALID", "AUTH0_LOGIN_URI_INVALID", "OKTA_TRUSTED_ORIGIN_HTTP"]);

/**
 * What the validator's own URL rules say about a resource's URLs, in `production` or not: the enforced codes
 * only, and nothing about a value in `refused` (reported already).
 */
function urlFindings(type: string, props: Record<string, unknown>, production: boolean, refused: ReadonlySet<string>): Diagnostic[] {
  const findings: Diagnostic[] = [];
  if (type === OKTA_APP) {
    const settings: OktaRedirectSettings = {
      redirectUris: list(props["redirectUris"]),
      postLogoutRedirectUris: list(props["postLogoutRedirectUris"]),
      native: props["type"] === "native",
      wildcardAllowed: props["wildcardRedirect"] === "SUBDOMAIN",
    };
    findings.push(...oktaRedirectFindings(settings, production));
    const diags = new Diagnostics();
    const login = props["loginUri"];
    if (login !== "") checkInitiateLoginUri(login, [], { root: "loginUri", production, native: false, wildcardAllowed: false, diags });
    findings.push(...diags.list());
  } else if (type === AUTH0_CLIENT) {
    const settings: Auth0UrlSettings = { callbacks: list(props["callbacks"]), allowedLogoutUrls: list(props["allowedLogoutUrls"]), webOrigins: list(props["webOrigins"]) };
    findings.push(...auth0UrlFindings(settings, production));
    // CORS origins are origins as web origins are: the same rule, reported under their own property.
    const cors = auth0UrlFindings({ callbacks: [], allowedLogoutUrls: [], webOrigins: list(props["allowedOrigins"]) }, production);
    findings.push(...cors.map((d) => ({ ...d, path: d.path.replace(/^webOrigins\[/, "allowedOrigins[") })));
    findings.push(...auth0LoginFindings(props["initiateLoginUri"], production));
  } else if (type === TRUSTED_ORIGIN) {
    const diags = new Diagnostics();
    checkTrustedOrigin(props["origin"], [], { root: "origin", production, native: false, wildcardAllowed: false, diags });
    findings.push(...diags.list());
  }
  return findings.filter((d) => ENFORCED_URL_CODES.has(d.code) && !refused.has(d.path) && !refused.has(d.path.replace(/\[\d+\]$/, "")));
}

/**
 * Auth0's initiate-login URI in production: a loopback one points at the user's machine (the validator's
 * AUTH0_LOGIN_URI_INVALID rule in config/auth0.ts, which predicates.ts does not reach). Outside production
 * the pack's https-only rule is all there is.
 */
function auth0LoginFindings(raw: unknown, production: boolean): Diagnostic[] {
  if (!production || typeof raw !== "string" || !parseUri(raw)?.isLoopback) return [];
  return [{ severity: "error", code: "AUTH0_LOGIN_URI_INVALID", path: "initiateLoginUri", message: `${show(raw)} points at the user's own machine; production stacks may not use loopback URLs.`, fix: RULES.AUTH0_LOGIN_URI_INVALID.fix }];
}

function reportAll(findings: readonly Diagnostic[], report: ReportViolation, suffix = "", urn?: string): void {
  for (const d of findings) report(violationOf(d) + suffix, urn);
}

/** Where a resource sits, for stack-level messages: `customer-portal-assignments` (in `customer-portal`). */
function labelOf(resource: PolicyResource): string {
  const parent = resource.parent && resource.parent.type !== STACK_TYPE ? ` (in ${resource.parent.name})` : "";
  return `${show(resource.name)}${parent}`;
}

// --- Resource policies: rules that hold in every environment ----------------------------------------------

export const redirectUris: ResourceValidationPolicy = {
  name: "redirect-uris",
  description:
    "Redirect URIs, sign-out URLs, origins and initiate-login URIs can be read (fail closed), follow the URL policy, use https (plain http only for loopback), no script or data scheme, and wildcards only as the validator allows them.",
  enforcementLevel: "mandatory",
  severity: "high",
  remediationSteps: `${RULES.OKTA_REDIRECT_HTTP.fix} ${RULES.OKTA_REDIRECT_WILDCARD.fix}`,
  validateResource: forTypes([
    [
      [okta.app.OAuth, auth0.Client, okta.trustedorigin.Origin],
      (props, args, report) => {
        const { violations, refused } = unreadableUrls(args.type, props);
        for (const v of violations) report(v);
        reportAll(urlFindings(args.type, props, false, refused), report);
      },
    ],
  ]),
};

export const deprecatedGrants: ResourceValidationPolicy = {
  name: "deprecated-grants",
  description: "No implicit or password grant (OAuth 2.0 Security BCP, RFC 9700 §2.1.2, §2.4) unless the resource is exempted.",
  enforcementLevel: "mandatory",
  severity: "high",
  remediationSteps: RULES.OKTA_GRANT_DEPRECATED.fix,
  configSchema: { properties: { exemptResources: EXEMPT_SCHEMA } },
  validateResource: forTypes([
    [
      okta.app.OAuth,
      (props, args, report) => {
        if (isExempt(args.getConfig<ExemptConfig>(), args)) return args.notApplicable("exempted by exemptResources");
        for (const g of deprecatedOktaGrants(list(props["grantTypes"]))) {
          report(violationOf({ severity: "error", code: "OKTA_GRANT_DEPRECATED", path: `grantTypes[${g.index}]`, message: `the ${g.grant} grant is deprecated.`, fix: exemptFix(RULES.OKTA_GRANT_DEPRECATED.fix, args.name) }));
        }
      },
    ],
    [
      auth0.Client,
      (props, args, report) => {
        if (isExempt(args.getConfig<ExemptConfig>(), args)) return args.notApplicable("exempted by exemptResources");
        for (const g of deprecatedAuth0Grants(list(props["grantTypes"]))) {
          if (g.grant === "implicit") {
            report(violationOf({ severity: "error", code: "AUTH0_GRANT_DEPRECATED", path: `grantTypes[${g.index}]`, message: "the implicit grant is deprecated.", fix: exemptFix(RULES.AUTH0_GRANT_DEPRECATED.fix, args.name) }));
          } else {
            // No catalogue code: the stack file cannot ask Auth0 for a password grant at all.
            report(`grantTypes[${g.index}]: ${show(g.raw)} is a password grant: the client handles users' passwords (RFC 9700 §2.4: MUST NOT be used). Fix: ${exemptFix("Use authorization_code.", args.name)}`);
          }
        }
      },
    ],
  ]),
};

function exemptFix(fix: string, name: string): string {
  return `${fix} To keep it on purpose, list ${show(name)} in this policy's exemptResources.`;
}

export const publicClientPkce: ResourceValidationPolicy = {
  name: "public-client-pkce",
  description: "Okta public clients (token endpoint auth method `none`) require PKCE.",
  enforcementLevel: "mandatory",
  severity: "high",
  remediationSteps: "Set pkceRequired: true (oidc-apps does for every browser and native app).",
  validateResource: forTypes([
    [
      okta.app.OAuth,
      (props, _args, report) => {
        if (publicClientWithoutPkce(props["tokenEndpointAuthMethod"], props["pkceRequired"])) {
          report(
            `pkceRequired: the app is a public client (tokenEndpointAuthMethod: "none") and pkceRequired is ${show(props["pkceRequired"] ?? "unset")}; ` +
              "without PKCE an intercepted authorization code can be redeemed by anyone (RFC 9700 §2.1.1: public clients MUST use PKCE). Fix: set pkceRequired: true.",
          );
        }
      },
    ],
  ]),
};

export const privilegedAdminRoles: ResourceValidationPolicy = {
  name: "privileged-admin-roles",
  description: "No SUPER_ADMIN or ORG_ADMIN role for an OAuth client unless the resource is exempted.",
  enforcementLevel: "mandatory",
  severity: "critical",
  remediationSteps: RULES.OKTA_ROLE_ACKNOWLEDGE.fix,
  configSchema: { properties: { exemptResources: EXEMPT_SCHEMA } },
  validateResource: (args, report) => {
    if (!ROLE_BY_TOKEN.has(args.type)) return args.notApplicable("Policy only applies to Okta admin-role assignments for OAuth clients");
    if (isExempt(args.getConfig<ExemptConfig>(), args)) return args.notApplicable("exempted by exemptResources");
    // A standard-role resource grants its role whatever `type` says; the others grant what `type` says.
    const role = ROLE_BY_TOKEN.get(args.type) ?? args.props["type"];
    for (const d of privilegedRoleFindings(role, "type")) report(violationOf({ ...d, fix: exemptFix(d.fix ?? "", args.name) }));
  },
};

// --- Stack policies: rules that depend on the environment or on other resources --------------------------

export const productionRedirectUris: StackValidationPolicy = {
  name: "production-redirect-uris",
  description: "Production apps have no loopback, http or wildcard redirect URIs or Auth0 URLs, and no loopback initiate-login URIs, CORS origins or trusted origins.",
  enforcementLevel: "mandatory",
  severity: "high",
  remediationSteps: `${RULES.OKTA_REDIRECT_LOOPBACK.fix} ${RULES.OKTA_REDIRECT_WILDCARD_PRODUCTION.fix}`,
  configSchema: { properties: { environment: ENVIRONMENT_SCHEMA } },
  validateStack: (args, report) => {
    const env = resolveEnvironment(args);
    if (!env.production) return args.notApplicable(`the stack's environment is ${env.environment}`);
    eachResource(args.resources, (r) => {
      // What every environment forbids (and what cannot be read) was reported per resource by `redirect-uris`;
      // report what production adds.
      if (r.type !== OKTA_APP && r.type !== AUTH0_CLIENT && r.type !== TRUSTED_ORIGIN) return;
      const { refused } = unreadableUrls(r.type, r.props);
      reportAll(productionOnly(urlFindings(r.type, r.props, true, refused), urlFindings(r.type, r.props, false, refused)), prefixed(report, r), env.note, r.urn);
    });
  },
};

/** Stack-level messages name the resource, since the engine may show them away from it. */
function prefixed(report: ReportViolation, resource: PolicyResource): ReportViolation {
  return (message, urn) => report(`${labelOf(resource)}: ${message}`, urn);
}

export const everyoneInProduction: StackValidationPolicy = {
  name: "everyone-in-production",
  description: "Production Okta apps are not assigned to the Everyone group.",
  enforcementLevel: "advisory",
  severity: "medium",
  remediationSteps: "Assign groups (`assignTo: { groups: [...] }`) instead of everyone, or accept the warning for an app meant for the whole org.",
  configSchema: {
    properties: {
      environment: ENVIRONMENT_SCHEMA,
      everyoneGroupId: {
        type: "string",
        minLength: 1,
        description:
          "The id of the production org's built-in Everyone group (00g…): Admin Console → Directory → Groups → Everyone (the id is in the URL), or `GET /api/v1/groups?filter=type eq \"BUILT_IN\"`. A policy cannot see the program's group lookups, only resources.",
      },
    },
  },
  validateStack: (args, report) => {
    const env = resolveEnvironment(args);
    if (!env.production) return args.notApplicable(`the stack's environment is ${env.environment}`);
    const assignments = args.resources.filter((r) => r.type === APP_GROUP_ASSIGNMENTS || r.type === APP_GROUP_ASSIGNMENT);
    if (assignments.length === 0) return args.notApplicable("the stack assigns no groups to apps");
    const { everyoneGroupId } = args.getConfig<{ everyoneGroupId?: string }>();
    if (!everyoneGroupId) {
      report(
        `cannot tell whether ${assignments.length} group assignment(s) include Everyone: the Everyone group is looked up, not declared, so a policy cannot identify it. Fix: set this policy's everyoneGroupId config to the production org's Everyone group id.${env.note}`,
      );
      return;
    }
    eachResource(assignments, (r) => {
      const ids = r.type === APP_GROUP_ASSIGNMENTS ? list(r.props["groups"]).map((g) => (g as { id?: unknown }).id) : [r.props["groupId"]];
      if (ids.includes(everyoneGroupId)) {
        report(`${labelOf(r)} assigns the app to Everyone (${everyoneGroupId}): every user in the org can sign in to it.${env.note}`, r.urn);
      }
    });
  },
};

export const productionAppsProtected: StackValidationPolicy = {
  name: "production-apps-protected",
  description: "Production Okta apps and Auth0 clients are `protect`ed, so no update can delete or replace them.",
  enforcementLevel: "mandatory",
  severity: "medium",
  remediationSteps: "Create the app with the resource option protect: true (oidc-apps does for every production app).",
  configSchema: { properties: { environment: ENVIRONMENT_SCHEMA } },
  validateStack: (args, report) => {
    const env = resolveEnvironment(args);
    if (!env.production) return args.notApplicable(`the stack's environment is ${env.environment}`);
    eachResource(args.resources, (r) => {
      if (APP_TYPES.has(r.type) && !r.opts.protect) {
        report(`${labelOf(r)} (${r.type}) is not protected: a replacement or a removed stack entry would delete the app and its client id.${env.note}`, r.urn);
      }
    });
  },
};

/** The pack, in the order `pulumi preview` reports them. */
export const POLICIES: readonly (ResourceValidationPolicy | StackValidationPolicy)[] = [
  redirectUris,
  deprecatedGrants,
  publicClientPkce,
  privilegedAdminRoles,
  productionRedirectUris,
  everyoneInProduction,
  productionAppsProtected,
];

/** Each policy's enforcement level unless the pack's config sets another (`--policy-pack-config`). */
export const DEFAULT_ENFORCEMENT: Readonly<Record<string, EnforcementLevel>> = Object.fromEntries(POLICIES.map((p) => [p.name, p.enforcementLevel ?? "advisory"]));
