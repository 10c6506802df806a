/**
 * Markdown helpers for job summaries, PR comments and issues. Pure: they build strings. Text that
 * did not come from the kit (AWS messages, report fields, metric names, file names) goes through
 * escapeMarkdown (or code/fence) before it is placed in Markdown.
 */

const MARKDOWN_SPECIAL = /[\\`*_[\]#|~]/g;

/**
 * Untrusted text as inert Markdown and HTML: no raw tags (so no `</details>` or `<img>`), no
 * links or images, no @mentions or #references, no emphasis or headings; line breaks are kept.
 */
export function escapeMarkdown(text: unknown): string {
  return String(text ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(MARKDOWN_SPECIAL, (c) => `\\${c}`)
    .replace(/\bwww\./gi, (w) => `${w.slice(0, 3)}&#46;`)
    .replace(/@/g, '&#64;')
    .replace(/:\/\//g, '&#58;//');
}

export function escapeCell(value: unknown): string {
  return String(value ?? '')
    .replace(/\|/g, '\\|')
    .replace(/\r?\n/g, '<br>');
}

export function table(headers: string[], rows: unknown[][]): string {
  const head = `| ${headers.map(escapeCell).join(' | ')} |`;
  const sep = `| ${headers.map(() => '---').join(' | ')} |`;
  const body = rows.map((r) => `| ${r.map(escapeCell).join(' | ')} |`);
  return [head, sep, ...body].join('\n');
}

export function keyValueTable(rows: [string, unknown][]): string {
  return table(
    ['', ''],
    rows.filter(([, v]) => v !== undefined && v !== '').map(([k, v]) => [`**${k}**`, v]),
  );
}

export function code(value: string): string {
  return value.includes('`') || /[\r\n]/.test(value)
    ? `<code>${value
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/[\r\n]+/g, ' ')
        .replace(/@/g, '&#64;')}</code>`
    : `\`${value}\``;
}

export function details(summary: string, body: string): string {
  return `<details><summary>${summary}</summary>\n\n${body}\n\n</details>`;
}

export function fence(body: string, lang = 'text'): string {
  return `\`\`\`${lang}\n${body.replace(/```/g, '`\u200b``')}\n\`\`\``;
}

export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return 'n/a';
  const s = Math.round(ms / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  if (h > 0) return `${h}h ${String(m).padStart(2, '0')}m ${String(sec).padStart(2, '0')}s`;
  if (m > 0) return `${m}m ${String(sec).padStart(2, '0')}s`;
  return `${sec}s`;
}

export function formatNumber(n: number, digits = 4): string {
  if (!Number.isFinite(n)) return String(n);
  if (Number.isInteger(n)) return String(n);
  return Number(n.toPrecision(digits + 2)).toString();
}
