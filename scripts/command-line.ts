/**
 * What every command (plan, check, verify) does before its own work: parse the arguments, answer --help, and
 * find and read the stack file named by the stack (or --config-file). Each command describes itself once
 * ({@link CommandSpec}: arguments, options with defaults, environment variables, exit codes); the parser
 * accepts exactly the options described there, and --help prints that description.
 *
 * Usage problems are ours, never Node's: each one is a diagnostic in the project's form
 * (`error <CODE> <command>: <subject>: <message>` with a fix below, as `check` prints stack file problems),
 * followed by the usage lines, and exit code 2. Unknown options and stack names get a did-you-mean.
 */
import { readdirSync, readFileSync } from "node:fs";
import { parseArgs, type ParseArgsConfig } from "node:util";
import { formatDiagnostic, type Diagnostic } from "../config/diagnostics";
import { ENVIRONMENT_KEY } from "../config/sections";
import { readStackFileText } from "../config/stack-file";
import { nearest } from "../config/suggest";

type Options = NonNullable<ParseArgsConfig["options"]>;

/** The common options: `--format`, `--config-file`, `--help`. */
export const COMMON_OPTIONS = {
  format: { type: "string", default: "text" },
  "config-file": { type: "string" },
  help: { type: "boolean", short: "h" },
} as const satisfies Options;

/** How --help describes one option. The default, when there is one, comes from the parser's own table. */
export interface OptionHelp {
  /** The value's placeholder for a string option: `PATH`, `text|json`. */
  readonly value?: string;
  readonly help: string;
}

export interface CommandSpec<O extends Options> {
  /** How a user runs it, up to the arguments: `npm run plan --`. */
  readonly command: string;
  /** One line: what it does. */
  readonly summary: string;
  /** The synopsis lines after `usage: `, each starting with the command. */
  readonly usage: readonly string[];
  /** The positional arguments, in order; the optional ones last. */
  readonly arguments: readonly { readonly name: string; readonly help: string; readonly optional?: boolean; readonly listsStacks?: boolean }[];
  /** Said when the number of arguments is wrong. */
  readonly argumentsProblem: string;
  /** What the parser accepts. */
  readonly options: O;
  /** One entry per option: a command cannot accept an option its --help does not list. */
  readonly optionHelp: { readonly [K in keyof O]: OptionHelp };
  /** The environment variables the command itself reads; empty says so. */
  readonly environment: readonly { readonly name: string; readonly help: string }[];
  readonly exitCodes: readonly { readonly code: number; readonly help: string }[];
  /** Further lines for --help (examples, where to read more). */
  readonly notes?: readonly string[];
}

export type Parsed<O extends Options> = ReturnType<typeof parseArgs<{ args: string[]; allowPositionals: true; options: O }>>;

/**
 * The codes of usage problems. They are about a command line, not about a stack file, so they are not rules of
 * the rule catalogue (config/rules/catalogue.ts, docs/rules.md, each with a corpus file): each command's --help
 * documents them, with exit status 2.
 */
export const USAGE_CODES = {
  /** Anything else about the arguments as a whole (two options that exclude each other). */
  usage: "CLI_USAGE",
  /** Too few or too many positional arguments. */
  arguments: "CLI_ARGUMENTS",
  unknownOption: "CLI_UNKNOWN_OPTION",
  /** An option's value is missing, looks like another option, is given to a flag, or is not one it takes. */
  optionValue: "CLI_OPTION_VALUE",
  /** No stack file for the stack name under stacks/. */
  unknownStack: "CLI_UNKNOWN_STACK",
  /** The --config-file (or the stack's file) exists but cannot be read. */
  stackFile: "CLI_STACK_FILE",
  /** plan: the base of --diff or --diff-ref. */
  diffBase: "CLI_DIFF_BASE",
  /** verify: the outputs file. */
  outputs: "CLI_OUTPUTS",
} as const;

/** A usage problem before it is printed. `subject` is the argument at fault (`--formt`, `<stack>`). */
export interface UsageProblem {
  readonly code: string;
  readonly subject: string;
  readonly message: string;
  readonly fix?: string;
}

