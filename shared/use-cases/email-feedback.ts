// SES feedback: a permanent bounce or a complaint opts that address out of email at once, like the customer asking.
import { newId } from '../domain/ids';
import type { Clock } from '../ports/clock.port';
import type { CustomerRepository } from '../ports/customer-repository.port';
import type { SesFeedback } from '../schemas/ses-feedback.schema';

export interface FeedbackDeps {
  clock: Clock;
  customers: CustomerRepository;
}

export type FeedbackOutcome = { suppressed: string[] } | { ignored: string };

export const applyEmailFeedback = async (deps: FeedbackDeps, feedback: SesFeedback): Promise<FeedbackOutcome> => {
  const tenantId = feedback.mail.tags.tenant?.[0];
  const customerId = feedback.mail.tags.customer?.[0];
  if (!tenantId || !customerId) return { ignored: 'the message carries no Arrears tags' };
  let reason: 'bounce' | 'complaint';
  let recipients: { emailAddress: string }[];
  if (feedback.eventType === 'Bounce' && feedback.bounce?.bounceType === 'Permanent') {
    reason = 'bounce';
    recipients = feedback.bounce.bouncedRecipients;
  } else if (feedback.eventType === 'Complaint' && feedback.complaint) {
    reason = 'complaint';
    recipients = feedback.complaint.complainedRecipients;
  } else {
    // Deliveries, rejects and transient bounces change nothing: the next reminder may still arrive.
    return {
      ignored: `${feedback.eventType}${feedback.bounce ? ` (${feedback.bounce.bounceType})` : ''} does not stop email`,
    };
  }
  // An erased customer has no address left and gets no email: storing the bounced one would bring it back.
  if ((await deps.customers.get(tenantId, customerId))?.erasedAt) return { ignored: 'the customer was erased' };
  const suppressed: string[] = [];
  for (const { emailAddress } of recipients) {
    const now = deps.clock.now();
    await deps.customers.addOptOut(tenantId, customerId, {
      id: newId('opt', now),
      channel: 'email',
      address: emailAddress.toLowerCase(),
      reason,
      createdAt: now.toISOString(),
    });
    suppressed.push(emailAddress.toLowerCase());
  }
  return { suppressed };
};
