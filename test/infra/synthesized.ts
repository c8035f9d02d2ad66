// The infra tests' templates without a synth per read: Template.fromStack synthesizes the stack's whole app again on every
// call, and one synth of this app (cdk-nag and CloudFormation's own validation included) takes seconds. The app as
// `cdk synth` builds it is synthesized once per change of its sources and shared by every infra test file from a cache.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { Stage, type Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { buildArrearsApp } from '../../infra/lib/arrears-app';
import { CONSOLE_DIST } from '../../local/console-assets';
import { cachedJson } from '../../local/json-file-cache';
import { synthSourceHash } from '../../local/synthesized-app';

/** The account and region the infra tests deploy to. */
export const TEST_ENVIRONMENT = { account: '123456789012', region: 'eu-west-1' } as const;

const CACHE_DIR = path.resolve(__dirname, '..', '..', 'node_modules', '.cache', 'arrears-infra-synth');

/**
 * The stack's template from its app's assembly, synthesized on the first call and reused after (CDK refuses a second
 * synthesis of a tree changed since the first, so a reused assembly is never stale).
 */
export const templateOf = (stack: Stack): Template => {
  const stage = Stage.of(stack);
  if (!stage) throw new Error(`${stack.stackName} is in no app`);
  return Template.fromJSON(stage.synth().getStackArtifact(stack.artifactId).template as Record<string, unknown>);
};

/** Every file of the built console, which the console's stack deploys: its content is part of the templates. */
const hashFolder = (folder: string, hash: ReturnType<typeof createHash>) => {
  if (!existsSync(folder)) return;
  for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(folder, entry.name);
    hash.update(entry.name);
    if (entry.isDirectory()) hashFolder(full, hash);
    else hash.update(readFileSync(full));
  }
};

type StackTemplates = { stateful: Record<string, unknown>; stateless: Record<string, unknown> };

/** Builds the app as `cdk synth` does (cdk-nag on: the synth throws on any finding not acknowledged with a reason). */
const synthesizeDefault = (): StackTemplates => {
  const { app, stateful, stateless } = buildArrearsApp(
    { context: { 'aws:cdk:bundling-stacks': [] } },
    TEST_ENVIRONMENT,
  );
  const assembly = app.synth();
  return {
    stateful: assembly.getStackArtifact(stateful.artifactId).template as Record<string, unknown>,
    stateless: assembly.getStackArtifact(stateless.artifactId).template as Record<string, unknown>,
  };
};

let memo: { stateful: Template; stateless: Template } | undefined;

/**
 * The stateful and stateless templates of the app as deployed to the tests' environment: from a cache keyed by the
 * sources' and the built console's hash, else synthesized now (a failing synth caches nothing).
 */
export const defaultTemplates = (): { stateful: Template; stateless: Template } => {
  if (memo) return memo;
  const hash = createHash('sha256');
  hash.update(synthSourceHash());
  hashFolder(CONSOLE_DIST, hash);
  const file = path.join(CACHE_DIR, `${hash.digest('hex').slice(0, 32)}.json`);
  const templates = cachedJson(file, synthesizeDefault);
  memo = { stateful: Template.fromJSON(templates.stateful), stateless: Template.fromJSON(templates.stateless) };
  return memo;
};
