import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
// @ts-expect-error: plain ESM helper without type declarations
import { htmlPage, markdownToHtml } from '../../../scripts/lib/html-report.mjs';

const render = markdownToHtml as (md: string) => string;

describe('job summary → HTML (demo-report/)', () => {
  it('renders the Markdown the actions write: headings, tables, lists, code, links', () => {
    const html = render(
      [
        '### Evaluate: ✅ **passed**',
        '',
        '| metric | value |',
        '| --- | --- |',
        '| auc &gt;= 0.65 | `0.7215` |',
        '| a \\| b | x |',
        '',
        '- one',
        '- [console](https://console.aws.amazon.com/sagemaker/home?a=1&b=2)',
        '',
        '```mermaid',
        'graph LR; a-->b',
        '```',
        '<details><summary>log</summary>line<br/>two</details>',
      ].join('\n'),
    );
    expect(html).toContain('<h3>Evaluate: ✅ <strong>passed</strong></h3>');
    expect(html).toContain('<th>metric</th><th>value</th>');
    expect(html).toContain('<td>auc &gt;= 0.65</td><td><code>0.7215</code></td>');
    expect(html).toContain('<td>a | b</td>');
    expect(html).toContain('<li>one</li>');
    expect(html).toContain('<a href="https://console.aws.amazon.com/sagemaker/home?a=1&amp;b=2">console</a>');
    expect(html).toContain('<pre><code class="language-mermaid">graph LR; a--&gt;b</code></pre>');
    expect(html).toContain('<details><summary>log</summary>line<br>two</details>');
  });

  it('shows any other tag, script or link scheme as text', () => {
    const html = render(
      [
        '<script>alert(1)</script> <img src="x" onerror="alert(1)"> <a href="javascript:alert(1)">x</a>',
        '[click](javascript:alert(1)) <iframe src="https://evil">',
        '| <style>b{}</style> | <img src="data:image/png;base64,AAAA" onload="x"> |',
        '| --- | --- |',
      ].join('\n'),
    );
    expect(html).not.toMatch(/<(script|iframe|style|a )/i);
    for (const m of html.matchAll(/<[a-zA-Z][^>]*>/g)) expect(m[0]).not.toMatch(/\bon\w*=|javascript:/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('<img src="data:image/png;base64,AAAA" alt="">');
  });

  it('never lets a tag outside the allowed set through, whatever the text (property)', () => {
    const pieces = fc.constantFrom(
      '<',
      '>',
      '"',
      "'",
      '&',
      '`',
      '*',
      '|',
      '[',
      ']',
      '(',
      ')',
      '\n',
      '#',
      '-',
      'script',
      'img',
      'a ',
      'on',
      '=',
      'javascript:',
      'src',
      'x',
      ' ',
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 60 }), (parts) => {
        const html = render(parts.join(''));
        for (const m of html.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9]*)([^>]*)>/g)) {
          expect([
            'p',
            'br',
            'h1',
            'h2',
            'h3',
            'h4',
            'h5',
            'h6',
            'ul',
            'ol',
            'li',
            'table',
            'thead',
            'tbody',
            'tr',
            'th',
            'td',
            'pre',
            'code',
            'strong',
            'em',
            'a',
            'hr',
            'img',
            'details',
            'summary',
            'b',
            'i',
            'sub',
            'sup',
          ]).toContain(m[1]!.toLowerCase());
          expect(m[2]).not.toMatch(/\bon\w*=|javascript:/i);
        }
      }),
    );
  });

  it('a page escapes its title and keeps scripts out by policy too', () => {
    const page = (htmlPage as (t: string, md: string, o?: { back?: string }) => string)('a <b> & c', 'x', {
      back: 'index.html',
    });
    expect(page).toContain('<title>a &lt;b&gt; &amp; c</title>');
    expect(page).toContain("default-src 'none'");
    expect(page).toContain('<a href="index.html">');
  });
});
