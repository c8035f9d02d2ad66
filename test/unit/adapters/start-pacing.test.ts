// Starting executions against a simulated StartExecution quota (300/s refill, 1,300 burst) on virtual time: the paced
// adapter starts every execution once, is never throttled, and takes the quota's own minimum time, give or take its headroom.
import { StartPacer } from '../../../shared/adapters/aws/start-pacer';
import { SfnExecutions } from '../../../shared/adapters/aws/sfn-executions';
import { SimulatedStartQuota, VirtualTime } from '../../fixtures/start-quota';

const startAll = async (executions: SfnExecutions, count: number, workers: number) => {
  let next = 0;
  const outcomes = { started: 0, exists: 0, refused: 0, failed: 0 };
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (next < count) {
        const index = (next += 1) - 1;
        const name = `dlq-${index % (count - 10)}`;
        // (A try rather than .catch(): one promise fewer a start, and Jest's async hooks make each one count.)
        let outcome: keyof typeof outcomes;
        try {
          outcome = await executions.start(name, { tenantId: 't', delinquencyId: `dlq-${index}` });
        } catch {
          outcome = 'failed';
        }
        outcomes[outcome] += 1;
      }
    }),
  );
  return outcomes;
};

const seeded = (seed: number) => () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;

describe('starting executions under the StartExecution quota', () => {
  it('paced at the quota, 20,000 starts take the minimum time and are never throttled', async () => {
    const time = new VirtualTime();
    const quota = new SimulatedStartQuota(time);
    const executions = new SfnExecutions(quota, 'arn:sm', { pacer: new StartPacer(300, 1_300, time, 1_300), time });
    const outcomes = await time.run(() => startAll(executions, 20_000, 32));
    // The last 10 names repeat earlier ones (with other input): Step Functions refuses them, no new executions.
    expect(outcomes).toEqual({ started: 19_990, exists: 0, refused: 10, failed: 0 });
    expect(quota.throttled).toBe(0);
    const minimum = quota.minimumSeconds(20_000);
    expect(time.now() / 1000 / minimum).toBeGreaterThanOrEqual(1);
    expect(time.now() / 1000 / minimum).toBeLessThan(1.01);
  });

  it('as deployed (290/s, starting with no burst), 100,000 starts are never throttled and take within 6 % of the minimum', async () => {
    const time = new VirtualTime();
    const quota = new SimulatedStartQuota(time);
    const executions = new SfnExecutions(quota, 'arn:sm', { pacer: new StartPacer(290, 1_000, time), time });
    await time.run(() => startAll(executions, 100_000, 32));
    expect(quota.throttled).toBe(0);
    expect(quota.accepted).toBe(99_990);
    expect(time.now() / 1000 / quota.minimumSeconds(100_000)).toBeLessThan(1.06);
  });

  it('backoff alone is throttled over a thousand times for the same starts, and gives some up', async () => {
    const time = new VirtualTime();
    const quota = new SimulatedStartQuota(time);
    const executions = new SfnExecutions(quota, 'arn:sm', { time, random: seeded(7) });
    const outcomes = await time.run(() => startAll(executions, 20_000, 32));
    expect(quota.throttled).toBeGreaterThan(1_000);
    expect(outcomes.failed).toBeGreaterThan(0);
  });

  it('when others share the quota, throttled starts back off and are retried: each still started once', async () => {
    const time = new VirtualTime();
    const quota = new SimulatedStartQuota(time);
    const executions = new SfnExecutions(quota, 'arn:sm', {
      pacer: new StartPacer(300, 1_300, time, 1_300),
      time,
      random: seeded(11),
      maxAttempts: 20,
    });
    const other = new SfnExecutions(quota, 'arn:sm', { time, random: seeded(13), maxAttempts: 20 });
    let otherStarts = 0;
    // Another function starts 50 executions a second alongside.
    const neighbour = async () => {
      for (let i = 0; i < 500; i += 1) {
        await time.sleep(20);
        if ((await other.start(`other-${i}`, { tenantId: 't', delinquencyId: `other-${i}` })) === 'started')
          otherStarts += 1;
      }
    };
    const [outcomes] = await time.run(() => Promise.all([startAll(executions, 6_000, 32), neighbour()]));
    expect(outcomes.failed).toBe(0);
    expect(outcomes.started).toBe(5_990);
    expect(otherStarts).toBe(500);
    expect(executions.throttled).toBeGreaterThan(0);
  });
});
