/** The diff for a terminal: summary, risks, the head's warnings, then each section. */
import { PROJECT } from "../../config/sections";
import { sections, summaryLine, warningLines } from "./lines";
import { isEmptyDiff, type Diff } from "./types";

export interface DiffLabels {
  /** Where the base came from, e.g. `origin/main:stacks/Pulumi.dev.yaml` or `base.json`. */
  readonly base?: string;
  /**
   * Which code rendered each side, e.g. "both sides rendered with this checkout's code". A diff of two renders by
   * one code shows what the stack file change does, never what a code change does: say which one this is.
   */
  readonly rendered?: string;
  /** The command that reproduces this diff locally, for the markdown truncation note. */
  readonly command?: string;
}

export function diffText(diff: Diff, labels: DiffLabels = {}): string {
  const lines = [`${PROJECT} · stack ${diff.stack} · plan diff${labels.base ? ` against ${labels.base}` : ""}`];
  if (labels.rendered) lines.push(`rendered: ${labels.rendered}`);
  for (const note of diff.notes) lines.push(`note: ${note}`);
  const warnings = diff.warnings.length > 0 ? ["Warnings in the head stack file (new first)", ...warningLines(diff).map((l) => `  ${l}`), ""] : [];
  if (isEmptyDiff(diff)) {
    lines.push("No changes: the head renders the same plan as the base.");
    if (warnings.length > 0) lines.push("", ...warnings.slice(0, -1));
    return lines.join("\n") + "\n";
  }
  lines.push(summaryLine(diff), "");
  if (diff.risks.length > 0) {
    lines.push("Risks");
    for (const r of diff.risks) lines.push(`  ! ${r.kind}  ${r.resource}`, `      ${r.detail}`);
    lines.push("");
  }
  lines.push(...warnings);
  for (const s of sections(diff)) lines.push(`${s.title} (${s.count})`, ...s.lines, "");
  return lines.join("\n");
}
