/**
 * `npm run verify -- <stack> [OUTPUTS.json | -] [--format text|json] [--config-file PATH] [--timeout-ms N]
 * [--issuer-override URL]`: after `pulumi up`, prove each app's credentials work against its live issuer.
 * The outputs come from `pulumi stack output --json --show-secrets` (a file, or standard input); the stack
 * file says what each app should be able to do and, for the apps a recipe created, what its product asks the
 * issuer for (verify then sends that request). Exit 0 all apps pass, 1 an app failed, 2 usage or input error.
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { formatDiagnostics } from "../config/diagnostics";
import { loadStackConfig } from "../config/load";
import { readStackFileText } from "../config/stack-file";
import { parseOutputs } from "../verify/outputs";
import { reportJson, reportText } from "../verify/report";
import { DEFAULT_TIMEOUT_MS, verifyStack } from "../verify/run";

const USAGE =
  "usage: pulumi stack output --stack <stack> --json --show-secrets | npm run -s verify -- <stack> [--format text|json] [--config-file PATH] [--timeout-ms N] [--issuer-override URL]\n" +
  "       npm run -s verify -- <stack> OUTPUTS.json [options]";

/** The longest per-request timeout accepted: a stuck issuer should not hold a CI job for long. */
const MAX_TIMEOUT_MS = 120_000;

export interface Io {
  readonly out: (s: string) => void;
  readonly err: (s: string) => void;
  /** Standard input as text; absent or a terminal means there is nothing piped in. */
  readonly stdin?: () => Promise<string>;
}

export async function cli(argv: readonly string[], io: Io): Promise<number> {
  const usage = (problem: string) => {
    io.err(`${problem}\n${USAGE}\n`);
    return 2;
  };
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        format: { type: "string", default: "text" },
        "config-file": { type: "string" },
        "timeout-ms": { type: "string" },
        "issuer-override": { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (e) {
    return usage((e as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.out(`${USAGE}\n`);
    return 0;
  }
  if (positionals.length < 1 || positionals.length > 2) return usage("expected a stack name and, optionally, an outputs file");
  const format = values.format;
  if (format !== "text" && format !== "json") return usage(`unknown format "${format}"`);
  const timeoutMs = values["timeout-ms"] === undefined ? DEFAULT_TIMEOUT_MS : Number(values["timeout-ms"]);
  if (!Number.isInteger(timeoutMs) || timeoutMs < 1 || timeoutMs > MAX_TIMEOUT_MS) return usage(`--timeout-ms must be a whole number of milliseconds from 1 to ${MAX_TIMEOUT_MS}`);
  const issuerOverride = values["issuer-override"];
  if (issuerOverride !== undefined && !/^https?:\/\/[^/]/.test(issuerOverride)) return usage("--issuer-override must be an http(s) URL");

  const [stack, outputsPath] = positionals as [string, string | undefined];
  const stackFile = values["config-file"] ?? `stacks/Pulumi.${stack}.yaml`;
  let stackText: string;
  try {
    stackText = readFileSync(stackFile, "utf8");
  } catch {
    return usage(`cannot read the stack file ${stackFile}`);
  }
  const file = readStackFileText(stackText);
  const { model, diagnostics } = file.diagnostics.length > 0 ? { model: undefined, diagnostics: file.diagnostics } : loadStackConfig({ config: file.config, secretKeys: file.secretKeys });
  if (!model) {
    io.err(`${formatDiagnostics(diagnostics, stackFile)}\nverify needs a valid stack file to know what each app should be able to do.\n`);
    return 2;
  }

  let outputsText: string;
  if (outputsPath !== undefined && outputsPath !== "-") {
    try {
      outputsText = readFileSync(outputsPath, "utf8");
    } catch {
      return usage(`cannot read the outputs file ${outputsPath}`);
    }
  } else {
    if (!io.stdin) return usage("no outputs: pipe `pulumi stack output --json --show-secrets` in, or give a file");
    outputsText = await io.stdin();
    if (outputsText.trim() === "") return usage("no outputs on standard input: pipe `pulumi stack output --json --show-secrets` in, or give a file");
  }
  const outputs = parseOutputs(outputsText);
  if (!outputs.ok) return usage(outputs.message);
  if (outputs.outputs.environment !== undefined && outputs.outputs.environment !== model.environment) {
    return usage(`the outputs are for environment ${outputs.outputs.environment}, the stack file ${stackFile} is ${model.environment}: outputs of another stack?`);
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
      // never a secret: the outputs are only ever parsed, not echoed.
      process.stderr.write(`internal error: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 3;
    },
  );
}
