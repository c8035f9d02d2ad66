// Every invoice of a case with how its balance is made: amount plus fees and interest, less what was paid.
import { Money } from '../../components/money';
import type { InvoiceView } from '../../api-types';
import { calendarDate } from '../../format';

export const InvoiceTable = (props: { invoices: InvoiceView[]; caption: string }) => (
  <div class="table-scroll" tabIndex={0} role="region" aria-label={props.caption}>
    <table class="grid">
      <caption>{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col">Invoice</th>
          <th scope="col">Due</th>
          <th scope="col" class="num">
            Amount
          </th>
          <th scope="col" class="num">
            Fees
          </th>
          <th scope="col" class="num">
            Interest
          </th>
          <th scope="col" class="num">
            Paid
          </th>
          <th scope="col" class="num">
            Balance
          </th>
        </tr>
      </thead>
      <tbody>
        {props.invoices.map((invoice) => (
          <tr key={invoice.id}>
            <th scope="row">
              {invoice.id}
              <div class="muted">
                {invoice.status.replace('_', ' ')}
                {invoice.description ? ` · ${invoice.description}` : ''}
              </div>
            </th>
            <td class="nowrap">{calendarDate(invoice.dueDate)}</td>
            <td class="num">
              <Money amount={invoice.amount} currency={invoice.currency} />
            </td>
            <td class="num">
              <Money amount={invoice.charges.fees} currency={invoice.currency} />
            </td>
            <td class="num">
              <Money amount={invoice.charges.interest} currency={invoice.currency} />
            </td>
            <td class="num">
              <Money amount={invoice.paid} currency={invoice.currency} />
            </td>
            <td class="num" data-testid={`balance-${invoice.id}`}>
              <strong>
                <Money amount={invoice.balance} currency={invoice.currency} />
              </strong>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  </div>
);
