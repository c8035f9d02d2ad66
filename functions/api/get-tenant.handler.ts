// GET /v1/tenant: the tenant's settings as the caller's key sees them, with the version as ETag for a later If-Match.
import { apiHandler, deployedHandler } from '../../shared/middleware/api-handler';
import type { ApiDependencies } from '../../shared/env/api-dependencies';
import { getTenantSettings, versionTag } from '../../shared/use-cases/tenant-settings';
import { getTenantRoute } from './routes/get-tenant.route';

export const createHandler = (deps: ApiDependencies) =>
  apiHandler(deps, getTenantRoute, async ({ grant }) => {
    const settings = await getTenantSettings(deps, grant.tenantId);
    return { status: 200, body: settings, headers: { etag: versionTag(settings.version) } };
  });

export const handler = deployedHandler(createHandler);
