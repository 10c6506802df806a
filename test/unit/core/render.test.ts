import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { code, escapeMarkdown } from '../../../src/core/render.js';

describe('escapeMarkdown', () => {
  it('leaves no raw HTML, links, images, mentions or headings', () => {
    const out = escapeMarkdown(
      '</details><img src=x onerror=alert(1)> [click](https://evil.example) ![i](x) @octocat # head *b* www.evil.example',
    );
    expect(out).not.toMatch(/[<>]/);
    expect(out).not.toContain('</details>');
    expect(out).not.toMatch(/(^|[^\\])\[/);
    expect(out).not.toContain('@');
    expect(out).not.toContain('://');
    expect(out).not.toMatch(/www\./i);
    expect(out).toContain('&lt;/details&gt;');
    expect(out).toContain('\\*b\\*');
  });
  it('never lets a tag, mention or link through (property)', () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom('<', '>', '@', '[', ']', '(', ')', ':', '/', 'a', ' ', '\n', '&', 'w', '.'),
        }),
        (s) => {
          const out = escapeMarkdown(s);
          expect(out).not.toMatch(/[<>@]|:\/\/|www\./i);
          expect(out).not.toMatch(/(^|[^\\])[[\]]/);
        },
      ),
    );
  });
  it('code() keeps untrusted text inside one inline code element', () => {
    expect(code('a`b</code><b>x</b>@me')).toBe('<code>a`b&lt;/code&gt;&lt;b&gt;x&lt;/b&gt;&#64;me</code>');
    expect(code('s3://b/k')).toBe('`s3://b/k`');
  });
});
