// ISO 8601 durations as the local clock takes them.
import { parseDurationMs } from '../../../shared/domain/duration';

describe('parseDurationMs', () => {
  it.each([
    ['PT6H', 6 * 3_600_000],
    ['P1D', 86_400_000],
    ['P2W', 14 * 86_400_000],
    ['P1DT30M', 86_400_000 + 1_800_000],
    ['PT0.5S', 500],
  ])('reads %s', (value, ms) => expect(parseDurationMs(value)).toBe(ms));

  it.each(['P1M', 'P1Y', 'PT', 'P', '6h', '', 'PT-1H'])('refuses %p', (value) =>
    expect(parseDurationMs(value)).toBeNull(),
  );
});
