/**
 * Which input changes force a replacement (delete and create again), per resource type: the providers'
 * force-new attributes (Terraform `ForceNew` / `RequiresReplace`, which the Pulumi bridge turns into replaces),
 * for the resource types this program creates. Property paths are the plan's (camelCase Pulumi inputs).
 *
 * The npm packages do not ship the provider schemas, so each entry names the provider source it was read from
 * (the Terraform provider behind the Pulumi package: @pulumi/okta 7.0.0 is terraform-provider-okta v7.0.0,
 * @pulumi/auth0 3.x is terraform-provider-auth0 v1.x, @pulumi/tls and @pulumi/random the HashiCorp providers).
 * Types not listed (okta.trustedorigin.Origin, the providers, the components) have no force-new input that
 * this program sets. Every entry is exercised by test/plan/diff/replace-table.test.ts.
 */

export interface ReplaceEntry {
  /** The Pulumi type token, or a prefix ending in `*` for a family of types. */
  readonly type: string;
  /** A concrete type token of the family (the token itself when `type` has no `*`), for tests and docs. */
  readonly example: string;
  /** An input path; a change at or below it replaces the resource. */
  readonly property: string;
  /** What re-creating this resource means, for the reviewer. */
  readonly consequence: string;
  /** Where the force-new flag was read. */
  readonly source: string;
}

const OKTA_APP_SOURCE = "terraform-provider-okta okta/services/idaas/resource_okta_app_oauth.go: `type` and `client_id` are ForceNew";
const OKTA_APP_CONSEQUENCE =
  "a new Okta app is created with a new client id (and secret): every consumer must be reconfigured; its assignments, scope grants and admin roles are re-created for the new app";
const ROLE_SOURCE =
  "terraform-provider-okta okta/services/idaas/resource_okta_app_oauth_role_assignment.go (the same client role-assignment API as the v7 oauth2V1ClientsRole* resources): `client_id`, `type`, `role`, `resource_set` are RequiresReplace; role assignments have no update";
const ROLE_CONSEQUENCE = "the admin role is unassigned and assigned again";
const GRANT_SOURCE = "terraform-provider-auth0 internal/auth0/client/resource_grant.go: `client_id`, `audience` and `subject_type` are ForceNew";
const GRANT_CONSEQUENCE = "the client grant is deleted and created again: tokens for the old audience stop being issued";
const KEY_SOURCE = "terraform-provider-tls internal/provider/resource_private_key.go: `algorithm`, `rsa_bits`, `ecdsa_curve` and `openssh_comment` are RequiresReplace";
const KEY_CONSEQUENCE = "a new private key is generated: clients signing with the old key are refused once the app's keys are updated";
const PASSWORD_SOURCE =
  "terraform-provider-random internal/provider/resource_password.go (schema v3): every argument is RequiresReplace; @pulumi/random randomPassword.d.ts: keepers \"when changed, will trigger recreation\"";
const PASSWORD_CONSEQUENCE = "a new client secret is generated and set: the old secret stops working at once";

