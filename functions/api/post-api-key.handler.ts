// POST /v1/api-keys: a manager issues another key for the tenant; the key is in this answer only.
import { apiHandler, deployedHandler } from '../../shared/middleware/api-handler';
import type { ApiDependencies } from '../../shared/env/api-dependencies';
import { issueApiKey } from '../../shared/use-cases/api-keys';
import { postApiKeyRoute } from './routes/post-api-key.route';

export const createHandler = (deps: ApiDependencies) =>
  apiHandler(deps, postApiKeyRoute, async ({ grant, body }) => ({
    status: 201,
    body: await issueApiKey(deps, grant, body),
    headers: { 'cache-control': 'no-store' },
  }));

export const handler = deployedHandler(createHandler);
