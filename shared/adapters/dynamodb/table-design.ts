// The single table's physical shape, written once: the CDK stack deploys it and the local runtime creates it from it.

export interface IndexDesign {
  indexName: string;
  partitionKey: string;
  sortKey: string;
}

export const TABLE_DESIGN = {
  partitionKey: 'pk',
  sortKey: 'sk',
  /** Epoch seconds after which DynamoDB may delete the item (idempotency records, webhook event ids). */
  timeToLiveAttribute: 'expiresAt',
  globalSecondaryIndexes: [
    /** Everything of one customer: invoices by due date, delinquencies by opening (the customer's case); also the
     *  tenants, a tenant's disputes, and a tenant's parked integration events (sparse: only while they wait). */
    { indexName: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
    /** Open invoices by local due date, sharded: what the scheduled run reads. Sparse. */
    { indexName: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
    /** Active delinquencies of a tenant by priority: the collectors' work queue. Sparse. */
    { indexName: 'gsi3', partitionKey: 'gsi3pk', sortKey: 'gsi3sk' },
    /** Open delinquencies of one collector (or unassigned) by priority: "my queue". Sparse. */
    { indexName: 'gsi4', partitionKey: 'gsi4pk', sortKey: 'gsi4sk' },
  ] satisfies IndexDesign[],
} as const;

export type IndexName = (typeof TABLE_DESIGN.globalSecondaryIndexes)[number]['indexName'];
