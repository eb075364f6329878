/**
 * A calendar date without a time of day (OpenAPI `format: date`): `new RFCDate("2025-01-31")`, or
 * the UTC day of a Date. Sent as `2025-01-31`; a Date would carry a time and a time zone the API
 * does not want.
 */
export class RFCDate {
  private readonly date: string;

  constructor(date: Date | string) {
    const text =
      typeof date === "string" ? date : date.toISOString().slice(0, 10);
    const day = new Date(`${text}T00:00:00Z`);
    if (
      !/^\d{4}-\d\d-\d\d$/.test(text) ||
      Number.isNaN(day.getTime()) ||
      day.toISOString().slice(0, 10) !== text
    ) {
      throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${text}`);
    }
    this.date = text;
  }

  /** Today's date in UTC. */
  static today(): RFCDate {
    return new RFCDate(new Date());
  }

  /** Midnight UTC of the date. */
  toDate(): Date {
    return new Date(`${this.date}T00:00:00Z`);
  }

  toString(): string {
    return this.date;
  }

  toJSON(): string {
    return this.date;
  }
}
