import { describe, expect, it } from '@jest/globals';
import { parseRehearseArgs, RehearseUsageError } from '../../../local/rehearse/cli.js';
import { parseKeyValueFile } from '../../../local/rehearse/file-commands.js';
import { handleLine } from '../../../local/rehearse/step-process.js';

describe('rehearse command line', () => {
  it('parses the workflow, event, repeated inputs and the job', () => {
    expect(
      parseRehearseArgs([
        'wf.yml',
        '--event',
        'push',
        '--input',
        'a=1',
        '--input=b=x=y',
        '--job',
        'j',
        '--fork',
      ]),
    ).toEqual({
      workflow: 'wf.yml',
      event: 'push',
      inputs: { a: '1', b: 'x=y' },
      secrets: {},
      vars: {},
      job: 'j',
      fork: true,
      quiet: false,
    });
    expect(parseRehearseArgs(['wf.yml']).event).toBe('pull_request');
  });

  it('refuses what it does not understand', () => {
    expect(() => parseRehearseArgs([])).toThrow(RehearseUsageError);
    expect(() => parseRehearseArgs(['a.yml', '--input', 'novalue'])).toThrow(/expected name=value/);
    expect(() => parseRehearseArgs(['a.yml', '--bogus'])).toThrow(/unknown option/);
    expect(() => parseRehearseArgs(['a.yml', 'b.yml'])).toThrow(/one workflow/);
  });
});

describe('runner file commands and log commands', () => {
  it('parses name=value and heredoc lines', () => {
    expect(parseKeyValueFile('a=1\nb<<EOF\nx\ny=z\nEOF\nc=\n', 'GITHUB_OUTPUT')).toEqual({
      a: '1',
      b: 'x\ny=z',
      c: '',
    });
    expect(() => parseKeyValueFile('b<<EOF\nx\n', 'GITHUB_OUTPUT')).toThrow(/no closing 'EOF'/);
    expect(() => parseKeyValueFile('garbage\n', 'GITHUB_ENV')).toThrow(/invalid line/);
  });

  it('masks, annotates and honours stop-commands', () => {
    const st = { masks: new Set<string>(), errors: [] as string[], warnings: [] as string[] };
    expect(handleLine('::add-mask::s3cr3t', st)).toBeNull();
    expect(handleLine('token s3cr3t here', st)).toBe('token *** here');
    expect(handleLine('::error::bad%0Athing', st)).toBe('error: bad\nthing');
    expect(handleLine('::stop-commands::tok', st)).toBeNull();
    expect(handleLine('::error::not a command now', st)).toBe('::error::not a command now');
    expect(handleLine('::tok::', st)).toBeNull();
    expect(handleLine('::warning::w', st)).toBe('warning: w');
    expect(st.errors).toEqual(['bad\nthing']);
  });
});
