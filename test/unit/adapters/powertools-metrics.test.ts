// The deployed metrics adapter: what reaches CloudWatch is EMF lines, one per dimension value, with totals per invocation.
import { PowertoolsBusinessMetrics } from '../../../shared/adapters/aws/powertools-metrics';

interface EmfLine {
  _aws: {
    CloudWatchMetrics: { Namespace: string; Dimensions: string[][]; Metrics: { Name: string; Unit: string }[] }[];
  };
  [key: string]: unknown;
}

/** Runs `act` and returns the EMF lines written to standard output meanwhile. */
const emfLines = (act: () => void): EmfLine[] => {
  const written: string[] = [];
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    written.push(String(chunk));
    return true;
  });
  try {
    act();
  } finally {
    spy.mockRestore();
  }
  return written
    .flatMap((chunk) => chunk.split('\n'))
    .filter((line) => line.includes('"_aws"'))
    .map((line) => JSON.parse(line) as EmfLine);
};

describe('Powertools business metrics', () => {
  it('sums per metric and dimension value and writes one EMF line per dimension value at flush', () => {
    const metrics = new PowertoolsBusinessMetrics();
    const beforeFlush = emfLines(() => {
      metrics.add('MessagesSent', 1, 'email');
      metrics.add('MessagesSent', 1, 'email');
      metrics.add('MessagesSent', 1, 'sms');
      metrics.add('PaymentsApplied', 1, 'EUR');
      metrics.add('AmountRecovered', 12_500, 'EUR');
      metrics.add('ExecutionsStarted', 3);
    });
    expect(beforeFlush).toEqual([]);
    const lines = emfLines(() => metrics.flush());
    expect(lines).toHaveLength(4);
    expect(
      lines.every((line) => line._aws.CloudWatchMetrics[0]!.Namespace === 'Arrears' && line.service === 'arrears'),
    ).toBe(true);
    // The dashboard and alarms read exactly these dimension sets.
    const email = lines.find((line) => line.channel === 'email')!;
    expect(email).toMatchObject({ MessagesSent: 2 });
    expect(email._aws.CloudWatchMetrics[0]!.Dimensions).toEqual([['service', 'channel']]);
    expect(lines.find((line) => line.channel === 'sms')).toMatchObject({ MessagesSent: 1 });
    const euro = lines.find((line) => line.currency === 'EUR')!;
    expect(euro).toMatchObject({ PaymentsApplied: 1, AmountRecovered: 12_500 });
    expect(euro._aws.CloudWatchMetrics[0]!.Metrics).toEqual(
      expect.arrayContaining([
        { Name: 'AmountRecovered', Unit: 'None' },
        { Name: 'PaymentsApplied', Unit: 'Count' },
      ]),
    );
    const executions = lines.find((line) => 'ExecutionsStarted' in line)!;
    expect(executions).toMatchObject({ ExecutionsStarted: 3 });
    expect(executions._aws.CloudWatchMetrics[0]!.Dimensions).toEqual([['service']]);
  });

  it('writes nothing when nothing was counted, and starts from zero after a flush', () => {
    const metrics = new PowertoolsBusinessMetrics();
    expect(emfLines(() => metrics.flush())).toEqual([]);
    metrics.add('PromisesDecided', 1, 'kept');
    expect(emfLines(() => metrics.flush())).toHaveLength(1);
    expect(emfLines(() => metrics.flush())).toEqual([]);
  });
});
