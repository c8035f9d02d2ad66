// Links of the old pay page (`/v1/pay/{token}`, one random token per invoice) still in customers' mailboxes: each
// answers 303 to the portal of its invoice's case, so an old message still leads somewhere useful.
import { renderEndPage } from '../domain/portal/pages';
import { signPortalToken, type PortalTarget } from '../domain/portal-token';
import type { Clock } from '../ports/clock.port';
import type { InvoiceRepository } from '../ports/invoice-repository.port';
import type { PayTokens } from '../ports/pay-tokens.port';
import type { PortalSigningKey } from '../ports/portal-signing-key.port';
import type { PortalAnswer } from './portal-context';

export interface PayPageDeps {
  clock: Clock;
  invoices: InvoiceRepository;
  payTokens: PayTokens;
  portalSigningKey: PortalSigningKey;
}

export const payPageRedirect = async (deps: PayPageDeps, token: string): Promise<PortalAnswer> => {
  const target = await deps.payTokens.resolve(token);
  const found = target ? await deps.invoices.get(target.tenantId, target.invoiceId) : null;
  if (!target || !found) {
    const frame = { token, locale: 'en' as const, intlLocale: 'en', requestedLang: null, creditor: null };
    return { status: 404, html: renderEndPage(frame, 'unknown', `/v1/pay/${token}`) };
  }
  const delinquencyId = found.invoice.delinquencyId;
  const portal: PortalTarget = delinquencyId
    ? { kind: 'case', tenantId: target.tenantId, delinquencyId }
    : { kind: 'invoice', tenantId: target.tenantId, customerId: target.customerId, invoiceId: target.invoiceId };
  const signed = signPortalToken(portal, await deps.portalSigningKey.key(), deps.clock.now());
  return { status: 303, location: `/portal/${signed}` };
};
