// Finds the child processes of a process through Linux's /proc, so tests can prove the mock starts
// none without the package exposing anything for it.
import { readdirSync, readFileSync } from 'node:fs';

/** A running process: its id and command line. */
export interface ProcessInfo {
  pid: number;
  command: string;
}

function read(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined; // the process ended while we looked
  }
}

/** The processes whose parent is `parentPid`. */
export function childProcesses(parentPid: number): ProcessInfo[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .flatMap((name) => {
      const stat = read(`/proc/${name}/stat`);
      // "pid (command) state ppid ...": the command may hold spaces and parentheses.
      const ppid = Number(stat?.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid !== parentPid) return [];
      const command = read(`/proc/${name}/cmdline`)?.replaceAll('\0', ' ').trim() ?? '';
      return [{ pid: Number(name), command }];
    });
}
