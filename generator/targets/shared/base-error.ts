/**
 * Speakeasy's `baseErrorName`: the name the SDK's base error class (`APIError`) is also exported
 * under. Both planners claim it in their model namespace: a model already named so is a clash the
 * user must resolve, not one we rename away (the name is asked for so that code written for
 * Speakeasy's SDK finds it).
 */
import { UsageError } from "../../diagnostics.js";

/**
 * The name of the error class of error model `name`: the model's own, or with
 * `sharedErrorComponentsApr2025` (Speakeasy's gen.yaml fix), `Error` after it unless it ends so
 * already (`BadRequestResponse` → `BadRequestResponseError`; `HTTPValidationError` stays).
 */
export function errorClassStem(name: string, sharedErrorComponentsApr2025: boolean | undefined): string {
  return sharedErrorComponentsApr2025 && !/Error$/.test(name) ? `${name}Error` : name;
}

export function baseErrorAlias(target: string, name: string | undefined, taken: (name: string) => boolean): string | null {
  if (name === undefined || name === "APIError") return null;
  if (taken(name)) {
    throw new UsageError(`targets.${target}.baseErrorName: "${name}" is already a name of the ${target} SDK's models or runtime; choose another (Clerk's gen.yaml, for one, says ClerkBaseError)`);
  }
  return name;
}
