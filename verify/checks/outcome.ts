/** What one check concluded. Messages never hold a credential or a token (and run.ts redacts them anyway). */
export interface Outcome {
  readonly status: "pass" | "fail";
  readonly message: string;
}
