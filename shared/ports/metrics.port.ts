// Business metrics the use cases count without knowing how they are published: EMF when deployed, a recorder locally.

/** The CloudWatch namespace every Arrears business metric is published under; the dashboard and alarms read it. */
export const METRICS_NAMESPACE = 'Arrears';
/** The `service` dimension Powertools adds to every metric (the functions' POWERTOOLS_SERVICE_NAME). */
export const METRICS_SERVICE = 'arrears';

/** The business events Arrears counts, each with the unit and the one low-cardinality dimension it is split by. */
export const BUSINESS_METRICS = {
  /** A reminder, case message, statement or confirmation handed to the provider, by channel (email, sms). */
  MessagesSent: { unit: 'Count', dimension: 'channel' },
  /** A payment newly applied to an invoice (never a replay), by currency. */
  PaymentsApplied: { unit: 'Count', dimension: 'currency' },
  /** What those payments took off balances, in minor units of the currency. */
  AmountRecovered: { unit: 'None', dimension: 'currency' },
  /** A promise to pay decided, by outcome (kept, partially_kept, broken, cancelled). */
  PromisesDecided: { unit: 'Count', dimension: 'outcome' },
  /** A delinquency's escalation execution started (a duplicate start the service refuses is not counted). */
  ExecutionsStarted: { unit: 'Count', dimension: null },
  /** An open delinquency's execution failed, timed out or was aborted, and the hourly run started the next one. */
  ExecutionsRestarted: { unit: 'Count', dimension: null },
  /** A send whose attempt died between claiming it and recording the provider's answer, found stale: never resent. */
  SendsUnknown: { unit: 'Count', dimension: 'channel' },
  /** Integration events the bus still refused after the publisher's retries, parked with the delinquency for replay. */
  EventsUnpublished: { unit: 'Count', dimension: null },
  /** Parked integration events the hourly run published again (each once). */
  EventsReplayed: { unit: 'Count', dimension: null },
  /** Events still parked after a run's replay that were parked more than PARKED_OVERDUE_HOURS ago: the bus keeps refusing. */
  EventsParkedOverdue: { unit: 'Count', dimension: null },
} as const satisfies Record<string, { unit: 'Count' | 'None'; dimension: string | null }>;

export type BusinessMetricName = keyof typeof BUSINESS_METRICS;

export interface BusinessMetrics {
  /** Adds `value` to a metric, under the metric's dimension value (a channel, currency or outcome; never an id). */
  add(name: BusinessMetricName, value: number, dimension?: string): void;
  /** Publishes what was added since the last flush; deployed handlers call it at the end of every invocation. */
  flush(): void;
}

export const noMetrics: BusinessMetrics = { add: () => undefined, flush: () => undefined };

/** The metrics a dependency object carries, or none: objects built without them keep working. */
export const metricsOf = (deps: { metrics?: BusinessMetrics }): BusinessMetrics => deps.metrics ?? noMetrics;
