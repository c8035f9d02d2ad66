// Issue 16: what a collector types is reduced to the forms the search index stores, so "odegard" finds "Ødegård".
import {
  foldText,
  indexedNameWords,
  MAX_NAME_WORDS,
  nameMatches,
  normaliseReference,
  phoneDigits,
  planSearch,
} from '../../../shared/domain/search-terms';
import { creditorReference, formatReference } from '../../../shared/domain/transfer-reference';

describe('search terms', () => {
  it('folds case and accents, also of letters Unicode does not decompose', () => {
    expect(foldText('Ærlige Ødegård Straße Łukasz Müller')).toBe('aerlige odegard strasse lukasz muller');
  });

  it('splits a name into distinct words, and indexes at most the first few', () => {
    expect(indexedNameWords('Kari Ødegård-Nilsen')).toEqual(['kari', 'odegard', 'nilsen']);
    expect(indexedNameWords('Anna anna ANNA')).toEqual(['anna']);
    expect(indexedNameWords('a b c d e f g h i j')).toHaveLength(MAX_NAME_WORDS);
  });

  it('matches when every typed word starts a word of the name', () => {
    const words = indexedNameWords('Kari Ødegård-Nilsen');
    expect(nameMatches(['nil', 'ka'], words)).toBe(true);
    expect(nameMatches(['kari', 'berg'], words)).toBe(false);
  });

  it('reads phone numbers as typed into their international digits', () => {
    expect(phoneDigits('+47 912 34 567')).toBe('4791234567');
    expect(phoneDigits('0047 (912) 34-567')).toBe('4791234567');
    expect(phoneDigits('+4791234567')).toBe('4791234567');
    expect(phoneDigits('Kari')).toBeNull();
    expect(phoneDigits('123')).toBeNull();
  });

  it('accepts RF references with spaces in any case, and only with correct check digits', () => {
    const reference = creditorReference('539007547034');
    expect(normaliseReference(formatReference(reference).toLowerCase())).toBe(reference);
    expect(normaliseReference(`${reference.slice(0, -1)}9`)).toBeNull();
  });

  it('plans exact lookups for what a query can be, and a name lookup only for words', () => {
    expect(planSearch('Kari.Nilsen@Example.no')).toEqual({
      nameWords: [],
      email: 'kari.nilsen@example.no',
      phone: null,
      reference: null,
      invoiceId: null,
    });
    expect(planSearch('+47 912 34 567')).toMatchObject({ phone: '4791234567', invoiceId: null });
    expect(planSearch('INV-1001')).toMatchObject({ invoiceId: 'INV-1001', nameWords: ['inv', '1001'] });
    expect(planSearch('kari nil')).toMatchObject({ nameWords: ['kari', 'nil'], invoiceId: null, phone: null });
  });
});
