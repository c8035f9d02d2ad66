// Every timeline entry kind and every rule an entry may cite, with its meaning: the vocabulary writers are held to.

/** What happened, by kind; the meaning is what a collector reading the timeline should understand. */
export const TIMELINE_KINDS = {
  'delinquency.opened': 'the invoice became overdue in the customer’s time zone and collection began',
  'delinquency.assigned': 'a collector was given the debt, automatically or by hand',
  'delinquency.resolved': 'nothing is owed any more (paid in full or the invoice voided); collection ended',
  'delinquency.reopened': 'a refund or chargeback left money owing again on a resolved debt; collection resumed',
  'delinquency.handed_off':
    'the ladder ended in a hand-off to a collection agency, or a manager handed it off by hand, with the case file',
  'delinquency.written_off': 'the ladder ended in a write-off, or a manager wrote the debt off by hand',
  'delinquency.held': 'a person put the debt on hold: no reminder or step until it is released',
  'delinquency.released': 'the hold ended (released by a person, or on its date); escalation resumes from the facts',
  'stage.changed': 'the debt moved to another step of the ladder',
  'step.skipped': 'a due step was not acted on because a later due step overtook it in a catch-up',
  'step.deferred': 'a due step was held back to the first moment the contact hours allow',
  'step.suppressed': 'a due step could not reach the customer (no address, opted out) and was not acted on',
  'reminder.sent': 'a message (email, text or statement) was handed to the provider',
  'reminder.covered': 'no message of its own: the customer’s one message of the day already lists this invoice',
  'reminder.unknown': 'an attempt to send died before recording the provider’s answer; never resent',
  'receipt.sent': 'a thank-you for a payment in full was emailed',
  'call.requested': 'a collector call is due: queued for collectors and offered to the dialer',
  'letter.ready': 'a printable letter was kept with the case and offered to the print provider',
  'charge.applied': 'a fee or statutory compensation was added to the invoice',
  'charge.skipped': 'a fee or compensation did not apply (set in another currency) and was not charged',
  'promise.made': 'the customer promised to pay; escalation pauses until the promised date',
  'promise.kept': 'the promised amount arrived in time; escalation resumes from the facts',
  'promise.partially_kept': 'part of the promised amount arrived by the promised date',
  'promise.broken': 'the promised date passed without the money',
  'promise.cancelled': 'the promise became moot: the invoice no longer owes anything',
  'plan.agreed': 'a payment plan was agreed; escalation pauses while it is followed',
  'plan.completed': 'every instalment of the plan was paid',
  'plan.broken': 'an instalment was missed; escalation resumes from the facts',
  'plan.collected': 'an instalment was collected automatically',
  'plan.collection_failed': 'automatic collection of an instalment failed',
  'dispute.opened': 'the customer disputes the debt; escalation pauses',
  'payment.checkout_started':
    'the customer started a card payment in their portal; it counts once the provider reports it',
  'customer.opted_out': 'the customer stopped a channel (email, text) in their portal; no reminder goes there any more',
  'dispute.accepted': 'a dispute was decided for the customer, perhaps with a credit',
  'dispute.rejected': 'a dispute was decided against the customer; escalation resumes',
  'contact.logged': 'a collector logged a call, visit or other contact',
  'customer.erased': 'the customer’s personal data was erased; the entry keeps only that it happened',
  'execution.restarted': 'the hourly reconciliation restarted a debt whose execution had stopped',
  'events.unpublished': 'the event bus kept refusing integration events; they are parked for the hourly replay',
  'events.replayed': 'the hourly run replayed parked integration events',
} as const;

