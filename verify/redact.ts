/**
 * A safety net under every message verify prints. The checks already build their messages from non-secret
 * parts only; this removes any credential from the outputs that still found its way in (say, a server that
 * echoes a parameter in its error_description), and anything shaped like a JWT (a client assertion or a JWT
 * access token).
 */
import { MASKED, type StackOutputsJson } from "./outputs";

const REDACTED = "[redacted]";
/** Three base64url segments separated by dots, the first a JOSE header (`eyJ` is base64url for `{"`). */
const JWT = /eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g;
/** Private members of a JWK (RFC 7518 §6.2.2, §6.3.2). */
const PRIVATE_JWK_MEMBERS = ["d", "p", "q", "dp", "dq", "qi"];
/** Shorter strings are too likely to be ordinary words or ids. */
const MIN_LENGTH = 8;

/** Every secret value in the outputs, and the pieces of them that could be printed alone. */
export function secretsOf(outputs: StackOutputsJson): string[] {
  const found = new Set<string>();
  const add = (s: string | undefined) => {
    // The placeholder Pulumi prints without --show-secrets is not a secret, and verify's advice names it.
    if (s && s.length >= MIN_LENGTH && s !== MASKED) found.add(s);
  };
  for (const app of Object.values(outputs.okta ?? {})) {
    add(app.clientSecret);
    for (const key of Object.values(app.privateKeys ?? {})) {
      add(key.pem);
      // A PEM line can surface alone (in a wrapped error); its base64 body lines are each secret.
      for (const line of key.pem.split(/\r?\n/)) if (!line.startsWith("-----")) add(line.trim());
      add(key.jwk);
      for (const member of privateMembers(key.jwk)) add(member);
    }
  }
  for (const app of Object.values(outputs.auth0 ?? {})) add(app.clientSecret);
  // Longest first, so a secret that contains another is removed whole.
  return [...found].sort((a, b) => b.length - a.length);
}

export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) out = out.split(s).join(REDACTED);
  return out.replace(JWT, REDACTED);
}

function privateMembers(jwkJson: string): string[] {
  try {
    const jwk = JSON.parse(jwkJson) as Record<string, unknown>;
    return PRIVATE_JWK_MEMBERS.map((m) => jwk[m]).filter((v): v is string => typeof v === "string");
  } catch {
    return [];
  }
}
