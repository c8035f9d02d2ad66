// What the debtor sees of the creditor: its names, contact, bank details and brand, formatted once for every page and
// message. Placeholder from the portal's branch with the contract's signature; the tenant-settings part's version wins.
import type { Tenant } from '../schemas/tenant.schema';

export interface Creditor {
  name: string;
  legalName: string;
  address?: string[];
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
  brand: { color?: string; logoUrl?: string };
}

/** The settings part adds these fields to the tenant schema; read here without depending on that change. */
interface CreditorSettings {
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

export const creditorOf = (tenant: Tenant): Creditor => {
  const settings = tenant as Tenant & CreditorSettings;
  return {
    name: tenant.name,
    legalName: settings.legalName ?? tenant.name,
    ...(settings.address
      ? { address: [...settings.address.lines, `${settings.address.postalCode} ${settings.address.city}`] }
      : {}),
    ...(settings.supportEmail ? { supportEmail: settings.supportEmail } : {}),
    ...(settings.supportPhone ? { supportPhone: settings.supportPhone } : {}),
    ...(settings.bank
      ? {
          bank: {
            ...settings.bank,
            ...(settings.bank.iban ? { iban: settings.bank.iban.replace(/(.{4})(?=.)/g, '$1 ') } : {}),
          },
        }
      : {}),
    brand: settings.brand ?? {},
  };
};
