/**
 * vitest's global setup for this SDK's tests: one mock server for the whole run, its URL given to
 * every test file as `inject("mockUrl")`.
 */
import type { TestProject } from "vitest/node";
import { startMock } from "./mock.js";

declare module "vitest" {
  export interface ProvidedContext {
    mockUrl: string;
  }
}

export default async function setup(
  project: TestProject,
): Promise<() => Promise<void>> {
  const mock = await startMock();
  project.provide("mockUrl", mock.url);
  return () => mock.close();
}
