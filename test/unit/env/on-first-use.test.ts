// Adapters built on first use: built once however many callers race for them, and a failed build is tried again.
import { eventBridgeOnFirstUse, sfnExecutionsOnFirstUse } from '../../../shared/env/aws-adapters-on-first-use';
import { onFirstUse } from '../../../shared/env/on-first-use';

describe('onFirstUse', () => {
  it('builds nothing until the first call, then hands every caller the same instance', async () => {
    let builds = 0;
    const adapter = onFirstUse(async () => ({ build: ++builds }));
    expect(builds).toBe(0);
    const [first, second] = await Promise.all([adapter(), adapter()]);
    expect(await adapter()).toBe(first);
    expect(second).toBe(first);
    expect(builds).toBe(1);
  });

  it('forgets a failed build, so the next call builds again', async () => {
    let builds = 0;
    const adapter = onFirstUse(async () => {
      builds += 1;
      if (builds === 1) throw new Error('throttled');
      return { build: builds };
    });
    await expect(adapter()).rejects.toThrow('throttled');
    await expect(adapter()).resolves.toEqual({ build: 2 });
    await expect(adapter()).resolves.toEqual({ build: 2 });
    expect(builds).toBe(2);
  });
});

describe('AWS adapters loaded on first use', () => {
  it('hands a start to the Step Functions adapter, which refuses it without a state machine', async () => {
    await expect(
      sfnExecutionsOnFirstUse(undefined).start('del_1', { tenantId: 't_1', delinquencyId: 'del_1' }),
    ).rejects.toThrow('this function was not given the state machine to start executions of');
  });

  it('hands a publish to the EventBridge adapter (nothing to send: no call to the bus)', async () => {
    await expect(eventBridgeOnFirstUse('arrears').publish([])).resolves.toBeUndefined();
  });
});
