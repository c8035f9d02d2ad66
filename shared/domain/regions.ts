// The real lists a country or a locale is checked against: ISO 3166-1 alpha-2 as published, and the languages the runtime knows.

/**
 * Every officially assigned ISO 3166-1 alpha-2 code (249). Written out because Intl also names codes that are not
 * countries (EU, UN, XK, QO, ZZ, the exceptional reservations such as AC or IC), which a country field must refuse.
 */
const ISO_3166_ALPHA_2 = [
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ',
  'BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ',
  'CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ',
  'DE DJ DK DM DO DZ',
  'EC EE EG EH ER ES ET',
  'FI FJ FK FM FO FR',
  'GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY',
  'HK HM HN HR HT HU',
  'ID IE IL IM IN IO IQ IR IS IT',
  'JE JM JO JP',
  'KE KG KH KI KM KN KP KR KW KY KZ',
  'LA LB LC LI LK LR LS LT LU LV LY',
  'MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ',
  'NA NC NE NF NG NI NL NO NP NR NU NZ',
  'OM',
  'PA PE PF PG PH PK PL PM PN PR PS PT PW PY',
  'QA',
  'RE RO RS RU RW',
  'SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ',
  'TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ',
  'UA UG UM US UY UZ',
  'VA VC VE VG VI VN VU',
  'WF WS',
  'YE YT',
  'ZA ZM ZW',
].flatMap((letter) => letter.split(' '));

export const COUNTRY_CODES: ReadonlySet<string> = new Set(ISO_3166_ALPHA_2);

export const isCountryCode = (code: string): boolean => COUNTRY_CODES.has(code);

const languageNames = new Intl.DisplayNames('en', { type: 'language', fallback: 'none' });
const scriptNames = new Intl.DisplayNames('en', { type: 'script', fallback: 'none' });
const regionNames = new Intl.DisplayNames('en', { type: 'region', fallback: 'none' });

/**
 * A BCP 47 tag in its canonical spelling (`nb-no` → `nb-NO`), or null when it is malformed or names a language,
 * script or region that does not exist (`xx-YY`, `nb-QQ`). A region is a country above or a UN M.49 area (`es-419`).
 */
export const canonicalLocale = (tag: string): string | null => {
  let canonical: string;
  try {
    const all = Intl.getCanonicalLocales(tag);
    if (all.length !== 1) return null;
    canonical = all[0]!;
  } catch {
    return null;
  }
  const locale = new Intl.Locale(canonical);
  // DisplayNames throws on some well-formed but special subtags (`und`): those are not real languages either.
  const named = (names: Intl.DisplayNames, code: string) => {
    try {
      return names.of(code) !== undefined;
    } catch {
      return false;
    }
  };
  if (!named(languageNames, locale.language)) return null;
  if (locale.script !== undefined && !named(scriptNames, locale.script)) return null;
  if (locale.region !== undefined) {
    const known = /^\d{3}$/.test(locale.region) ? named(regionNames, locale.region) : isCountryCode(locale.region);
    if (!known) return null;
  }
  return canonical;
};
