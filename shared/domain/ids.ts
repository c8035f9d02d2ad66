// Identifiers: the shape partners may use for their own ids, and the sortable ids Arrears mints for what it creates.
import { createHash, randomBytes } from 'node:crypto';

/**
 * Partner-chosen ids (customers, invoices, strategies): letters, digits and . _ : - only, so they can never
 * break out of a storage key (which uses '#') or a URL path segment.
 */
export const PARTNER_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

const encodeBase32 = (value: bigint, length: number): string => {
  let out = '';
  for (let i = 0; i < length; i += 1) {
    out = CROCKFORD[Number(value % 32n)] + out;
    value /= 32n;
  }
  return out;
};

let lastMs = -1;
let lastRandom = 0n;

/**
 * A ULID-style id: 48 bits of milliseconds then 80 random bits, so ids sort by creation time. Ids made in the same
 * millisecond by one process count up from the first, so they also sort in the order they were made.
 */
export const newId = (prefix: string, now: Date): string => {
  const ms = now.getTime();
  if (ms === lastMs) {
    lastRandom += 1n;
  } else {
    lastMs = ms;
    // The top bit stays clear so counting up never overflows the 80 bits.
    lastRandom = BigInt(`0x${randomBytes(10).toString('hex')}`) >> 1n;
  }
  return `${prefix}_${encodeBase32(BigInt(ms), 10)}${encodeBase32(lastRandom, 16)}`;
};

/** An id derived from stable inputs: the same inputs always give the same id (used to make retries land on one item). */
export const stableId = (prefix: string, ...parts: string[]): string =>
  `${prefix}_${createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 26)}`;

export const sha256Hex = (value: string): string => createHash('sha256').update(value).digest('hex');
