import { formatFen, type FinanceCategoryTotal } from '@sunshine/contracts';

/**
 * A plain bar chart of totals by category: every bar carries its words and amount, and
 * income and expense are separate, titled groups, so colour is never the only cue.
 */
export function CategoryBars({ title, totals: all }: { title: string; totals: FinanceCategoryTotal[] }) {
  const totals = topWithRest(all);
  const max = Math.max(1, ...totals.map((t) => t.totalFen));
  return (
    <figure className="bars" data-testid="finance-bars">
      <figcaption className="section-title">{title}</figcaption>
      {totals.length === 0 && <p>没有</p>}
      {totals.map((t) => (
        <div key={`${t.direction}-${t.category}`} className="bars__row">
          <span className="bars__label">{t.category}</span>
          <span className="bars__track" aria-hidden="true">
            <span className={`bars__bar bars__bar--${t.direction}`} style={{ width: `${Math.max(2, (t.totalFen / max) * 100)}%` }} />
          </span>
          <span className="bars__amount money">{formatFen(t.totalFen)}</span>
        </div>
      ))}
    </figure>
  );
}

/** The four largest categories, and the rest summed as 其他, so every yuan is on the chart. */
export function topWithRest(totals: readonly FinanceCategoryTotal[], keep = 4): FinanceCategoryTotal[] {
  const sorted = [...totals].sort((a, b) => b.totalFen - a.totalFen);
  if (sorted.length <= keep + 1) return sorted;
  const rest = sorted.slice(keep);
  const first = rest[0];
  if (first === undefined) return sorted;
  return [
    ...sorted.slice(0, keep),
    { direction: first.direction, category: '其他', count: rest.reduce((n, t) => n + t.count, 0), totalFen: rest.reduce((n, t) => n + t.totalFen, 0) },
  ];
}
