// The generic payment webhook: the same once-only handling as Stripe's, for any processor that signs its posts with
// HMAC-SHA256 over "<timestamp>.<raw body>" (header Arrears-Signature: t=<seconds>,v1=<hex>).
import { GenericWebhookEventSchema, type GenericWebhookEvent } from '../schemas/generic-webhook.schema';
import { applyProviderChargeback, applyProviderReversal } from './provider-payments';
import { receiveWebhook, work, type WebhookAnswer, type WebhookDeps, type WebhookScheme } from './webhook-receiver';

const PROVIDER = 'generic';

export const genericScheme: WebhookScheme<GenericWebhookEvent> = {
  provider: PROVIDER,
  signatureHeader: 'arrears-signature',
  parse: (json) => {
    const parsed = GenericWebhookEventSchema.safeParse(json);
    return parsed.success ? parsed.data : null;
  },
  route: (event) => {
    switch (event.type) {
      case 'payment.succeeded':
        return {
          kind: 'payment',
          payment: {
            provider: PROVIDER,
            providerPaymentId: event.payment.id,
            invoiceId: event.payment.invoiceId,
            amount: event.payment.amount,
            currency: event.payment.currency,
            source: 'webhook',
          },
        };
      case 'payment.refunded':
        return work((deps, tenantId) =>
          applyProviderReversal(deps, tenantId, {
            provider: PROVIDER,
            providerPaymentId: event.payment.id,
            eventId: event.id,
            kind: 'refund',
            cumulativeAmount: event.payment.totalRefunded,
            ...(event.payment.currency ? { currency: event.payment.currency } : {}),
            reference: event.id,
            source: 'webhook',
          }),
        );
      case 'payment.charged_back':
        return work((deps, tenantId) =>
          applyProviderChargeback(deps, tenantId, {
            provider: PROVIDER,
            providerPaymentId: event.payment.id,
            eventId: event.id,
            kind: 'chargeback',
            cumulativeAmount: event.payment.amount,
            ...(event.payment.currency ? { currency: event.payment.currency } : {}),
            reference: event.payment.disputeId,
            source: 'webhook',
            providerDisputeId: event.payment.disputeId,
            reason: event.payment.reason,
          }),
        );
    }
  },
};

export const receiveGenericWebhook = (
  deps: WebhookDeps,
  tenantId: string,
  rawBody: string,
  signature: string | undefined,
): Promise<WebhookAnswer> => receiveWebhook(deps, genericScheme, tenantId, rawBody, signature);
