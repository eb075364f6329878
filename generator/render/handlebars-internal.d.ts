/** handlebars' runtime rules for reading a context's properties (4.7; no types of its own): see engine.ts. */
declare module "handlebars/dist/cjs/handlebars/internal/proto-access.js" {
  export function createProtoAccessControl(options: object): unknown;
  export function resultIsAllowed(result: unknown, protoAccessControl: unknown, propertyName: string): boolean;
  export function isPrototypeConstructor(parent: unknown, propertyName: string, result: unknown): boolean;
}
