// Webhook signatures: Stripe's scheme (t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">) and Arrears' generic one,
// both checked on the raw body bytes with a constant-time compare and a timestamp tolerance against the wall clock.
import { createHmac, timingSafeEqual } from 'node:crypto';

/** Stripe's own default: a signature older or newer than five minutes is refused (replay protection). */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

export type SignatureCheck = { valid: true; timestamp: number } | { valid: false; reason: string };

const hmacHex = (secret: string, timestamp: string, rawBody: string) =>
  createHmac('sha256', secret).update(`${timestamp}.${rawBody}`, 'utf8').digest('hex');

const sameHex = (expected: string, candidate: string): boolean => {
  if (!/^[0-9a-f]+$/i.test(candidate) || candidate.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(expected, 'hex'), Buffer.from(candidate, 'hex'));
};

/**
 * Parses "t=...,v1=...,v1=...". Several v1 values appear while a secret is being rolled; any one matching is enough.
 * v0 (Stripe's test-only scheme) is ignored.
 */
const parseHeader = (header: string): { timestamp: string; signatures: string[] } | null => {
  let timestamp: string | undefined;
  const signatures: string[] = [];
  for (const part of header.split(',')) {
    const [key, value] = part.trim().split('=', 2);
    if (key === 't' && value) timestamp = value;
    if (key === 'v1' && value) signatures.push(value);
  }
  return timestamp && /^\d{1,12}$/.test(timestamp) && signatures.length > 0 ? { timestamp, signatures } : null;
};

/**
 * Verifies a "t=..,v1=.." header over the raw body. `wallClockSeconds` is the real time, never the virtual clock:
 * the provider signed with its real clock.
 */
export const verifySignatureHeader = (
  rawBody: string,
  header: string | undefined,
  secret: string,
  wallClockSeconds: number,
  toleranceSeconds = SIGNATURE_TOLERANCE_SECONDS,
): SignatureCheck => {
  if (!header) return { valid: false, reason: 'the signature header is missing' };
  const parsed = parseHeader(header);
  if (!parsed) return { valid: false, reason: 'the signature header is not t=<seconds>,v1=<hex>' };
  const expected = hmacHex(secret, parsed.timestamp, rawBody);
  if (!parsed.signatures.some((candidate) => sameHex(expected, candidate))) {
    return { valid: false, reason: 'no signature matches the body and the signing secret' };
  }
  const timestamp = Number(parsed.timestamp);
  if (Math.abs(wallClockSeconds - timestamp) > toleranceSeconds) {
    return { valid: false, reason: `the signature's timestamp is more than ${toleranceSeconds} s from now` };
  }
  return { valid: true, timestamp };
};

/** Signs a body the way both schemes expect: for the generic scheme's senders and for tests. */
export const signatureHeader = (rawBody: string, secret: string, timestampSeconds: number): string =>
  `t=${timestampSeconds},v1=${hmacHex(secret, String(timestampSeconds), rawBody)}`;