export interface Command<O extends Options> {
  /** The parsed values, or the exit code to return at once (0 after --help, 2 after a usage problem). */
  readonly parsed: Parsed<O> | number;
  /**
   * Report a usage problem: prints it as a diagnostic with the usage lines and returns 2. A plain string is a
   * `CLI_USAGE` problem about the arguments as a whole.
   */
  readonly usage: (problem: string | UsageProblem) => number;
}

/** The exit codes every command shares (2 and 3); each command adds its own 0 and 1. */
export const USAGE_EXIT = { code: 2, help: "usage error: an unknown option, a bad value, no such stack or stack file (the problem and the usage lines on stderr)" } as const;
export const INTERNAL_EXIT = { code: 3, help: "internal error: a defect in oidc-apps, not in your input (please report it)" } as const;

export function commandLine<O extends Options>(argv: readonly string[], spec: CommandSpec<O>, out: (s: string) => void, err: (s: string) => void): Command<O> {
  const usage = (problem: string | UsageProblem) => {
    err(`${usageProblemText(spec, typeof problem === "string" ? { code: USAGE_CODES.usage, subject: "arguments", message: problem } : problem)}\n`);
    return 2;
  };
  // --help answers even next to a mistake: it is what the user needs then.
  if (asksForHelp(argv, spec)) {
    out(helpText(spec));
    return { parsed: 0, usage };
  }
  const problem = argumentProblem(argv, spec);
  if (problem) return { parsed: usage(problem), usage };
  let parsed: Parsed<O>;
  try {
    parsed = parseArgs({ args: [...argv], allowPositionals: true, options: spec.options });
  } catch (e) {
    // Not expected after argumentProblem; still ours, with Node's words only as the detail.
    return { parsed: usage({ code: USAGE_CODES.usage, subject: "arguments", message: `the arguments cannot be read (${(e as Error).message.split("\n")[0]})` }), usage };
  }
  const required = spec.arguments.filter((a) => !a.optional).length;
  const n = parsed.positionals.length;
  if (n < required || n > spec.arguments.length) {
    const got = n === 0 ? "none was given" : `got ${n}: ${parsed.positionals.map((p) => JSON.stringify(p)).join(" ")}`;
    return { parsed: usage({ code: USAGE_CODES.arguments, subject: "arguments", message: `${spec.argumentsProblem}; ${got}.`, fix: stackFix(spec) }), usage };
  }
  return { parsed, usage };
}

/** The diagnostic lines for a usage problem, then the usage lines. */
export function usageProblemText(spec: CommandSpec<Options>, problem: UsageProblem): string {
  const d: Diagnostic = { severity: "error", code: problem.code, path: problem.subject, message: problem.message, fix: problem.fix ?? `See \`${helpCommand(spec)}\`.` };
  return `${formatDiagnostic(d, spec.command.replace(/ --$/, ""))}\n${usageLines(spec)}`;
}

function usageLines(spec: CommandSpec<Options>): string {
  return spec.usage.map((line, i) => `${i === 0 ? "usage: " : "       "}${line}`).join("\n");
}

function helpCommand(spec: CommandSpec<Options>): string {
  return `${spec.command} --help`;
}

function stackFix(spec: CommandSpec<Options>): string {
  const stacks = knownStacks();
  return `Give the stack name first${stacks.length > 0 ? ` (${stacks.join(", ")})` : ""}; see \`${helpCommand(spec)}\`.`;
}

function asksForHelp(argv: readonly string[], spec: CommandSpec<Options>): boolean {
  const { tokens } = parseArgs({ args: [...argv], allowPositionals: true, strict: false, tokens: true, options: spec.options });
  return tokens.some((t) => t.kind === "option" && t.name === "help" && t.value === undefined);
}

/**
 * The first problem `parseArgs` in strict mode would throw for, said our way: an option the command does not
 * have (with the nearest ones), a string option without a value or with what looks like another option as its
 * value, a boolean option given a value.
 */
