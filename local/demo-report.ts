// What `npm run demo` prints, apart from the playing: money as the currency writes it, each action dated on the day it
// happened in the customer's zone, and the status a credit manager would act on.
import { formatMoney } from '../shared/domain/money';

export interface DemoCustomer {
  id: string;
  name: string;
  zone: string;
  locale: string;
  currency: string;
}

export interface OutboxMessage {
  channel: string;
  customerId: string;
  step: string;
  sentAt: string;
}

export interface RecordedEvent {
  detailType: string;
  detail: Record<string, unknown>;
}

/** PORT when it is set (as `npm start` reads it), else any free port. */
export const demoPort = (value: string | undefined): number => {
  if (value === undefined || value.trim() === '') return 0;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new Error(`PORT must be a port number, got "${value}"`);
  return port;
};

export const money = (minor: number, customer: DemoCustomer): string =>
  formatMoney(minor, customer.currency, customer.locale);

/** The customer's own calendar day of an instant: a 09:00 fee in Tokyo is that day's, not the day the clock moved on. */
const localDay = (at: string, zone: string): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(at),
  );

/** Events the demo does not print as actions: every reminder is already a line of the outbox, an opening is no action. */
const QUIET = new Set(['reminder.sent', 'delinquency.opened']);

/** When the event happened, by its own timestamp (a fee names chargedAt, the others at). */
const eventTime = (event: RecordedEvent): string | null => {
  const at = event.detail.chargedAt ?? event.detail.at;
  return typeof at === 'string' ? at : null;
};

const describe = (event: RecordedEvent, customer: DemoCustomer | undefined): { label: string; what: string } => {
  const detail = event.detail;
  switch (event.detailType) {
    case 'charge.applied':
      return {
        label: 'charge',
        what: `${String(detail.kind)} ${customer ? money(Number(detail.amount), customer) : `${String(detail.amount)} ${String(detail.currency)}`}`,
      };
    case 'delinquency.escalated':
      return { label: String(detail.channel), what: `step ${String(detail.stepId)}` };
    case 'customer.credit_hold':
      return { label: 'credit', what: `on hold (${(detail.reasons as string[]).join(', ')}): no new orders` };
    case 'customer.credit_released':
      return { label: 'credit', what: 'hold released' };
    default:
      return { label: 'closed', what: event.detailType.replace('delinquency.', '').replace('_', ' ') };
  }
};

/** One line per message and action, in the order they happened, each dated on the customer's own day. */
export const actionLines = (
  customers: readonly DemoCustomer[],
  messages: readonly OutboxMessage[],
  events: readonly RecordedEvent[],
): string[] => {
  const byId = new Map(customers.map((customer) => [customer.id, customer]));
  const lines: { at: string; line: string }[] = [];
  for (const message of messages) {
    const customer = byId.get(message.customerId);
    if (!customer) continue;
    const local = new Intl.DateTimeFormat('en-GB', { timeZone: customer.zone, timeStyle: 'short' }).format(
      new Date(message.sentAt),
    );
    lines.push({
      at: message.sentAt,
      line: `${localDay(message.sentAt, customer.zone)}  ${message.channel.padEnd(9)} ${customer.name.padEnd(14)} ${message.step.padEnd(16)} (${local} ${customer.zone})`,
    });
  }
  for (const event of events) {
    if (QUIET.has(event.detailType)) continue;
    const at = eventTime(event);
    if (at === null) continue;
    const customer = byId.get(String(event.detail.customerId));
    const { label, what } = describe(event, customer);
    lines.push({
      at,
      line: `${customer ? localDay(at, customer.zone) : at.slice(0, 10)}  ${label.padEnd(9)} ${(customer?.name ?? '').padEnd(14)} ${what}`,
    });
  }
  return lines.sort((a, b) => a.at.localeCompare(b.at)).map(({ line }) => line);
};

/** The line a credit manager reads first: where the case ended (handed off, written off), else the invoice's state. */
export const finalLine = (
  customer: DemoCustomer,
  invoice: { status: string; balance: number; charges: { fees: number } },
  delinquency: { status: string } | null,
): string => {
  const handedElsewhere = delinquency && (delinquency.status === 'handed_off' || delinquency.status === 'written_off');
  const status = (handedElsewhere ? delinquency.status : invoice.status).replace('_', ' ');
  return `  ${customer.name.padEnd(14)} ${status.padEnd(12)} balance ${money(invoice.balance, customer).padStart(14)} (fees ${money(invoice.charges.fees, customer)})`;
};
