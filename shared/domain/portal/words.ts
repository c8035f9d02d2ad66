// The portal's words, one JSON file per language in shared/locales/portal (a translator adds a file and a line here),
// and which language a page speaks: ?lang=, else the customer's, else the tenant's, else English.
import de from '../../locales/portal/de.json';
import en from '../../locales/portal/en.json';
import es from '../../locales/portal/es.json';
import fr from '../../locales/portal/fr.json';
import nb from '../../locales/portal/nb.json';
import sv from '../../locales/portal/sv.json';

export type PortalWordKey = keyof typeof en;
export const PORTAL_LOCALES = { en, nb, sv, de, fr, es } as const satisfies Record<
  string,
  Record<PortalWordKey, string>
>;
export type PortalLocale = keyof typeof PORTAL_LOCALES;
export const PORTAL_LOCALE_NAMES = Object.keys(PORTAL_LOCALES) as PortalLocale[];

/** One of the six for a BCP 47 tag ("nb-NO" → nb; Norwegian's other tags → nb), or null when none fits. */
export const portalLocaleOf = (tag: string | null | undefined): PortalLocale | null => {
  if (!tag) return null;
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  if (primary === 'no' || primary === 'nn') return 'nb';
  return (PORTAL_LOCALE_NAMES as string[]).includes(primary) ? (primary as PortalLocale) : null;
};

export const pageLocale = (
  requested: string | null | undefined,
  customerLocale: string | null | undefined,
  tenantLocale: string | null | undefined,
): PortalLocale => portalLocaleOf(requested) ?? portalLocaleOf(customerLocale) ?? portalLocaleOf(tenantLocale) ?? 'en';

/** The placeholders a text names, e.g. ["amount", "date"] (the parity test holds every language to the same ones). */
export const placeholdersOf = (text: string): string[] =>
  [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!).sort();

/** A text of the language with its placeholders filled; not escaped (the renderer escapes what it prints). */
export const say = (locale: PortalLocale, key: PortalWordKey, values: Record<string, string> = {}): string =>
  PORTAL_LOCALES[locale][key].replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
