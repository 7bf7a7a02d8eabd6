/** The resource options a reviewer needs to see, as short marks for the text plan and the text diff. */
export interface MarkedOptions {
  readonly protect: boolean;
  readonly retainOnDelete: boolean;
  readonly import?: string | undefined;
  readonly ignoreChanges?: readonly string[] | undefined;
}

/** A long ignore list (the Okta app's unmanaged settings) is counted; a short one is named. */
export function optionMarks(r: MarkedOptions): string[] {
  const ignored = r.ignoreChanges ?? [];
  return [
    r.protect ? "protected" : "",
    r.retainOnDelete ? "retained on delete" : "",
    r.import !== undefined ? `import ${r.import}` : "",
    ignored.length === 0 ? "" : ignored.length <= 3 ? `org keeps ${ignored.join(", ")}` : `org keeps ${ignored.length} settings the stack file does not set`,
  ].filter(Boolean);
}
