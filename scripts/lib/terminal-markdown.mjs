// Renders the GitHub-flavoured markdown of job summaries readably in a terminal: aligned tables,
// headings underlined, emphasis and HTML stripped, details/mermaid blocks reduced to a line.

const stripInline = (s) =>
  s
    .replace(/<br\s*\/?>/g, ' ')
    .replace(/<[^>]+>/g, '')
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/\[([^\]]+)\]\(([^)]+)\)/g, '$1 <$2>')
    .replace(/\\\|/g, '|')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

function splitRow(line) {
  const cells = [];
  let cur = '';
  const body = line.trim().replace(/^\|/, '').replace(/\|$/, '');
  for (let i = 0; i < body.length; i++) {
    if (body[i] === '\\' && body[i + 1] === '|') {
      cur += '\\|';
      i++;
    } else if (body[i] === '|') {
      cells.push(cur);
      cur = '';
    } else cur += body[i];
  }
  cells.push(cur);
  return cells.map((c) => stripInline(c.trim()));
}

function renderTable(lines, indent) {
  const rows = lines.filter((l, i) => !(i === 1 && /^\s*\|?\s*:?-{3,}/.test(l))).map(splitRow);
  const widths = [];
  for (const r of rows) r.forEach((c, i) => (widths[i] = Math.min(60, Math.max(widths[i] ?? 0, c.length))));
  const fmt = (r) =>
    indent +
    r
      .map((c, i) => (c.length > 60 ? `${c.slice(0, 59)}…` : c).padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  const out = rows.map(fmt);
  if (rows.length > 1 && rows[0].some((c) => c !== ''))
    out.splice(1, 0, indent + widths.map((w) => '─'.repeat(w)).join('  '));
  return out.filter((l) => l.trim() !== '');
}

export function markdownToTerminal(md, indent = '  ') {
  const out = [];
  const lines = md.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (/^```mermaid/.test(line)) {
      while (i < lines.length && !/^```\s*$/.test(lines[++i] ?? '```'));
      out.push(`${indent}(chart: see the markdown report)`);
      continue;
    }
    if (/^```/.test(line)) {
      for (i++; i < lines.length && !/^```/.test(lines[i]); i++) out.push(`${indent}  ${lines[i]}`);
      continue;
    }
    if (/^\s*\|/.test(line)) {
      const block = [];
      while (i < lines.length && /^\s*\|/.test(lines[i])) block.push(lines[i++]);
      i--;
      out.push(...renderTable(block, indent));
      continue;
    }
    const h = /^(#{1,6})\s+(.*)$/.exec(line);
    if (h) {
      const text = stripInline(h[2]);
      out.push('', indent + text, indent + (h[1].length <= 2 ? '═' : '─').repeat(Math.min(70, text.length)));
      continue;
    }
    if (/^\s*<\/?(details|summary)/.test(line) || /^<!--/.test(line)) {
      const s = stripInline(line).trim();
      if (s) out.push(indent + s);
      continue;
    }
    const text = stripInline(line);
    if (text.trim() === '' && out.at(-1)?.trim() === '') continue;
    out.push(indent + text);
  }
  return out.join('\n').replace(/^\n+/, '');
}
