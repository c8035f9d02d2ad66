// POST /v1/strategies/preview: a ladder checked as PUT checks it, and its steps' moments for a sample invoice.
import { apiHandler, deployedHandler } from '../../shared/middleware/api-handler';
import type { ApiDependencies } from '../../shared/env/api-dependencies';
import { previewStrategy } from '../../shared/use-cases/strategy-preview';
import { previewStrategyRoute } from './routes/preview-strategy.route';

export const createHandler = (deps: ApiDependencies) =>
  apiHandler(deps, previewStrategyRoute, async ({ grant, body }) => ({
    status: 200,
    body: await previewStrategy(deps, grant.tenantId, body),
  }));

export const handler = deployedHandler(createHandler);
