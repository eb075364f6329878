/** View models of model files: types, wire types, and the functions mapping between them. */
import { tsInlineLiteral } from "./literals.js";
import { requiredInModel, sendsDefault } from "../shared/fields.js";
import type { Field, TypeRef } from "../../ir/types.js";
import { splitLines, tsString } from "../../render/escape.js";
import { Imports, TypeWriter, type ImportSource, propAccess, propKey, type ModelPlan, type Plan } from "./plan.js";
import { checkFn, typeText, type Decoder, type Import, type Mapping, type TsType } from "./types.js";
import { mayMoveWhole, unionMovesWhole } from "./unions.js";

/** Members an error class inherits; payload fields of the same name stay reachable through data$. */
const ERROR_MEMBERS = new Set(["name", "message", "stack", "cause", "statusCode", "headers", "body", "contentType", "rawResponse", "data$", "constructor", "prototype"]);

export interface FieldView {
  prop: string;
  access: string;
  wireProp: string;
  wireAccess: string;
  /** The wire key in an object literal: computed for `__proto__`, which would set the prototype. */
  wireKey: string;
  /** `__proto__` must be defined, not assigned (assignment sets the prototype). */
  wireDefine: boolean;
  /** Names every object inherits (toString, constructor...): presence is an own-property check. */
  wireInherited: boolean;
  propInherited: boolean;
  wireName: string;
  propName: string;
  required: boolean;
  /** Required in the `$Wire` type (a defaulted field always goes out). */
  wireRequired: boolean;
  /** Never sent: the mapping to the wire leaves it out. */
  readOnly: boolean;
  type: TsType;
  wireType: TsType;
  /** How the received value is checked and mapped (null in request models, which are never received). */
  decode: Decoder | null;
  /** The wire key as a string literal (the key argument of a check). */
  wireKeyCode: string;
  /** Reads the received value: `o.name`, or an own-property read for names every object inherits. */
  wireRead: string;
  /** When an optional field counts as present: not undefined, nor null unless the field is nullable. */
  presentIn: string;
  mapOut: Mapping | null;
  docLines: string[];
  deprecated: boolean;
  /** A default sent when the field is left out (IR Field.sendDefault), as a literal. */
  sendDefault: string | null;
  /**
   * The field is converted on its way out (`mapOut`) and has a default: the default is sent when it is
   * left out, and only a value given is converted (a conversion of `undefined` would not type-check).
   */
  defaultBeforeMap: boolean;
  /** The same default, decoded when a received object leaves the field out. */
  decodeDefault: string | null;
  /**
   * How the default is decoded: the field's decoder without its null branch (a literal is never
   * compared with null: TypeScript refuses `{…} === null`), or none for a null default.
   */
  defaultDecode: Decoder | null;
}

export interface ModelView {
  kind: string;
  name: string;
  imports: Import[];
  docLines: string[];
  deprecated: boolean;
  // enum
  members: { key: string; value: string | number; docLines: string[] }[];
  /** An open enum: its type admits values the SDK does not know (OpenEnum). */
  open: boolean;
  // object
  fields: FieldView[];
  requiredFields: FieldView[];
  optionalFields: FieldView[];
  /** The fields the mapping to the wire writes: all but read-only ones. */
  sentRequired: FieldView[];
  sentOptional: FieldView[];
  emptySent: boolean;
  emptyType: boolean;
  /** No required field and no extras: the mapping starts from `{}`. */
  emptyLiteral: boolean;
  /**
   * An optional field named like an Object.prototype member (`constructor?: string`): TypeScript
   * checks an object literal's inherited member against it, so the literal is cast instead.
   */
  castIn: boolean;
  castOut: boolean;
  hasExtra: boolean;
  knownWireNames: string[];
  knownPropNames: string[];
  /** The check of typed extra properties' values, as a function. */
  extraCheck: string | null;
  extraMapOut: Mapping | null;
  /** Types of the extra properties' values, for the mapping of typed extras. */
  extraType: TsType | null;
  extraWireType: TsType | null;
  wire: string;
  fromWire: string;
  toWire: string;
  /** Request models gather an operation's arguments: no wire shape. */
  isRequest: boolean;
  // alias
  aliasType: TsType | null;
  aliasWireType: TsType | null;
  aliasDecode: Decoder | null;
  aliasMapOut: Mapping | null;
  // error class
  errorClass: string | null;
  classFields: FieldView[];
}

