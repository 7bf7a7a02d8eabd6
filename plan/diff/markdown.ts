/**
 * The diff as a pull-request comment: a marker (so CI updates one comment per stack), the summary and every
 * risk first, then the details in collapsible sections. GitHub refuses comments over 65,536 characters; a
 * larger diff keeps its summary and is cut in the details, with a note saying so at the top and at the cut.
 */
import { sections, summaryLine, type Section } from "./lines";
import type { DiffLabels } from "./text";
import { isEmptyDiff, type Diff, type Risk } from "./types";

/** GitHub's limit on a comment body, in characters. */
export const COMMENT_LIMIT = 65_536;
const COMMENT_LIMIT_TEXT = "65,536";

export function commentMarker(stack: string): string {
  return `<!-- oidc-apps-plan-diff:${stack.replace(/[^A-Za-z0-9_.-]/g, "_")} -->`;
}

export function diffMarkdown(diff: Diff, labels: DiffLabels = {}, limit = COMMENT_LIMIT): string {
  const full = render(diff, labels, Infinity, Infinity);
  if (full.text.length <= limit) return full.text;
  // Keep the summary (cutting the risk table only if it alone would take more than half the comment), then
  // fill the rest with details up to the limit, leaving room for the closing note.
  // Warnings give way before risks do.
  let maxRisks = diff.risks.length;
  let maxWarnings = diff.warnings.length;
  while (maxWarnings > 0 && summary(diff, labels, maxRisks, true, maxWarnings).length > limit / 2) maxWarnings = Math.floor(maxWarnings * 0.8);
  while (maxRisks > 0 && summary(diff, labels, maxRisks, true, maxWarnings).length > limit / 2) maxRisks = Math.floor(maxRisks * 0.8);
  const reserve = 600;
  return render(diff, labels, maxRisks, limit - reserve, maxWarnings).text;
}

function render(diff: Diff, labels: DiffLabels, maxRisks: number, budget: number, maxWarnings = diff.warnings.length): { text: string } {
  const truncated = budget !== Infinity;
  const parts = [summary(diff, labels, maxRisks, truncated, maxWarnings)];
  if (isEmptyDiff(diff)) return { text: parts.join("") };
  let length = parts[0]!.length;
  let hidden = 0;
  for (const s of sections(diff)) {
    if (hidden > 0) {
      hidden += s.lines.length;
      continue;
    }
    const { text, shown } = section(s, budget - length);
    if (shown === 0) {
      hidden += s.lines.length;
      continue;
    }
    parts.push(text);
    length += text.length;
    hidden += s.lines.length - shown;
  }
  if (truncated) {
    parts.push(
      `\n> ✂️ **Truncated here** to fit GitHub's comment limit: ${hidden} more detail line${hidden === 1 ? " is" : "s are"} not shown.${
        labels.command ? ` Run \`${labels.command}\` for the whole diff.` : ""
      }\n`,
    );
  }
  return { text: parts.join("") };
}

function summary(diff: Diff, labels: DiffLabels, maxRisks: number, truncated: boolean, maxWarnings = diff.warnings.length): string {
  const out = [commentMarker(diff.stack), `### Plan diff for stack \`${cell(diff.stack)}\``, ""];
  const rendered = labels.rendered ? cell(labels.rendered) : "rendered offline with this change's code";
  out.push(`Compared with ${labels.base ? `\`${cell(labels.base)}\`` : "the base"}, ${rendered} (no credentials; the org itself is not read).`, "");
  for (const note of diff.notes) out.push(`> ${cell(note)}`, "");
  if (isEmptyDiff(diff)) {
    out.push("**No changes**: this change renders exactly the same plan as the base.", "");
    out.push(...warningTable(diff, maxWarnings));
    return out.join("\n");
  }
  out.push(`**${summaryLine(diff)}**`, "");
  if (truncated) {
    out.push(
      `> ✂️ **Truncated**: the whole diff is longer than a GitHub comment (${COMMENT_LIMIT_TEXT} characters). ${
        maxRisks < diff.risks.length ? `The first ${maxRisks} of ${diff.risks.length} risks` : "The summary and every risk"
      } are shown; the details below are cut.${labels.command ? ` Run \`${labels.command}\` for the whole diff.` : ""}`,
      "",
    );
  }
  if (diff.risks.length === 0) {
    out.push("No risks found.", "");
  } else {
    out.push("| Risk | Resource | Detail |", "| --- | --- | --- |");
    for (const r of diff.risks.slice(0, maxRisks)) out.push(riskRow(r));
    if (maxRisks < diff.risks.length) out.push(`| … | ${diff.risks.length - maxRisks} more risks | not shown: see the whole diff |`);
    out.push("");
  }
  out.push(...warningTable(diff, maxWarnings));
  return out.join("\n");
}

/** The head stack file's warnings, new ones first (they are what this change brings in). */
function warningTable(diff: Diff, max: number): string[] {
  if (diff.warnings.length === 0) return [];
  const fresh = diff.warnings.filter((w) => w.new).length;
  const out = [`**Warnings in the head stack file**: ${diff.warnings.length}${fresh > 0 ? `, ${fresh} new in this change` : ", none new"}.`, "", "| | Code | Path | Warning | Fix |", "| --- | --- | --- | --- | --- |"];
  for (const w of diff.warnings.slice(0, max)) out.push(`| ${w.new ? "🆕 new" : ""} | ${cell(w.code)} | \`${w.path.replace(/`/g, "'").replace(/\|/g, "\\|")}\` | ${cell(w.message)} | ${cell(w.fix ?? "")} |`);
  if (max < diff.warnings.length) out.push(`| … | | | ${diff.warnings.length - max} more warnings not shown: see the whole diff | |`);
  out.push("");
  return out;
}

function riskRow(r: Risk): string {
  return `| **${r.kind}** | \`${r.resource.replace(/`/g, "'").replace(/\|/g, "\\|")}\` | ${cell(r.detail)} |`;
}

/** One collapsible section whose lines fit in `room` characters (all of them when they do). */
function section(s: Section, room: number): { text: string; shown: number } {
  const fence = "`".repeat(Math.max(3, longestBacktickRun(s.lines) + 1));
  const open = `\n<details><summary>${s.title} (${s.count})</summary>\n\n${fence}diff\n`;
  const close = `${fence}\n\n</details>\n`;
  let text = open;
  let shown = 0;
  for (const line of s.lines) {
    if (text.length + line.length + 1 + close.length > room) break;
    text += `${line}\n`;
    shown++;
  }
  if (shown === 0) return { text: "", shown: 0 };
  return { text: text + close, shown };
}

function longestBacktickRun(lines: readonly string[]): number {
  let longest = 0;
  for (const line of lines) for (const run of line.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  return longest;
}

/**
 * Text from the stack file or the plan inside a table cell or a quote: no table breaks, no HTML, no mentions.
 * Code spans we write ourselves (backticks) are kept.
 */
function cell(text: string): string {
  return text
    .replace(/\r?\n/g, " ")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/\|/g, "\\|")
    .replace(/@/g, "&#64;");
}
