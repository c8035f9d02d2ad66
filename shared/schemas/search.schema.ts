// GET /v1/search: what a collector types to find an account, and what it finds (customers, invoices, cases).
import * as z from 'zod';

export const SearchQuerySchema = z.strictObject({
  /** A name (any word's beginning), an e-mail address, a phone number, an invoice id or a case's RF reference. */
  q: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export type SearchQuery = z.infer<typeof SearchQuerySchema>;

export const SearchHitSchema = z
  .object({
    /** What the hit opens: the customer's account, one invoice of it (not in collection), or a case. */
    kind: z.enum(['customer', 'invoice', 'case']),
    id: z.string(),
    customerId: z.string(),
    /** The customer's name as last written ("(erased)" once erased). */
    name: z.string(),
    /** What the query matched: a name word's beginning, or exactly the e-mail, phone, invoice id or case reference. */
    matched: z.enum(['name', 'email', 'phone', 'invoice', 'reference']),
    /** The invoice a hit of kind invoice or case came through; null for a customer. */
    invoiceId: z.string().nullable(),
    /** The case the hit's invoice is in, if it is in collection. */
    caseId: z.string().nullable(),
  })
  .meta({ id: 'SearchHit' });
export type SearchHit = z.infer<typeof SearchHitSchema>;

export const SearchResultSchema = z
  .object({ items: z.array(SearchHitSchema) })
  .meta({ id: 'SearchResult', description: 'Exact matches (invoice, reference, e-mail, phone) first, then names' });
export type SearchResult = z.infer<typeof SearchResultSchema>;
