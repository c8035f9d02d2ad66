// What a debtor sees of the creditor (messages, portal, statements, letters): built from the tenant in one place, so
// every place shows the same name, contact and bank details, formatted the same way.
import { formatSortCode, groupIban } from './bank-account';
import type { Tenant } from '../schemas/tenant.schema';

export interface Creditor {
  /** The display name. */
  name: string;
  /** The registered name; the display name when the tenant has none. */
  legalName: string;
  /** The postal address as printed lines: street lines, the postal-code-and-city line, the country. */
  address?: string[];
  supportEmail?: string;
  supportPhone?: string;
  bank?: {
    accountHolder: string;
    /** Grouped by four for reading: "NO93 8601 1117 947". */
    iban?: string;
    bic?: string;
    accountNumber?: string;
    /** Written 12-34-56. */
    sortCode?: string;
    routingNumber?: string;
  };
  brand: { color?: string; logoUrl?: string };
}

type CreditorFields = Pick<Tenant, 'name'> &
  Partial<Pick<Tenant, 'legalName' | 'address' | 'supportEmail' | 'supportPhone' | 'bank' | 'brand' | 'locale'>>;

/** Countries whose addresses put the city before the postal code, on a line of its own (UK) or on the same line. */
const CITY_THEN_POSTCODE_LINES = new Set(['GB', 'IE']);
const CITY_THEN_POSTCODE = new Set(['US', 'CA', 'AU']);

const countryName = (country: string, locale: string): string => {
  try {
    return new Intl.DisplayNames([locale, 'en'], { type: 'region', fallback: 'code' }).of(country) ?? country;
  } catch {
    return country;
  }
};

const addressLines = (address: NonNullable<Tenant['address']>, locale: string): string[] => {
  const { lines, postalCode, city, country } = address;
  const place = CITY_THEN_POSTCODE_LINES.has(country)
    ? [city, postalCode]
    : CITY_THEN_POSTCODE.has(country)
      ? [`${city} ${postalCode}`]
      : [`${postalCode} ${city}`];
  return [...lines, ...place, countryName(country, locale)];
};

/**
 * The creditor as the debtor sees it. `locale` names the country in the reader's language (the tenant's locale, else
 * English, when not given).
 */
export const creditorOf = (tenant: CreditorFields, locale: string = tenant.locale ?? 'en'): Creditor => {
  const { bank } = tenant;
  return {
    name: tenant.name,
    legalName: tenant.legalName ?? tenant.name,
    ...(tenant.address ? { address: addressLines(tenant.address, locale) } : {}),
    ...(tenant.supportEmail ? { supportEmail: tenant.supportEmail } : {}),
    ...(tenant.supportPhone ? { supportPhone: tenant.supportPhone } : {}),
    ...(bank
      ? {
          bank: {
            accountHolder: bank.accountHolder,
            ...(bank.iban ? { iban: groupIban(bank.iban) } : {}),
            ...(bank.bic ? { bic: bank.bic } : {}),
            ...(bank.accountNumber ? { accountNumber: bank.accountNumber } : {}),
            ...(bank.sortCode ? { sortCode: formatSortCode(bank.sortCode) } : {}),
            ...(bank.routingNumber ? { routingNumber: bank.routingNumber } : {}),
          },
        }
      : {}),
    brand: {
      ...(tenant.brand?.color ? { color: tenant.brand.color } : {}),
      ...(tenant.brand?.logoUrl ? { logoUrl: tenant.brand.logoUrl } : {}),
    },
  };
};
