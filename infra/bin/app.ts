// `cdk synth` / `cdk deploy` entry point.
import { ensureConsoleBuilt } from '../../local/console-assets';
import { buildArrearsApp } from '../lib/arrears-app';
import { MissingRegionError } from '../lib/deploy-environment';

try {
  // The console's stack deploys its built files (console/dist, gitignored): built here when its sources changed.
  ensureConsoleBuilt((line) => process.stderr.write(`${line}\n`));
  buildArrearsApp().app.synth();
} catch (error) {
  // A missing region is the operator's to fix, not a crash: say what to do, without a stack trace.
  if (!(error instanceof MissingRegionError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exitCode = 1;
}
