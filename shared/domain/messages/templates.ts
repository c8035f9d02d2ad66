// The words of every message per locale, kept as data in shared/locales/messages/<locale>.json so a translator can add one.
import de from '../../locales/messages/de.json';
import en from '../../locales/messages/en.json';
import es from '../../locales/messages/es.json';
import fr from '../../locales/messages/fr.json';
import nb from '../../locales/messages/nb.json';
import sv from '../../locales/messages/sv.json';

export const TEMPLATE_LOCALES = ['en', 'nb', 'sv', 'de', 'fr', 'es'] as const;
export type TemplateLocale = (typeof TEMPLATE_LOCALES)[number];

/** English is the reference: every other file has its keys (the compiler and a unit test check it). */
export type MessageWords = typeof en;

export const MESSAGE_WORDS: Readonly<Record<TemplateLocale, MessageWords>> = { en, nb, sv, de, fr, es };

export interface EmailTemplate {
  subject: string;
  /** Paragraphs separated by blank lines. */
  body: string;
}

/** Every template a strategy step may name: the schema's enum, so a name that is no template is refused on write. */
export const TEMPLATE_NAMES = [...new Set([...Object.keys(en.email), ...Object.keys(en.sms)])].sort() as [
  string,
  ...string[],
];

/** A table's own entry only: a stored name such as "constructor" must never find what Object's prototype holds. */
export const ownEntry = <T>(table: Readonly<Record<string, T>>, name: string): T | undefined =>
  Object.hasOwn(table, name) ? table[name] : undefined;
