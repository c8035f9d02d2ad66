// The key in every message's portal link: which case (or, before a case exists, which invoice) it opens, signed and
// expiring, so the link needs no lookup and says nothing about the person it was sent to.
import { createHmac, timingSafeEqual } from 'node:crypto';

/** A case, or an invoice of a customer before its case exists. Ids only: nothing personal travels in the link. */
export type PortalTarget =
  | { kind: 'case'; tenantId: string; delinquencyId: string }
  | { kind: 'invoice'; tenantId: string; customerId: string; invoiceId: string };

export type PortalTokenCheck =
  | { outcome: 'valid'; target: PortalTarget; expiresAt: Date }
  /** Signed by us but past its date: the page can still say so in the customer's language. */
  | { outcome: 'expired'; target: PortalTarget; expiresAt: Date }
  | { outcome: 'forged' };

/** How long a link works: longer than a ladder's usual reach, short enough that an old mailbox leaks little. */
export const PORTAL_TOKEN_DAYS = 60;
const DAY_MS = 86_400_000;
const VERSION = 1;
/** The shape of a token as it appears in a path: payload, a dot, and the 32-byte MAC. */
export const PORTAL_TOKEN_PATTERN = /^[A-Za-z0-9_-]{8,600}\.[A-Za-z0-9_-]{43}$/;

const mac = (payload: string, key: string): Buffer => createHmac('sha256', key).update(payload).digest();

export const signPortalToken = (target: PortalTarget, key: string, now: Date, days = PORTAL_TOKEN_DAYS): string => {
  const expires = Math.floor((now.getTime() + days * DAY_MS) / 1000);
  const body =
    target.kind === 'case'
      ? [VERSION, 'c', target.tenantId, target.delinquencyId, expires]
      : [VERSION, 'i', target.tenantId, target.customerId, target.invoiceId, expires];
  const payload = Buffer.from(JSON.stringify(body)).toString('base64url');
  return `${payload}.${mac(payload, key).toString('base64url')}`;
};

const isText = (value: unknown): value is string => typeof value === 'string' && value.length > 0;

const decode = (payload: string): { target: PortalTarget; expires: number } | null => {
  let body: unknown;
  try {
    body = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (!Array.isArray(body) || body[0] !== VERSION) return null;
  const expires = body.at(-1);
  if (typeof expires !== 'number' || !Number.isInteger(expires)) return null;
  if (body[1] === 'c' && body.length === 5 && isText(body[2]) && isText(body[3]))
    return { target: { kind: 'case', tenantId: body[2], delinquencyId: body[3] }, expires };
  if (body[1] === 'i' && body.length === 6 && isText(body[2]) && isText(body[3]) && isText(body[4]))
    return { target: { kind: 'invoice', tenantId: body[2], customerId: body[3], invoiceId: body[4] }, expires };
  return null;
};

/** The MAC is compared in constant time before anything in the payload is believed. */
export const verifyPortalToken = (token: string, key: string, now: Date): PortalTokenCheck => {
  if (!PORTAL_TOKEN_PATTERN.test(token)) return { outcome: 'forged' };
  const [payload, signature] = token.split('.') as [string, string];
  const given = Buffer.from(signature, 'base64url');
  const expected = mac(payload, key);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { outcome: 'forged' };
  const decoded = decode(payload);
  if (!decoded) return { outcome: 'forged' };
  const expiresAt = new Date(decoded.expires * 1000);
  return now.getTime() >= expiresAt.getTime()
    ? { outcome: 'expired', target: decoded.target, expiresAt }
    : { outcome: 'valid', target: decoded.target, expiresAt };
};
