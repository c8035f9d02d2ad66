// The console's built files for `npm start`: built with Vite when its sources changed since the last build (a content
// hash kept beside the build), then served at /console with the headers CloudFront adds when deployed.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { consoleSecurityHeaders, consoleSecurityPolicy } from '../shared/web/console-security-headers';

const ROOT = path.resolve(__dirname, '..');
export const CONSOLE_SOURCE = path.join(ROOT, 'console');
export const CONSOLE_DIST = path.join(CONSOLE_SOURCE, 'dist');
const STAMP = path.join(CONSOLE_DIST, '.source-hash');

/** Every file the build reads from: the console's sources, its config, and the shared types it imports. */
const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'dist' || entry.name === 'node_modules' ? [] : sourceFiles(full);
    return [full];
  });

const sourceHash = (): string => {
  const hash = createHash('sha256');
  for (const file of sourceFiles(CONSOLE_SOURCE).sort()) {
    hash.update(path.relative(CONSOLE_SOURCE, file));
    hash.update(readFileSync(file));
  }
  return hash.digest('hex');
};

/** Builds the console unless the build on disk is of these very sources; answers whether it built. */
export const ensureConsoleBuilt = (log: (line: string) => void = () => {}): boolean => {
  const wanted = sourceHash();
  if (existsSync(STAMP) && readFileSync(STAMP, 'utf8') === wanted) return false;
  log('building the console (its sources changed)…');
  const vite = path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  const result = spawnSync(process.execPath, [vite, 'build', '--config', path.join(CONSOLE_SOURCE, 'vite.config.ts')], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  if (result.status !== 0) throw new Error(`the console's build failed:\n${result.stdout}\n${result.stderr}`);
  writeFileSync(STAMP, wanted);
  return true;
};

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/**
 * What CloudFront's response headers policy sends with every console file when deployed (infra/lib/console-stack.ts):
 * one definition in shared/web, so the local headers and the deployed ones cannot drift apart.
 */
export const CONSOLE_SECURITY_HEADERS: Readonly<Record<string, string>> =
  consoleSecurityHeaders(consoleSecurityPolicy());

/** Local settings the console reads at start (deployed, the stack writes the same file into the bucket). */
export const localConsoleConfig = (): string =>
  JSON.stringify({ auth: { mode: 'local', signInUrl: '/local/auth/sign-in' } });

export interface StaticAnswer {
  status: number;
  headers: Record<string, string>;
  body: Buffer | string;
}

/** Answers GET /console and /console/*: the app's page for the app's own addresses, its files, or 404. */
export const consoleAnswer = (pathname: string): StaticAnswer | null => {
  if (pathname !== '/console' && !pathname.startsWith('/console/')) return null;
  if (pathname === '/console') return { status: 308, headers: { location: '/console/' }, body: '' };
  const relative = decodeURIComponent(pathname.slice('/console/'.length)) || 'index.html';
  if (relative === 'config.json') {
    return {
      status: 200,
      headers: { 'content-type': 'application/json', 'cache-control': 'no-store', ...CONSOLE_SECURITY_HEADERS },
      body: localConsoleConfig(),
    };
  }
  const file = path.resolve(CONSOLE_DIST, relative);
  if (!file.startsWith(CONSOLE_DIST + path.sep) || !existsSync(file) || !statSync(file).isFile()) {
    return { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: 'Not found' };
  }
  const hashed = relative.startsWith('assets/');
  return {
    status: 200,
    headers: {
      'content-type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
      'cache-control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
      ...CONSOLE_SECURITY_HEADERS,
    },
    body: readFileSync(file),
  };
};
