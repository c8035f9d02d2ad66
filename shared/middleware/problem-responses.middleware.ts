// Turns any thrown error into a problem+json answer at the API edge; only unexpected failures are logged as errors.
import type { MiddlewareObj } from '@middy/core';
import { PROBLEM_CONTENT_TYPE, toProblem } from '../errors/problem';
import { logger } from '../observability/logger';
import type { ApiEvent, ApiResponse } from './api-context';

export const problemResponses = (): MiddlewareObj<ApiEvent, ApiResponse> => ({
  onError: (request) => {
    const answer = toProblem(request.error);
    if (answer.status >= 500) {
      logger.error('request failed', { error: request.error as Error, routeKey: request.event.routeKey });
    } else {
      logger.info('request refused', {
        status: answer.status,
        type: answer.problem.type,
        routeKey: request.event.routeKey,
      });
    }
    request.response = {
      statusCode: answer.status,
      headers: { 'content-type': PROBLEM_CONTENT_TYPE, ...answer.headers },
      body: JSON.stringify({ ...answer.problem, instance: request.event.rawPath }),
    };
  },
});
