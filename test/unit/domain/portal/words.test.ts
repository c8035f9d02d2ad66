// The portal's words in six languages: the same keys and placeholders in every file, and the page's language chosen
// from ?lang=, the customer, the tenant, then English.
import {
  pageLocale,
  placeholdersOf,
  PORTAL_LOCALE_NAMES,
  PORTAL_LOCALES,
  portalLocaleOf,
  say,
} from '../../../../shared/domain/portal/words';

describe('portal words', () => {
  it('ships en, nb, sv, de, fr and es', () => {
    expect([...PORTAL_LOCALE_NAMES].sort()).toEqual(['de', 'en', 'es', 'fr', 'nb', 'sv']);
  });

  it('has the same keys, with the same placeholders and no empty text, in every language', () => {
    const english = PORTAL_LOCALES.en as Record<string, string>;
    for (const locale of PORTAL_LOCALE_NAMES) {
      const words = PORTAL_LOCALES[locale] as Record<string, string>;
      expect({ locale, keys: Object.keys(words).sort() }).toEqual({ locale, keys: Object.keys(english).sort() });
      for (const [key, text] of Object.entries(words)) {
        expect({ locale, key, empty: text.trim() === '' }).toEqual({ locale, key, empty: false });
        expect({ locale, key, placeholders: placeholdersOf(text) }).toEqual({
          locale,
          key,
          placeholders: placeholdersOf(english[key]!),
        });
      }
    }
  });

  it('keeps the labels the browser tests rely on (English)', () => {
    expect(
      ['card.button', 'promise.button', 'plan.see', 'plan.agree', 'dispute.button', 'prefs.button'].map((key) =>
        say('en', key as never),
      ),
    ).toEqual(['Pay by card', 'Promise to pay', 'See the plan', 'Agree to this plan', 'Dispute', 'Save preferences']);
    expect(
      [
        'card.amount',
        'promise.date',
        'plan.count',
        'dispute.invoice',
        'dispute.reason',
        'dispute.more',
        'prefs.email',
        'prefs.sms',
      ].map((key) => say('en', key as never)),
    ).toEqual(['Amount', 'Date', 'Number of instalments', 'Invoice', 'Reason', 'Tell us more', 'E-mail', 'SMS']);
  });

  it('speaks ?lang= first, then the customer, then the tenant, then English', () => {
    expect(pageLocale('de', 'nb-NO', 'sv')).toBe('de');
    expect(pageLocale(undefined, 'nb-NO', 'sv')).toBe('nb');
    expect(pageLocale('xx', 'ja-JP', 'sv-SE')).toBe('sv');
    expect(pageLocale(undefined, undefined, undefined)).toBe('en');
    expect(portalLocaleOf('nn-NO')).toBe('nb');
    expect(portalLocaleOf('no')).toBe('nb');
    expect(portalLocaleOf('es-MX')).toBe('es');
    expect(portalLocaleOf('pt-BR')).toBeNull();
  });

  it('fills placeholders', () => {
    expect(say('nb', 'case.title', { name: 'Nordlys Energi AS' })).toBe('Dette skylder du Nordlys Energi AS');
  });
});
