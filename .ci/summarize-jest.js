// Prints Jest's totals as one plain "N passed, N failed" line that any CI reader understands, and the slowest files
// (where the next minute of CI time is to be found).
const fs = require('node:fs');
const path = require('node:path');

const file = process.argv[2];
if (!file || !fs.existsSync(file)) {
  process.stdout.write('jest: no results were written\n');
  process.exit(1);
}
const results = JSON.parse(fs.readFileSync(file, 'utf8'));
process.stdout.write(
  `jest: ${results.numPassedTests} passed, ${results.numFailedTests} failed, ${results.numPendingTests} skipped\n`,
);
const files = results.testResults
  .map((file) => ({ seconds: (file.endTime - file.startTime) / 1000, name: path.relative(process.cwd(), file.name) }))
  .sort((a, b) => b.seconds - a.seconds);
const total = files.reduce((sum, file) => sum + file.seconds, 0);
process.stdout.write(`jest: ${files.length} files, ${Math.round(total)} s of test-file time; the slowest:\n`);
for (const file of files.slice(0, 10))
  process.stdout.write(`  ${file.seconds.toFixed(1).padStart(6)} s  ${file.name}\n`);
