// A value that takes seconds to build (a synthesized template, say), kept as JSON in a file named after what it is
// built from, so every process of a test run or a restart reads it instead of building it again.
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

/** The value in `file` when it holds one, else `build()`'s, written there for the next reader. */
export const cachedJson = <T>(file: string, build: () => T): T => {
  if (existsSync(file) && statSync(file).size > 0) {
    try {
      return JSON.parse(readFileSync(file, 'utf8')) as T;
    } catch {
      // A file that does not parse is built again and replaced.
    }
  }
  const value = build();
  mkdirSync(path.dirname(file), { recursive: true });
  // Written aside and renamed: a concurrent reader sees the whole file or none.
  const partial = `${file}.${process.pid}.${Date.now()}`;
  writeFileSync(partial, JSON.stringify(value));
  renameSync(partial, file);
  return value;
};
