// The customer as a collector needs them before a call: how to reach them, in which zone and language, and which
// channels they stopped.
import type { Customer } from '../../api-types';
import { href } from '../../router';

export const CustomerCard = (props: { customer: Customer; link?: boolean }) => {
  const { customer } = props;
  return (
    <section class="card" aria-labelledby="customer-heading">
      <h2 id="customer-heading">
        {props.link ? <a href={href(`/customers/${customer.id}`)}>{customer.name}</a> : customer.name}
      </h2>
      <dl class="facts">
        <dt>Kind</dt>
        <dd>{customer.kind === 'business' ? 'Business' : 'Consumer'}</dd>
        <dt>Email</dt>
        <dd>
          {customer.email ? <a href={`mailto:${customer.email}`}>{customer.email}</a> : <span class="muted">none</span>}
        </dd>
        <dt>Phone</dt>
        <dd>
          {customer.phone ? <a href={`tel:${customer.phone}`}>{customer.phone}</a> : <span class="muted">none</span>}
        </dd>
        <dt>Time zone</dt>
        <dd>{customer.timeZone}</dd>
        {customer.locale ? (
          <>
            <dt>Language</dt>
            <dd>{customer.locale}</dd>
          </>
        ) : null}
        {customer.country ? (
          <>
            <dt>Country</dt>
            <dd>{customer.country}</dd>
          </>
        ) : null}
        <dt>Opt-outs</dt>
        <dd>
          {customer.optOuts.length === 0 ? (
            <span class="muted">none</span>
          ) : (
            <ul class="plain">
              {customer.optOuts.map((optOut) => (
                <li key={`${optOut.channel}-${optOut.address ?? ''}`}>
                  <span class="badge">{optOut.channel}</span> {optOut.address ?? 'any address'}
                </li>
              ))}
            </ul>
          )}
        </dd>
      </dl>
    </section>
  );
};
