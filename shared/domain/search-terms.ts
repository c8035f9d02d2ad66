// What a collector may type into search, reduced to the forms the search index stores: name words without case or
// accents, an e-mail address in lower case, a phone number as its digits, an RF reference without spaces.
import { PARTNER_ID_PATTERN } from './ids';
import { isCreditorReference } from './transfer-reference';

/** Letters that Unicode does not decompose into a base letter and a mark, spelled as people type them without accents. */
const FOLDED: Readonly<Record<string, string>> = {
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ß: 'ss',
  đ: 'd',
  ð: 'd',
  ł: 'l',
  þ: 'th',
  ı: 'i',
};

/** Lower case, accents and marks removed: "Ærlige Ødegård" and "aerlige odegard" are the same text. */
export const foldText = (text: string): string =>
  text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[øæœßđðłþı]/g, (letter) => FOLDED[letter] ?? letter);

/** A name's words are indexed up to this many: enough for any real name, and the customer's write stays small. */
export const MAX_NAME_WORDS = 8;
/** A word longer than this is indexed by its start only; nobody types more of one word to find a customer. */
const MAX_WORD_LENGTH = 40;

/** The distinct words of a name (or of a typed query), folded, in the order they stand. */
export const nameWords = (text: string): string[] => {
  const words = foldText(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '')
    .map((word) => word.slice(0, MAX_WORD_LENGTH));
  return [...new Set(words)];
};

/** The words a customer is found by: the first MAX_NAME_WORDS of the name. */
export const indexedNameWords = (name: string): string[] => nameWords(name).slice(0, MAX_NAME_WORDS);

/** Whether a customer's name words match every word typed: each typed word starts one of the name's words. */
export const nameMatches = (typed: readonly string[], words: readonly string[]): boolean =>
  typed.every((part) => words.some((word) => word.startsWith(part)));

export const normaliseEmail = (email: string): string => email.trim().toLowerCase();

/**
 * A phone number as its international digits: "+47 912 34 567", "0047 91234567" and "+4791234567" are all
 * "4791234567". Null when the text is not a phone number (letters in it, or too few digits to be one).
 */
export const phoneDigits = (text: string): string | null => {
  const trimmed = text.trim();
  if (!/^\+?[0-9\s().\-/]+$/.test(trimmed)) return null;
  const digits = trimmed.replace(/[^0-9]/g, '');
  const international = trimmed.startsWith('+') ? digits : digits.replace(/^00/, '');
  return international.length >= 6 && international.length <= 15 ? international : null;
};

/** An RF reference as banks store it (no spaces, upper case), or null when the text is not a valid one. */
export const normaliseReference = (text: string): string | null => {
  const clean = text.replace(/\s+/g, '').toUpperCase();
  return isCreditorReference(clean) ? clean : null;
};

/** An invoice id as partners give them (the PartnerId shape), or null: a typed name with spaces is never an id. */
export const invoiceIdOf = (text: string): string | null => {
  const trimmed = text.trim();
  return PARTNER_ID_PATTERN.test(trimmed) ? trimmed : null;
};

/** Which lookups a typed query calls for; each is exact except the name words, which are prefixes. */
export interface SearchPlan {
  nameWords: string[];
  email: string | null;
  phone: string | null;
  reference: string | null;
  invoiceId: string | null;
}

export const planSearch = (query: string): SearchPlan => {
  const email = query.includes('@') ? normaliseEmail(query) : null;
  const reference = normaliseReference(query);
  return {
    // An e-mail address or a reference is not a name: its pieces would find unrelated people.
    nameWords: email || reference ? [] : nameWords(query).slice(0, MAX_NAME_WORDS),
    email,
    phone: email ? null : phoneDigits(query),
    reference,
    invoiceId: email ? null : invoiceIdOf(query),
  };
};
