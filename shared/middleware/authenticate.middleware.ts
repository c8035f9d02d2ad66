// Resolves "Authorization: Bearer <key>" to a tenant; only the key's SHA-256 is ever looked up or stored.
import type { MiddlewareObj } from '@middy/core';
import { sha256Hex } from '../domain/ids';
import { UnauthorizedError } from '../errors/errors';
import { logger } from '../observability/logger';
import type { TenantDirectory } from '../ports/tenant-directory.port';
import { header, type ApiContext, type ApiEvent, type ApiResponse } from './api-context';

const BEARER = /^Bearer\s+(\S{8,256})\s*$/i;

export const authenticate = (tenants: TenantDirectory): MiddlewareObj<ApiEvent, ApiResponse, Error, ApiContext> => ({
  before: async (request) => {
    const authorization = header(request.event, 'authorization');
    if (!authorization) throw new UnauthorizedError('an API key is required: send "Authorization: Bearer <key>"');
    const match = BEARER.exec(authorization);
    if (!match) throw new UnauthorizedError('the Authorization header must be "Bearer <key>"');
    const grant = await tenants.resolveApiKey(sha256Hex(match[1]!));
    if (!grant) throw new UnauthorizedError('the API key is not valid');
    request.context.grant = grant;
    logger.appendKeys({ tenantId: grant.tenantId, keyId: grant.keyId });
  },
});
