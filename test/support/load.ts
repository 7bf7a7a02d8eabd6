/** Loader-test helpers: stack-file YAML text (from ./stacks) in, the loader's model and diagnostics out. */
import { readFileSync } from "node:fs";
import { expect } from "vitest";
import type { Diagnostic } from "../../config/diagnostics";
import type { Auth0WebAppSpec, OktaServiceAppSpec, OktaUserAppSpec, StackModel } from "../../config/model";
import { loadStack, type LoadResult } from "../../recipes/load-stack";
import type { RuleCode } from "../../config/rules/catalogue";
import { readStackFileText } from "../../config/stack-file";

/**
 * Read YAML text the way the plan CLI does: a file that is not valid YAML stops at the YAML diagnostics (the
 * config map would be empty, so loading it would only add noise); otherwise the loader runs.
 */
export function load(yamlText: string): LoadResult {
  const file = readStackFileText(yamlText);
  if (file.diagnostics.length > 0) return { diagnostics: file.diagnostics };
  return loadStack({ config: file.config, secretKeys: file.secretKeys });
}

/** The handoff template of recipe instance `instance` in a loaded model; fails the test when there is none. */
export function handoffOf(model: StackModel | undefined, instance: string): Record<string, unknown> {
  const h = model?.recipes.find((r) => r.instance === instance)?.handoff;
  if (typeof h !== "object" || h === null || Array.isArray(h)) throw new Error(`no handoff map for ${instance} in ${JSON.stringify(model)}`);
  return h as Record<string, unknown>;
}

/** The Auth0 app `name` of a loaded model; fails the test when there is none. */
export function auth0App(model: StackModel | undefined, name: string): Auth0WebAppSpec {
  const app = model?.auth0?.apps.find((a) => a.name === name);
  if (!app) throw new Error(`no Auth0 app ${name} in ${JSON.stringify(model)}`);
  return app;
}

/** The diagnostics with the given code. */
export function withCode(diagnostics: readonly Diagnostic[], code: string): Diagnostic[] {
  return diagnostics.filter((d) => d.code === code);
}

/** The one diagnostic with the given code; fails the test (with everything reported) when there is not exactly one. */
export function only(diagnostics: readonly Diagnostic[], code: string): Diagnostic {
  const hits = withCode(diagnostics, code);
  if (hits.length !== 1) throw new Error(`expected exactly one ${code}, got ${hits.length}: ${JSON.stringify(diagnostics, null, 2)}`);
  return hits[0]!;
}

/** Codes of all diagnostics, for absence checks. */
export function codes(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => d.code);
}

/** The user-facing (web, browser, native) app `name` of a loaded model; fails the test when there is none. */
export function userApp(model: StackModel | undefined, name: string): OktaUserAppSpec {
  const app = model?.okta?.apps.find((a) => a.name === name);
  if (!app || app.kind === "service") throw new Error(`no user-facing app ${name} in ${JSON.stringify(model)}`);
  return app;
}

/** The service app `name` of a loaded model; fails the test when there is none. */
export function serviceApp(model: StackModel | undefined, name: string): OktaServiceAppSpec {
  const app = model?.okta?.apps.find((a) => a.name === name);
  if (!app || app.kind !== "service") throw new Error(`no service app ${name} in ${JSON.stringify(model)}`);
  return app;
}

/** Exactly one diagnostic with `code`, at `path`, whose message contains `text`; returns it for more checks. */
export function expectProblem(r: LoadResult, code: RuleCode, path: string, text: string, severity: "error" | "warning" = "error"): Diagnostic {
  const d = only(r.diagnostics, code);
  expect(d.path).toBe(path);
  expect(d.message).toContain(text);
  expect(d.severity).toBe(severity);
  if (severity === "error") expect(r.model).toBeUndefined();
  else expect(r.model).toBeDefined();
  return d;
}

/** `code` is absent; with `clean`, nothing at all is reported and the model is built. */
export function expectAbsent(r: LoadResult, code: RuleCode, clean = true): void {
  expect(codes(r.diagnostics)).not.toContain(code);
  if (clean) {
    expect(r.diagnostics).toEqual([]);
    expect(r.model).toBeDefined();
  }
}

/**
 * The rule codes a test file declares with `rule("CODE", ...)`, read from its source. Lets the catalogue
 * coverage check in one file count the rule blocks of another (each test file runs in its own module graph).
 */
export function rulesDeclaredIn(file: string): Set<string> {
  return new Set([...readFileSync(file, "utf8").matchAll(/^rule\("([A-Z0-9_]+)",/gm)].map((m) => m[1]!));
}
