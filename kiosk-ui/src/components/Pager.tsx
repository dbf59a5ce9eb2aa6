import './Pager.css';

export interface PagerProps {
  page: number;
  pageCount: number;
  onPage: (page: number) => void;
}

/** Big 上一页/下一页 with where the villager is, in words (no swipes, docs/design.md §8). */
export function Pager({ page, pageCount, onPage }: PagerProps) {
  if (pageCount <= 1) return null;
  return (
    <div className="pager">
      <button
        type="button"
        className="action-button"
        onClick={() => onPage(page - 1)}
        disabled={page <= 1}
        data-testid="page-previous"
      >
        ◀ 上一页
      </button>
      <span className="pager__where" data-testid="page-where">
        第 {page} 页，共 {pageCount} 页
      </span>
      <button
        type="button"
        className="action-button"
        onClick={() => onPage(page + 1)}
        disabled={page >= pageCount}
        data-testid="page-next"
      >
        下一页 ▶
      </button>
    </div>
  );
}

/** The items of client-side page `page` (from 1). */
export function pageOf<T>(items: readonly T[], page: number, perPage: number): T[] {
  return items.slice((page - 1) * perPage, page * perPage);
}

export function pageCountOf(count: number, perPage: number): number {
  return Math.max(1, Math.ceil(count / perPage));
}
