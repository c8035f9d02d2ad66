// Each partner-API function bundles only what it needs, so cold starts stay short: its own route line (not the whole
// table), zod without its locales, and no AWS SDK but DynamoDB's loaded before its first request.
import { build, type Metafile } from 'esbuild';
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import { CDK_BUNDLING } from '../../../bench/cdk-bundling';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const HANDLERS = readdirSync(path.join(ROOT, 'functions', 'api')).filter((file) => file.endsWith('.handler.ts'));
/**
 * About half of what every function weighed while each imported the whole route table and zod's locales (~590 KB).
 * Raised from 300 to 310 KB with the search index (~5 KB, built for every route by the one composition root,
 * shared/env/api-dependencies.ts): dependencies built per route would take each function back under 300.
 */
const BUDGET_KB = 310;
/** The OpenAPI document's function carries every route's schemas, so it grows with the API (~1 KB a route). */
const OPENAPI_BUDGET_KB = 340;
/** What every API function talks to; the other SDK clients load when a route first calls them. */
const LOADED_AT_START = ['@aws-sdk/client-dynamodb', '@aws-sdk/lib-dynamodb', '@aws-sdk/util-dynamodb'];

interface Analysis {
  kb: number;
  /** The debtors' words (shared/locales: one file per language, as data): carried on top of the budget. */
  wordsKb: number;
  inputs: string[];
  /** Packages the bundle requires while it loads, before any dynamic import runs. */
  requiredAtLoad: string[];
  /** SDK packages reached through a native import(): the ESM loader could load a second copy of the SDK. */
  importedNatively: string[];
}

/** Bundles every handler in one esbuild run (they share parsing) and reads each bundle's contents from the metafile. */
const analyseAll = async (): Promise<Map<string, Analysis>> => {
  const entries = HANDLERS.map((handler) => `functions/api/${handler}`);
  const result = await build({
    ...CDK_BUNDLING,
    entryPoints: entries,
    absWorkingDir: ROOT,
    outdir: 'bundles',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const metafile: Metafile = result.metafile;
  const analyses = new Map<string, Analysis>();
  for (const output of Object.values(metafile.outputs)) {
    const entry = output.entryPoint!;
    const requiredAtLoad = new Set<string>();
    const seen = new Set([entry]);
    const queue = [entry];
    for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
      for (const imported of metafile.inputs[file]?.imports ?? []) {
        if (imported.kind === 'dynamic-import') continue;
        if (imported.external) requiredAtLoad.add(imported.path);
        else if (!seen.has(imported.path)) {
          seen.add(imported.path);
          queue.push(imported.path);
        }
      }
    }
    const bundled = Object.keys(output.inputs);
    const importedNatively = bundled.flatMap((file) =>
      (metafile.inputs[file]?.imports ?? [])
        .filter((imported) => imported.external && imported.kind === 'dynamic-import')
        .map((imported) => imported.path),
    );
    analyses.set(path.basename(entry), {
      kb: output.bytes / 1024,
      wordsKb:
        Object.entries(output.inputs)
          .filter(([file]) => file.startsWith('shared/locales/'))
          .reduce((sum, [, input]) => sum + input.bytesInOutput, 0) / 1024,
      // Files whose code made it into the bundle (a re-export alone leaves next to nothing).
      inputs: Object.entries(output.inputs)
        .filter(([, input]) => input.bytesInOutput > 0)
        .map(([file]) => file),
      requiredAtLoad: [...requiredAtLoad].filter((name) => name.startsWith('@aws-sdk/')),
      importedNatively: importedNatively.filter((name) => name.startsWith('@aws-sdk/')),
    });
  }
  return analyses;
};

describe('API function bundles (built as the CDK builds them)', () => {
  let analyses = new Map<string, Analysis>();
  beforeAll(async () => {
    analyses = await analyseAll();
  }, 120_000);

  it('bundles every handler', () => {
    expect(HANDLERS.length).toBeGreaterThan(40);
    expect([...analyses.keys()].sort()).toEqual([...HANDLERS].sort());
  });

  it.each(HANDLERS)('%s stays under the size budget and carries no zod locale but English', (handler) => {
    const { kb, wordsKb, inputs } = analyses.get(handler)!;
    expect(kb - wordsKb).toBeLessThan(handler === 'get-openapi.handler.ts' ? OPENAPI_BUDGET_KB : BUDGET_KB);
    expect(inputs.filter((input) => /zod\/v4\/locales\/(?!en\.js$|index\.js$)/.test(input))).toEqual([]);
  });

  it.each(HANDLERS.filter((handler) => handler !== 'get-openapi.handler.ts'))(
    '%s carries its own route line and no other',
    (handler) => {
      const routes = analyses
        .get(handler)!
        .inputs.filter((input) => input.endsWith('.route.ts') || input === 'functions/api/routes.ts');
      expect(routes).toEqual([`functions/api/routes/${handler.replace('.handler.ts', '.route.ts')}`]);
    },
  );

  // The local IAM evaluator (@cloud-copilot/iam-simulate, AGPL-3.0) is a dev dependency of the local runtime and tests only.
  it.each(HANDLERS)('%s bundles nothing of the local runtime and no part of the IAM evaluator', (handler) => {
    expect(
      analyses.get(handler)!.inputs.filter((input) => input.startsWith('local/') || input.includes('@cloud-copilot')),
    ).toEqual([]);
  });

  it.each(HANDLERS)(
    '%s loads no AWS SDK client but DynamoDB before its first request, and the others with require',
    (handler) => {
      const { requiredAtLoad, importedNatively } = analyses.get(handler)!;
      expect(requiredAtLoad.filter((name) => !LOADED_AT_START.includes(name))).toEqual([]);
      expect(importedNatively).toEqual([]);
    },
  );
});
