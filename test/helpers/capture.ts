import { jest } from '@jest/globals';

/** Captures what the action prints (core.info and friends write to process.stdout). */
export function captureStdout(): { text(): string; lines(): string[] } {
  const chunks: string[] = [];
  jest.spyOn(process.stdout, 'write').mockImplementation(((chunk: unknown) => {
    chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8'));
    return true;
  }) as typeof process.stdout.write);
  const text = (): string => chunks.join('');
  return {
    text,
    lines: () =>
      text()
        .split(/\r?\n/)
        .filter((l) => l !== ''),
  };
}
