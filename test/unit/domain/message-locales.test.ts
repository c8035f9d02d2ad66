// The message words are data, one file per locale: every locale has every English key, with the same placeholders.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { TEMPLATE_LOCALES } from '../../../shared/domain/messages/templates';

const DIRECTORY = path.join(__dirname, '../../../shared/locales/messages');
const load = (locale: string): unknown => JSON.parse(readFileSync(path.join(DIRECTORY, `${locale}.json`), 'utf8'));

/** Every text of a file by its dotted key. */
const texts = (value: unknown, prefix = ''): Map<string, string> => {
  const found = new Map<string, string>();
  if (typeof value === 'string') found.set(prefix, value);
  else if (value && typeof value === 'object')
    for (const [key, inner] of Object.entries(value))
      for (const [innerKey, text] of texts(inner, prefix ? `${prefix}.${key}` : key)) found.set(innerKey, text);
  return found;
};
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

const english = texts(load('en'));

describe('message locale files', () => {
  it('are exactly the six languages the messages are written in', () => {
    expect(readdirSync(DIRECTORY).sort()).toEqual(TEMPLATE_LOCALES.map((locale) => `${locale}.json`).sort());
  });

  it.each(TEMPLATE_LOCALES.filter((locale) => locale !== 'en'))(
    '%s has every English key and no other, each with the same placeholders and no empty text',
    (locale) => {
      const translated = texts(load(locale));
      expect([...translated.keys()].sort()).toEqual([...english.keys()].sort());
      for (const [key, text] of translated) {
        expect({ key, placeholders: placeholders(text) }).toEqual({
          key,
          placeholders: placeholders(english.get(key)!),
        });
        expect({ key, empty: text.trim() === '' }).toEqual({ key, empty: false });
      }
    },
  );

  it('keeps each email paragraph break in every language, so the paragraphs line up with the HTML', () => {
    for (const locale of TEMPLATE_LOCALES) {
      const translated = texts(load(locale));
      for (const [key, text] of english)
        if (key.endsWith('.body'))
          expect({ locale, key, paragraphs: translated.get(key)!.split('\n\n').length }).toEqual({
            locale,
            key,
            paragraphs: text.split('\n\n').length,
          });
    }
  });
});
