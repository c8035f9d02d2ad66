// The single table's physical shape, written once: the CDK stack deploys it and the local runtime creates it from it.

/**
 * What an index copies besides its keys. An index is written whenever a copied attribute changes, so each copies only
 * what its queries filter on or answer without a follow-up read; everything else is read from the base item
 * (./indexed-items.ts). Task tokens (up to ~2 KB in AWS) are never copied. DynamoDB cannot change a deployed index's
 * projection: changing one here replaces the index (see the README's upgrade notes).
 */
export type IndexProjection = { type: 'KEYS_ONLY' } | { type: 'INCLUDE'; attributes: readonly string[] };

export interface IndexDesign {
  indexName: string;
  partitionKey: string;
  sortKey: string;
  projection: IndexProjection;
}

/** Copied into the queue indexes: what a queue page filters on (currency; the assignee queue also by band, which the
 *  tenant queue's partition key names). Not `stage`: it changes at every step, and each change would rewrite two index
 *  items; the stage filter reads the cases themselves. */
export const QUEUE_FILTER_ATTRIBUTES = ['currency', 'gsi3pk'] as const;

export const TABLE_DESIGN = {
  partitionKey: 'pk',
  sortKey: 'sk',
  /** Epoch seconds after which DynamoDB may delete the item (idempotency records, webhook event ids). */
  timeToLiveAttribute: 'expiresAt',
  /** The table's stream: the report counters follow invoice writes from it (functions/streams/report-ledger.handler.ts). */
  streamViewType: 'NEW_AND_OLD_IMAGES',
  globalSecondaryIndexes: [
    /** Everything of one customer: invoices by due date, delinquencies by opening (the customer's case); also the
     *  tenants, a tenant's disputes, and a tenant's parked integration events (sparse: only while they wait).
     *  Keys only: its readers want whole items, read from the table, so no write of a case or invoice touches it. */
    { indexName: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk', projection: { type: 'KEYS_ONLY' } },
    /** Open invoices by local due date, sharded: what the scheduled run reads. Sparse. Keys only: an invoice is
     *  written while it waits here (opened, paid in part), and a write costs more than the run's read of it. */
    { indexName: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk', projection: { type: 'KEYS_ONLY' } },
    /** Active delinquencies of a tenant by priority: the collectors' work queue; also closed cases by month and open
     *  tasks. Sparse. The page's items are read from the table, so a pass that re-scores a case leaves it alone. */
    {
      indexName: 'gsi3',
      partitionKey: 'gsi3pk',
      sortKey: 'gsi3sk',
      projection: { type: 'INCLUDE', attributes: ['currency'] },
    },
    /** Open delinquencies of one collector (or unassigned) by priority: "my queue". Sparse. */
    {
      indexName: 'gsi4',
      partitionKey: 'gsi4pk',
      sortKey: 'gsi4sk',
      projection: { type: 'INCLUDE', attributes: QUEUE_FILTER_ATTRIBUTES },
    },
  ] satisfies IndexDesign[],
} as const;

export type IndexName = (typeof TABLE_DESIGN.globalSecondaryIndexes)[number]['indexName'];

/** The projection in DynamoDB's own words (CreateTable, and the CDK's projectionType / nonKeyAttributes). */
export const projectionOf = (
  index: IndexDesign,
): { ProjectionType: 'KEYS_ONLY' | 'INCLUDE'; NonKeyAttributes?: string[] } =>
  index.projection.type === 'KEYS_ONLY'
    ? { ProjectionType: 'KEYS_ONLY' }
    : { ProjectionType: 'INCLUDE', NonKeyAttributes: [...index.projection.attributes] };
