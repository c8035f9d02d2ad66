// Payment plans: instalments that sum to the balance, agreed through the API; the ladder pauses while the plan is kept.
import { addDays, localDate } from '../domain/calendar';
import { newId } from '../domain/ids';
import { ConflictError, NotFoundError, ValidationError, type FieldIssue } from '../errors/errors';
import type { DelinquencyPlans, DelinquencyRecords } from '../ports/delinquency-repository.port';
import type { TenantDirectory } from '../ports/tenant-directory.port';
import type { TimelineEntry } from '../schemas/delinquency.schema';
import type { PaymentPlan, PostPlanBody } from '../schemas/plan.schema';
import { getInvoice } from './invoices';
import type { CoreDeps } from './ports';
import { retryOnConflict } from './retry-on-conflict';

/** The last instalment may fall at most this far out. */
export const MAX_PLAN_DAYS = 730;

export interface PlanDeps extends CoreDeps {
  delinquencies: DelinquencyRecords & DelinquencyPlans;
  tenants: TenantDirectory;
}

const BUSY: Record<string, { code: string; words: string }> = {
  promised: { code: 'promise-open', words: 'a promise to pay is open; it is decided by its date' },
  in_plan: { code: 'plan-active', words: 'a payment plan is already running' },
  disputed: { code: 'dispute-open', words: 'the debt is disputed; decide the dispute first' },
};

export const makePlan = async (
  deps: PlanDeps,
  tenantId: string,
  delinquencyId: string,
  body: PostPlanBody,
  actor: string,
): Promise<PaymentPlan> => {
  const plan = await retryOnConflict('the delinquency', async () => {
    const delinquency = await deps.delinquencies.get(tenantId, delinquencyId);
    if (!delinquency) throw new NotFoundError(`no delinquency ${delinquencyId}`);
    const busy = BUSY[delinquency.status];
    if (busy) throw new ConflictError(busy.words, busy.code);
    if (delinquency.status !== 'active')
      throw new ConflictError(`the delinquency is ${delinquency.status}`, 'delinquency-not-active', {
        delinquencyStatus: delinquency.status,
      });
    const [invoice, customer, tenant] = await Promise.all([
      getInvoice(deps, tenantId, delinquency.invoiceId),
      deps.customers.get(tenantId, delinquency.customerId),
      deps.tenants.getTenant(tenantId),
    ]);
    const today = localDate(deps.clock.now(), customer?.timeZone ?? 'UTC');
    const issues: FieldIssue[] = [];
    const total = body.installments.reduce((sum, installment) => sum + installment.amount, 0);
    if (total !== invoice.balance)
      issues.push({
        path: 'installments',
        message: `the instalments sum to ${total}; they must sum to the balance, ${invoice.balance}`,
      });
    body.installments.forEach((installment, index) => {
      const previous = body.installments[index - 1];
      if (index === 0 && installment.dueDate < today)
        issues.push({
          path: 'installments.0.dueDate',
          message: `must not be before today (${today} for the customer)`,
        });
      if (previous && installment.dueDate <= previous.dueDate)
        issues.push({ path: `installments.${index}.dueDate`, message: 'must come after the instalment before it' });
    });
    const last = body.installments.at(-1)!;
    if (last.dueDate > addDays(today, MAX_PLAN_DAYS))
      issues.push({
        path: `installments.${body.installments.length - 1}.dueDate`,
        message: `must be within ${MAX_PLAN_DAYS} days`,
      });
    if (issues.length > 0) throw new ValidationError('the payment plan cannot be agreed as given', issues);
    const now = deps.clock.now().toISOString();
    const made: PaymentPlan = {
      id: newId('pln', deps.clock.now()),
      delinquencyId,
      invoiceId: delinquency.invoiceId,
      customerId: delinquency.customerId,
      currency: invoice.currency,
      status: 'active',
      installments: body.installments.map((installment, index) => ({
        number: index + 1,
        ...installment,
        status: 'pending',
      })),
      paidBefore: invoice.paid,
      graceDays: tenant?.promiseGraceDays ?? 2,
      autoCollect: body.autoCollect ?? null,
      attempts: [],
      createdAt: now,
      createdBy: actor,
      endedAt: null,
    };
    const entry: TimelineEntry = {
      id: newId('tl', deps.clock.now()),
      at: now,
      kind: 'plan.agreed',
      actor,
      detail: `payment plan of ${made.installments.length} instalments, the last on ${last.dueDate}${made.autoCollect ? ', collected automatically' : ''}: escalation pauses while it is kept`,
      rule: 'plan.pause',
      data: { planId: made.id, installments: made.installments.length },
    };
    const updated = {
      ...delinquency,
      status: 'in_plan' as const,
      activePlanId: made.id,
      version: delinquency.version + 1,
    };
    return (await deps.delinquencies.saveWithPlan(tenantId, updated, delinquency.version, [entry], made, true))
      ? made
      : undefined;
  });
  await deps.factsChanged.notify(tenantId, delinquencyId);
  return plan;
};
