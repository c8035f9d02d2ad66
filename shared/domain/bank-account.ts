// Checks the bank details a debtor is told to pay to: a mistyped IBAN or routing number sends their money astray.
import { isCountryCode } from './regions';

/**
 * IBAN lengths by country (the ISO 13616 registry, SWIFT): a known country's IBAN must be exactly this long. A country
 * missing here is still accepted when it is an assigned country code and its IBAN is 15-34 characters: the checksum
 * still catches a typo, and refusing a real account would be worse than not knowing its exact length.
 */
const IBAN_REGISTRY = [
  'AD24 AE23 AL28 AT20 AZ28 BA20 BE16 BG22 BH22 BR29 BY28 CH21 CR22 CY28 CZ24 DE22 DK18 DO28 EE20 EG29',
  'ES24 FI18 FO18 FR27 GB22 GE22 GI23 GL18 GR27 GT28 HR21 HU28 IE22 IL23 IQ23 IS26 IT27 JO30 KW30 KZ20',
  'LB28 LC32 LI21 LT20 LU20 LV21 LY25 MC27 MD24 ME22 MK19 MR27 MT31 MU30 NL18 NO15 PK24 PL28 PS29 PT25',
  'QA29 RO24 RS22 RU33 SA24 SC31 SD18 SE24 SI19 SK24 SM27 ST25 SV28 TL23 TN24 TR26 UA29 VA22 VG24 XK20',
].join(' ');

export const IBAN_LENGTHS: Readonly<Record<string, number>> = Object.fromEntries(
  IBAN_REGISTRY.split(' ').map((entry) => [entry.slice(0, 2), Number(entry.slice(2))]),
);

/** People write IBANs in groups of four and sometimes in lower case; one spelling is stored. */
export const normaliseIban = (input: string): string => input.replace(/\s+/g, '').toUpperCase();

/** ISO 7064 mod 97-10 over the IBAN with its first four characters moved to the end, letters as 10-35. */
const ibanRemainder = (iban: string): number => {
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const character of rearranged) {
    const value = Number.parseInt(character, 36);
    // Two-digit values shift the running remainder by 100, one-digit values by 10.
    remainder = (remainder * (value > 9 ? 100 : 10) + value) % 97;
  }
  return remainder;
};

/** What is wrong with an IBAN (already normalised), in words a person can act on; null when it is valid. */
export const ibanProblem = (iban: string): string | null => {
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(iban))
    return 'must be an IBAN: a country code, two check digits and the account, such as NO93 8601 1117 947';
  const country = iban.slice(0, 2);
  const length = IBAN_LENGTHS[country];
  if (length === undefined && !isCountryCode(country)) return `must start with a country code; ${country} is none`;
  if (length !== undefined && iban.length !== length)
    return `must be ${length} characters for ${country} (spaces aside), not ${iban.length}`;
  if (length === undefined && (iban.length < 15 || iban.length > 34)) return 'must be 15-34 characters (spaces aside)';
  if (ibanRemainder(iban) !== 1) return 'has wrong check digits: a character is mistyped';
  return null;
};

export const isValidIban = (input: string): boolean => ibanProblem(normaliseIban(input)) === null;

/** An IBAN as people read it: groups of four ("NO93 8601 1117 947"). */
export const groupIban = (iban: string): string => normaliseIban(iban).replace(/(.{4})(?=.)/g, '$1 ');

export const normaliseBic = (input: string): string => input.replace(/\s+/g, '').toUpperCase();

/** A BIC (ISO 9362): bank, country, location and an optional branch; 8 or 11 characters. */
export const bicProblem = (bic: string): string | null => {
  if (!/^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$/.test(bic))
    return 'must be a BIC of 8 or 11 characters, such as DNBANOKK or DEUTDEFF500';
  if (!isCountryCode(bic.slice(4, 6))) return `must name a country in characters 5-6; ${bic.slice(4, 6)} is none`;
  return null;
};

/** Sort codes and routing numbers are written with dashes and spaces; only the digits are stored. */
export const digitsOnly = (input: string): string => input.replace(/[\s-]/g, '');

/** A UK sort code: six digits (stored without the dashes). */
export const sortCodeProblem = (sortCode: string): string | null =>
  /^\d{6}$/.test(sortCode) ? null : 'must be a UK sort code: six digits, such as 12-34-56';

/** A US ABA routing number: nine digits whose weighted sum (3, 7, 1 repeating) is a multiple of ten. */
export const routingNumberProblem = (routingNumber: string): string | null => {
  if (!/^\d{9}$/.test(routingNumber)) return 'must be a US ABA routing number: nine digits';
  const weights = [3, 7, 1, 3, 7, 1, 3, 7, 1];
  const sum = [...routingNumber].reduce((total, digit, index) => total + Number(digit) * weights[index]!, 0);
  return sum % 10 === 0 ? null : 'has a wrong check digit: a digit is mistyped';
};

/** A domestic account number: 4-17 digits (UK accounts have 8, US ones up to 17). */
export const accountNumberProblem = (accountNumber: string, withSortCode: boolean): string | null => {
  if (withSortCode) return /^\d{8}$/.test(accountNumber) ? null : 'must be eight digits with a UK sort code';
  return /^\d{4,17}$/.test(accountNumber) ? null : 'must be 4-17 digits';
};

/** A sort code written 12-34-56, as UK payers expect to see it. */
export const formatSortCode = (sortCode: string): string => sortCode.replace(/^(\d{2})(\d{2})(\d{2})$/, '$1-$2-$3');
