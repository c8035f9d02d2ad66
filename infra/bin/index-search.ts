// Operator command, once after upgrading to a release with search: indexes the customers and invoices stored before
// it (later writes index themselves). Safe to run again. Usage: npx tsx infra/bin/index-search.ts --table <TableName>
import { parseArgs } from 'node:util';
import { createDocumentClient } from '../../shared/adapters/dynamodb/client';
import { backfillSearchIndex } from '../../shared/adapters/dynamodb/search-backfill.dynamodb';

const main = async () => {
  const { values } = parseArgs({ options: { table: { type: 'string' } } });
  if (!values.table) throw new Error('usage: index-search --table <TableName>');
  const counts = await backfillSearchIndex(createDocumentClient(), values.table, (sofar) =>
    process.stdout.write(`indexed ${sofar.customers} customers and ${sofar.invoices} invoices so far\n`),
  );
  process.stdout.write(`done: ${counts.customers} customers and ${counts.invoices} invoices indexed\n`);
};

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
