/**
 * Server-sent events (the WHATWG `text/event-stream` format) as an async iterable of typed events.
 * The body is read as it arrives, never whole: lines end in CRLF, LF or CR (a CRLF may be split
 * across chunks, and so may a UTF-8 character); `data` lines join with "\n"; comments and events
 * without data are skipped; a sentinel (`[DONE]`) ends the stream and is not surfaced. Leaving the
 * loop early (`break`, `return`, an exception) closes the connection.
 */
import { SDKError } from "../models/errors/sdkerror.js";
import { validated, type Check } from "./validate.js";

/** One event as the server sent it. */
export type ServerEvent = {
  data: string;
  event?: string;
  id?: string;
  retry?: number;
};

/** How a stream's events become values: Speakeasy's envelope (`{id, event, data, retry}`) or the data alone. */
export type EventShape = {
  envelope: boolean;
  /** The data field: parsed as JSON, taken as text, or parsed when it parses. */
  data: "json" | "text" | "auto";
  sentinel?: string;
};

/** The events of one response, decoded as they arrive; iterate it once. */
export class EventStream<T> implements AsyncIterable<T> {
  private used = false;

  constructor(
    private readonly body: ReadableStream<Uint8Array>,
    private readonly shape: EventShape,
    private readonly decode: Check<T>,
    /** The response the stream comes in (for errors). */
    readonly response: Response,
  ) {}

  async *[Symbol.asyncIterator](): AsyncIterator<T> {
    if (this.used) throw new Error("An event stream can be read only once");
    this.used = true;
    const reader = this.body.getReader();
    const parser = new EventParser();
    let finished = false;
    try {
      for (;;) {
        const { done, value } = await reader.read();
        const events = done ? parser.end() : parser.push(value);
        for (const event of events) {
          if (
            this.shape.sentinel !== undefined &&
            event.data === this.shape.sentinel
          )
            return;
          yield this.value(event);
        }
        if (done) {
          finished = true;
          return;
        }
      }
    } finally {
      // Left before the end (a break, the sentinel, an error): close the connection.
      if (!finished) await reader.cancel().catch(() => undefined);
      reader.releaseLock();
    }
  }

  /** Stops reading and closes the connection, if the stream is not being iterated. */
  async close(): Promise<void> {
    if (!this.used) {
      this.used = true;
      await this.body.cancel().catch(() => undefined);
    }
  }

  private value(event: ServerEvent): T {
    let data: unknown = event.data;
    if (this.shape.data !== "text") {
      try {
        data = JSON.parse(event.data);
      } catch {
        if (this.shape.data === "json") {
          throw new SDKError(
            "An event's data is not valid JSON",
            this.response,
            event.data,
          );
        }
      }
    }
    const wire = this.shape.envelope ? { ...event, data } : data;
    const value = validated(wire, this.decode, this.response, event.data);
    if (!value.ok) throw value.error;
    return value.value;
  }
}

/** The WHATWG event stream parser: feed it chunks, take the events they complete. */
export class EventParser {
  private readonly text = new TextDecoder("utf-8");
  private buffer = "";
  private afterCR = false;
  private started = false;
  private data: string[] = [];
  private type: string | undefined;
  private lastId: string | undefined;
  private retry: number | undefined;

  push(chunk: Uint8Array): ServerEvent[] {
    return this.lines(this.text.decode(chunk, { stream: true }));
  }

  /** The end of the body: an event not closed by a blank line is dropped, as the standard says. */
  end(): ServerEvent[] {
    return this.lines(this.text.decode());
  }

  private lines(text: string): ServerEvent[] {
    let s = text;
    if (!this.started && s.length > 0) {
      this.started = true;
      if (s.charCodeAt(0) === 0xfeff) s = s.slice(1);
    }
    // A CR that ended the last chunk already ended its line: an LF right after it is part of it.
    if (this.afterCR && s.startsWith("\n")) s = s.slice(1);
    this.afterCR = false;
    const events: ServerEvent[] = [];
    let start = 0;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c !== 10 && c !== 13) continue;
      const line = this.buffer + s.slice(start, i);
      this.buffer = "";
      if (c === 13) {
        if (i + 1 < s.length) {
          if (s.charCodeAt(i + 1) === 10) i++;
        } else {
          this.afterCR = true;
        }
      }
      start = i + 1;
      const event = this.line(line);
      if (event) events.push(event);
    }
    this.buffer += s.slice(start);
    return events;
  }

  private line(line: string): ServerEvent | undefined {
    if (line === "") return this.dispatch();
    if (line.startsWith(":")) return undefined;
    const colon = line.indexOf(":");
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? "" : line.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    switch (field) {
      case "data":
        this.data.push(value);
        break;
      case "event":
        this.type = value;
        break;
      case "id":
        if (!value.includes("\0")) this.lastId = value;
        break;
      case "retry":
        if (/^\d+$/.test(value)) this.retry = Number(value);
        break;
    }
    return undefined;
  }

  private dispatch(): ServerEvent | undefined {
    const data = this.data;
    const type = this.type;
    const retry = this.retry;
    this.data = [];
    this.type = undefined;
    this.retry = undefined;
    if (data.length === 0) return undefined;
    const event: ServerEvent = { data: data.join("\n") };
    if (type !== undefined && type !== "") event.event = type;
    if (this.lastId !== undefined) event.id = this.lastId;
    if (retry !== undefined) event.retry = retry;
    return event;
  }
}
