/**
 * CPU time of a measured call, beside its wall time: the PostgreSQL backend serving the connection (utime +
 * stime from /proc/<pid>/stat, readable when the server runs on this machine, as the embedded one does) plus
 * this process (the app's JavaScript). On a machine shared with other work the wall time grows with the load;
 * the CPU time is what the call costs and, for one query at a time on cached data, what a quiet machine's wall
 * time comes to. Resolution: the kernel's clock tick (10 ms).
 */
import { readFileSync } from 'node:fs';
import type pg from 'pg';

const TICK_MS = 10; // CLK_TCK is 100 on Linux

/** utime + stime of a process in ms, or null when it cannot be read (gone, or on another machine). */
export function procCpuMs(pid: number): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return null;
  }
}

/** The backend's pid when its CPU time can be read here (a server on this machine), else null. */
export async function backendPid(client: pg.ClientBase): Promise<number | null> {
  const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
  const pid = rows[0]!.pid;
  return procCpuMs(pid) === null ? null : pid;
}

export interface Sample {
  wallMs: number;
  /** backend + this process; null when the backend's time cannot be read */
  cpuMs: number | null;
}

/** `fn` timed: wall time, and CPU time of the backend `pid` (null: not readable) and of this process. */
export async function sample<T>(pid: number | null, fn: () => Promise<T>): Promise<{ value: T; s: Sample }> {
  const b0 = pid === null ? null : procCpuMs(pid);
  const own0 = process.cpuUsage();
  const t0 = performance.now();
  const value = await fn();
  const wallMs = performance.now() - t0;
  const own = process.cpuUsage(own0);
  const b1 = pid === null ? null : procCpuMs(pid);
  const cpuMs = b0 === null || b1 === null ? null : b1 - b0 + (own.user + own.system) / 1000;
  return { value, s: { wallMs, cpuMs } };
}
