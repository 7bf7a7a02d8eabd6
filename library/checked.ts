/**
 * Running the stack file's rules for one component: the checks report into one collection, paths are rewritten
 * from the stack file's (`oidc-apps:okta.apps.portal.redirectUris[0]`) to the component's
 * (`portal.redirectUris[0]`), warnings go to the Pulumi log, and errors are thrown together.
 */
import * as pulumi from "@pulumi/pulumi";
import { Diagnostics, type Diagnostic } from "../config/diagnostics";
import { keyPath } from "../config/paths";
import { formatProblem, InvalidArgsError } from "./errors";

/** Rewrites one path; undefined leaves it as it is. Rewrites apply in order, each to the previous one's result. */
export type PathRewrite = (path: string) => string | undefined;

/** Paths under `<root>.apps.<name>` become `<name>…`. */
export function appPaths(root: string, name: string): PathRewrite {
  const prefix = keyPath(root, ["apps", name]);
  return (path) => (path === prefix || path.startsWith(`${prefix}.`) || path.startsWith(`${prefix}[`) ? name + path.slice(prefix.length) : undefined);
}

/** A provider setting the stack file keeps outside the app (`okta:orgName`) that the component takes as `arg`. */
export function settingPaths(settings: readonly string[], name: string, arg: string): PathRewrite {
  return (path) => (settings.includes(path) ? `${name}.${arg}` : undefined);
}

/**
 * Runs `check` with a fresh collection, then reports: the value `check` returned when nothing is an error; the
 * one {@link InvalidArgsError} listing every error otherwise. Runs before the component registers anything.
 */
export function checked<T>(component: string, name: string, rewrites: readonly PathRewrite[], check: (diags: Diagnostics) => T | undefined): T {
  const diags = new Diagnostics();
  const value = check(diags);
  const list = diags.list().map((d) => rewrite(d, rewrites));
  for (const d of list) if (d.severity === "warning") void pulumi.log.warn(`${component} ${JSON.stringify(name)}: ${formatProblem(d)}`);
  if (diags.hasErrors || value === undefined) throw new InvalidArgsError(component, name, list);
  return value;
}

function rewrite(d: Diagnostic, rewrites: readonly PathRewrite[]): Diagnostic {
  const path = rewrites.reduce((p, r) => r(p) ?? p, d.path);
  return path === d.path ? d : { ...d, path };
}
