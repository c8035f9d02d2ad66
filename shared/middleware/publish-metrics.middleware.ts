// Publishes the business metrics an invocation counted when it ends, answered or failed, so nothing waits for the next one.
import type { MiddlewareObj } from '@middy/core';
import type { BusinessMetrics } from '../ports/metrics.port';

export const publishMetrics = <E = unknown, R = unknown>(metrics: BusinessMetrics): MiddlewareObj<E, R> => ({
  after: () => {
    metrics.flush();
  },
  onError: () => {
    metrics.flush();
  },
});
