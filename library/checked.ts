/**
 * Running the stack file's rules for one component: the checks report into one collection, paths are rewritten
 * from the stack file's (`oidc-apps:okta.apps.portal.redirectUris[0]`) to the component's
 * (`portal.redirectUris[0]`), warnings go to the Pulumi log, and errors are thrown together.
 */
import * as pulumi from "@pulumi/pulumi";
import { Diagnostics, type Diagnostic } from "../config/diagnostics";
import { keyPath } from "../config/paths";
import { show } from "../config/show";
import { heldBack } from "./args";
import { formatProblem, InvalidArgsError } from "./errors";

/** Rewrites one path; undefined leaves it as it is. Rewrites apply in order, each to the previous one's result. */
export type PathRewrite = (path: string) => string | undefined;

/** Paths under `<root>.apps.<name>` become `<at>…` (`at`: the name as paths show it, library/args.ts `pathName`). */
export function appPaths(root: string, name: string, at: string): PathRewrite {
  const prefix = keyPath(root, ["apps", name]);
  return (path) => (path === prefix || path.startsWith(`${prefix}.`) || path.startsWith(`${prefix}[`) ? at + path.slice(prefix.length) : undefined);
}

/** A provider setting the stack file keeps outside the app (`okta:orgName`) that the component takes as `arg`. */
export function settingPaths(settings: readonly string[], at: string, arg: string): PathRewrite {
  return (path) => (settings.includes(path) ? `${at}.${arg}` : undefined);
}

/**
 * Runs `check` with a fresh collection, then reports: the value `check` returned when nothing is an error; the
 * one {@link InvalidArgsError} listing every error otherwise. Runs before the component registers anything.
 * `held`: the paths of args left out for holding an Output (library/args.ts); what the rules say under them is
 * not listed.
 */
export function checked<T>(component: string, name: string, rewrites: readonly PathRewrite[], check: (diags: Diagnostics, held: Set<string>) => T | undefined): T {
  const diags = new Diagnostics();
  const held = new Set<string>();
  const value = check(diags, held);
  const list = diags
    .list()
    .map((d) => rewrite(d, rewrites))
    .filter((d) => !heldBack(d, held));
  for (const d of list) if (d.severity === "warning") void pulumi.log.warn(`${component} ${show(name)}: ${formatProblem(d)}`);
  if (diags.hasErrors || value === undefined) throw new InvalidArgsError(component, name, list);
  return value;
}

function rewrite(d: Diagnostic, rewrites: readonly PathRewrite[]): Diagnostic {
  const path = rewrites.reduce((p, r) => r(p) ?? p, d.path);
  const message = inLibraryWords(d.message);
  const fix = d.fix === undefined ? undefined : inLibraryWords(d.fix);
  if (path === d.path && message === d.message && fix === d.fix) return d;
  return { ...d, path, message, ...(fix !== undefined ? { fix } : {}) };
}

/**
 * The rules speak of stack files (`production stacks allow only https`, `add auth0:domain to the stack file`);
 * a component has an `environment` and args instead. The stack file's own messages stay as they are (their
 * bytes are a contract, test/contract/plan-bytes.test.ts): the library says its version here.
 */
const LIBRARY_WORDS: readonly (readonly [string, string])[] = [
  ["Remove the localhost entry from the production stack; keep it in development stacks.", "Remove the localhost entry in production; keep it for `environment: development`."],
  ["keep localhost URLs in development stacks", "keep localhost URLs for `environment: development`"],
  ["production stacks allow only https", "production allows only https"],
  ["production stacks may not use loopback", "production may not use loopback"],
  ["production stacks list every URL", "production lists every URL"],
  ["in a production stack", "in production"],
  ["is not set, and the stack declares Auth0 apps.", "is required: the tenant's canonical domain, e.g. `acme.us.auth0.com`."],
  ["is not set, and the stack declares Okta apps.", "is required: the org's URL, e.g. `https://acme.okta.com`."],
  ["Add `auth0:domain: <tenant>.<region>.auth0.com` (the canonical tenant domain, not a custom domain) to the stack file.", "Set `domain` to the canonical tenant domain, `<tenant>.<region>.auth0.com` (not a custom domain)."],
  ["Add `okta:orgName: <your org>` (and `okta:baseUrl` unless it is okta.com) to the stack file.", "Set `orgUrl` to the org's URL, e.g. `https://acme.okta.com`."],
  ["a secret in a stack file is committed to the repository and printed in plans and reviews", "a secret in an argument is printed in plans, reviews and the providers' consoles"],
];

function inLibraryWords(text: string): string {
  let out = text;
  for (const [stackFile, library] of LIBRARY_WORDS) if (out.includes(stackFile)) out = out.split(stackFile).join(library);
  return out;
}
