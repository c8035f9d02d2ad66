// Search across a tenant's accounts: a typed query becomes a few exact lookups and one name-prefix lookup, each one
// Query of the search index (or a GetItem of the invoice), never a Scan; nothing of the query is logged.
import { nameMatches, planSearch } from '../domain/search-terms';
import type { CustomerHit, InvoiceOwner, SearchIndex } from '../ports/search-index.port';
import type { SearchHit, SearchResult } from '../schemas/search.schema';

/** Name entries read for one query: the typed words after the first narrow them down, so read a few pages' worth. */
const NAME_READ = 100;

const customerHits = (hits: CustomerHit[], matched: 'name' | 'email' | 'phone'): SearchHit[] =>
  hits.map((hit) => ({
    kind: 'customer',
    id: hit.customerId,
    customerId: hit.customerId,
    name: hit.name,
    matched,
    invoiceId: null,
    caseId: null,
  }));

/** An invoice found by its id, or by its case's reference: the case once it is in collection, else the invoice. */
const invoiceHit = (owner: InvoiceOwner, name: string, matched: 'invoice' | 'reference'): SearchHit => ({
  kind: matched === 'reference' && owner.delinquencyId !== null ? 'case' : 'invoice',
  id: matched === 'reference' && owner.delinquencyId !== null ? owner.delinquencyId : owner.invoiceId,
  customerId: owner.customerId,
  name,
  matched,
  invoiceId: owner.invoiceId,
  caseId: owner.delinquencyId,
});

export const searchAccounts = async (
  deps: { search: SearchIndex },
  tenantId: string,
  query: string,
  limit: number,
): Promise<SearchResult> => {
  const plan = planSearch(query);
  const index = deps.search;
  // The longest typed word is the most selective prefix; the others filter what it finds.
  const prefix = [...plan.nameWords].sort((a, b) => b.length - a.length)[0];
  const [byInvoice, byReference, byEmail, byPhone, byName] = await Promise.all([
    plan.invoiceId === null ? null : index.invoiceOwner(tenantId, plan.invoiceId),
    plan.reference === null
      ? []
      : index
          .byReference(tenantId, plan.reference)
          .then((ids) => Promise.all(ids.map((id) => index.invoiceOwner(tenantId, id)))),
    plan.email === null ? [] : index.byContact(tenantId, 'email', plan.email, limit),
    plan.phone === null ? [] : index.byContact(tenantId, 'phone', plan.phone, limit),
    prefix === undefined ? [] : index.byNamePrefix(tenantId, prefix, NAME_READ),
  ]);
  const referenced = (byReference as (InvoiceOwner | null)[]).filter((owner): owner is InvoiceOwner => owner !== null);
  const owners = [...(byInvoice ? [byInvoice] : []), ...referenced];
  const names =
    owners.length === 0
      ? new Map<string, string>()
      : await index.customerNames(
          tenantId,
          owners.map((o) => o.customerId),
        );
  const nameOf = (customerId: string) => names.get(customerId) ?? customerId;
  const hits: SearchHit[] = [
    ...(byInvoice ? [invoiceHit(byInvoice, nameOf(byInvoice.customerId), 'invoice')] : []),
    ...referenced.map((owner) => invoiceHit(owner, nameOf(owner.customerId), 'reference')),
    ...customerHits(byEmail, 'email'),
    ...customerHits(byPhone, 'phone'),
    ...customerHits(
      byName.filter((hit) => nameMatches(plan.nameWords, hit.words)),
      'name',
    ),
  ];
  // A customer found twice (two of its words start alike, or by e-mail and by name) is listed once, as found first.
  const seen = new Set<string>();
  const items = hits.filter((hit) => {
    const key = `${hit.kind}#${hit.id}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { items: items.slice(0, limit) };
};
