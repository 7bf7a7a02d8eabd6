/**
 * The names every layer shares, defined once: the Pulumi project (Pulumi.yaml `name`, the config namespace
 * of our own keys) and the roots of the stack file's sections. Key paths in diagnostics start with these.
 */
export const PROJECT = "oidc-apps";
export const ENVIRONMENT_KEY = `${PROJECT}:environment`;
export const OKTA_ROOT = `${PROJECT}:okta`;
export const AUTH0_ROOT = `${PROJECT}:auth0`;
export const RECIPES_ROOT = `${PROJECT}:recipes`;
