// GET /v1/scoring/history?month=YYYY-MM: closed delinquencies with their opening score inputs, to fit a scorecard on.
import { apiHandler, deployedHandler } from '../../shared/middleware/api-handler';
import type { ApiDependencies } from '../../shared/env/api-dependencies';
import { scoringHistory } from '../../shared/use-cases/score-model';
import { getScoringHistoryRoute } from './routes/get-scoring-history.route';

export const createHandler = (deps: ApiDependencies) =>
  apiHandler(deps, getScoringHistoryRoute, async ({ grant, query }) => ({
    status: 200,
    body: await scoringHistory(deps, grant.tenantId, query.month, query.limit, query.cursor),
  }));

export const handler = deployedHandler(createHandler);
