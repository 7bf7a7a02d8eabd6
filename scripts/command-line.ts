/**
 * What every command (plan, check) does before its own work: parse the arguments, answer --help, and read the
 * stack file named by the stack (or --config-file). Usage problems become exit code 2 with the usage text.
 */
import { readFileSync } from "node:fs";
import { parseArgs, type ParseArgsConfig } from "node:util";

type Options = NonNullable<ParseArgsConfig["options"]>;

/** The common options: `--format`, `--config-file`, `--help`. */
export const COMMON_OPTIONS = {
  format: { type: "string", default: "text" },
  "config-file": { type: "string" },
  help: { type: "boolean", short: "h" },
} as const satisfies Options;

export type Parsed<O extends Options> = ReturnType<typeof parseArgs<{ args: string[]; allowPositionals: true; options: O }>>;

export interface Command<O extends Options> {
  /** The parsed values, or the exit code to return at once (0 after --help, 2 after a usage problem). */
  readonly parsed: Parsed<O> | number;
  /** Report a usage problem: prints it with the usage text and returns 2. */
  readonly usage: (problem: string) => number;
}

export function commandLine<O extends Options>(argv: readonly string[], options: O, usageText: string, out: (s: string) => void, err: (s: string) => void): Command<O> {
  const usage = (problem: string) => {
    err(`${problem}\n${usageText}\n`);
    return 2;
  };
  let parsed: Parsed<O>;
  try {
    parsed = parseArgs({ args: [...argv], allowPositionals: true, options });
  } catch (e) {
    return { parsed: usage((e as Error).message), usage };
  }
  if ((parsed.values as { help?: boolean }).help) {
    out(`${usageText}\n`);
    return { parsed: 0, usage };
  }
  if (parsed.positionals.length !== 1) return { parsed: usage("expected exactly one stack name"), usage };
  return { parsed, usage };
}

/** The stack file for a stack (`stacks/Pulumi.<stack>.yaml`, Pulumi's stackConfigDir) or the one given. */
export function stackFileOf(stack: string, configFile: string | undefined): string {
  return configFile ?? `stacks/Pulumi.${stack}.yaml`;
}

/** The stack file's text, or undefined when it cannot be read (a usage problem for the caller). */
export function readStackFile(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
}
