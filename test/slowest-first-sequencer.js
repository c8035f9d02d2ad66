// Orders test files so the slow kinds start first: on two workers a long chaos or e2e file started last would run
// alone while the other worker idles, and a fresh clone has no recorded durations for Jest to go by.
const Sequencer = require('@jest/test-sequencer').default;

/** Slowest kind first; a kind not listed goes last. */
const KINDS = ['chaos', 'e2e', 'browser', 'statemachines', 'integration', 'infra', 'unit'];

const rank = (test) => {
  const index = KINDS.indexOf(test.context.config.displayName?.name);
  return index === -1 ? KINDS.length : index;
};

class SlowestFirstSequencer extends Sequencer {
  sort(tests) {
    // Within a kind, Jest's own order: last run's failures, then the slowest recorded, then the largest file.
    const ordered = super.sort(tests);
    return ordered
      .map((test, index) => ({ test, index }))
      .sort((a, b) => rank(a.test) - rank(b.test) || a.index - b.index)
      .map(({ test }) => test);
  }
}

module.exports = SlowestFirstSequencer;
