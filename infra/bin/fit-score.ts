// Operator command: fits the propensity-to-pay scorecard on a tenant's own closed delinquencies, reports the AUC of
// the fitted and the default model on held-out cases, and (with --apply) installs the fitted one.
// Usage: npm run score:fit -- --url <api base> --key <manager key> --from 2026-01 --to 2026-12 [--apply]
//        npm run score:fit -- --file history.jsonl        (one {"inputs": {...}, "paid": true|false} per line)
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { computeScore, DEFAULT_SCORE_MODEL } from '../../shared/domain/score';
import { auc, fitScoreModel, splitHoldout, type LabelledCase } from '../../shared/domain/score-fit';
import { ScoreInputsSchema, type ScoreModel } from '../../shared/schemas/score.schema';

const months = (from: string, to: string): string[] => {
  const list: string[] = [];
  for (
    let [year, month] = from.split('-').map(Number) as [number, number];
    `${year}-${String(month).padStart(2, '0')}` <= to;
    month === 12 ? ((year += 1), (month = 1)) : (month += 1)
  ) {
    list.push(`${year}-${String(month).padStart(2, '0')}`);
  }
  return list;
};

const fromApi = async (url: string, key: string, from: string, to: string): Promise<LabelledCase[]> => {
  const cases: LabelledCase[] = [];
  for (const month of months(from, to)) {
    let cursor: string | null = null;
    do {
      const query = new URLSearchParams({ month, limit: '500', ...(cursor ? { cursor } : {}) });
      const response = await fetch(`${url}/v1/scoring/history?${query}`, {
        headers: { authorization: `Bearer ${key}` },
      });
      if (!response.ok)
        throw new Error(`GET /v1/scoring/history answered ${response.status}: ${await response.text()}`);
      const page = (await response.json()) as {
        items: { inputs: unknown; paid: boolean }[];
        nextCursor: string | null;
      };
      for (const item of page.items) cases.push({ inputs: ScoreInputsSchema.parse(item.inputs), paid: item.paid });
      cursor = page.nextCursor;
    } while (cursor);
  }
  return cases;
};

const fromFile = (file: string): LabelledCase[] =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, index) => {
      const parsed = JSON.parse(line) as { inputs?: unknown; paid?: unknown };
      if (typeof parsed.paid !== 'boolean') throw new Error(`line ${index + 1}: "paid" must be true or false`);
      return { inputs: ScoreInputsSchema.parse(parsed.inputs), paid: parsed.paid };
    });

const modelAuc = (model: ScoreModel, cases: readonly LabelledCase[]) =>
  auc(cases.map((labelled) => ({ score: computeScore(labelled.inputs, model).value, paid: labelled.paid })));

const main = async () => {
  const { values } = parseArgs({
    options: {
      url: { type: 'string' },
      key: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      file: { type: 'string' },
      holdout: { type: 'string', default: '0.25' },
      seed: { type: 'string', default: '1' },
      id: { type: 'string' },
      apply: { type: 'boolean', default: false },
    },
  });
  const cases = values.file
    ? fromFile(values.file)
    : values.url && values.key && values.from && values.to
      ? await fromApi(values.url.replace(/\/$/, ''), values.key, values.from, values.to)
      : (() => {
          throw new Error(
            'usage: score:fit -- --url <api> --key <manager key> --from YYYY-MM --to YYYY-MM [--apply]  or  --file history.jsonl',
          );
        })();
  const paid = cases.filter((labelled) => labelled.paid).length;
  if (paid < 20 || cases.length - paid < 20)
    throw new Error(
      `too little history to fit: ${paid} paid and ${cases.length - paid} unpaid cases (20 of each at least)`,
    );
  const { train, holdout } = splitHoldout(cases, Number(values.holdout), Number(values.seed));
  const model = fitScoreModel(train, values.id ?? `fitted-${new Date().toISOString().slice(0, 10)}`);
  const report = {
    cases: cases.length,
    paidShare: Math.round((paid / cases.length) * 1000) / 1000,
    train: train.length,
    holdout: holdout.length,
    aucHeldOut: {
      fitted: Math.round(modelAuc(model, holdout) * 1000) / 1000,
      default: Math.round(modelAuc(DEFAULT_SCORE_MODEL, holdout) * 1000) / 1000,
    },
    model,
  };
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  if (values.apply) {
    if (!values.url || !values.key) throw new Error('--apply needs --url and --key (a manager key)');
    const response = await fetch(`${values.url.replace(/\/$/, '')}/v1/scoring/model`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${values.key}`, 'content-type': 'application/json' },
      body: JSON.stringify(model),
    });
    if (!response.ok) throw new Error(`PUT /v1/scoring/model answered ${response.status}: ${await response.text()}`);
    process.stdout.write(`installed scorecard ${model.id}\n`);
  }
};

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
