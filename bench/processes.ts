// What the benchmarks read about the processes they measure, from /proc (Linux): resident memory, CPU time, and the
// DynamoDB Local process behind an endpoint. Elsewhere every reading is 0 or null, and the figures say so.
import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of /proc's CPU times: 100 on every Linux the benchmarks run on. */
const TICKS_PER_SECOND = 100;

/** Resident memory of a process in MB; 0 where there is none. */
export const rssMb = (pid: number): number => {
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8')
      .split('\n')
      .find((entry) => entry.startsWith('VmRSS:'));
    return line ? Number(line.replace(/\D+/g, '')) / 1024 : 0;
  } catch {
    return 0;
  }
};

/** CPU time a process has used so far (user and system, all its threads) in ms; null where /proc has none. */
export const cpuMs = (pid: number): number | null => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which may itself hold spaces: utime and stime are the 12th and 13th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return null;
  }
};

/** The DynamoDB Local process listening on this port (its command line names the port). */
export const javaPidFor = (port: string): number | null => {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return null;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const args = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      if (args.some((arg) => arg.includes('DynamoDBLocal')) && args.includes(port)) return Number(entry);
    } catch {
      // The process ended while we looked.
    }
  }
  return null;
};
