/**
 * The explicit Auth0 provider does not read the stack's `auth0:*` config by itself: the program must pass every
 * setting the stack file may hold. Rendered through the real program, as the plan does.
 */
import { describe, expect, it } from "vitest";
import { planOfYaml, resourcesOfType } from "../support/plan";
import { auth0Apps, AUTH0_TENANT, environment, stackConfig, stackYaml } from "../support/stacks";

function auth0Stack(settings: Record<string, unknown>): string {
  return stackYaml(stackConfig(AUTH0_TENANT, settings, environment(), auth0Apps({ partner: { type: "regular_web", callbacks: ["https://partner.example.com/callback"] } })));
}

async function providerInputs(settings: Record<string, unknown>): Promise<Record<string, unknown>> {
  const plan = await planOfYaml(auth0Stack(settings));
  expect(plan.diagnostics).toEqual([]);
  const providers = resourcesOfType(plan, "pulumi:providers:auth0");
  expect(providers).toHaveLength(1);
  return providers[0]!.inputs as Record<string, unknown>;
}

describe("the Auth0 provider", () => {
  // Pulumi sends a provider's non-string inputs JSON-encoded, as its own config would be: true arrives as "true".
  it("carries auth0:debug: true from the stack file", async () => {
    expect(await providerInputs({ "auth0:debug": true })).toMatchObject({ domain: "acme.us.auth0.com", debug: "true" });
  });

  it("carries auth0:cliLogin and auth0:dynamicCredentials, false as well as true", async () => {
    expect(await providerInputs({ "auth0:cliLogin": true, "auth0:dynamicCredentials": false })).toMatchObject({ cliLogin: "true", dynamicCredentials: "false" });
  });

  it("leaves the switches out when the stack file does not set them (the provider's defaults apply)", async () => {
    const inputs = await providerInputs({});
    for (const key of ["debug", "cliLogin", "dynamicCredentials"]) expect(inputs).not.toHaveProperty(key);
  });
});
