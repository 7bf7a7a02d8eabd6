import type * as pulumi from "@pulumi/pulumi";

export interface AppResourceOptions {
  /** Production: protect the app and retain it on delete. */
  readonly protect: boolean;
  /** Adoption: the id Pulumi imports (the provider's import id, which may carry more than the app's id). */
  readonly importId?: string | undefined;
  /** Inputs the stack file has no key for: the org keeps what it has (see each caller for the provider facts). */
  readonly ignoreChanges?: readonly string[];
}

/**
 * Options for the resource that *is* the app in the org (an Okta app, an Auth0 client): the one thing whose loss
 * costs a client id. Production protects it and retains it on delete, so a config change that would replace it
 * fails instead of minting a new client id, and `destroy` leaves it in the org. Removing a protected app from
 * the stack file fails the preview: the engine checks `protect` before `retainOnDelete` (pulumi/pulumi
 * pkg/resource/deploy/step.go, DeleteStep.Apply: "cannot be deleted because it is protected"); the README's
 * Protection section has the steps.
 */
export function appResourceOptions(parent: pulumi.Resource, options: AppResourceOptions): pulumi.CustomResourceOptions {
  const { protect, importId, ignoreChanges } = options;
  return {
    parent,
    protect,
    retainOnDelete: protect,
    ...(importId ? { import: importId } : {}),
    ...(ignoreChanges && ignoreChanges.length > 0 ? { ignoreChanges: [...ignoreChanges] } : {}),
  };
}
