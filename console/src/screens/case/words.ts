// The case's codes in words a collector reads: statuses, timeline kinds, contact rules, and who did something.

export const STATUS_WORDS: Record<string, string> = {
  active: 'Escalating',
  paused: 'On hold',
  promised: 'Promised to pay',
  in_plan: 'On a payment plan',
  disputed: 'Disputed',
  resolved: 'Resolved',
  handed_off: 'Handed to an agency',
  written_off: 'Written off',
};

const KIND_WORDS: Record<string, string> = {
  'delinquency.opened': 'Collection began',
  'delinquency.assigned': 'Assigned',
  'delinquency.resolved': 'Resolved',
  'delinquency.reopened': 'Reopened',
  'delinquency.handed_off': 'Handed off',
  'delinquency.written_off': 'Written off',
  'delinquency.held': 'Put on hold',
  'delinquency.released': 'Released from hold',
  'stage.changed': 'Moved to a step',
  'step.skipped': 'Step skipped',
  'step.deferred': 'Step held back',
  'step.suppressed': 'Step not sent',
  'reminder.sent': 'Reminder sent',
  'reminder.covered': 'Covered by another message',
  'reminder.unknown': 'Send in doubt',
  'receipt.sent': 'Receipt sent',
  'call.requested': 'Call requested',
  'letter.ready': 'Letter ready',
  'charge.applied': 'Charge added',
  'charge.skipped': 'Charge skipped',
  'promise.made': 'Promise made',
  'promise.kept': 'Promise kept',
  'promise.partially_kept': 'Promise partly kept',
  'promise.broken': 'Promise broken',
  'promise.cancelled': 'Promise cancelled',
  'plan.agreed': 'Plan agreed',
  'plan.completed': 'Plan completed',
  'plan.broken': 'Plan broken',
  'plan.collected': 'Instalment collected',
  'plan.collection_failed': 'Instalment collection failed',
  'dispute.opened': 'Dispute opened',
  'dispute.accepted': 'Dispute accepted',
  'dispute.rejected': 'Dispute rejected',
  'payment.checkout_started': 'Card payment started',
  'customer.opted_out': 'Opted out',
  'contact.logged': 'Contact logged',
  'customer.erased': 'Personal data erased',
  'execution.restarted': 'Restarted',
  'events.unpublished': 'Events parked',
  'events.replayed': 'Events replayed',
};

/** "reminder.sent" → "Reminder sent"; an unknown kind in words made from its code. */
export const kindWords = (kind: string): string =>
  KIND_WORDS[kind] ?? kind.replace(/[._]/g, ' ').replace(/^./, (first) => first.toUpperCase());

export const RULE_WORDS: Record<string, string> = {
  'call-frequency-7-in-7': 'Regulation F: at most 7 call attempts in 7 days',
  'call-after-conversation': 'Regulation F: no call within 7 days of a conversation',
  'quiet-hours': 'outside the contact hours in the customer’s zone',
  'opt-out': 'the customer opted out of this channel',
  'no-address': 'no address on file for this channel',
};

/** "person:mia" → "mia"; the engine and schedules as words; a partner key as the key. */
export const actorWords = (actor: string, names: Record<string, string> = {}): string => {
  if (actor.startsWith('person:')) {
    const username = actor.slice('person:'.length);
    return names[username] ?? username;
  }
  if (actor === 'execution') return 'Arrears (the ladder)';
  if (actor === 'schedule') return 'Arrears (daily run)';
  if (actor.startsWith('api:')) return `API key ${actor.slice('api:'.length)}`;
  if (actor.startsWith('provider:')) return actor.slice('provider:'.length);
  return actor;
};