function argumentProblem(argv: readonly string[], spec: CommandSpec<Options>): UsageProblem | undefined {
  const { tokens } = parseArgs({ args: [...argv], allowPositionals: true, strict: false, tokens: true, options: spec.options });
  const longNames = Object.keys(spec.options);
  for (const t of tokens) {
    if (t.kind !== "option") continue;
    const option = spec.options[t.name];
    if (!option) {
      const typed = t.rawName;
      // A short option: suggest the long options that begin with its letter (`-f` → `--format`).
      const hits = typed.startsWith("--") ? nearest(t.name, longNames) : longNames.filter((n) => n.startsWith(t.name));
      const mean = hits.length > 0 ? ` Did you mean ${hits.map((h) => `--${h}`).join(" or ")}?` : "";
      return {
        code: USAGE_CODES.unknownOption,
        subject: typed,
        message: `unknown option.${mean}`,
        fix: `The options are ${optionList(spec)}; see \`${helpCommand(spec)}\`.`,
      };
    }
    const help = (spec.optionHelp as Record<string, OptionHelp>)[t.name];
    const placeholder = help?.value ?? "VALUE";
    if (option.type === "string") {
      if (t.value === undefined) {
        return { code: USAGE_CODES.optionValue, subject: t.rawName, message: `${t.rawName} needs a value: ${t.rawName} ${placeholder}.`, fix: `Write ${t.rawName} ${placeholder}; see \`${helpCommand(spec)}\`.` };
      }
      if (!t.inlineValue && t.value.length > 1 && t.value.startsWith("-")) {
        return {
          code: USAGE_CODES.optionValue,
          subject: t.rawName,
          message: `${t.rawName} needs a value, and what follows it, ${JSON.stringify(t.value)}, looks like an option.`,
          fix: `Write ${t.rawName} ${placeholder}; for a value that really starts with "-", write ${t.rawName}=<value>.`,
        };
      }
    } else if (t.value !== undefined) {
      return { code: USAGE_CODES.optionValue, subject: t.rawName, message: `${t.rawName} takes no value (it was given ${JSON.stringify(t.value)}).`, fix: `Write ${t.rawName} alone.` };
    }
  }
  return undefined;
}

function optionList(spec: CommandSpec<Options>): string {
  return optionNames(spec).map((n) => `--${n}`).join(", ");
}

/** The option names in the parser's order, --help last. */
function optionNames(spec: CommandSpec<Options>): string[] {
  return Object.keys(spec.options).sort((a, b) => Number(a === "help") - Number(b === "help"));
}

/** --help's width: wrapped so it reads in an 80-column terminal and in CI logs alike. */
const HELP_WIDTH = 100;

/** --help: the usage lines, then arguments, options with their defaults, environment variables, exit codes. */
export function helpText(spec: CommandSpec<Options>): string {
  const lines: string[] = [...wrap(spec.summary, HELP_WIDTH, ""), "", usageLines(spec), "", "Arguments:"];
  const table = (rows: readonly [string, string][]) => {
    const width = Math.min(24, Math.max(...rows.map(([left]) => left.length)));
    const indent = " ".repeat(width + 4);
    for (const [left, right] of rows) {
      const body = wrap(right, HELP_WIDTH - indent.length, "");
      if (left.length > width) lines.push(`  ${left}`, ...body.map((l) => indent + l));
      else lines.push(`  ${left.padEnd(width)}  ${body[0] ?? ""}`, ...body.slice(1).map((l) => indent + l));
    }
  };
  const stacks = knownStacks();
  table(spec.arguments.map((a) => [a.optional ? `[${a.name}]` : a.name, a.listsStacks && stacks.length > 0 ? `${a.help} Stacks here: ${stacks.join(", ")}.` : a.help]));
  lines.push("", "Options:");
  table(
    optionNames(spec).map((name) => {
      const option = spec.options[name]!;
      const help = (spec.optionHelp as Record<string, OptionHelp>)[name]!;
      const short = option.short ? `-${option.short}, ` : "";
      const value = option.type === "string" ? ` ${help.value ?? "VALUE"}` : "";
      const def = option.default !== undefined ? ` (default: ${String(option.default)})` : "";
      return [`${short}--${name}${value}`, `${help.help}${def}`];
    }),
  );
  lines.push("", "Environment:");
  if (spec.environment.length === 0) lines.push("  none");
  else table(spec.environment.map((e) => [e.name, e.help]));
  lines.push("", "Exit status:");
  table(spec.exitCodes.map((e) => [String(e.code), e.help]));
  for (const note of spec.notes ?? []) lines.push("", ...wrap(note, HELP_WIDTH, ""));
  return lines.join("\n") + "\n";
}

