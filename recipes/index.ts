/** The recipe catalogue: one entry per reference setup in shared/reference/, plus the provisioning credential. */
import { defguardOkta } from "./defguard-okta";
import { fronteggAuth0 } from "./frontegg-auth0";
import { fronteggOkta } from "./frontegg-okta";
import { oktaMcpServer } from "./okta-mcp-server";
import { oktaProvisioner } from "./okta-provisioner";
import { oktaWebSignin } from "./okta-web-signin";
import type { Recipe, RecipeCatalog } from "./types";

export const RECIPES: RecipeCatalog = {
  "frontegg-okta": fronteggOkta as unknown as Recipe,
  "frontegg-auth0": fronteggAuth0 as unknown as Recipe,
  "okta-web-signin": oktaWebSignin as unknown as Recipe,
  "okta-mcp-server": oktaMcpServer as unknown as Recipe,
  "defguard-okta": defguardOkta as unknown as Recipe,
  "okta-provisioner": oktaProvisioner as unknown as Recipe,
};

export type { Expansion, HandoffTemplate, OutputRef, Recipe, RecipeContext } from "./types";
