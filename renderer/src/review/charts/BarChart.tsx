// Runs in the renderer. A small inline SVG bar chart — no chart library: one bar per period, a dashed guide or two,
// the period still running drawn lighter. It is an image with a text alternative (`role="img"`, <title> and <desc>
// naming the range and the latest value); the exact numbers are in the table beside it. Colours come from the page's
// tokens, so light and dark follow the OS.

interface Props {
  id: string;
  /** Short name: "Purpose confirmed, by week". */
  title: string;
  /** The text alternative: what the bars show, in a sentence. */
  description: string;
  values: readonly (number | null)[];
  /** The value at the top of the chart. */
  max: number;
  /** Dashed lines at these values (e.g. half and all). */
  guides?: readonly number[];
  /** The last bar is a period still running. */
  partialLast?: boolean;
}

const WIDTH = 320;
const HEIGHT = 84;
const TOP = 4;

export function BarChart({ id, title, description, values, max, guides = [], partialLast = false }: Props) {
  const slot = WIDTH / Math.max(1, values.length);
  const bar = Math.max(1, slot * 0.72);
  const y = (v: number) => HEIGHT - (Math.min(v, max) / (max || 1)) * (HEIGHT - TOP);
  return (
    <svg
      className="chart"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      preserveAspectRatio="none"
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      focusable="false"
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      {guides.map((g) => (
        <line key={g} className="chart__guide" x1={0} x2={WIDTH} y1={y(g)} y2={y(g)} vectorEffect="non-scaling-stroke" />
      ))}
      {values.map((v, i) => {
        const x = i * slot + (slot - bar) / 2;
        const partial = partialLast && i === values.length - 1;
        if (v === null) return <rect key={i} className="chart__none" x={x} y={HEIGHT - 2} width={bar} height={2} />;
        const top = y(v);
        return <rect key={i} className={`chart__bar${partial ? ' chart__bar--partial' : ''}`} x={x} y={top} width={bar} height={Math.max(1, HEIGHT - top)} />;
      })}
      <line className="chart__axis" x1={0} x2={WIDTH} y1={HEIGHT - 0.5} y2={HEIGHT - 0.5} vectorEffect="non-scaling-stroke" />
    </svg>
  );
}
