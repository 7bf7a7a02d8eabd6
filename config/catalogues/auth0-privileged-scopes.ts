/**
 * Auth0 Management API scopes that can take over the tenant, its users or their credentials, with what they
 * allow (Auth0 Management API v2 reference, auth0.com/docs/api/management/v2; scope names from
 * config/catalogues/auth0-management-scopes.ts).
 */
export const AUTH0_PRIVILEGED_SCOPES: Readonly<Record<string, string>> = {
  "read:user_idp_tokens": "reads users' access tokens at their social and enterprise identity providers",
  "read:federated_connections_tokens": "reads the tokens users granted to third-party services",
  "read:client_keys": "reads every application's client secret",
  "create:clients": "creates applications (with any callback URLs and grants)",
  "update:clients": "changes any application: its callback URLs, grant types and settings",
  "delete:clients": "deletes applications",
  "update:client_keys": "sets any application's client secret",
  "create:client_credentials": "adds signing keys to any application (then signs in as it)",
  "update:client_credentials": "changes any application's signing keys",
  "create:client_grants": "grants any application Management API scopes: a way to every other scope",
  "update:client_grants": "widens any application's Management API grant: a way to every other scope",
  "create:connections": "adds a way to sign in (an identity provider or a database) to the tenant",
  "update:connections": "changes how users sign in, and which applications a connection serves",
  "create:actions": "adds code that runs in users' sign-ins",
  "update:actions": "changes code that runs in users' sign-ins",
  "create:rules": "adds code that runs in users' sign-ins",
  "update:rules": "changes code that runs in users' sign-ins",
  "create:hooks": "adds code that runs in the tenant's flows",
  "update:hooks": "changes code that runs in the tenant's flows",
  "update:users": "changes any user's email, password and identities: an account takeover",
  "delete:users": "deletes user accounts",
  "update:guardian_factors": "turns multi-factor methods on and off for the tenant",
  "delete:guardian_enrollments": "removes users' multi-factor enrollments",
  "create:role_members": "gives users roles, and so the permissions of the tenant's APIs",
  "update:tenant_settings": "changes the tenant's settings (session lifetimes, flags, default directory)",
  "update:signing_keys": "rotates or revokes the tenant's token signing keys",
  "update:resource_servers": "changes the tenant's APIs: their scopes, token lifetimes and signing",
  "delete:tenants": "deletes the tenant",
};
