// The work queue: open delinquencies, highest priority first, each a link to its case.
import type { QueuePage } from '../api-types';
import { Loading } from '../components/loading';
import { Money } from '../components/money';
import { Page } from '../components/page';
import { Problem } from '../components/problem';
import { href } from '../router';
import { useResource } from '../use-resource';
import type { ScreenProps } from './screen';

export const QueueScreen = (_props: ScreenProps) => {
  const queue = useResource<QueuePage>('/v1/delinquencies', { limit: 25 });
  return (
    <Page title="Queue">
      <Problem error={queue.error} />
      {queue.loading && !queue.data ? <Loading what="the queue" /> : null}
      {queue.data ? (
        <table class="grid">
          <caption class="visually-hidden">Open delinquencies, highest priority first</caption>
          <thead>
            <tr>
              <th scope="col">Case</th>
              <th scope="col">Customer</th>
              <th scope="col" class="num">
                Balance
              </th>
              <th scope="col">Band</th>
              <th scope="col">Next step</th>
            </tr>
          </thead>
          <tbody>
            {queue.data.items.map((item) => (
              <tr key={item.id}>
                <td>
                  <a href={href(`/cases/${encodeURIComponent(item.id)}`)}>{item.invoiceId}</a>
                </td>
                <td>{item.customerId}</td>
                <td class="num">
                  <Money amount={item.balance} currency={item.currency} />
                </td>
                <td>{item.score?.band ?? '—'}</td>
                <td>{item.nextStep ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {queue.data && queue.data.items.length === 0 ? <p>Nothing in the queue.</p> : null}
    </Page>
  );
};
