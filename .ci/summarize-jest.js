// Prints Jest's totals as one plain "N passed, N failed" line that any CI reader understands.
const fs = require('node:fs');

const file = process.argv[2];
if (!file || !fs.existsSync(file)) {
  process.stdout.write('jest: no results were written\n');
  process.exit(1);
}
const results = JSON.parse(fs.readFileSync(file, 'utf8'));
process.stdout.write(
  `jest: ${results.numPassedTests} passed, ${results.numFailedTests} failed, ${results.numPendingTests} skipped\n`,
);
