// GDPR erasure rules: what replaces personal data, how an erased opt-out stays honoured, how long financial records stay.
import { createHmac } from 'node:crypto';
import { sha256Hex } from './ids';

/** What stands where a name or a free text about the person was. */
export const ERASED = '(erased)';

/**
 * Bookkeeping laws keep invoices and payments for years (Norway 5, Germany 10): the longest common one is used, and
 * the date is recorded with the decision so an operator can delete the financial records then.
 */
export const FINANCIAL_RETENTION_YEARS = 10;

const ERASED_ADDRESS_PREFIX = 'erased:hmac-sha256:';
/** Written by erasures before keyed hashes: still honoured, never written again (a plain hash of a phone number is reversible). */
const UNKEYED_ADDRESS_PREFIX = 'erased:sha256:';

const normalised = (address: string) => address.trim().toLowerCase();

/**
 * An opt-out's address after erasure: an HMAC under the tenant's erasure key, read from its provider secret and never
 * stored in the table, so the hash cannot be brute-forced from the table alone (a million phone numbers take seconds)
 * while the same address given again still matches.
 */
export const erasedAddress = (address: string, key: string): string =>
  `${ERASED_ADDRESS_PREFIX}${createHmac('sha256', key).update(normalised(address)).digest('hex')}`;

export const isErasedAddress = (address: string): boolean =>
  address.startsWith(ERASED_ADDRESS_PREFIX) || address.startsWith(UNKEYED_ADDRESS_PREFIX);

/**
 * An opt-out address (clear or erased) stands for this address. An erased one needs the tenant's erasure key to be
 * compared; without it (a function that does not read the key) it stands for every address of its channel: an erased
 * customer has no address left, so refusing is never wrong, and sending to an opted-out address would be.
 */
export const sameAddress = (stored: string, address: string, erasureKey?: string | null): boolean => {
  if (stored.startsWith(UNKEYED_ADDRESS_PREFIX))
    return stored === `${UNKEYED_ADDRESS_PREFIX}${sha256Hex(normalised(address))}`;
  if (stored.startsWith(ERASED_ADDRESS_PREFIX))
    return erasureKey ? stored === erasedAddress(address, erasureKey) : true;
  return stored.toLowerCase() === address.toLowerCase();
};

export const retainUntil = (erasedAt: Date): string => {
  const until = new Date(erasedAt);
  until.setUTCFullYear(until.getUTCFullYear() + FINANCIAL_RETENTION_YEARS);
  return until.toISOString().slice(0, 10);
};

const escapeRegExp = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** What may not touch an identifier for it to stand as a word: a letter, a digit, "_" or "-" (so "Tom" is not in "inv-tom"). */
const WORD = '[\\p{L}\\p{N}_-]';

/**
 * Replaces the person's identifiers where they stand as whole words in the strings of a free-text value (a timeline
 * detail, a description), case-insensitively; numbers and booleans stay, and a name inside another word ("Tom" in
 * "Tomatoes" or "inv-tom") is not touched. Identifiers shorter than 3 characters are left alone: they would erase
 * ordinary words. Only the attributes listed as personal per item type are ever given to it.
 */
export const redact = <T>(value: T, identifiers: readonly string[]): T => {
  const usable = [
    ...new Set(identifiers.map((identifier) => identifier.trim()).filter((identifier) => identifier.length >= 3)),
  ];
  if (usable.length === 0) return value;
  const alternatives = usable
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join('|');
  const pattern = new RegExp(`(?<!${WORD})(?:${alternatives})(?!${WORD})`, 'giu');
  const walk = (node: unknown): unknown => {
    if (typeof node === 'string') return node.replace(pattern, ERASED);
    if (Array.isArray(node)) return node.map(walk);
    if (node !== null && typeof node === 'object')
      return Object.fromEntries(Object.entries(node).map(([key, inner]) => [key, walk(inner)]));
    return node;
  };
  return walk(value) as T;
};
