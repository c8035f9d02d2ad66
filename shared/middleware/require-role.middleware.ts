// The role matrix's one checkpoint: a key whose role the route does not name is refused (403 forbidden-role) right after
// authentication, before the body is read or an idempotent replay is answered, so a replay never leaks another role's answer.
import type { MiddlewareObj } from '@middy/core';
import { ForbiddenError } from '../errors/errors';
import type { ApiKeyRole } from '../schemas/tenant.schema';
import type { ApiContext, ApiEvent, ApiResponse } from './api-context';

export const FORBIDDEN_ROLE = 'forbidden-role';

export const requireRole = (roles: readonly ApiKeyRole[]): MiddlewareObj<ApiEvent, ApiResponse, Error, ApiContext> => ({
  before: (request) => {
    const role = request.context.grant!.role;
    if (!roles.includes(role)) {
      throw new ForbiddenError(
        `a ${role} key may not call ${request.event.routeKey}: it needs the role ${roles.join(' or ')}`,
        FORBIDDEN_ROLE,
      );
    }
  },
});
