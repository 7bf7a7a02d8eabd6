/**
 * What a new user meets first (issue 20): every command's --help lists what its parser accepts, with defaults,
 * environment variables and exit codes; a mistyped option or stack name gets a did-you-mean; every usage error
 * is a diagnostic in the project's form, never Node's text; a stack file with two YAML documents is named with
 * its file and line.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CHECK_COMMAND, cli as checkCli } from "../../scripts/check";
import { helpText, type CommandSpec } from "../../scripts/command-line";
import { cli as planCli, PLAN_COMMAND } from "../../scripts/plan";
import { cli as verifyCli, VERIFY_COMMAND } from "../../scripts/verify";

type Run = (args: string[]) => Promise<{ code: number; stdout: string; stderr: string }>;

const capture = async (f: (out: (s: string) => void, err: (s: string) => void) => number | Promise<number>) => {
  let stdout = "";
  let stderr = "";
  const code = await f((s) => (stdout += s), (s) => (stderr += s));
  return { code, stdout, stderr };
};

const COMMANDS: [string, CommandSpec<never>, Run][] = [
  ["plan", PLAN_COMMAND as unknown as CommandSpec<never>, (args) => capture((out, err) => planCli(args, out, err))],
  ["check", CHECK_COMMAND as unknown as CommandSpec<never>, (args) => capture((out, err) => checkCli(args, out, err))],
  ["verify", VERIFY_COMMAND as unknown as CommandSpec<never>, (args) => capture((out, err) => verifyCli(args, { out, err }))],
];

/** Node's own parseArgs wording, which must never reach a user. */
const NODE_TEXT = /Unknown option '|To specify a positional argument|argument missing|ERR_PARSE_ARGS/;

describe.each(COMMANDS)("npm run %s", (_name, spec, run) => {
  it("--help lists every option the parser accepts, with its value and default, the environment and the exit codes", async () => {
    const { code, stdout, stderr } = await run(["--help"]);
    expect(code).toBe(0);
    expect(stderr).toBe("");
    expect(stdout).toBe(helpText(spec as unknown as CommandSpec<Record<string, never>>));
    const options = spec.options as Record<string, { type: string; short?: string; default?: string }>;
    const help = spec.optionHelp as Record<string, { value?: string }>;
    expect(Object.keys(help).sort()).toEqual(Object.keys(options).sort());
    for (const [option, config] of Object.entries(options)) {
      const shown = `${config.short ? `-${config.short}, ` : ""}--${option}${config.type === "string" ? ` ${help[option]!.value}` : ""}`;
      expect(stdout, option).toContain(`\n  ${shown}`);
      if (config.default !== undefined) expect(stdout, option).toMatch(new RegExp(`\\(default: ${config.default}\\)`));
    }
    for (const section of ["usage: ", "\nArguments:\n", "\nOptions:\n", "\nEnvironment:\n", "\nExit status:\n"]) expect(stdout).toContain(section);
    for (const exit of [0, 1, 2, 3]) expect(stdout).toMatch(new RegExp(`\\n  ${exit}  \\S`));
    // The stacks there are, by name: the stack file's name, not its environment.
    expect(stdout.replace(/\s+/g, " ")).toContain("Stacks here: dev, prod, staging.");
    expect((await run(["-h"])).stdout).toBe(stdout);
    // --help answers even next to a mistake.
    expect((await run(["dev", "--formt", "--help"])).code).toBe(0);
  });

  it("an unknown option is ours, with a did-you-mean, exit 2", async () => {
    const { code, stdout, stderr } = await run(["dev", "--formt", "json"]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/^error CLI_UNKNOWN_OPTION npm run (-s )?\w+: --formt: unknown option\. Did you mean --format\?\n {4}fix: The options are --format, /);
    expect(stderr).toContain("\nusage: ");
    expect(stderr).not.toMatch(NODE_TEXT);
    // A short option suggests the long ones with its letter.
    expect((await run(["dev", "-f", "json"])).stderr).toContain("-f: unknown option. Did you mean --format?");
  });

  it("option values: missing, option-like or given to a flag, all ours", async () => {
    for (const [args, message] of [
      [["dev", "--format"], "--format needs a value: --format text|json"],
      [["dev", "--config-file", "--format", "json"], '--config-file needs a value, and what follows it, "--format", looks like an option.'],
      [["dev", "--help=yes"], '--help takes no value (it was given "yes").'],
      [["dev", "--format", "jsn"], 'unknown format "jsn"; it is text'],
    ] as const) {
      const { code, stderr } = await run([...args]);
      expect(code, args.join(" ")).toBe(2);
      expect(stderr, args.join(" ")).toContain(message);
      expect(stderr).toMatch(/^error CLI_OPTION_VALUE /);
      expect(stderr).not.toMatch(NODE_TEXT);
    }
    expect((await run(["dev", "--format", "jsn"])).stderr).toContain('Did you mean "json"?');
  });

  it("an unknown stack gets a did-you-mean; an environment given for a stack name is said to be one", async () => {
    const typo = await run(["deve"]);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('error CLI_UNKNOWN_STACK npm run');
    expect(typo.stderr).toContain('<stack>: cannot read the stack file stacks/Pulumi.deve.yaml: there is no stack "deve". Did you mean "dev"?');
    expect(typo.stderr).toContain("fix: Give one of the stacks in stacks/: dev, prod, staging; or --config-file PATH");
    const env = await run(["production"]);
    expect(env.code).toBe(2);
    expect(env.stderr).toContain(`there is no stack "production": that is an environment (a stack file's oidc-apps:environment), not a stack name. Did you mean "prod"?`);
    const none = await run([]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^error CLI_ARGUMENTS npm run (-s )?\w+: arguments: expected .*; none was given\.\n/);
  });

  it("a --config-file that cannot be read says why", async () => {
    const missing = await run(["x", "--config-file", "/no/such/Pulumi.x.yaml"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("error CLI_STACK_FILE");
    expect(missing.stderr).toContain("--config-file: cannot read the stack file /no/such/Pulumi.x.yaml: it does not exist.");
    const dir = await run(["x", "--config-file", "stacks"]);
    expect(dir.stderr).toContain("cannot read the stack file stacks: it is a directory.");
  });
});

describe("a stack file with two YAML documents", () => {
  it("is named with the file and the line the second starts on, in our words, by check and plan alike", async () => {
    const dir = mkdtempSync(join(tmpdir(), "oidc-apps-docs-"));
    const file = join(dir, "Pulumi.x.yaml");
    writeFileSync(file, "config:\n  oidc-apps:environment: development\n---\nconfig:\n  okta:orgName: acme\n");
    const check = await capture((out, err) => checkCli(["x", "--config-file", file], out, err));
    expect(check.code).toBe(1);
    expect(check.stdout).toContain(`error YAML_SYNTAX ${file}: line 3, column 1: a second YAML document starts here; a stack file must be a single YAML document.`);
    expect(check.stdout).toContain("fix: Remove the `---` (or `...`) that separates the documents");
    const plan = await capture((out, err) => planCli(["x", "--config-file", file], out, err));
    expect(plan.code).toBe(1);
    expect(plan.stdout).toContain(`error YAML_SYNTAX ${file}: line 3, column 1: a second YAML document starts here`);
    for (const out of [check.stdout, plan.stdout]) expect(out).not.toContain("parseAllDocuments");
  });
});
