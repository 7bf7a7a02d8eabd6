/**
 * What a recipe is: the types are config's (config/recipe-types.ts: the loader takes recipes through them),
 * re-exported here for the recipes; plus the helpers recipes build their handoffs with.
 */
import type { OutputRef } from "../config/recipe-types";

export type { Consumer, ConsumerRequest, Expansion, HandoffTemplate, OutputRef, Recipe, RecipeCatalog, RecipeContext } from "../config/recipe-types";

export const ref = (provider: "okta" | "auth0", app: string, ...path: string[]): OutputRef => ({ $ref: [provider, app, ...path] });

/** A reference to an output that holds JSON text, handed over as the JSON value itself. */
export const jsonRef = (provider: "okta" | "auth0", app: string, ...path: string[]): OutputRef => ({ $ref: [provider, app, ...path], as: "json" });
