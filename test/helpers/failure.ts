import type { FootnoteError } from "../../src/errors.ts";

/** The error a promise rejects with; fails the test if it resolves. */
export async function failure(promise: Promise<unknown>): Promise<FootnoteError> {
  try {
    await promise;
  } catch (error) {
    return error as FootnoteError;
  }
  throw new Error("expected a failure");
}
