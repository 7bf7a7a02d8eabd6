/**
 * `npm run verify -- <stack> [OUTPUTS.json | -] [--format text|json] [--config-file PATH] [--timeout-ms N]
 * [--issuer-override URL]`: after `pulumi up`, prove each app's credentials work against its live issuer.
 * The outputs come from `pulumi stack output --json --show-secrets` (a file, or standard input); the stack
 * file says what each app should be able to do and, for the apps a recipe created, what its product asks the
 * issuer for (verify then sends that request). Exit 0 all apps pass, 1 an app failed, 2 usage or input error.
 */
import { readFileSync } from "node:fs";
import { formatDiagnostics } from "../config/diagnostics";
import { loadStack } from "../recipes/load-stack";
import { readStackFileText } from "../config/stack-file";
import { didYouMean } from "../config/suggest";
import { parseOutputs } from "../verify/outputs";
import { printable } from "../verify/printable";
import { reportJson, reportText } from "../verify/report";
import { DEFAULT_TIMEOUT_MS, verifyStack } from "../verify/run";
import { commandLine, type CommandSpec, INTERNAL_EXIT, readStackFileFor, USAGE_CODES } from "./command-line";

/** The longest per-request timeout accepted: a stuck issuer should not hold a CI job for long. */
const MAX_TIMEOUT_MS = 120_000;

