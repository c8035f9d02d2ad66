// The esbuild options the CDK bundles every function with (infra/constructs/arrears-function.ts), shared by the bundle
// benchmark and the bundle tests so both measure what is deployed.
import type { BuildOptions } from 'esbuild';

export const CDK_BUNDLING = {
  bundle: true,
  minify: true,
  platform: 'node',
  target: 'node22',
  format: 'cjs',
  // The Node.js runtime ships the AWS SDK v3.
  external: ['@aws-sdk/*'],
} as const satisfies BuildOptions;
