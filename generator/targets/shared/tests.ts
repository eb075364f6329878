/**
 * What both targets' generated tests derive alike (`tests: true`): the mock's inputs file, and the
 * error answers each operation's tests ask the mock for.
 */
import type { Operation } from "../../ir/types.js";
import type { MockInputs } from "../target.js";

/** tests/mock.json: the spec and overlays the tests start `specsmith mock` from, relative to the SDK's folder. */
export function mockInputsFile(inputs: MockInputs): { path: string; content: string } {
  return { path: "tests/mock.json", content: JSON.stringify({ spec: inputs.spec, overlays: inputs.overlays }, null, 2) + "\n" };
}

export interface ErrorCase {
  /** The IR model the operation declares for the status. */
  model: string;
  /** The status the test asks for (`Prefer: code=404`): a range's or `default`'s first. */
  status: string;
}

/** One case per declared error response of the operation. */
export function errorCases(op: Operation): ErrorCase[] {
  return op.errors.map((e) => ({ model: e.model, status: concreteStatus(e.statuses[0] ?? "default") }));
}

function concreteStatus(status: string): string {
  if (/^\dXX$/i.test(status)) return `${status[0]}00`;
  return /^\d{3}$/.test(status) ? status : "500";
}
