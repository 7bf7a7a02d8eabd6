/**
 * Generated stacks for the benchmarks: `n` apps of mixed kinds that share a small pool of groups and trusted
 * origins, the way a platform team's real stacks do. Deterministic: the same n gives the same stack.
 */
export const GROUPS = ["Engineering", "Support", "Sales", "Finance", "QA"];
export const ORIGINS = Array.from({ length: 10 }, (_, i) => `https://app${i}.example.com`);

export function generatedConfig(n: number): Record<string, string> {
  const apps: Record<string, unknown> = {};
  for (let i = 0; i < n; i++) {
    const name = `app-${String(i).padStart(4, "0")}`;
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
    "oidc-apps:environment": "development",
    "oidc-apps:okta": JSON.stringify({ apps }),
  };
}
