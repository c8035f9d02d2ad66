// The structured creditor reference (ISO 11649, "RF") a bank transfer quotes, derived from the case id alone, so cash
// application can match a transfer to its case by computing the same reference again.
import { createHash } from 'node:crypto';

/** Digits keep the reference easy to type from a phone into a banking app; 18 of them leave collisions negligible. */
const BODY_DIGITS = 18;

/** ISO 7064 mod 97-10 over letters turned into numbers (A=10 ... Z=35), done piecewise so no big integers are needed. */
const mod97 = (text: string): number => {
  let rest = 0;
  for (const char of text) {
    const value = /[0-9]/.test(char) ? char : String(char.charCodeAt(0) - 55);
    for (const digit of value) rest = (rest * 10 + Number(digit)) % 97;
  }
  return rest;
};

/** "RF" + two check digits + the body, unspaced: "RF18539007547034". */
export const creditorReference = (body: string): string => {
  const clean = body.toUpperCase();
  if (!/^[A-Z0-9]{1,21}$/.test(clean)) throw new Error('an RF reference body is 1 to 21 letters or digits');
  const check = 98 - mod97(`${clean}RF00`);
  return `RF${String(check).padStart(2, '0')}${clean}`;
};

/** Whether a reference (spaces allowed) is a well-formed RF reference with correct check digits. */
export const isCreditorReference = (reference: string): boolean => {
  const clean = reference.replace(/\s+/g, '').toUpperCase();
  return /^RF[0-9]{2}[A-Z0-9]{1,21}$/.test(clean) && mod97(`${clean.slice(4)}${clean.slice(0, 4)}`) === 1;
};

/** The case's reference: the same id always gives the same reference. */
export const transferReference = (delinquencyId: string): string => {
  const hash = createHash('sha256').update(delinquencyId).digest();
  const digits = (hash.readBigUInt64BE(0) * 1000n + BigInt(hash.readUInt16BE(8) % 1000)).toString().padStart(20, '0');
  return creditorReference(digits.slice(-BODY_DIGITS));
};

/** Groups of four, as banks print it: "RF18 5390 0754 7034". */
export const formatReference = (reference: string): string => reference.replace(/(.{4})(?=.)/g, '$1 ');