/** Why, by rule name: where each decision comes from (the ladder, the contact rules, a pause, the money, the engine). */
export const TIMELINE_RULES = {
  'ladder.step': 'the strategy’s ladder: this step was due',
  'ladder.catch-up': 'the ladder in a catch-up: only the most advanced due step acts, the others are skipped',
  'ladder.end': 'the ladder’s last step closes the debt (hand-off or write-off)',
  'hold.by-hand': 'a person holds the debt, with a reason, until a date or until released',
  'close.by-hand': 'a manager wrote the debt off or handed it to an agency, with a reason; the ladder ends',
  'overdue.local-date': 'a debt opens the day after the due date in the customer’s own time zone',
  'contact.quiet-hours': 'contact hours (08:00–21:00 local, or the tenant’s narrower window): no message outside them',
  'regulation-f.calls': 'Regulation F call frequency (7 calls in 7 days, 7 days after a conversation) was checked',
  'opt-out': 'the customer opted out of this channel or address',
  'no-address': 'the customer has no address for this channel',
  'case.one-message': 'one message per customer, channel and day speaks for all their debts',
  'send.at-most-once': 'a message is sent at most once: an attempt that may have sent is never repeated',
  'payment-wins': 'a payment ends collection before any further step acts',
  'payment.receipt': 'a payment in full is thanked once',
  'payment.reversed': 'a refund or chargeback reopens what it makes owing again',
  'fee.currency': 'a fixed fee is never converted: set in another currency, it is not charged',
  'percent-fee': 'a step fee as a percentage of the outstanding principal',
  'fixed-fee': 'a step fee of a fixed amount',
  'uk-late-payment': 'UK late payment legislation (business debts): interest and fixed compensation',
  'eu-late-payment': 'EU late payment directive (business debts): interest and fixed compensation',
  'uk-late-payment-compensation': 'UK fixed compensation: £40, £70 or £100 by the size of the debt',
  'eu-late-payment-compensation': 'EU fixed compensation: €40',
  'assignment.capacity': 'automatic assignment to an active collector below capacity',
  'assignment.manual': 'a person assigned the debt by hand',
  'promise.pause': 'a promise to pay pauses escalation until its date',
  'promise.decided': 'a promise is decided by what was paid towards it by its date',
  'promise.reminder': 'one reminder the day before a promise falls due',
  'plan.pause': 'a payment plan pauses escalation while it is followed',
  'plan.decided': 'a plan is decided by its instalments: all paid completes it, a missed one breaks it',
  'plan.autocollect': 'instalments of a plan agreed with automatic collection are collected when due',
  'plan.reminder': 'one reminder before each plan instalment',
  'dispute.pause': 'an open dispute pauses escalation',
  'dispute.decided': 'a decided dispute resumes escalation or ends it with a credit',
  'execution.reconcile': 'the hourly run restarts open debts whose execution stopped',
  'events.dead-letter': 'events the bus refuses are parked with their debt and replayed hourly',
} as const;

export type TimelineKind = keyof typeof TIMELINE_KINDS;
export type TimelineRule = keyof typeof TIMELINE_RULES;

/** The rules a charge records (shared/domain/charges.ts): a charge keeps its rule as a plain string. */
export type ChargeRule = Extract<
  TimelineRule,
  'percent-fee' | 'fixed-fee' | 'uk-late-payment-compensation' | 'eu-late-payment-compensation'
>;
/** The statutory rules whose fixed compensation can be skipped (set in another currency). */
export type CompensationRule = Extract<TimelineRule, 'uk-late-payment' | 'eu-late-payment'>;

/** The kinds and rules as lists, in catalog order (for z.enum and for the docs). */
export const TIMELINE_KIND_NAMES = Object.keys(TIMELINE_KINDS) as [TimelineKind, ...TimelineKind[]];
export const TIMELINE_RULE_NAMES = Object.keys(TIMELINE_RULES) as [TimelineRule, ...TimelineRule[]];

const table = (heading: string, rows: Record<string, string>): string =>
  [
    `| ${heading} | meaning |`,
    '| --- | --- |',
    ...Object.entries(rows).map(([name, meaning]) => `| \`${name}\` | ${meaning} |`),
  ].join('\n');

/** The catalog as two markdown tables (kinds, then rules), for the README. */
export const timelineCatalogMarkdown = (): string =>
  `${table('timeline kind', TIMELINE_KINDS)}\n\n${table('rule', TIMELINE_RULES)}\n`;
