/**
 * The `oidc-apps` policy pack: `pulumi preview --policy-pack policy` (from the repository root, after `npm ci`
 * there). The policies live in `policies.ts`; constructing the pack starts the analyzer that the Pulumi CLI
 * talks to, so nothing else should import this file.
 */
import { PolicyPack } from "@pulumi/policy";
import { PROJECT } from "../config/sections";
import { POLICIES } from "./policies";

// The pack is named after the project: `pulumi preview --policy-pack` reports it by this name.
new PolicyPack(PROJECT, {
  description: "oidc-apps security rules (redirect URIs, grants, PKCE, admin roles, Everyone, protection) applied to Okta and Auth0 resources.",
  policies: [...POLICIES],
});
