/**
 * How a user's value is quoted inside a message: a short, safe excerpt. JSON (so the quotes are clear and
 * control characters are escaped), invisible format characters escaped too, anything of a secret's shape
 * (PEM private keys, JWTs, tokens, URL userinfo, long random runs) replaced by a placeholder, and cut short (so
 * a 1 MB string does not flood a terminal). See `config/text-policy.ts`. Never call this on a value the stack
 * marks secret: say "the secret value" instead.
 */
import { safeExcerpt } from "./text-policy";

export function show(value: unknown, max = 80): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return safeExcerpt(text, max);
}

export function describeType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a map";
  return `${typeof value} ${show(value)}`;
}

/** How a provider setting's value is quoted: never, when the stack keeps it secret (it is decrypted under a real `pulumi up`). */
export function showSetting(key: string, value: string, secretKeys: ReadonlySet<string> | undefined): string {
  return secretKeys?.has(key) ? "the (secret) value" : show(value);
}
