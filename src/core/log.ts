import { randomBytes } from 'node:crypto';
import * as core from '@actions/core';

/**
 * The one Logger every stage receives. Trusted text (our own messages) goes through @actions/core;
 * untrusted text (job logs, FailureReasons, AWS messages, report fields) goes only between
 * `::stop-commands::<token>` and `::<token>::`, so the runner executes none of the workflow
 * commands (`::set-output`, `::add-mask`, `##[...]`) it may contain. The token is random per
 * block, so the text cannot end the block itself.
 */
export interface Logger {
  info(message: string): void;
  warning(message: string): void;
  error(message: string): void;
  debug(message: string): void;
  /** A folded log group around `body` (::group:: / ::endgroup::). */
  group<T>(title: string, body: () => Promise<T>): Promise<T>;
  /** Untrusted text, one or more lines, printed with workflow commands stopped. */
  untrusted(text: string): void;
  /** A trusted title line, then untrusted text with workflow commands stopped. */
  untrustedBlock(title: string, text: string): void;
  /**
   * One untrusted line of a stream (a job's log): consecutive lines share one stop-commands
   * block, closed before the next trusted command.
   */
  untrustedLine(line: string): void;
}

/** Every line break the runner (or a terminal) may treat as one: \r\n, \r, \n, U+2028, U+2029. */
export const LINE_BREAKS = /\r\n|[\r\n\u2028\u2029]/;

/** A token that does not occur in `text` (64 random bits, hex). */
export function stopToken(
  text: string,
  random: () => string = () => randomBytes(16).toString('hex'),
): string {
  for (;;) {
    const token = random();
    if (!text.includes(token)) return token;
  }
}

/** The lines that print `text` with workflow commands stopped (pure; the unit of the tests). */
export function untrustedLines(text: string, token: string): string[] {
  return [`::stop-commands::${token}`, ...text.split(LINE_BREAKS), `::${token}::`];
}

/**
 * Untrusted lines that arrive one by one (a job's log stream) share one stop-commands block,
 * opened at the first line and closed before any trusted workflow command (warning, group, ...),
 * so a long log does not cost three lines per line.
 */
export class CommandGuard {
  private token: string | undefined;

  constructor(private readonly write: (line: string) => void) {}

  /** Prints untrusted text inside the open block (opening one if needed). */
  line(text: string): void {
    const lines = text.split(LINE_BREAKS);
    if (this.token === undefined) {
      this.token = stopToken(text);
      this.write(`::stop-commands::${this.token}`);
    } else if (text.includes(this.token)) {
      // Cannot happen with a random token unless the text echoes the log: start a fresh block.
      this.close();
      this.line(text);
      return;
    }
    for (const l of lines) this.write(l);
  }

  /** Resumes workflow commands (before a trusted command, and at the end of the step). */
  close(): void {
    if (this.token === undefined) return;
    this.write(`::${this.token}::`);
    this.token = undefined;
  }
}

/**
 * Text for an annotation (::warning::/::error::): @actions/core escapes %, \r and \n in its data,
 * so the text stays one line and no command inside it runs; U+2028/U+2029 (which core leaves as
 * they are) become \n first, so no reader can see them as a line start either.
 */
export function annotationText(message: string): string {
  return message.replace(/[\u2028\u2029]/g, '\n');
}

/**
 * Untrusted text (a model's answer, an AWS message) quoted for one line of an error message: a
 * JSON string literal of at most `max` characters of it in which every character that is not
 * printable ASCII is escaped (\n, \u2028, ESC, bidi controls...), so it can neither break the
 * line nor restyle a terminal; a longer text is cut and its full length said. JSON.parse of the
 * literal gives back the (cut) text.
 */
export function quoteUntrusted(text: string, max = 80): string {
  const cut = text.length > max ? text.slice(0, max) : text;
  const literal = JSON.stringify(cut).replace(
    /[^\x20-\x7e]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return text.length > max ? `${literal}… (${text.length} characters)` : literal;
}

export interface LoggerOptions {
  /** Writes one line to the step log (default: @actions/core info, i.e. stdout). */
  write?: (line: string) => void;
}

/** The Logger of an action run, over @actions/core. */
export function createLogger(opts: LoggerOptions = {}): Logger & { guard: CommandGuard } {
  const write = opts.write ?? ((line: string) => core.info(line));
  const guard = new CommandGuard(write);
  const trusted =
    <A extends unknown[]>(f: (...a: A) => void) =>
    (...a: A): void => {
      guard.close();
      f(...a);
    };
  return {
    guard,
    info: (m) => write(m),
    warning: trusted((m: string) => core.warning(annotationText(m))),
    error: trusted((m: string) => core.error(annotationText(m))),
    debug: trusted((m: string) => core.debug(m)),
    async group<T>(title: string, body: () => Promise<T>): Promise<T> {
      guard.close();
      core.startGroup(title);
      try {
        return await body();
      } finally {
        guard.close();
        core.endGroup();
      }
    },
    untrusted(text: string): void {
      guard.close();
      for (const l of untrustedLines(text, stopToken(text))) write(l);
    },
    untrustedLine: (line: string) => guard.line(line),
    untrustedBlock(title: string, text: string): void {
      guard.close();
      write(title);
      for (const l of untrustedLines(text, stopToken(text))) write(l);
    },
  };
}
