/**
 * The loader with the real recipes: what the program, the CLIs and the tests call. config/ takes the recipes as
 * an input (config/load.ts `loadStackConfig({ recipes })`) so that it depends on nothing above it; this is the
 * one place that hands it recipes/index.ts.
 */
import { loadStackConfig, type LoadInput, type LoadResult } from "../config/load";
import { RECIPES } from "./index";

export type { LoadResult } from "../config/load";

export function loadStack(input: Omit<LoadInput, "recipes">): LoadResult {
  return loadStackConfig({ ...input, recipes: RECIPES });
}