export function modelView(p: Plan, mp: ModelPlan, types: TypeWriter): ModelView {
  const imports = new Imports(mp.file);
  const use = (m: ImportSource, symbol: string) => imports.model(m, symbol);
  const m = mp.ir;
  const view: ModelView = {
    kind: m.kind,
    name: mp.name,
    imports: [],
    docLines: docLines(m.description),
    deprecated: m.deprecated,
    members: [],
    open: false,
    fields: [],
    requiredFields: [],
    optionalFields: [],
    sentRequired: [],
    sentOptional: [],
    emptySent: false,
    emptyType: false,
    emptyLiteral: false,
    castIn: false,
    castOut: false,
    hasExtra: false,
    knownWireNames: [],
    knownPropNames: [],
    extraCheck: null,
    extraMapOut: null,
    extraType: null,
    extraWireType: null,
    wire: mp.wire,
    fromWire: mp.fromWire,
    toWire: mp.toWire,
    isRequest: false,
    aliasType: null,
    aliasWireType: null,
    aliasDecode: null,
    aliasMapOut: null,
    errorClass: mp.errorClass,
    classFields: [],
  };
  if (m.kind === "enum") {
    view.members = m.members.map((mem) => ({ key: propKey(mem.name), value: mem.value, docLines: [] }));
    // Open (`x-speakeasy-unknown-values: allow`): a value the SDK does not know is kept, typed Unrecognized.
    view.open = m.open === true;
    if (view.open) imports.runtime("OpenEnum");
  } else if (m.kind === "alias") {
    view.aliasType = types.type(m.type, false, use);
    view.aliasWireType = types.type(m.type, true, use);
    view.aliasDecode = types.decoder(m.type, use);
    view.aliasMapOut = types.mapping(m.type, use);
  } else {
    view.isRequest = m.request !== undefined;
    view.fields = m.fields.map((f) => fieldView(f, types, use, view.isRequest, m.usage));
    view.requiredFields = view.fields.filter((f) => f.required);
    view.optionalFields = view.fields.filter((f) => !f.required);
    // Read-only fields are not sent; one still required (a model only ever received) is written as is.
    // A field sent with its default when left out is always written.
    view.sentRequired = [...view.requiredFields, ...view.optionalFields.filter((f) => f.sendDefault !== null)];
    view.sentOptional = view.optionalFields.filter((f) => !f.readOnly && f.sendDefault === null);
    view.emptySent = view.sentRequired.length === 0 && !m.additional;
    view.emptyType = view.fields.length === 0 && !m.additional;
    view.emptyLiteral = view.requiredFields.length === 0 && !m.additional;
    view.castIn = view.optionalFields.some((f) => f.propInherited);
    view.castOut = view.sentOptional.some((f) => f.wireInherited);
    if (m.additional) {
      view.hasExtra = true;
      view.knownWireNames = m.fields.map((f) => f.wireName);
      view.knownPropNames = m.fields.map((f) => f.name);
      if (!view.isRequest) {
        // Depth 2: the template's own arrow takes `x`, nested conversions continue from `x2`.
        const extra = types.checkDecoder(m.additional, use);
        view.extraCheck = extra.kind === "none" ? null : checkFn(extra);
        view.extraMapOut = types.mapping(m.additional, use, 2);
        view.extraType = types.type(m.additional, false, use);
        view.extraWireType = types.type(m.additional, true, use);
        imports.runtime("extraProps");
        if (view.extraCheck) imports.runtime("rec");
        if (view.extraMapOut) imports.runtime("mapValues");
      }
    }
    if (view.fields.some((f) => f.wireDefine && !f.required)) imports.runtime("defineOwn");
    if (!view.isRequest && view.fields.some((f) => f.wireInherited || (!f.required && f.propInherited))) imports.runtime("hasOwn");
    if (!view.isRequest) imports.runtime("obj");
    if (!view.isRequest && !view.emptyType) imports.runtime("at");
    if (mp.errorClass) {
      view.classFields = view.fields.filter((f) => !ERROR_MEMBERS.has(f.prop) && !f.prop.startsWith('"'));
      imports.runtime("APIError");
      imports.runtime("HTTPResponse");
    }
  }
  view.imports = imports.render();
  return view;
}

