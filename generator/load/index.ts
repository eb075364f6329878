import { resolve } from "node:path";
import { buildApi } from "../ir/build.js";
import type { Api } from "../ir/types.js";
import { Resolver } from "./document.js";
import { SourceFile } from "./source.js";
import { validate } from "./validate.js";

/** Reads, validates and normalizes the OpenAPI document at `path` into the IR. */
export function loadApi(path: string): { api: Api; resolver: Resolver } {
  const resolver = new Resolver(SourceFile.read(resolve(path)));
  const { version } = validate(resolver);
  return { api: buildApi(resolver, version), resolver };
}
