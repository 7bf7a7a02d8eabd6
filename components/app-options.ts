import type * as pulumi from "@pulumi/pulumi";

/**
 * Options for the resource that *is* the app in the org (an Okta app, an Auth0 client). Production protects it
 * and retains it on delete, so neither `pulumi up` nor `destroy` can remove it, and a config change that would
 * replace it fails instead of minting a new client id. An adopted app is imported instead of created.
 */
export function appResourceOptions(parent: pulumi.Resource, protect: boolean, adoptId: string | undefined): pulumi.CustomResourceOptions {
  return { parent, protect, retainOnDelete: protect, ...(adoptId ? { import: adoptId } : {}) };
}
