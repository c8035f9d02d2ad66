// Opens a portal link: checks its signature and date, and gathers what every portal page shows (the creditor, the
// customer's language, the case and its open invoices); a link that leads nowhere answers its page instead.
import { localDate } from '../domain/calendar';
import { creditorOf } from '../domain/creditor';
import type { PortalFrame } from '../domain/portal/layout';
import { renderEndPage } from '../domain/portal/pages';
import { pageLocale, portalLocaleOf } from '../domain/portal/words';
import { verifyPortalToken, type PortalTarget } from '../domain/portal-token';
import type { CardCheckout } from '../ports/card-checkout.port';
import type {
  DelinquencyDisputes,
  DelinquencyPlans,
  DelinquencyPromises,
  DelinquencyRecords,
  DelinquencyTimeline,
} from '../ports/delinquency-repository.port';
import type { PortalSigningKey } from '../ports/portal-signing-key.port';
import type { TenantDirectory } from '../ports/tenant-directory.port';
import type { Customer, OptOut } from '../schemas/customer.schema';
import type { Delinquency } from '../schemas/delinquency.schema';
import type { InvoiceResponse } from '../schemas/invoice.schema';
import type { Tenant } from '../schemas/tenant.schema';
import { getCustomerInvoices } from './invoices';
import type { CoreDeps } from './ports';

export interface PortalDeps extends CoreDeps {
  tenants: TenantDirectory;
  delinquencies: DelinquencyRecords &
    DelinquencyPromises &
    DelinquencyDisputes &
    DelinquencyPlans &
    DelinquencyTimeline;
  portalSigningKey: PortalSigningKey;
  cardCheckout: CardCheckout;
}

/** A page (status and HTML), or a redirect after a form. */
export type PortalAnswer =
  { status: number; html: string; logoUrl?: string | undefined } | { status: 303; location: string };

/** The customer's own doings are recorded under this actor, on the timeline and on what they create. */
export const PORTAL_ACTOR = 'customer:portal';

/** The settings part adds these to the tenant schema; read here without depending on that change. */
export interface PortalTenantSettings {
  locale?: string;
  selfServicePlans?: { maxInstallments: number; maxDays: number; minInstallment: number };
}
export const portalSettings = (tenant: Tenant): PortalTenantSettings => tenant as Tenant & PortalTenantSettings;

export interface PortalContext {
  token: string;
  frame: PortalFrame;
  tenant: Tenant;
  customer: Customer;
  optOuts: OptOut[];
  /** The case the link opens; null for an invoice whose case has not opened (yet). */
  delinquency: Delinquency | null;
  /** The invoice the case is about (the link's invoice before a case exists). */
  invoiceId: string;
  currency: string;
  /** The case's open invoices in its currency, oldest due first. */
  open: InvoiceResponse[];
  /** Every invoice of the customer in the case's currency (voided ones left out): the statement's payments. */
  all: InvoiceResponse[];
  today: string;
}

/** 410: the link was real but leads nowhere now. */
const GONE = 410;

const frameFor = (
  token: string,
  requested: string | undefined,
  tenant: Tenant | null,
  customer: Customer | null,
): PortalFrame => {
  const locale = pageLocale(requested, customer?.locale, tenant ? portalSettings(tenant).locale : undefined);
  // Numbers and dates follow the customer's region when the customer speaks the page's language ("nb-NO").
  const intlLocale = customer?.locale && portalLocaleOf(customer.locale) === locale ? customer.locale : locale;
  return {
    token,
    locale,
    intlLocale,
    requestedLang: portalLocaleOf(requested),
    creditor: tenant ? creditorOf(tenant) : null,
  };
};

const endPage = (frame: PortalFrame, status: number, kind: 'expired' | 'closed' | 'unknown'): PortalAnswer => ({
  status,
  html: renderEndPage(frame, kind, `/portal/${frame.token}`),
  logoUrl: frame.creditor?.brand.logoUrl,
});

const caseOf = async (
  deps: PortalDeps,
  target: PortalTarget,
): Promise<{ delinquency: Delinquency | null; customerId: string; invoiceId: string; currency: string } | null> => {
  if (target.kind === 'case') {
    const delinquency = await deps.delinquencies.get(target.tenantId, target.delinquencyId);
    return delinquency
      ? {
          delinquency,
          customerId: delinquency.customerId,
          invoiceId: delinquency.invoiceId,
          currency: delinquency.currency,
        }
      : null;
  }
  const found = await deps.invoices.get(target.tenantId, target.invoiceId);
  if (!found || found.invoice.customerId !== target.customerId) return null;
  // The case may have opened since the message went out: the link then opens the case.
  const delinquency = found.invoice.delinquencyId
    ? await deps.delinquencies.get(target.tenantId, found.invoice.delinquencyId)
    : null;
  return { delinquency, customerId: target.customerId, invoiceId: target.invoiceId, currency: found.invoice.currency };
};

export const openPortal = async (
  deps: PortalDeps,
  token: string,
  requestedLang: string | undefined,
): Promise<{ context: PortalContext } | { answer: PortalAnswer }> => {
  const check = verifyPortalToken(token, await deps.portalSigningKey.key(), deps.clock.now());
  if (check.outcome === 'forged')
    return { answer: endPage(frameFor(token, requestedLang, null, null), 404, 'unknown') };
  const tenant = await deps.tenants.getTenant(check.target.tenantId);
  if (!tenant) return { answer: endPage(frameFor(token, requestedLang, null, null), 404, 'unknown') };
  const found = await caseOf(deps, check.target);
  const withOptOuts = found ? await deps.customers.getWithOptOuts(tenant.id, found.customerId) : null;
  const customer = withOptOuts?.customer ?? null;
  const frame = frameFor(token, requestedLang, tenant, customer);
  if (check.outcome === 'expired') return { answer: endPage(frame, GONE, 'expired') };
  if (!found) return { answer: endPage(frame, 404, 'unknown') };
  // Erased, or handed to an agency or written off: whoever holds the old link learns nothing from it.
  const status = found.delinquency?.status;
  if (!customer || customer.erasedAt !== undefined || status === 'handed_off' || status === 'written_off')
    return { answer: endPage(frame, GONE, 'closed') };
  const stored = (await deps.invoices.listByCustomer(tenant.id, customer.id)).filter(
    (invoice) => !invoice.voided && invoice.currency === found.currency,
  );
  const all = (
    await getCustomerInvoices(
      deps,
      tenant.id,
      customer,
      stored.map((invoice) => invoice.id),
    )
  ).sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.id.localeCompare(b.id));
  const open = all.filter((invoice) => invoice.status === 'open' && invoice.balance > 0);
  return {
    context: {
      token,
      frame,
      tenant,
      customer,
      optOuts: withOptOuts?.optOuts ?? [],
      delinquency: found.delinquency,
      invoiceId: found.invoiceId,
      currency: found.currency,
      open,
      all,
      today: localDate(deps.clock.now(), customer.timeZone),
    },
  };
};
