// PATCH /v1/tenant: a manager's merge patch of the tenant's settings, guarded by If-Match when the caller sends one.
import { apiHandler, deployedHandler } from '../../shared/middleware/api-handler';
import { header } from '../../shared/middleware/api-context';
import type { ApiDependencies } from '../../shared/env/api-dependencies';
import { parseIfMatch, patchTenantSettings, versionTag } from '../../shared/use-cases/tenant-settings';
import { patchTenantRoute } from './routes/patch-tenant.route';

export const createHandler = (deps: ApiDependencies) =>
  apiHandler(deps, patchTenantRoute, async ({ grant, body, event }) => {
    const settings = await patchTenantSettings(deps, grant, body, parseIfMatch(header(event, 'if-match')));
    return { status: 200, body: settings, headers: { etag: versionTag(settings.version) } };
  });

export const handler = deployedHandler(createHandler);
