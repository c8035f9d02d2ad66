// The tenant's scorecard: read it, replace it with weights fitted on its own history, and export that history.
import { DEFAULT_SCORE_MODEL } from '../domain/score';
import { NotFoundError } from '../errors/errors';
import type { DelinquencyListings } from '../ports/delinquency-repository.port';
import type { ApiKeyGrant, TenantDirectory } from '../ports/tenant-directory.port';
import { unpackInputs, type ScoreModel } from '../schemas/score.schema';
import { requireManager } from './collectors';

export const getScoreModel = async (deps: { tenants: TenantDirectory }, tenantId: string): Promise<ScoreModel> =>
  (await deps.tenants.getTenant(tenantId))?.scoreModel ?? DEFAULT_SCORE_MODEL;

/** A manager installs a fitted model; every later scoring uses it (existing scores change at their next pass). */
export const putScoreModel = async (
  deps: { tenants: TenantDirectory },
  grant: ApiKeyGrant,
  model: ScoreModel,
): Promise<ScoreModel> => {
  requireManager(grant, 'changing the scorecard');
  // Only the scorecard is written: a settings change made meanwhile (PATCH /v1/tenant) is kept.
  if (!(await deps.tenants.saveScoreModel(grant.tenantId, model)))
    throw new NotFoundError(`no tenant ${grant.tenantId}`);
  return model;
};

/** One month's closed delinquencies that were scored when they opened, with how they ended. */
export const scoringHistory = async (
  deps: { delinquencies: DelinquencyListings },
  tenantId: string,
  month: string,
  limit: number,
  cursor?: string,
) => {
  const page = await deps.delinquencies.listClosed(tenantId, month, limit, cursor);
  return {
    items: page.items
      .filter((delinquency) => delinquency.openingInputs !== null && delinquency.closedAt !== null)
      .map((delinquency) => ({
        delinquencyId: delinquency.id,
        customerId: delinquency.customerId,
        closedAt: delinquency.closedAt!,
        status: delinquency.status,
        paid: delinquency.status === 'resolved',
        inputs: unpackInputs(delinquency.openingInputs!),
      })),
    nextCursor: page.nextCursor,
  };
};
