// Renders a job summary (GitHub-flavoured Markdown as the actions write it to GITHUB_STEP_SUMMARY)
// as a standalone HTML page a person can open, safely: the summaries already escape untrusted text
// for Markdown/HTML, and this renderer escapes again everything it does not recognise. Only a few
// harmless tags pass (br, details, summary, code, b, strong, i, em, sub, sup, and img whose src is a
// data:image/ or https: URL); links are kept only for http(s) URLs; any other tag is shown as text.
// Supported Markdown: headings, paragraphs, bullet and numbered lists, tables, fenced code blocks
// (mermaid shown as code), **bold**, *italic*, `code`, [text](url). Not a general Markdown engine.

const ALLOWED = new Set(['br', 'details', 'summary', 'code', 'b', 'strong', 'i', 'em', 'sub', 'sup']);

/** Escapes text for HTML; existing entities (&lt; &#124; &amp; ...) are kept as they are. */
export function escapeHtml(text) {
  return String(text)
    .replace(/&(?!(?:[a-zA-Z][a-zA-Z0-9]{1,31}|#\d{1,7}|#x[0-9a-fA-F]{1,6});)/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

const safeUrl = (url) => /^https?:\/\/[^\s"'<>]+$/i.test(url);

/** One tag of the input: kept when allowed, else escaped. */
function tag(raw) {
  const m = /^<(\/?)([a-zA-Z][a-zA-Z0-9]*)\b([^<>]*?)(\/?)>$/.exec(raw);
  if (!m) return escapeHtml(raw);
  const [, close, nameRaw, attrs] = m;
  const name = nameRaw.toLowerCase();
  if (ALLOWED.has(name)) return name === 'br' ? '<br>' : `<${close}${name}>`;
  if (name === 'img' && !close) {
    const src = /\bsrc\s*=\s*"([^"]*)"/i.exec(attrs)?.[1] ?? '';
    const alt = /\balt\s*=\s*"([^"]*)"/i.exec(attrs)?.[1] ?? '';
    if (/^data:image\/(?:png|gif|jpeg|svg\+xml);base64,[A-Za-z0-9+/=]+$/.test(src) || safeUrl(src))
      return `<img src="${escapeHtml(src)}" alt="${escapeHtml(alt)}">`;
  }
  return escapeHtml(raw);
}

/** Inline Markdown of one line (or table cell) to HTML. */
export function inline(text) {
  // Split into tags and text; only the text parts get Markdown and escaping.
  return String(text)
    .split(/(<\/?[a-zA-Z][^<>]*>)/)
    .map((part, i) => (i % 2 === 1 ? tag(part) : inlineText(part)))
    .join('');
}

function inlineText(text) {
  const codes = [];
  let s = text.replace(/`([^`]+)`/g, (_, c) => {
    codes.push(`<code>${escapeHtml(c)}</code>`);
    return `\uE000${codes.length - 1}\uE001`;
  });
  s = escapeHtml(s)
    .replace(/\\\|/g, '|')
    .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
    .replace(/(^|[\s(])\*([^*\s][^*]*)\*(?=[\s).,:;!?]|$)/g, '$1<em>$2</em>')
    .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, (all, label, url) => {
      const href = url.replace(/&amp;/g, '&');
      return safeUrl(href) ? `<a href="${escapeHtml(href)}">${label}</a>` : `${label} (${url})`;
    });
  return s.replace(/\uE000(\d+)\uE001/g, (_, n) => codes[Number(n)]);
}

function splitRow(line) {
  const body = line.trim().replace(/^\|/, '').replace(/\|$/, '');
  const cells = [];
  let cur = '';
  for (let i = 0; i < body.length; i++) {
    if (body[i] === '\\' && body[i + 1] === '|') {
      cur += '\\|';
      i++;
    } else if (body[i] === '|') {
      cells.push(cur.trim());
      cur = '';
    } else cur += body[i];
  }
  cells.push(cur.trim());
  return cells;
}

/** Markdown (a job summary) to an HTML fragment. */
export function markdownToHtml(markdown) {
  const lines = String(markdown).replace(/\r\n?/g, '\n').split('\n');
  const out = [];
  let para = [];
  const flush = () => {
    if (para.length) out.push(`<p>${para.map(inline).join('<br>\n')}</p>`);
    para = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const fence = /^\s*(```|~~~)\s*([\w-]*)\s*$/.exec(line);
    if (fence) {
      flush();
      const body = [];
      for (i++; i < lines.length && !lines[i].trim().startsWith(fence[1]); i++) body.push(lines[i]);
      const lang = fence[2] ? ` class="language-${escapeHtml(fence[2])}"` : '';
      // Code is shown as written: every & is escaped too.
      out.push(`<pre><code${lang}>${escapeHtml(body.join('\n').replace(/&/g, '&amp;'))}</code></pre>`);
      continue;
    }
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    if (heading) {
      flush();
      out.push(`<h${heading[1].length}>${inline(heading[2])}</h${heading[1].length}>`);
      continue;
    }
    if (/^\s*\|.*\|\s*$/.test(line) && /^\s*\|?\s*:?-{3,}/.test(lines[i + 1] ?? '')) {
      flush();
      const head = splitRow(line);
      i++;
      const rows = [];
      while (i + 1 < lines.length && /^\s*\|.*\|\s*$/.test(lines[i + 1])) rows.push(splitRow(lines[++i]));
      out.push(
        `<table>\n<thead><tr>${head.map((c) => `<th>${inline(c)}</th>`).join('')}</tr></thead>\n<tbody>\n${rows
          .map((r) => `<tr>${r.map((c) => `<td>${inline(c)}</td>`).join('')}</tr>`)
          .join('\n')}\n</tbody>\n</table>`,
      );
      continue;
    }
    const item = /^\s*([-*]|\d+\.)\s+(.*)$/.exec(line);
    if (item) {
      flush();
      const ordered = /\d/.test(item[1]);
      const items = [item[2]];
      while (i + 1 < lines.length && /^\s*([-*]|\d+\.)\s+/.test(lines[i + 1]))
        items.push(lines[++i].replace(/^\s*([-*]|\d+\.)\s+/, ''));
      const t = ordered ? 'ol' : 'ul';
      out.push(`<${t}>${items.map((x) => `<li>${inline(x)}</li>`).join('')}</${t}>`);
      continue;
    }
    if (/^\s*(---+|\*\*\*+)\s*$/.test(line)) {
      flush();
      out.push('<hr>');
      continue;
    }
    if (!line.trim()) flush();
    else para.push(line);
  }
  flush();
  return out.join('\n');
}

const STYLE = `body{font:14px/1.5 -apple-system,Segoe UI,Helvetica,Arial,sans-serif;max-width:980px;margin:2em auto;padding:0 1em;color:#1f2328}
table{border-collapse:collapse;margin:1em 0}th,td{border:1px solid #d0d7de;padding:4px 10px;text-align:left;vertical-align:top}
th{background:#f6f8fa}code{background:#f6f8fa;padding:1px 4px;border-radius:4px}pre{background:#f6f8fa;padding:1em;overflow:auto}
img{max-width:100%}nav{margin-bottom:1em;color:#59636e}`;

/** A standalone page: the title escaped, the summary rendered, a link back to the index. */
export function htmlPage(title, markdown, { back } = {}) {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data: https:; style-src 'unsafe-inline'">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body>${back ? `<nav><a href="${escapeHtml(back)}">← all stages</a></nav>\n` : ''}${markdownToHtml(markdown)}
</body></html>
`;
}
