import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  CommandGuard,
  createLogger,
  quoteUntrusted,
  stopToken,
  untrustedLines,
} from '../../../src/core/log.js';
import { captureStdout } from '../../helpers/capture.js';

/** The runner's view: after ::stop-commands::T, nothing is a command until a line is exactly ::T::. */
function commandsSeenByRunner(lines: string[]): string[] {
  const seen: string[] = [];
  let stopped: string | undefined;
  for (const raw of lines) {
    const line = raw.trim(); // the runner trims leading whitespace before parsing a command
    if (stopped !== undefined) {
      if (line === `::${stopped}::`) stopped = undefined;
      continue;
    }
    const m = /^::stop-commands::(.+)$/.exec(line);
    if (m) stopped = m[1];
    else if (line.startsWith('::') || line.startsWith('##[')) seen.push(line);
  }
  return seen;
}

const HOSTILE = [
  '::set-output name=passed::true',
  '##[set-output name=passed;]true',
  '  ::add-mask::x',
  'a\r::warning::cr',
  'a\r\n::error::crlf',
  'a\u2028::notice::ls',
  'b\u2029::debug::ps',
  '\t::group::tab',
];

describe('untrusted text', () => {
  it('puts every hostile line between stop-commands and the token, split on every line break', () => {
    for (const text of HOSTILE) {
      const lines = untrustedLines(text, 'T0');
      expect(lines[0]).toBe('::stop-commands::T0');
      expect(lines[lines.length - 1]).toBe('::T0::');
      expect(lines.slice(1, -1).some((l) => /[\r\n\u2028\u2029]/.test(l))).toBe(false);
      expect(commandsSeenByRunner(lines)).toEqual([]);
    }
    expect(untrustedLines('x\r\ny\rz\u2028w', 'T')).toEqual([
      '::stop-commands::T',
      'x',
      'y',
      'z',
      'w',
      '::T::',
    ]);
  });

  it('never lets any text run a command (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(':', '#', '[', 'a', ' ', '\r', '\n', '\u2028', '\u2029') }),
        (text) => {
          const token = stopToken(text);
          expect(commandsSeenByRunner(untrustedLines(text, token))).toEqual([]);
        },
      ),
    );
  });

  it('picks a token the text does not contain', () => {
    const tokens = ['abc', 'abc', 'def'];
    expect(stopToken('xxabcxx', () => tokens.shift()!)).toBe('def');
  });

  it('shares one block for a stream of lines and closes it before a trusted command', () => {
    const out: string[] = [];
    const guard = new CommandGuard((l) => out.push(l));
    guard.line('::set-output name=a::1');
    guard.line('  ##[error]x\r\ny');
    guard.close();
    guard.close();
    expect(out.length).toBe(5);
    expect(commandsSeenByRunner(out)).toEqual([]);
  });

  it('the Logger prints untrusted text guarded and trusted commands outside the block', async () => {
    const cap = captureStdout();
    const log = createLogger();
    log.guard.line('::error::from the job');
    log.warning('ours');
    log.untrustedBlock('FailureReason:', '::set-output name=passed::true\r\nnext');
    await log.group('logs', async () => log.guard.line('inside'));
    const lines = cap.lines();
    expect(commandsSeenByRunner(lines)).toEqual(['::warning::ours', '::group::logs', '::endgroup::']);
    expect(lines).toContain('FailureReason:');
  });
});

describe('quoteUntrusted', () => {
  it('quotes a model answer on one line, its newline and controls escaped', () => {
    expect(quoteUntrusted('0.73\n')).toBe('"0.73\\n"');
    expect(quoteUntrusted('a\u2028b\u202e\x1b[31m')).toBe('"a\\u2028b\\u202e\\u001b[31m"');
    expect(quoteUntrusted('x'.repeat(100), 10)).toBe(`"${'x'.repeat(10)}"… (100 characters)`);
  });

  it('is one printable-ASCII line, bounded, and parses back to the (cut) text (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.integer({ min: 1, max: 200 }), (text, max) => {
        const q = quoteUntrusted(text, max);
        expect(q).toMatch(/^[\x20-\x7e…]*$/);
        const literal = q.replace(/… \(\d+ characters\)$/, '');
        expect(JSON.parse(literal)).toBe(text.slice(0, max));
        expect(literal.length).toBeLessThanOrEqual(2 + 6 * max);
        expect(q.endsWith(`(${text.length} characters)`)).toBe(text.length > max);
      }),
    );
  });
});
