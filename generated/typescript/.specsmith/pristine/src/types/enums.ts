/** Open enums: the API may send values this version of the SDK does not know yet. */
declare const brand: unique symbol;

/** A value of an open enum that this SDK version does not know: kept as it came, typed apart. */
export type Unrecognized<T> = T & { readonly [brand]: "unrecognized" };

/** An open enum's type: its known values, or an unrecognized string (or number) the API sent. */
export type OpenEnum<T extends Readonly<Record<string, string | number>>> =
  T[keyof T] | Unrecognized<T[keyof T] extends number ? number : string>;

/** Marks a value as one of an open enum's unrecognized values (to send a value newer than the SDK). */
export function unrecognized<T extends string | number>(
  value: T,
): Unrecognized<T> {
  return value as Unrecognized<T>;
}
