// GET /v1/openapi.json: the API's OpenAPI 3.1 document, generated from the same zod schemas that validate requests.
import { apiHandler, deployedHandler } from '../../shared/middleware/api-handler';
import type { ApiDependencies } from '../../shared/env/api-dependencies';
import { buildOpenApiDocument } from './openapi';
import { getOpenApiRoute } from './routes/get-openapi.route';

export const createHandler = (deps: ApiDependencies) => {
  const document = buildOpenApiDocument();
  return apiHandler(deps, getOpenApiRoute, async () => ({
    status: 200,
    body: document,
    headers: { 'cache-control': 'public, max-age=300' },
  }));
};

export const handler = deployedHandler(createHandler);
