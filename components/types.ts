/**
 * The components' Pulumi type tokens, defined once: every URN of an app carries one (`<project>:<provider>:<kind>`),
 * so changing one replaces every app of its kind. The plan describes apps by them (plan/text.ts).
 */
import { PROJECT } from "../config/sections";

export const OKTA_COMPONENT_PREFIX = `${PROJECT}:okta:`;

export const COMPONENT_TYPES = {
  oktaWeb: `${OKTA_COMPONENT_PREFIX}WebApp`,
  oktaBrowser: `${OKTA_COMPONENT_PREFIX}BrowserApp`,
  oktaNative: `${OKTA_COMPONENT_PREFIX}NativeApp`,
  oktaService: `${OKTA_COMPONENT_PREFIX}ServiceApp`,
  oktaTrustedOrigins: `${OKTA_COMPONENT_PREFIX}TrustedOrigins`,
  auth0Web: `${PROJECT}:auth0:WebApp`,
} as const;
