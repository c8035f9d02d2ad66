// One delinquency as a collector reads it: status, stage, what is owed today, disputes and the whole timeline.
import { daysBetween, localDate } from '../domain/calendar';
import { transferReference } from '../domain/transfer-reference';
import { NotFoundError } from '../errors/errors';
import type {
  DelinquencyDisputes,
  DelinquencyPlans,
  DelinquencyPromises,
  DelinquencyRecords,
  DelinquencyTimeline,
} from '../ports/delinquency-repository.port';
import type { DelinquencyView } from '../schemas/delinquency-view.schema';
import { getInvoice } from './invoices';
import type { CoreDeps } from './ports';
import type { TaskRepository } from '../ports/task-repository.port';
import type { TenantDirectory } from '../ports/tenant-directory.port';
import { scoreView } from './scoring';

export const getDelinquencyView = async (
  deps: CoreDeps & {
    delinquencies: DelinquencyRecords &
      DelinquencyDisputes &
      DelinquencyPromises &
      DelinquencyPlans &
      DelinquencyTimeline;
    tenants: TenantDirectory;
    tasks: Pick<TaskRepository, 'openFor'>;
  },
  tenantId: string,
  delinquencyId: string,
): Promise<DelinquencyView> => {
  const delinquency = await deps.delinquencies.get(tenantId, delinquencyId);
  if (!delinquency) throw new NotFoundError(`no delinquency ${delinquencyId}`);
  const [invoice, customer, timeline, disputes, promises, plans, tenant, tasks] = await Promise.all([
    getInvoice(deps, tenantId, delinquency.invoiceId),
    deps.customers.get(tenantId, delinquency.customerId),
    deps.delinquencies.timeline(tenantId, delinquencyId),
    deps.delinquencies.disputes(tenantId, delinquencyId),
    deps.delinquencies.promises(tenantId, delinquencyId),
    deps.delinquencies.plans(tenantId, delinquencyId),
    deps.tenants.getTenant(tenantId),
    deps.tasks.openFor(tenantId, delinquencyId),
  ]);
  const today = localDate(deps.clock.now(), customer?.timeZone ?? 'UTC');
  return {
    id: delinquency.id,
    status: delinquency.status,
    stage: delinquency.stage,
    customerId: delinquency.customerId,
    invoiceIds: [delinquency.invoiceId],
    currency: delinquency.currency,
    balance: invoice.balance,
    transferReference: transferReference(delinquency.id),
    daysPastDue: Math.max(0, daysBetween(invoice.dueDate, today)),
    score: scoreView(delinquency.score, tenant),
    assigneeId: delinquency.assigneeId,
    hold: delinquency.hold ?? null,
    tasks: [...tasks].sort((a, b) => a.dueAt.localeCompare(b.dueAt)),
    priority: delinquency.priority,
    nextActionAt: delinquency.nextActionAt,
    nextStep: delinquency.nextStep,
    openedAt: delinquency.openedAt,
    closedAt: delinquency.closedAt,
    promises,
    plans,
    disputes,
    timeline: [...timeline].sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id)),
  };
};