/** Words into lines of at most `width` characters (a longer word keeps its own line). */
function wrap(text: string, width: number, indent: string): string[] {
  const out: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line !== "" && line.length + 1 + word.length > width) {
      out.push(indent + line);
      line = word;
    } else line = line === "" ? word : `${line} ${word}`;
  }
  if (line !== "") out.push(indent + line);
  return out;
}

/** The stack file for a stack (`stacks/Pulumi.<stack>.yaml`, Pulumi's stackConfigDir) or the one given. */
export function stackFileOf(stack: string, configFile: string | undefined): string {
  return configFile ?? `stacks/Pulumi.${stack}.yaml`;
}

/** The stacks with a stack file under `stacks/`, sorted; none when there is no such directory. */
export function knownStacks(dir = "stacks"): string[] {
  try {
    return readdirSync(dir)
      .map((f) => /^Pulumi\.(.+)\.ya?ml$/.exec(f)?.[1])
      .filter((s): s is string => s !== undefined)
      .sort();
  } catch {
    return [];
  }
}

/** The stack file's text, or undefined when it cannot be read. */
export function readStackFile(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
}

/**
 * The stack file's text, or the usage problem that says why there is none: for a stack name (no
 * --config-file) with no file, which stacks there are and the nearest one; an environment name given for a
 * stack name (`development` for `dev`) is named as such.
 */
export function readStackFileFor(stack: string, configFile: string | undefined): { readonly stackFile: string; readonly text: string } | { readonly stackFile: string; readonly problem: UsageProblem } {
  const stackFile = stackFileOf(stack, configFile);
  let text: string;
  try {
    text = readFileSync(stackFile, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "it does not exist" : code === "EISDIR" ? "it is a directory" : code === "EACCES" || code === "EPERM" ? "permission denied" : `${code ?? "unknown error"}`;
    if (configFile !== undefined || code !== "ENOENT") {
      return { stackFile, problem: { code: USAGE_CODES.stackFile, subject: configFile !== undefined ? "--config-file" : "<stack>", message: `cannot read the stack file ${stackFile}: ${why}.`, fix: "Give the path of a readable stack file." } };
    }
    return { stackFile, problem: unknownStack(stack, stackFile) };
  }
  return { stackFile, text };
}

function unknownStack(stack: string, stackFile: string): UsageProblem {
  const stacks = knownStacks();
  const byEnvironment = stacks.filter((s) => environmentOf(`stacks/Pulumi.${s}.yaml`) === stack);
  const hits = byEnvironment.length > 0 ? byEnvironment : nearest(stack, stacks);
  const mean = hits.length > 0 ? ` Did you mean ${hits.map((h) => `"${h}"`).join(" or ")}?` : "";
  const env = byEnvironment.length > 0 ? `: that is an environment (a stack file's oidc-apps:environment), not a stack name` : "";
  return {
    code: USAGE_CODES.unknownStack,
    subject: "<stack>",
    message: `cannot read the stack file ${stackFile}: there is no stack "${stack}"${env}.${mean}`,
    fix:
      stacks.length > 0
        ? `Give one of the stacks in stacks/: ${stacks.join(", ")}; or --config-file PATH for a stack file elsewhere.`
        : "Run it from the project's directory (the one with stacks/), or give --config-file PATH.",
  };
}

/** A stack file's `oidc-apps:environment`, read as the loader reads the file; undefined when unreadable. */
function environmentOf(path: string): string | undefined {
  const text = readStackFile(path);
  if (text === undefined) return undefined;
  return readStackFileText(text).config[ENVIRONMENT_KEY];
}
