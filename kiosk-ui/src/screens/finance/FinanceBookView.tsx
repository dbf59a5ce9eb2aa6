import { formatFen, type FinanceLine, type FinancePeriod } from '@sunshine/contracts';
import { useCallback, useState } from 'react';
import { getFinanceBook } from '../../agent/content-api';
import { useAgentData } from '../../agent/useAgentData';
import { AskAboutButton } from '../../components/AskAboutButton';
import { FinanceIcon } from '../../components/Icons';
import { Pager, pageCountOf } from '../../components/Pager';
import { Notice, ScreenLayout } from '../../components/ScreenLayout';
import { useBackHandler, useScreenSpeech } from '../../session/useScreenSpeech';
import { formatIsoDate } from '../../format/format-data-date';
import { NumberText } from '../../format/NumberText';
import { financeLinesText, financeSummaryText } from '../../speech/screen-texts';
import { CategoryBars } from './CategoryBars';
import { periodLabel } from '../FinanceScreen';

type View = 'totals' | 'lines' | 'pick';

/** One period: totals first (bars and balance), then the lines 10 to a page, then pick a line to ask about. */
export interface FinanceBookViewProps {
  villageCode: string;
  villageName: string;
  period: FinancePeriod;
  /** Back to the list of periods. */
  onClose: () => void;
}

export function FinanceBookView({ villageCode, villageName, period, onClose }: FinanceBookViewProps) {
  const [page, setPage] = useState(1);
  const [view, setView] = useState<View>('totals');
  const [picked, setPicked] = useState<FinanceLine | null>(null);
  const [half, setHalf] = useState(0);
  // 返回 steps back: a picked line → picking → lines → totals → periods.
  useBackHandler(
    useCallback(() => {
      if (picked !== null) setPicked(null);
      else if (view === 'pick') setView('lines');
      else if (view === 'lines') setView('totals');
      else onClose();
      return true;
    }, [picked, view, onClose]),
  );
  const book = useAgentData((signal) => getFinanceBook(villageCode, period.period, page, signal), [villageCode, period.period, page]);
  const value = book.kind === 'ready' ? book.value : null;
  useScreenSpeech(
    value === null
      ? book.kind === 'error' ? book.message : null
      : view === 'totals'
        ? financeSummaryText(value.period, value.totals.byCategory)
        : view === 'lines'
          ? financeLinesText(value.items, page, pageCountOf(value.total, value.pageSize))
          : '请点您有疑问的那一笔。',
  );
  const title = `${villageName} ${periodLabel(period.period)}`;

  if (value === null) {
    return (
      <ScreenLayout title={title} Icon={FinanceIcon}>
        {book.kind === 'error' ? <Notice kind="error">{book.message}</Notice> : <Notice kind="info">正在读取…</Notice>}
      </ScreenLayout>
    );
  }
  const pageCount = pageCountOf(value.total, value.pageSize);
  if (picked !== null) {
    return (
      <ScreenLayout title={title} Icon={FinanceIcon} hint="您对这一笔有疑问">
        <LineCard line={picked} />
        <div className="button-row">
          <button type="button" className="action-button" onClick={() => setPicked(null)}>选别的</button>
          <AskAboutButton subject={{ kind: 'finance_line', id: picked.id, title: `${picked.date} ${picked.summary} ${formatFen(picked.amountFen)}`.slice(0, 200) }} />
        </div>
      </ScreenLayout>
    );
  }
  if (view === 'totals') {
    const income = value.totals.byCategory.filter((t) => t.direction === 'income');
    const expense = value.totals.byCategory.filter((t) => t.direction === 'expense');
    return (
      <ScreenLayout title={title} Icon={FinanceIcon} hint="先看合计">
        <div className="two-columns">
          <CategoryBars title={`收入 合计 ${formatFen(value.totals.incomeFen)}`} totals={income} />
          <CategoryBars title={`支出 合计 ${formatFen(value.totals.expenseFen)}`} totals={expense} />
        </div>
        <p className="total-line" data-testid="finance-balance">
          期初余额 <strong className="money">{formatFen(value.period.openingFen)}</strong> · 期末余额 <strong className="money">{formatFen(value.period.closingFen)}</strong>
        </p>
        <button type="button" className="action-button action-button--primary" onClick={() => setView('lines')} data-testid="finance-show-lines">
          看每一笔明细
        </button>
      </ScreenLayout>
    );
  }
  // Picking shows five lines at a time: never more than six choices on a screen.
  const lines = view === 'pick' ? value.items.slice(half * 5, half * 5 + 5) : value.items;
  return (
    <ScreenLayout title={title} Icon={FinanceIcon} hint={view === 'pick' ? '点您有疑问的那一笔' : `共 ${value.total} 笔`}>
      {view === 'lines' ? (
        <table className="lines-table" data-testid="finance-lines">
          <tbody>
            {lines.map((line) => (
              <tr key={line.id} data-testid="finance-line">
                <td className="nowrap">{monthDay(line.date)}</td>
                <td className="nowrap">{line.direction === 'income' ? '收入' : '支出'}</td>
                <td><NumberText text={`${line.category}：${line.summary}`} /></td>
                <td className="money">{formatFen(line.amountFen)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <ul className="row-list">
          {lines.map((line) => (
            <li key={line.id}>
              <button type="button" className="row-button row-button--compact" onClick={() => setPicked(line)} data-testid="finance-pick-line">
                <span className="row-button__main"><NumberText text={`${monthDay(line.date)} ${line.summary}`} /></span>
                <span className="row-button__side money">{formatFen(line.amountFen)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="button-row">
        {view === 'pick' ? (
          value.items.length > 5 && (
            <button type="button" className="action-button" onClick={() => setHalf(1 - half)} data-testid="finance-pick-more">
              {half === 0 ? '看后5笔' : '看前5笔'}
            </button>
          )
        ) : (
          <Pager page={page} pageCount={pageCount} onPage={(next) => { setPage(next); setHalf(0); }} />
        )}
        <button type="button" className="action-button" onClick={() => setView(view === 'pick' ? 'lines' : 'pick')} data-testid="finance-ask">
          {view === 'pick' ? '不选了' : '对某一笔有疑问'}
        </button>
      </div>
    </ScreenLayout>
  );
}

function LineCard({ line }: { line: FinanceLine }) {
  return (
    <dl className="confirm__list" data-testid="finance-line-card">
      <dt>日期</dt><dd>{formatIsoDate(line.date)}</dd>
      <dt>收支</dt><dd>{line.direction === 'income' ? '收入' : '支出'} · {line.category}</dd>
      <dt>摘要</dt><dd><NumberText text={line.summary} /></dd>
      <dt>金额</dt><dd className="money">{formatFen(line.amountFen)}</dd>
      <dt>凭证号</dt><dd>{line.voucherNo || '—'}</dd>
    </dl>
  );
}

/** `2026-10-01` → `10月1日`: the year and month are in the title already. */
function monthDay(isoDate: string): string {
  const [, month, day] = isoDate.split('-');
  return `${Number(month)}月${Number(day)}日`;
}
