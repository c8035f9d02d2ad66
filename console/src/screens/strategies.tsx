// The Strategies screen (#/strategies): the tenant's ladders, what each applies to and its steps in short; managers
// start a new one here.
import type { Strategy, StrategyList, TenantSettingsView } from '../api-types';
import { Loading } from '../components/loading';
import { Page } from '../components/page';
import { Problem } from '../components/problem';
import { money } from '../format';
import { href } from '../router';
import { useSession } from '../session-context';
import { useResource } from '../use-resource';
import type { ScreenProps } from './screen';
import './strategy.css';

const appliesTo = (strategy: Strategy, currency: string): string => {
  if (strategy.isDefault) return 'every invoice no other strategy fits';
  const criteria = strategy.appliesTo;
  const parts = [
    criteria?.segment ? `segment ${criteria.segment}` : null,
    criteria?.scoreBand ? `score band ${criteria.scoreBand}` : null,
    criteria?.minAmount !== undefined ? `from ${money(criteria.minAmount, currency)}` : null,
  ].filter((part): part is string => part !== null);
  return parts.length > 0 ? parts.join(', ') : 'only invoices that name it';
};

const day = (offset: number) => (offset > 0 ? `+${offset}` : String(offset));

export const StrategiesScreen = (_props: ScreenProps) => {
  const { person } = useSession();
  const list = useResource<StrategyList>('/v1/strategies');
  const tenant = useResource<TenantSettingsView>('/v1/tenant');
  const currency = tenant.data?.baseCurrency ?? 'EUR';
  return (
    <Page
      title="Strategies"
      actions={
        person.role === 'manager' ? (
          <a class="button" href={href('/strategies/new')}>
            New strategy
          </a>
        ) : null
      }
    >
      <p class="muted">
        Each ladder’s days count from the invoice’s due date (negative before it); steps go at the tenant’s send time on
        the customer’s clock, moved by the contact rules.
      </p>
      <Problem error={list.error} />
      {list.loading && !list.data ? <Loading what="the strategies" /> : null}
      {list.data ? (
        <div class="table-scroll" tabIndex={0} role="region" aria-label="Strategies table (scrolls sideways)">
          <table class="grid strategies">
            <thead>
              <tr>
                <th scope="col">Strategy</th>
                <th scope="col">Applies to</th>
                <th scope="col">Steps (day: channel)</th>
                <th scope="col">Interest</th>
                <th scope="col" class="num">
                  Version
                </th>
              </tr>
            </thead>
            <tbody>
              {list.data.strategies.map((strategy) => (
                <tr key={strategy.id} data-strategy={strategy.id}>
                  <th scope="row">
                    <a href={href(`/strategies/${encodeURIComponent(strategy.id)}`)}>{strategy.name}</a>
                    {strategy.isDefault ? <span class="badge">default</span> : null}
                    <div class="muted">{strategy.id}</div>
                  </th>
                  <td>{appliesTo(strategy, currency)}</td>
                  <td>
                    <ol class="step-summary">
                      {strategy.steps.map((step) => (
                        <li key={step.id}>
                          <span class="step-day">{day(step.offsetDays)}</span> {step.channel}
                          {step.fee ? (
                            <span class="muted">
                              {' '}
                              +fee{' '}
                              {'percent' in step.fee
                                ? `${step.fee.percent} %`
                                : money(step.fee.amount, step.fee.currency ?? currency)}
                            </span>
                          ) : null}
                        </li>
                      ))}
                    </ol>
                  </td>
                  <td>{strategy.interest?.rule ?? 'none'}</td>
                  <td class="num">{strategy.version}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </Page>
  );
};
