// Where Debian's Chromium is and how it starts on a machine with a closed network (no Google look-ups, no QUIC).
import { existsSync } from 'node:fs';

export const CHROMIUM_PATH = process.env.ARREARS_CHROMIUM ?? '/usr/bin/chromium';

if (!existsSync(CHROMIUM_PATH)) {
  throw new Error(
    `${CHROMIUM_PATH} is missing: install Debian's Chromium (apt-get install -y chromium), as .ci/run does`,
  );
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
