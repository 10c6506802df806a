/**
 * The deploy stage's step log: plain lines, and untrusted text (AWS messages, FailureReasons,
 * model output) printed only between `::stop-commands::<random token>` and `::<token>::`, so
 * nothing in it can act as a workflow command.
 */
import { randomBytes } from 'node:crypto';

export interface StageLog {
  info(line: string): void;
  warning(line: string): void;
  /** Prints text that came from outside (AWS, the model) with workflow commands disabled. */
  untrusted(text: string): void;
}

export function stopCommandsBlock(text: string, token = randomBytes(16).toString('hex')): string[] {
  return [`::stop-commands::${token}`, ...text.split(/\r?\n/), `::${token}::`];
}

export function stageLog(
  info: (line: string) => void,
  warning: (line: string) => void,
  token: () => string = () => randomBytes(16).toString('hex'),
): StageLog {
  return {
    info,
    warning,
    untrusted(text) {
      for (const line of stopCommandsBlock(text, token())) info(line);
    },
  };
}
