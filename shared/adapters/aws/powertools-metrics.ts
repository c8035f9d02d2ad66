// Business metrics as CloudWatch Embedded Metric Format through Powertools Metrics: summed per invocation, one EMF line per dimension value.
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import {
  BUSINESS_METRICS,
  METRICS_NAMESPACE,
  METRICS_SERVICE,
  type BusinessMetricName,
  type BusinessMetrics,
} from '../../ports/metrics.port';

interface Total {
  name: BusinessMetricName;
  dimension: string | undefined;
  value: number;
}

/**
 * EMF gives all metrics of one line the same dimensions, so totals are kept per metric and dimension value and written
 * as one line per dimension value at flush: a run that sends 500 emails writes one line with 500, not 500 lines.
 */
export class PowertoolsBusinessMetrics implements BusinessMetrics {
  private readonly metrics: Metrics;
  private readonly totals = new Map<string, Total>();

  constructor(serviceName: string = METRICS_SERVICE) {
    this.metrics = new Metrics({ namespace: METRICS_NAMESPACE, serviceName });
  }

  add(name: BusinessMetricName, value: number, dimension?: string): void {
    const key = `${name}\u0000${dimension ?? ''}`;
    const total = this.totals.get(key) ?? { name, dimension, value: 0 };
    total.value += value;
    this.totals.set(key, total);
  }

  flush(): void {
    const lines = new Map<string, { dimension: [string, string] | null; totals: Total[] }>();
    for (const total of this.totals.values()) {
      const dimensionName = BUSINESS_METRICS[total.name].dimension;
      const dimension: [string, string] | null =
        dimensionName && total.dimension !== undefined ? [dimensionName, total.dimension] : null;
      const key = dimension ? dimension.join('\u0000') : '';
      const line = lines.get(key) ?? { dimension, totals: [] };
      line.totals.push(total);
      lines.set(key, line);
    }
    this.totals.clear();
    for (const { dimension, totals } of lines.values()) {
      if (dimension) this.metrics.addDimension(...dimension);
      for (const total of totals) {
        this.metrics.addMetric(
          total.name,
          BUSINESS_METRICS[total.name].unit === 'Count' ? MetricUnit.Count : MetricUnit.NoUnit,
          total.value,
        );
      }
      // Publishing writes the line and clears its metrics and its dimension for the next line.
      this.metrics.publishStoredMetrics();
    }
  }
}
