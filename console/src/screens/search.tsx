// The Search screen: one box for whatever the caller on the phone gives (a name, an e-mail, a phone number, an invoice id
// or a payment reference); the query lives in the address, so a reload or a shared link searches again.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api';
import type { SearchHit, SearchResult } from '../api-types';
import { Loading } from '../components/loading';
import { Page } from '../components/page';
import { Problem } from '../components/problem';
import { href, navigate } from '../router';
import type { ScreenProps } from './screen';
import './search.css';

/** The groups results are shown in, exact matches first (the order the API answers in). */
const GROUPS: { matched: SearchHit['matched']; title: string }[] = [
  { matched: 'invoice', title: 'Invoice id' },
  { matched: 'reference', title: 'Payment reference' },
  { matched: 'email', title: 'E-mail address' },
  { matched: 'phone', title: 'Phone number' },
  { matched: 'name', title: 'Name' },
];

/** Where a hit leads: the case it found, or the customer's account (an invoice not in collection is shown there). */
const target = (hit: SearchHit): string => {
  if (hit.kind === 'case') return href(`/cases/${encodeURIComponent(hit.id)}`);
  if (hit.kind === 'invoice' && hit.caseId) return href(`/cases/${encodeURIComponent(hit.caseId)}`);
  return href(`/customers/${encodeURIComponent(hit.customerId)}`);
};

const what = (hit: SearchHit): string => {
  if (hit.kind === 'case') return `Case of invoice ${hit.invoiceId ?? ''}`;
  if (hit.kind === 'invoice') return hit.caseId ? `Invoice ${hit.id}, in collection` : `Invoice ${hit.id}`;
  return `Customer ${hit.customerId}`;
};

interface Found {
  query: string;
  data: SearchResult | null;
  error: Error | null;
}

const Results = (props: { query: string; result: SearchResult }) => {
  const { items } = props.result;
  if (items.length === 0)
    return (
      <p class="search-none" role="status">
        Nothing found for “{props.query}”. Check the spelling, or try the e-mail address, the phone number, the invoice
        id or the payment reference.
      </p>
    );
  return (
    <>
      <p class="muted" role="status">
        {items.length === 1 ? '1 result' : `${items.length} results`} for “{props.query}”
      </p>
      {GROUPS.map((group) => {
        const hits = items.filter((hit) => hit.matched === group.matched);
        if (hits.length === 0) return null;
        const id = `search-group-${group.matched}`;
        return (
          <section key={group.matched} aria-labelledby={id} class="search-group">
            <h2 id={id}>
              Matched by {group.title.toLowerCase()} <span class="badge">{hits.length}</span>
            </h2>
            <ul class="search-hits">
              {hits.map((hit) => (
                <li key={`${hit.kind}:${hit.id}`}>
                  <a href={target(hit)}>{hit.name}</a>
                  <span class="muted"> · {what(hit)}</span>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </>
  );
};

export const SearchScreen = (props: ScreenProps) => {
  const query = (props.query.get('q') ?? '').trim();
  const [text, setText] = useState(query);
  // The address is the source: going back to an earlier search puts its words back in the box.
  useEffect(() => setText(query), [query]);
  const [attempt, setAttempt] = useState(0);
  const [found, setFound] = useState<Found>({ query: '', data: null, error: null });
  useEffect(() => {
    if (query === '') return;
    // Only the answer to the query now in the address is shown: one to an earlier query that arrives late is dropped.
    let current = true;
    setFound({ query, data: null, error: null });
    api.get<SearchResult>('/v1/search', { q: query, limit: 50 }).then(
      (data) => current && setFound({ query, data, error: null }),
      (error: Error) => current && setFound({ query, data: null, error }),
    );
    return () => {
      current = false;
    };
  }, [query, attempt]);
  const submit = (event: Event) => {
    event.preventDefault();
    // What the box holds as it is sent, even if its last keystroke has not been rendered into the state yet.
    const typed = new FormData(event.currentTarget as HTMLFormElement).get('q');
    const wanted = (typeof typed === 'string' ? typed : text).trim();
    if (wanted === query) setAttempt((count) => count + 1);
    else navigate('/search', { q: wanted });
  };
  return (
    <Page title="Search">
      <form role="search" class="search-form" onSubmit={submit}>
        <label for="search-q">Find a customer, invoice or case</label>
        <p class="muted search-hint" id="search-q-hint">
          A name (or the start of one), an e-mail address, a phone number, an invoice id or a payment reference (RF…).
        </p>
        <div class="search-row">
          <input
            id="search-q"
            type="search"
            name="q"
            maxLength={200}
            autoComplete="off"
            aria-describedby="search-q-hint"
            value={text}
            onInput={(event) => setText((event.target as HTMLInputElement).value)}
          />
          <button type="submit">Search</button>
        </div>
      </form>
      {query === '' ? null : found.error ? (
        <Problem error={found.error} label="The search failed." />
      ) : found.query !== query || !found.data ? (
        <Loading what="results" />
      ) : (
        <Results query={query} result={found.data} />
      )}
    </Page>
  );
};
