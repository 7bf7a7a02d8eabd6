/**
 * Generated stacks for the benchmarks: `n` apps of mixed kinds that share a small pool of groups and trusted
 * origins, the way a platform team's real stacks do. Deterministic: the same n gives the same stack.
 */
import { stringify } from "yaml";
import { ENVIRONMENT_KEY, OKTA_ROOT, RECIPES_ROOT } from "../config/sections";

export const GROUPS = ["Engineering", "Support", "Sales", "Finance", "QA"];
export const ORIGINS = Array.from({ length: 10 }, (_, i) => `https://app${i}.example.com`);

/** `prefix`: the apps' logical names are `<prefix>-0000`, ...; another prefix renames every app (the rename bench). */
export function generatedConfig(n: number, prefix = "app"): Record<string, string> {
  const apps: Record<string, unknown> = {};
  for (let i = 0; i < n; i++) {
    const name = `${prefix}-${String(i).padStart(4, "0")}`;
    const origin = ORIGINS[i % ORIGINS.length]!;
    switch (i % 5) {
      case 0:
      case 1:
        apps[name] = {
          type: "web",
          grantTypes: ["authorization_code", "refresh_token"],
          redirectUris: [`${origin}/callback/${i}`],
          trustedOrigins: [{ origin }],
          assignTo: i % 2 === 0 ? "everyone" : { groups: [GROUPS[i % GROUPS.length]!, GROUPS[(i + 1) % GROUPS.length]!] },
        };
        break;
      case 2:
        apps[name] = { type: "browser", redirectUris: [`${origin}/spa/${i}`], trustedOrigins: [{ origin }], assignTo: { groups: [GROUPS[i % GROUPS.length]!] } };
        break;
      case 3:
        apps[name] = { type: "native", grantTypes: ["authorization_code", "device_code"], redirectUris: [`com.example.app${i}:/callback`], assignTo: "everyone" };
        break;
      default:
        apps[name] = { type: "service", keys: [{ kid: `k${i}` }], apiScopes: ["okta.users.read", "okta.groups.read"], adminRoles: ["READ_ONLY_ADMIN"] };
    }
  }
  return {
    "okta:orgName": "bench",
    "okta:baseUrl": "okta.com",
    [ENVIRONMENT_KEY]: "development",
    [OKTA_ROOT]: JSON.stringify({ apps }),
  };
}

/**
 * `n` recipe instances (okta-web-signin, each its own app and origin; outside production they all share the
 * local development origin), for the slope of recipe expansion and origin merging.
 */
export function generatedRecipes(n: number): Record<string, string> {
  const recipes: Record<string, unknown> = {};
  for (let i = 0; i < n; i++) {
    recipes[`site-${String(i).padStart(4, "0")}`] = { recipe: "okta-web-signin", appUrl: `https://site${i}.example.com`, assignTo: { groups: [GROUPS[i % GROUPS.length]!] } };
  }
  return {
    "okta:orgName": "bench",
    "okta:baseUrl": "okta.com",
    [ENVIRONMENT_KEY]: "development",
    [RECIPES_ROOT]: JSON.stringify(recipes),
  };
}

/** A config map as the stack file a user would write (structured values as YAML, not JSON text). */
export function stackFileText(config: Record<string, string>): string {
  const values: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(config)) values[key] = value.startsWith("{") ? (JSON.parse(value) as unknown) : value;
  return stringify({ config: values });
}
