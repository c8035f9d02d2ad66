// Open debts as the queue's indexes read them, written straight into a table by the queue benchmarks (bench/queue.ts
// for the API, bench/console.ts for the screen): one deterministic debt per number, with its customer and invoice.
import { computeScore, workPriority } from '../shared/domain/score';
import { itemMeta, keys } from '../shared/adapters/dynamodb/keys';
import { packInputs } from '../shared/schemas/score.schema';

const FIRST = ['Astrid', 'Bjørn', 'Cecilie', 'Dag', 'Eva', 'Frode', 'Gro', 'Halvor', 'Ingrid', 'Jon'];
const LAST = ['Berg', 'Dahl', 'Eik', 'Fjell', 'Gran', 'Holm', 'Lund', 'Moen', 'Nygård', 'Strand', 'Vik'];

export interface BenchDebt {
  priority: number;
  delinquency: Record<string, unknown>;
  customer: Record<string, unknown>;
  invoice: Record<string, unknown>;
}

/** Debt number `n` of a tenant: its delinquency item (with the queue index keys), customer item and invoice item. */
export const benchDebt = (tenantId: string, n: number, options: { collectors: number; now: string }): BenchDebt => {
  const inputs = {
    daysPastDue: n % 90,
    amountRatio: 0.5 + (n % 7) / 2,
    priorDelinquencies: n % 3,
    priorBadEndings: n % 10 === 0 ? 2 : 0,
    brokenPromises: n % 10 === 0 ? 2 : n % 13 === 0 ? 1 : 0,
    onTimeShare: (n % 10) / 10,
    respondedShare: null,
    reachableChannels: 1 + (n % 2),
    bounced: n % 50 === 0,
    tenureYears: (n % 6) + 0.5,
  };
  const score = computeScore(inputs);
  const balance = 5_000 + ((n * 7919) % 1_000_000);
  const priority = workPriority({
    balance,
    score: score.value,
    daysPastDue: inputs.daysPastDue,
    daysToNextStep: 3,
    limitShareInArrears: 0,
  });
  const id = `dlq_bench_${String(n).padStart(6, '0')}`;
  const customerId = `cus-${n}`;
  const invoiceId = `inv-${n}`;
  const assigneeId = n % 4 === 0 ? null : `collector-${n % options.collectors}`;
  const currency = n % 5 === 0 ? 'EUR' : 'NOK';
  const dueDate = new Date(Date.parse(options.now) - (inputs.daysPastDue + 1) * 86_400_000).toISOString().slice(0, 10);
  const delinquency = {
    id,
    invoiceId,
    customerId,
    currency,
    status: 'active',
    strategyId: 'default',
    stage: 'overdue',
    doneSteps: ['overdue'],
    nextActionAt: '2027-03-05T08:00:00.000Z',
    nextStep: 'second-reminder',
    openedAt: '2027-02-01T08:00:00.000Z',
    closedAt: null,
    factsVersion: 0,
    reopenCount: 0,
    activePromiseId: null,
    activePlanId: null,
    assigneeId,
    score: {
      value: score.value,
      band: score.band,
      inputs: packInputs(inputs),
      model: 'default',
      computedAt: '2027-03-01T08:00:00.000Z',
    },
    openingInputs: packInputs(inputs),
    priority,
    balance,
    brokenPromises: 0,
    taskToken: null,
    version: 2,
  };
  return {
    priority,
    delinquency: {
      ...keys.delinquency(tenantId, id),
      ...keys.delinquencyByCustomer(tenantId, customerId, delinquency.openedAt, id),
      ...keys.workQueue(tenantId, 'active', score.band, priority, id),
      ...keys.assigneeQueue(tenantId, assigneeId, 'active', priority, id),
      ...itemMeta('Delinquency'),
      ...delinquency,
    },
    customer: {
      ...keys.customer(tenantId, customerId),
      ...itemMeta('Customer'),
      id: customerId,
      name: `${FIRST[n % FIRST.length]} ${LAST[Math.floor(n / FIRST.length) % LAST.length]} ${n}`,
      kind: 'consumer',
      timeZone: 'Europe/Oslo',
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
      version: 1,
    },
    // Not in the due-date index (no gsi2 keys): no scheduled run picks it up again.
    invoice: {
      ...keys.invoice(tenantId, invoiceId),
      ...itemMeta('Invoice'),
      id: invoiceId,
      customerId,
      amount: balance,
      currency,
      issuedAt: '2026-12-01',
      dueDate,
      voided: false,
      writtenOff: false,
      paidTotal: 0,
      feesTotal: 0,
      delinquencyId: id,
      scanDate: dueDate,
      createdAt: '2026-12-01T00:00:00.000Z',
      updatedAt: '2026-12-01T00:00:00.000Z',
      version: 1,
    },
  };
};
