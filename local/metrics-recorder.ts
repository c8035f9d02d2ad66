// The local runtime's business metrics: running totals per metric and dimension value, served at GET /local/metrics.
import { BUSINESS_METRICS, type BusinessMetricName, type BusinessMetrics } from '../shared/ports/metrics.port';

export interface RecordedMetric {
  name: BusinessMetricName;
  /** The metric's dimension and its value ({ channel: "email" }); empty for a metric without one. */
  dimensions: Record<string, string>;
  value: number;
}

export class MetricsRecorder implements BusinessMetrics {
  private readonly totals = new Map<string, RecordedMetric>();

  add(name: BusinessMetricName, value: number, dimension?: string): void {
    const dimensionName = BUSINESS_METRICS[name].dimension;
    const dimensions: Record<string, string> =
      dimensionName && dimension !== undefined ? { [dimensionName]: dimension } : {};
    const key = `${name}\u0000${dimension ?? ''}`;
    const total = this.totals.get(key) ?? { name, dimensions, value: 0 };
    total.value += value;
    this.totals.set(key, total);
  }

  /** Totals since start are what a test asserts on; there is nothing to publish. */
  flush(): void {}

  /** Every metric with its totals, by name then dimension value. */
  list(): RecordedMetric[] {
    return [...this.totals.values()].sort(
      (a, b) =>
        a.name.localeCompare(b.name) || JSON.stringify(a.dimensions).localeCompare(JSON.stringify(b.dimensions)),
    );
  }

  /** The total of one metric (for one dimension value, or over all of them). */
  total(name: BusinessMetricName, dimension?: string): number {
    return this.list()
      .filter(
        (metric) =>
          metric.name === name && (dimension === undefined || Object.values(metric.dimensions)[0] === dimension),
      )
      .reduce((sum, metric) => sum + metric.value, 0);
  }
}