export const REPLACE_TABLE: readonly ReplaceEntry[] = [
  { type: "okta:app/oAuth:OAuth", example: "okta:app/oAuth:OAuth", property: "type", consequence: OKTA_APP_CONSEQUENCE, source: OKTA_APP_SOURCE },
  { type: "okta:app/oAuth:OAuth", example: "okta:app/oAuth:OAuth", property: "clientId", consequence: OKTA_APP_CONSEQUENCE, source: OKTA_APP_SOURCE },
  {
    type: "okta:index/appOauthApiScope:AppOauthApiScope",
    example: "okta:index/appOauthApiScope:AppOauthApiScope",
    property: "appId",
    consequence: "the Okta API scope grant is revoked and granted again",
    source: "terraform-provider-okta okta/services/idaas/resource_okta_app_oauth_api_scope.go: `app_id` is ForceNew",
  },
  {
    type: "okta:index/appGroupAssignments:AppGroupAssignments",
    example: "okta:index/appGroupAssignments:AppGroupAssignments",
    property: "appId",
    consequence: "the app's group assignments are removed and made again",
    source: "terraform-provider-okta okta/services/idaas/resource_okta_app_group_assignments.go: `app_id` is ForceNew",
  },
  ...["appId", "groupId"].map(
    (property): ReplaceEntry => ({
      type: "okta:app/groupAssignment:GroupAssignment",
      example: "okta:app/groupAssignment:GroupAssignment",
      property,
      consequence: "the group is unassigned and assigned again: its users lose access to the app in between",
      source: "terraform-provider-okta okta/services/idaas/resource_okta_app_group_assignment.go: `app_id` and `group_id` are ForceNew",
    }),
  ),
  ...["clientId", "type", "role", "resourceSet"].map(
    (property): ReplaceEntry => ({
      type: "okta:index/oauth2V1ClientsRole*",
      example: "okta:index/oauth2V1ClientsRoleReadOnlyAdmin:Oauth2V1ClientsRoleReadOnlyAdmin",
      property,
      consequence: ROLE_CONSEQUENCE,
      source: ROLE_SOURCE,
    }),
  ),
  {
    type: "auth0:index/client:Client",
    example: "auth0:index/client:Client",
    property: "jwtConfiguration.secretEncoded",
    consequence: "a new Auth0 client is created with a new client id: every consumer must be reconfigured",
    source: "terraform-provider-auth0 internal/auth0/client/schema.go: `jwt_configuration.secret_encoded` is ForceNew",
  },
  {
    type: "auth0:index/clientCredentials:ClientCredentials",
    example: "auth0:index/clientCredentials:ClientCredentials",
    property: "clientId",
    consequence: "the client's authentication method and credentials are configured again",
    source: "terraform-provider-auth0 internal/auth0/client/resource_credentials_schema.go: `client_id` is ForceNew",
  },
  ...["clientId", "audience", "subjectType"].map(
    (property): ReplaceEntry => ({
      type: "auth0:index/clientGrant:ClientGrant",
      example: "auth0:index/clientGrant:ClientGrant",
      property,
      consequence: GRANT_CONSEQUENCE,
      source: GRANT_SOURCE,
    }),
  ),
  ...["algorithm", "rsaBits", "ecdsaCurve", "opensshComment"].map(
    (property): ReplaceEntry => ({
      type: "tls:index/privateKey:PrivateKey",
      example: "tls:index/privateKey:PrivateKey",
      property,
      consequence: KEY_CONSEQUENCE,
      source: KEY_SOURCE,
    }),
  ),
  ...["keepers", "length", "special", "upper", "lower", "numeric", "number", "minLower", "minUpper", "minNumeric", "minSpecial", "overrideSpecial"].map(
    (property): ReplaceEntry => ({
      type: "random:index/randomPassword:RandomPassword",
      example: "random:index/randomPassword:RandomPassword",
      property,
      consequence: PASSWORD_CONSEQUENCE,
      source: PASSWORD_SOURCE,
    }),
  ),
];

/** Resources whose replacement is a rotation of secret material, reported as `secret-rotated`, not `replace`. */
export const SECRET_SOURCE_TYPES: ReadonlySet<string> = new Set(["random:index/randomPassword:RandomPassword", "tls:index/privateKey:PrivateKey"]);

/** Resources that *are* an app in the org: deleting or replacing one invalidates its client id. */
export const APP_TYPES: ReadonlySet<string> = new Set(["okta:app/oAuth:OAuth", "auth0:index/client:Client"]);

export function entriesFor(type: string): ReplaceEntry[] {
  return REPLACE_TABLE.filter((e) => (e.type.endsWith("*") ? type.startsWith(e.type.slice(0, -1)) : type === e.type));
}

export interface ReplaceReason {
  readonly entry: ReplaceEntry;
  readonly path: string;
  readonly before: unknown;
  readonly after: unknown;
}

/**
 * The replace-forcing changes among a resource's input changes. A change at or below an entry's property
 * counts; a change above it (a whole block added or removed) counts when the value at the property differs.
 */
export function replaceReasons(type: string, changes: readonly { path: string; before: unknown; after: unknown }[]): ReplaceReason[] {
  const reasons: ReplaceReason[] = [];
  for (const entry of entriesFor(type)) {
    for (const c of changes) {
      if (c.path === entry.property || isBelow(c.path, entry.property)) {
        reasons.push({ entry, path: c.path, before: c.before, after: c.after });
      } else if (isBelow(entry.property, c.path)) {
        const rest = entry.property.slice(c.path.length + 1);
        const before = at(c.before, rest);
        const after = at(c.after, rest);
        if (JSON.stringify(before ?? null) !== JSON.stringify(after ?? null)) reasons.push({ entry, path: entry.property, before: before ?? null, after: after ?? null });
      }
    }
  }
  return reasons;
}

function isBelow(path: string, ancestor: string): boolean {
  return path.startsWith(`${ancestor}.`) || path.startsWith(`${ancestor}[`);
}

function at(value: unknown, dotted: string): unknown {
  let v = value;
  for (const key of dotted.split(".")) {
    if (v === null || typeof v !== "object" || Array.isArray(v)) return undefined;
    v = (v as Record<string, unknown>)[key];
  }
  return v;
}
