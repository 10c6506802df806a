/**
 * The owner/name a rehearsal uses as `github.repository`, from the workspace's `origin` remote
 * (pure). GitHub names allow letters, digits, `-`, `_` and `.`, and never `.` or `..` alone: a
 * name from a local clone's path (`git clone . dir` gives the remote `/path/to/repo/.`) is
 * normalised first, so it cannot turn into a URL path segment such as `.` that an HTTP client
 * collapses (`/repos/main/./issues` → `/repos/main/issues`).
 */
import { basename, posix, resolve } from 'node:path';

const NAME = /^[A-Za-z0-9_.-]+$/;

function validName(s: string | undefined): s is string {
  return s !== undefined && NAME.test(s) && s !== '.' && s !== '..';
}

function sanitize(s: string): string {
  const out = s.replace(/[^A-Za-z0-9_.-]+/g, '-').replace(/^[.-]+|[.-]+$/g, '');
  return out || 'workspace';
}

/** The path part of a remote: URL (`https://host/o/r.git`), scp-like (`git@host:o/r.git`) or a local path. */
function remotePath(remote: string, workspace: string): string {
  const url = /^[a-z][a-z0-9+.-]*:\/\/[^/]*(\/.*)?$/i.exec(remote);
  if (url) return posix.normalize(url[1] ?? '/');
  // scp-like `[user@]host:path`; a host of two or more characters, so `C:\\x` stays a path.
  const scp = /^(?:[^/:@]+@)?[A-Za-z0-9.-]{2,}:(.*)$/.exec(remote);
  if (scp) return posix.normalize(`/${scp[1] ?? ''}`);
  return resolve(workspace, remote).replace(/\\/g, '/');
}

export function repositoryFromRemote(remote: string | undefined, workspace: string): string {
  const fallback = `local/${sanitize(basename(resolve(workspace)))}`;
  if (!remote) return fallback;
  const parts = remotePath(remote.trim(), workspace)
    .replace(/\/+$/, '')
    .replace(/\.git$/, '')
    .split('/')
    .filter(Boolean);
  const [owner, name] = parts.slice(-2);
  return parts.length >= 2 && validName(owner) && validName(name) ? `${owner}/${name}` : fallback;
}
