// The CloudFormation templates `cdk synth` produces for the local environment, synthesized once per change of their sources.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import * as path from 'node:path';
import type * as ArrearsApp from '../infra/lib/arrears-app';
import { cachedJson } from './json-file-cache';

/** The account and region the local runtime and the tests synthesize for; every local ARN names them. */
export const LOCAL_ENVIRONMENT = { account: '000000000000', region: 'us-east-1' } as const;

export type CfnTemplate = {
  Resources: Record<string, { Type: string; Properties?: Record<string, unknown>; DependsOn?: unknown }>;
  Outputs?: Record<string, { Value: unknown; Export?: { Name: unknown } }>;
};

export interface SynthesizedTemplates {
  stateful: CfnTemplate;
  stateless: CfnTemplate;
  statefulStackName: string;
  statelessStackName: string;
}

const ROOT = path.resolve(__dirname, '..');
/** Everything the synthesized templates are made from: the CDK app and the code it imports (route table, definitions, env schemas). */
const SOURCE_FOLDERS = ['infra', 'functions', 'statemachines', 'shared', 'events'];
const SOURCE_FILES = ['cdk.json', 'package-lock.json'];
const CACHE_DIR = path.join(ROOT, 'node_modules', '.cache', 'arrears-synth');

const listSources = (folder: string, into: string[]) => {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) listSources(full, into);
    else if (/\.(ts|json)$/.test(entry.name)) into.push(full);
  }
};

/** A hash of every source file's path and content: any edit gives a new hash, so a stale template is never read. */
export const synthSourceHash = (): string => {
  const files: string[] = [];
  for (const folder of SOURCE_FOLDERS) listSources(path.join(ROOT, folder), files);
  for (const file of SOURCE_FILES) if (existsSync(path.join(ROOT, file))) files.push(path.join(ROOT, file));
  const hash = createHash('sha256');
  for (const file of files.sort()) {
    hash.update(path.relative(ROOT, file));
    hash.update('\0');
    hash.update(readFileSync(file));
    hash.update('\0');
  }
  return hash.digest('hex').slice(0, 32);
};

/** Synthesizes the app for the local environment (no bundling, no cdk-nag): what the cache stores. */
const synthesizeTemplates = (): SynthesizedTemplates => {
  // Loaded only on a cache miss: the CDK library alone takes seconds and hundreds of megabytes to load.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { buildArrearsApp } = require('../infra/lib/arrears-app') as typeof ArrearsApp;
  const { app, stateful, stateless } = buildArrearsApp(
    { context: { 'aws:cdk:bundling-stacks': [] } },
    LOCAL_ENVIRONMENT,
    'Arrears',
    // The console's stack needs the console built; the local runtime serves the console itself.
    { checks: false, console: false },
  );
  const assembly = app.synth();
  return {
    stateful: assembly.getStackByName(stateful.stackName).template as CfnTemplate,
    stateless: assembly.getStackByName(stateless.stackName).template as CfnTemplate,
    statefulStackName: stateful.stackName,
    statelessStackName: stateless.stackName,
  };
};

/** Sources do not change under a running process: one hash and one read per process. */
let memo: SynthesizedTemplates | undefined;

/**
 * The templates of the current sources: from memory, else from the on-disk cache under node_modules/.cache (keyed by the
 * sources' hash, so every process of a test run shares one synth), else synthesized now and cached.
 * ARREARS_SYNTH_CACHE=off skips the disk cache (the process synthesizes its own once).
 */
export const synthesizedTemplates = (): SynthesizedTemplates => {
  if (memo) return memo;
  const file = path.join(CACHE_DIR, `${synthSourceHash()}.json`);
  memo = process.env.ARREARS_SYNTH_CACHE === 'off' ? synthesizeTemplates() : cachedJson(file, synthesizeTemplates);
  return memo;
};
