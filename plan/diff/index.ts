/** Plan diffs for reviewers: see docs/plan-and-review.md, "Reviewing changes". */
export { diffPlans, type DiffOptions } from "./diff";
export { diffText, type DiffLabels } from "./text";
export { diffMarkdown, commentMarker, COMMENT_LIMIT } from "./markdown";
export { REPLACE_TABLE, entriesFor, replaceReasons, type ReplaceEntry } from "./replace-table";
export { RISK_KINDS, isEmptyDiff, type Diff, type DiffWarning, type Risk, type RiskKind, type PropertyChange, type ResourceChange, type ResourceEntry } from "./types";
