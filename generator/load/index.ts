import { resolve } from "node:path";
import { buildApi } from "../ir/build.js";
import type { Api } from "../ir/types.js";
import { Resolver } from "./document.js";
import { SourceFile } from "./source.js";
import { validate } from "./validate.js";

/** Reads, validates and normalizes the OpenAPI document at `path` into the IR. */
export function loadApi(path: string): { api: Api; resolver: Resolver } {
  const resolver = new Resolver(SourceFile.read(resolve(path)));
  const { version, warnings } = validate(resolver);
  const api = buildApi(resolver, version);
  api.warnings.unshift(...warnings);
  return { api, resolver };
}
