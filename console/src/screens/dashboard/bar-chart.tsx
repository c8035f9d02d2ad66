// A small grouped bar chart drawn as SVG by hand (no chart library in the bundle): categories along the bottom, one bar
// per series in each, a zero line that negative values hang below. The same numbers are always in a table next to it,
// so the picture is named for screen readers and its bars are not read one by one.

export interface Series {
  name: string;
  values: (number | null)[];
}

const WIDTH = 480;
const HEIGHT = 210;
const LEFT = 8;
const RIGHT = 8;
const TOP = 18;
const BOTTOM = 30;

export const BarChart = (props: {
  label: string;
  categories: string[];
  series: Series[];
  format: (value: number) => string;
}) => {
  const { categories, series } = props;
  const values = series.flatMap((one) => one.values.filter((value): value is number => value !== null));
  const high = Math.max(0, ...values);
  const low = Math.min(0, ...values);
  const span = high - low || 1;
  const plotHeight = HEIGHT - TOP - BOTTOM;
  const y = (value: number) => TOP + ((high - value) / span) * plotHeight;
  const zero = y(0);
  const slot = (WIDTH - LEFT - RIGHT) / Math.max(1, categories.length);
  const bar = Math.min(44, (slot * 0.8) / Math.max(1, series.length));
  return (
    <figure class="chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={`${props.label} (the numbers are in the table)`}>
        <line class="chart-axis" x1={LEFT} x2={WIDTH - RIGHT} y1={zero} y2={zero} />
        {categories.map((category, index) => {
          const middle = LEFT + slot * index + slot / 2;
          const start = middle - (bar * series.length) / 2;
          return (
            <g key={category}>
              {series.map((one, position) => {
                const value = one.values[index] ?? null;
                if (value === null) return null;
                const top = Math.min(y(value), zero);
                const x = start + bar * position;
                return (
                  <g key={one.name}>
                    <rect
                      class={`chart-bar series-${position % 4}`}
                      x={x + 1}
                      y={top}
                      width={Math.max(1, bar - 2)}
                      height={Math.max(1, Math.abs(y(value) - zero))}
                    />
                    {series.length * categories.length <= 24 ? (
                      <text
                        class="chart-value"
                        x={x + bar / 2}
                        y={value < 0 ? top + Math.abs(y(value) - zero) + 12 : top - 4}
                      >
                        {props.format(value)}
                      </text>
                    ) : null}
                  </g>
                );
              })}
              <text class="chart-category" x={middle} y={HEIGHT - 10}>
                {category}
              </text>
            </g>
          );
        })}
      </svg>
      {series.length > 1 ? (
        <figcaption class="chart-legend" aria-hidden="true">
          {series.map((one, position) => (
            <span key={one.name}>
              <span class={`chart-key series-${position % 4}`} />
              {one.name}
            </span>
          ))}
        </figcaption>
      ) : null}
    </figure>
  );
};
