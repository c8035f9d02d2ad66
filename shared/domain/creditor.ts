// What a debtor sees of the creditor (name, address, contact, bank details): messages and pages use this, never the tenant.
import type { Tenant } from '../schemas/tenant.schema';

export interface CreditorBank {
  accountHolder: string;
  /** Grouped by four for reading aloud and typing: "NO93 8601 1117 947". */
  iban?: string;
  bic?: string;
  accountNumber?: string;
  sortCode?: string;
  routingNumber?: string;
}

export interface Creditor {
  name: string;
  legalName: string;
  /** The postal address as printed lines. */
  address?: string[];
  supportEmail?: string;
  supportPhone?: string;
  bank?: CreditorBank;
  brand: { color?: string; logoUrl?: string };
}

/**
 * The identity settings as the tenant settings describe them. Read loosely here so this file compiles before the
 * tenant schema carries them; the tenant-settings version of this file replaces it.
 */
interface IdentitySettings {
  legalName?: string;
  address?: { lines: string[]; postalCode: string; city: string; country: string };
  supportEmail?: string;
  supportPhone?: string;
  bank?: {
    accountHolder: string;
    iban?: string;
    bic?: string;
    accountNumber?: string;
    sortCode?: string;
    routingNumber?: string;
  };
  brand?: { color?: string; logoUrl?: string };
}

const groupedIban = (iban: string): string =>
  iban
    .replace(/\s+/g, '')
    .toUpperCase()
    .replace(/(.{4})(?=.)/g, '$1 ');

export const creditorOf = (tenant: Tenant): Creditor => {
  const settings = tenant as Tenant & IdentitySettings;
  const bank = settings.bank;
  return {
    name: tenant.name,
    legalName: settings.legalName ?? tenant.name,
    ...(settings.address
      ? {
          address: [
            ...settings.address.lines,
            `${settings.address.postalCode} ${settings.address.city}`,
            settings.address.country,
          ],
        }
      : {}),
    ...(settings.supportEmail ? { supportEmail: settings.supportEmail } : {}),
    ...(settings.supportPhone ? { supportPhone: settings.supportPhone } : {}),
    ...(bank
      ? {
          bank: {
            accountHolder: bank.accountHolder,
            ...(bank.iban ? { iban: groupedIban(bank.iban) } : {}),
            ...(bank.bic ? { bic: bank.bic } : {}),
            ...(bank.accountNumber ? { accountNumber: bank.accountNumber } : {}),
            ...(bank.sortCode ? { sortCode: bank.sortCode } : {}),
            ...(bank.routingNumber ? { routingNumber: bank.routingNumber } : {}),
          },
        }
      : {}),
    brand: { ...settings.brand },
  };
};
