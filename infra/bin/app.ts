// `cdk synth` / `cdk deploy` entry point.
import { buildArrearsApp } from '../lib/arrears-app';
import { MissingRegionError } from '../lib/deploy-environment';

try {
  buildArrearsApp().app.synth();
} catch (error) {
  // A missing region is the operator's to fix, not a crash: say what to do, without a stack trace.
  if (!(error instanceof MissingRegionError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exitCode = 1;
}