const OPTIONS = {
  format: { type: "string", default: "text" },
  "config-file": { type: "string" },
  "timeout-ms": { type: "string" },
  "issuer-override": { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

/** What `npm run verify -- --help` prints, and what the parser accepts. */
export const VERIFY_COMMAND: CommandSpec<typeof OPTIONS> = {
  command: "npm run -s verify --",
  summary: "After `pulumi up`: prove each app's credentials work against its live issuer (discovery, client credentials, Management API, authorization and device requests). Real tokens are issued and never printed.",
  usage: [
    "pulumi stack output --stack <stack> --json --show-secrets | npm run -s verify -- <stack> [--format text|json] [--config-file PATH] [--timeout-ms N] [--issuer-override URL]",
    "npm run -s verify -- <stack> OUTPUTS.json [options]",
  ],
  arguments: [
    { name: "<stack>", listsStacks: true, help: "the stack name; its stack file stacks/Pulumi.<stack>.yaml says what each app should be able to do." },
    { name: "OUTPUTS.json", optional: true, help: "the outputs of `pulumi stack output --json --show-secrets`; - or nothing: read them from standard input" },
  ],
  argumentsProblem: "expected a stack name and, optionally, an outputs file",
  options: OPTIONS,
  optionHelp: {
    format: { value: "text|json", help: "text: one line per check; json: the report contract (docs/verify.md, Verifying a stack after apply)" },
    "config-file": { value: "PATH", help: "the stack file the stack was applied from, instead of stacks/Pulumi.<stack>.yaml" },
    "timeout-ms": { value: "N", help: `the limit for each request, in milliseconds, 1 to ${MAX_TIMEOUT_MS} (default: ${DEFAULT_TIMEOUT_MS})` },
    "issuer-override": { value: "URL", help: "send every request to this issuer, which is then also the expected issuer: for local tests; plain http only for a loopback host (localhost, 127.0.0.1, [::1])" },
    help: { help: "print this help and exit 0" },
  },
  environment: [],
  exitCodes: [
    { code: 0, help: "every app passed (skipped checks are listed, not failures)" },
    { code: 1, help: "an app failed a check (the report says which and why)" },
    { code: 2, help: "usage or input error: as well as the usage errors, no or unreadable outputs, an invalid stack file, outputs of another environment" },
    INTERNAL_EXIT,
  ],
  notes: ["No provider credentials and no Pulumi CLI are needed when the outputs come from a file. Try it locally: docs/verify.md, Try verify locally."],
};

export interface Io {
  readonly out: (s: string) => void;
  readonly err: (s: string) => void;
  /** Standard input as text; absent or a terminal means there is nothing piped in. */
  readonly stdin?: () => Promise<string>;
}

export async function cli(argv: readonly string[], io: Io): Promise<number> {
  const { parsed, usage } = commandLine(argv, VERIFY_COMMAND, io.out, io.err);
  if (typeof parsed === "number") return parsed;
  const { values, positionals } = parsed;
  const format = values.format;
  if (format !== "text" && format !== "json") return usage({ code: USAGE_CODES.optionValue, subject: "--format", message: `unknown format "${format}"; it is text or json.${didYouMean(format, ["text", "json"])}`, fix: "Write --format text or --format json." });
  const timeoutMs = values["timeout-ms"] === undefined ? DEFAULT_TIMEOUT_MS : Number(values["timeout-ms"]);
  if (!Number.isInteger(timeoutMs) || timeoutMs < 1 || timeoutMs > MAX_TIMEOUT_MS) return usage({ code: USAGE_CODES.optionValue, subject: "--timeout-ms", message: `--timeout-ms must be a whole number of milliseconds from 1 to ${MAX_TIMEOUT_MS}, not ${JSON.stringify(values["timeout-ms"])}`, fix: `Write e.g. --timeout-ms ${DEFAULT_TIMEOUT_MS} (the default).` });
  const issuerOverride = values["issuer-override"];
  if (issuerOverride !== undefined && !/^https?:\/\/[^/]/.test(issuerOverride)) return usage({ code: USAGE_CODES.optionValue, subject: "--issuer-override", message: `--issuer-override must be an http(s) URL, not ${JSON.stringify(issuerOverride)}`, fix: "Write e.g. --issuer-override http://127.0.0.1:3000 (plain http only for a loopback host)." });

  const [stack, outputsPath] = positionals as [string, string | undefined];
  const read = readStackFileFor(stack, values["config-file"]);
  if ("problem" in read) return usage(read.problem);
  const { stackFile, text: stackText } = read;
  const file = readStackFileText(stackText);
  const { model, diagnostics } = file.diagnostics.length > 0 ? { model: undefined, diagnostics: file.diagnostics } : loadStack({ config: file.config, secretKeys: file.secretKeys, stack });
  if (!model) {
    io.err(`${formatDiagnostics(diagnostics, stackFile)}\nverify needs a valid stack file to know what each app should be able to do.\n`);
    return 2;
  }

  let outputsText: string;
  if (outputsPath !== undefined && outputsPath !== "-") {
    try {
      outputsText = readFileSync(outputsPath, "utf8");
    } catch {
      return usage({ code: USAGE_CODES.outputs, subject: "OUTPUTS.json", message: `cannot read the outputs file ${outputsPath}`, fix: "Write them with `pulumi stack output --stack <stack> --json --show-secrets > outputs.json`, or pipe them in." });
    }
  } else {
    if (!io.stdin) return usage("no outputs: pipe `pulumi stack output --json --show-secrets` in, or give a file");
    outputsText = await io.stdin();
    if (outputsText.trim() === "") return usage("no outputs on standard input: pipe `pulumi stack output --json --show-secrets` in, or give a file");
  }
  const outputs = parseOutputs(outputsText);
  if (!outputs.ok) return usage(outputs.message);
  if (outputs.outputs.environment !== undefined && outputs.outputs.environment !== model.environment) {
    return usage(`the outputs are for environment ${printable(outputs.outputs.environment)}, the stack file ${stackFile} is ${model.environment}: outputs of another stack?`);
  }

  const report = await verifyStack(stack, model, outputs.outputs, { timeoutMs, ...(issuerOverride ? { issuerOverride } : {}) });
  io.out(format === "json" ? reportJson(report) : reportText(report));
  return report.ok ? 0 : 1;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

if (require.main === module) {
  const io: Io = {
    out: (s) => process.stdout.write(s),
    err: (s) => process.stderr.write(s),
    // A terminal is not a pipe: reading it would wait for the user to type the outputs.
    ...(process.stdin.isTTY ? {} : { stdin: readStdin }),
  };
  cli(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      // A defect in verify, not a failed check (those are reported per app). The message may name a file,
      // never a secret: the outputs are only ever parsed, not echoed. No stack trace; escaped like any text.
      process.stderr.write(`internal error: ${printable(e instanceof Error ? e.message : String(e))}\n`);
      process.exitCode = 3;
    },
  );
}
