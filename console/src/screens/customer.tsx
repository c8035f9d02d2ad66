// The Customer screen (#/customers/:id): how to reach them and what they stopped, every debt of theirs with each
// invoice's breakdown, and a link to each case.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api';
import type { Customer, CustomerCases, InvoiceView } from '../api-types';
import { Loading } from '../components/loading';
import { Money } from '../components/money';
import { Page } from '../components/page';
import { Problem } from '../components/problem';
import { href } from '../router';
import type { ScreenProps } from './screen';
import { CustomerCard } from './case/customer-card';
import { InvoiceTable } from './case/invoice-table';
import { STATUS_WORDS } from './case/words';
import './case/case.css';

interface CustomerData {
  customer: Customer;
  cases: CustomerCases['items'];
  invoices: InvoiceView[];
}

export const CustomerScreen = (props: ScreenProps) => {
  const customerId = props.params.id ?? '';
  const [data, setData] = useState<CustomerData | null>(null);
  const [error, setError] = useState<Error | null>(null);
  useEffect(() => {
    setData(null);
    const id = encodeURIComponent(customerId);
    void (async () => {
      try {
        const [customer, cases] = await Promise.all([
          api.get<Customer>(`/v1/customers/${id}`),
          api.get<CustomerCases>(`/v1/customers/${id}/delinquencies`),
        ]);
        const invoices = await Promise.all(
          cases.items.map((item) => api.get<InvoiceView>(`/v1/invoices/${encodeURIComponent(item.invoiceId)}`)),
        );
        setData({ customer, cases: cases.items, invoices });
      } catch (caught) {
        setError(caught as Error);
      }
    })();
  }, [customerId]);
  if (!data) {
    return (
      <Page title="Customer">
        {error ? <Problem error={error} label="The customer could not be read." /> : <Loading what="the customer" />}
      </Page>
    );
  }
  const { customer, cases, invoices } = data;
  return (
    <Page title={customer.name}>
      <div class="case-layout">
        <div class="case-main">
          <section class="card" aria-labelledby="cases-heading">
            <h2 id="cases-heading">Cases</h2>
            {cases.length === 0 ? (
              <p class="muted">Nothing overdue: no case was ever opened.</p>
            ) : (
              <div class="table-scroll" tabIndex={0} role="region" aria-label="Every debt of the customer">
                <table class="grid">
                  <caption>Every debt of the customer, newest first</caption>
                  <thead>
                    <tr>
                      <th scope="col">Case</th>
                      <th scope="col">Invoice</th>
                      <th scope="col">Status</th>
                      <th scope="col">Band</th>
                      <th scope="col" class="num">
                        Balance
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {cases.map((item) => {
                      const invoice = invoices.find((candidate) => candidate.id === item.invoiceId);
                      return (
                        <tr key={item.id}>
                          <th scope="row">
                            <a href={href(`/cases/${item.id}`)}>{item.id}</a>
                          </th>
                          <td>{item.invoiceId}</td>
                          <td>{STATUS_WORDS[item.status] ?? item.status}</td>
                          <td>{item.band ?? '—'}</td>
                          <td class="num">
                            <Money amount={invoice?.balance ?? item.balance} currency={item.currency} />
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
            )}
          </section>
          <section class="card" aria-labelledby="invoices-heading">
            <h2 id="invoices-heading">Invoices</h2>
            <InvoiceTable invoices={invoices} caption="What is owed on each invoice in collection" />
          </section>
        </div>
        <div class="case-side">
          <CustomerCard customer={customer} />
        </div>
      </div>
    </Page>
  );
};
