// The benchmark's bill: Lambda time comes from the calls an invocation makes (at arm64 rates, with INIT on a share),
// logs and traces are priced, and an idle hour scales to a month.
import { DURATION_MODEL, LOG_MODEL, priceUsage, scaleUsage, type Usage } from '../../../bench/cost-model';
import { PRICES } from '../../../bench/prices';

const nothing: Usage = {
  stateTransitions: 0,
  historyEvents: 0,
  executions: 0,
  functions: {},
  dynamoDb: { readUnits: 0, writeUnits: 0 },
  emails: 0,
  sms: 0,
  eventBridgeEvents: 0,
  controlPlaneCalls: 0,
  schedulerInvocations: 0,
  apiRequests: 0,
  applicationLogBytes: 0,
  metricRecords: 0,
  traces: 0,
};

describe('the benchmark cost model', () => {
  it('prices an engine invocation by the calls it waits for, at the arm64 rate, whatever the machine', () => {
    const priced = priceUsage({
      ...nothing,
      functions: {
        engine: { kind: 'engine', invocations: 1, dynamoDbCalls: { GetCommand: 2, TransactWriteCommand: 1 } },
      },
    });
    const ms = DURATION_MODEL.handlerMs + 2 * DURATION_MODEL.dynamoDbCallMs + DURATION_MODEL.dynamoDbMultiItemCallMs;
    expect(priced.lambdaGbSeconds.duration).toBeCloseTo((ms / 1000) * 0.5, 10);
    expect(priced.costUsd.lambdaDuration).toBeCloseTo((ms / 1000) * 0.5 * 0.0000133334, 15);
    expect(priced.costUsd.lambdaRequests).toBeCloseTo(0.2 / 1_000_000, 15);
    // INIT on the modelled share of invocations.
    expect(priced.lambdaGbSeconds.init).toBeCloseTo(
      DURATION_MODEL.coldStartShare * (DURATION_MODEL.initMs.engine / 1000) * 0.5,
      10,
    );
  });

  it('gives an API route half the engine memory', () => {
    const calls = { PutCommand: 3 };
    const api = priceUsage({ ...nothing, functions: { a: { kind: 'api', invocations: 1, dynamoDbCalls: calls } } });
    const engine = priceUsage({
      ...nothing,
      functions: { e: { kind: 'engine', invocations: 1, dynamoDbCalls: calls } },
    });
    expect(api.lambdaGbSeconds.duration * 2).toBeCloseTo(engine.lambdaGbSeconds.duration, 10);
  });

  it('prices the state machine’s log events, the API requests with their access logs, and the traces', () => {
    const priced = priceUsage({ ...nothing, historyEvents: 1_000_000, apiRequests: 1_000_000, traces: 1_000_000 });
    const gb = 1024 ** 3;
    expect(priced.logBytes.stateMachine).toBe(1_000_000 * LOG_MODEL.stateMachineEventBytes);
    expect(priced.costUsd.logs).toBeCloseTo(
      ((1_000_000 * (LOG_MODEL.stateMachineEventBytes + LOG_MODEL.apiAccessLogBytes)) / gb) * 0.5,
      8,
    );
    expect(priced.costUsd.apiGateway).toBeCloseTo(1, 8);
    expect(priced.costUsd.xray).toBeCloseTo(5, 8);
  });

  it('counts every DynamoDB unit, transitions, events and Scheduler invocations at their prices', () => {
    const priced = priceUsage({
      ...nothing,
      stateTransitions: 1000,
      dynamoDb: { readUnits: 1_000_000, writeUnits: 1_000_000 },
      eventBridgeEvents: 1_000_000,
      schedulerInvocations: 1_000_000,
    });
    expect(priced.costUsd).toMatchObject({ stepFunctions: 0.025, eventBridge: 1, scheduler: 1 });
    expect(priced.costUsd.dynamoDb).toBeCloseTo(0.75, 10);
    // Putting the events is engine time too.
    expect(priced.costUsd.lambdaDuration).toBeCloseTo(
      1_000_000 * (DURATION_MODEL.eventBridgePutMs / 1000) * 0.5 * 0.0000133334,
      8,
    );
    expect(priced.totalUsd - priced.costUsd.lambdaDuration).toBeCloseTo(0.025 + 0.75 + 2, 10);
  });

  it('turns an idle hour into a month', () => {
    const hour: Usage = {
      ...nothing,
      functions: { engine: { kind: 'engine', invocations: 1, dynamoDbCalls: { QueryCommand: 4 } } },
      dynamoDb: { readUnits: 2, writeUnits: 1 },
      traces: 1,
    };
    const month = priceUsage(scaleUsage(hour, 720));
    expect(month.totalUsd).toBeCloseTo(priceUsage(hour).totalUsd * 720, 10);
  });

  it('dates every price and names its source', () => {
    for (const price of Object.values(PRICES).filter((value) => typeof value === 'object')) {
      expect(price).toMatchObject({
        asOf: expect.stringMatching(/^\d{4}-\d{2}$/),
        source: expect.stringMatching(/^https:\/\/aws\.amazon\.com\//),
      });
    }
  });
});
