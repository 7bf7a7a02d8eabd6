/** The diff for a terminal: summary, risks, then each section. */
import { sections, summaryLine } from "./lines";
import { isEmptyDiff, type Diff } from "./types";

export interface DiffLabels {
  /** Where the base came from, e.g. `origin/main:stacks/Pulumi.dev.yaml` or `base.json`. */
  readonly base?: string;
  /** The command that reproduces this diff locally, for the markdown truncation note. */
  readonly command?: string;
}

export function diffText(diff: Diff, labels: DiffLabels = {}): string {
  const lines = [`oidc-apps · stack ${diff.stack} · plan diff${labels.base ? ` against ${labels.base}` : ""}`];
  for (const note of diff.notes) lines.push(`note: ${note}`);
  if (isEmptyDiff(diff)) {
    lines.push("No changes: the head renders the same plan as the base.");
    return lines.join("\n") + "\n";
  }
  lines.push(summaryLine(diff), "");
  if (diff.risks.length > 0) {
    lines.push("Risks");
    for (const r of diff.risks) lines.push(`  ! ${r.kind}  ${r.resource}`, `      ${r.detail}`);
    lines.push("");
  }
  for (const s of sections(diff)) lines.push(`${s.title} (${s.count})`, ...s.lines, "");
  return lines.join("\n");
}