function fieldView(f: Field, types: TypeWriter, use: (m: ImportSource, s: string) => void, isRequest: boolean, usage: { request: boolean; response: boolean } | undefined): FieldView {
  const lines = docLines(f.description);
  if (f.default !== undefined) lines.push(...(lines.length ? [""] : []), `@defaultValue ${JSON.stringify(f.default)}`);
  if (f.readOnly) lines.push(...(lines.length ? [""] : []), "Read-only: the API sends it and ignores it in requests.");
  if (f.writeOnly) lines.push(...(lines.length ? [""] : []), "Write-only: sent to the API, never returned by it.");
  const defaulted = !isRequest && sendsDefault(f, usage);
  const required = requiredInModel(f, usage) && !defaulted;
  if (f.deprecated) lines.push(...(lines.length ? [""] : []), "@deprecated This field is deprecated by the API description.");
  const mapOut = isRequest ? null : types.mapping(f.type, use);
  const decode = isRequest ? null : types.decoder(f.type, use);
  const wireType = isRequest ? types.type(f.type, false, () => {}) : types.type(f.type, true, use);
  return {
    prop: propKey(f.name),
    access: propAccess(f.name),
    wireProp: propKey(f.wireName),
    wireAccess: propAccess(f.wireName),
    wireKey: f.wireName === "__proto__" ? '["__proto__"]' : propKey(f.wireName),
    wireDefine: f.wireName === "__proto__",
    wireInherited: f.wireName in Object.prototype,
    propInherited: f.name in Object.prototype,
    wireName: f.wireName,
    propName: f.name,
    required,
    // On the wire a defaulted field is always there (toWire sends the default), as the spec requires it.
    wireRequired: required || defaulted,
    readOnly: f.readOnly,
    type: types.type(f.type, false, use),
    wireType,
    decode,
    wireKeyCode: tsString(f.wireName),
    wireRead: f.wireName in Object.prototype ? `(hasOwn(o, ${tsString(f.wireName)}) ? o${propAccess(f.wireName)} : undefined)` : `o${propAccess(f.wireName)}`,
    presentIn: `${f.wireName in Object.prototype ? `hasOwn(o, ${tsString(f.wireName)}) && ` : ""}o${propAccess(f.wireName)} ${allowsNull(f.type) ? "!== undefined" : "!= null"}`,
    mapOut,
    docLines: lines,
    deprecated: f.deprecated,
    sendDefault: defaulted ? sentDefault(f.default, wireType) : null,
    defaultBeforeMap: defaulted && mapOut !== null,
    decodeDefault: defaulted && !isRequest && f.default !== undefined ? tsInlineLiteral(f.default) : null,
    defaultDecode: decode && (f.default === null ? { ...decode, kind: "none", cast: null, nullable: false } : { ...decode, nullable: false }),
  };
}

/**
 * A default sent as it is: an object or a list as the spec writes it, asserted to be of the field's
 * wire type. The spec's `default: {}` for a model whose own fields have defaults is what the API
 * assumes, though the wire type (where a defaulted field is always sent) asks for those fields.
 */
function sentDefault(value: unknown, wireType: TsType): string {
  const literal = tsInlineLiteral(value);
  return value !== null && typeof value === "object" ? `(${literal} as ${typeText(wireType)})` : literal;
}

/** Whether null is a value of `t` (an optional field that does not allow it treats null as left out). */
function allowsNull(t: TypeRef): boolean {
  return t.kind === "null" || ("nullable" in t && t.nullable === true) || (t.kind === "union" && t.variants.some(allowsNull));
}

/** Whether the model's file holds a union prettier and oxfmt lay out differently (see unions.ts). */
export function modelMovesUnion(v: ModelView): boolean {
  const member = (head: string, t: TsType | null) => t !== null && unionMovesWhole(2, head, t, ";");
  const opt = (f: FieldView) => (f.required ? "" : "?");
  return (
    v.fields.some((f) => member(`${f.prop}${opt(f)}: `, f.type) || (!v.isRequest && member(`${f.wireProp}${opt(f)}: `, f.wireType))) ||
    v.classFields.some((f) => member(`readonly ${f.prop}${opt(f)}: `, f.type)) ||
    (v.aliasType !== null && unionMovesWhole(0, `export type ${v.name} = `, v.aliasType, ";")) ||
    (v.aliasWireType !== null && unionMovesWhole(0, `export type ${v.wire} = `, v.aliasWireType, ";")) ||
    [v.extraType, v.extraWireType].some((t) => t !== null && mayMoveWhole(t)) ||
    [v.aliasMapOut, v.extraMapOut, ...v.fields.map((f) => f.mapOut)].some(mappingMovesUnion)
  );
}

/** A mapping whose arrow parameters are typed with a union that could move (union variants' `(x: T) => ...`). */
export function mappingMovesUnion(m: Mapping | null): boolean {
  if (m === null) return false;
  if (m.kind === "union") return m.variants!.some((v) => (v.param !== null && mayMoveWhole(v.param)) || mappingMovesUnion(v.map));
  return mappingMovesUnion(m.inner);
}

/** A description as the lines of a JSDoc comment (raw text: the doc partial escapes each line). */
export function docLines(text: string | undefined): string[] {
  if (!text) return [];
  return splitLines(text.replace(/\s+$/, "")).map((l) => l.replace(/\s+$/, ""));
}
