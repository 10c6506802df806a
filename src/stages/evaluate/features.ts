import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { createInterface } from 'node:readline';
import { once } from 'node:events';
import { DataError } from '../../metrics/read.js';

/** Drops field `column` from one CSV line (unquoted numeric CSV, as the XGBoost image takes). */
export function dropColumn(line: string, column: number): string | undefined {
  let start = 0;
  for (let i = 0; i < column; i++) {
    const comma = line.indexOf(',', start);
    if (comma === -1) return undefined;
    start = comma + 1;
  }
  const end = line.indexOf(',', start);
  if (end === -1) {
    // The label is the last field.
    return start === 0 ? '' : line.slice(0, start - 1);
  }
  return line.slice(0, start) + line.slice(end + 1);
}

/**
 * Writes the features-only CSV the model expects (the labelled test CSV without its label
 * column), streaming. Blank lines are skipped (as the label reader does). Returns the row count.
 */
export async function writeFeatures(files: string[], labelColumn: number, outFile: string): Promise<number> {
  await mkdir(dirname(outFile), { recursive: true });
  const out = createWriteStream(outFile);
  let rows = 0;
  try {
    for (const file of files) {
      const rl = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
      let lineNo = 0;
      for await (const raw of rl) {
        lineNo++;
        const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
        if (line.trim() === '') continue;
        const features = dropColumn(line, labelColumn);
        if (features === undefined || features === '') {
          throw new DataError(
            `${file}:${lineNo}: has no column ${labelColumn} to remove as the label (label-column is 0-based) or no feature columns left; check 'label-column' and that the file is the labelled test CSV`,
          );
        }
        if (!out.write(`${features}\n`)) await once(out, 'drain');
        rows++;
      }
    }
  } finally {
    out.end();
    await once(out, 'close');
  }
  return rows;
}
