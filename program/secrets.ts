/** Which config values are secrets, as the engine says, and reading provider settings so they stay secret. */
import type * as pulumi from "@pulumi/pulumi";

/** The language host passes the names of secret config keys in this variable. */
export function secretKeysFromEngine(): ReadonlySet<string> | undefined {
  const raw = process.env["PULUMI_CONFIG_SECRET_KEYS"];
  if (!raw) return undefined;
  try {
    const keys: unknown = JSON.parse(raw);
    return Array.isArray(keys) ? new Set(keys.filter((k): k is string => typeof k === "string")) : undefined;
  } catch {
    return undefined;
  }
}

/** Reads a plain provider setting, as a Pulumi secret when the stack keeps it secret (`secure:`). */
export type SecretAware = (cfg: pulumi.Config, namespace: string, key: string) => pulumi.Input<string> | undefined;

/**
 * `cfg.get` of a `secure:` value returns it in clear (and only warns), so a setting that is not a credential by
 * name but that the stack encrypted (an http proxy with a password, a client id) would reach the provider's
 * inputs, the plan and the state in clear: read those with `getSecret`.
 */
export function keptSecret(secretKeys: ReadonlySet<string> | undefined): SecretAware {
  return (cfg, namespace, key) => (secretKeys?.has(`${namespace}:${key}`) ? cfg.getSecret(key) : cfg.get(key));
}
