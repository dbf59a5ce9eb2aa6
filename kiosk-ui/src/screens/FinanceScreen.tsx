import type { FinancePeriod } from '@sunshine/contracts';
import { useMemo, useState } from 'react';
import { listFinancePeriods, listVillages } from '../agent/content-api';
import { useAgentData } from '../agent/useAgentData';
import { FinanceIcon } from '../components/Icons';
import { Pager } from '../components/Pager';
import { Notice, ScreenLayout } from '../components/ScreenLayout';
import { useFittedPages } from '../components/useFittedPages';
import { useScreenSpeech } from '../session/useScreenSpeech';
import { formatIsoDate } from '../format/format-data-date';
import { readPeriodChinese } from '../speech/read-numbers';
import { FinanceBookView } from './finance/FinanceBookView';
import './finance/finance.css';

/** Loads this kiosk's village (or the first one) and its periods, newest first. */
async function loadPeriods(signal: AbortSignal) {
  const villages = await listVillages(signal);
  const code = villages.kioskVillageCode ?? villages.items[0]?.code ?? null;
  if (code === null) return null;
  return listFinancePeriods(code, signal);
}

export function periodLabel(period: string): string {
  return /^\d{4}$/.test(period) ? `${period}年` : formatIsoDate(period);
}

/** 村务财务: choose a period; totals by category as bars first, then the lines, then the balance. */
export function FinanceScreen() {
  const data = useAgentData(loadPeriods, []);
  const [period, setPeriod] = useState<FinancePeriod | null>(null);
  const list = data.kind === 'ready' ? data.value : null;
  const fit = useFittedPages(useMemo(() => list?.items ?? [], [list]));
  useScreenSpeech(
    period !== null
      ? null
      : data.kind === 'error'
        ? data.message
        : list === null
          ? data.kind === 'ready' ? '暂时没有村级财务公开。' : null
          : fit.pageItems === null
            ? null
            : `${list.villageName}村务财务。请选择要看的月份：${fit.pageItems.map((p) => readPeriodChinese(p.period)).join('，')}。`,
  );
  if (period !== null && list !== null) return <FinanceBookView villageCode={list.villageCode} villageName={list.villageName} period={period} onClose={() => setPeriod(null)} />;
  return (
    <ScreenLayout title="村务财务" Icon={FinanceIcon} hint={list === null ? '请选择月份' : `${list.villageName} · 请选择月份`}>
      {data.kind === 'loading' && <Notice kind="info">正在读取…</Notice>}
      {data.kind === 'error' && <Notice kind="error">{data.message}</Notice>}
      {data.kind === 'ready' && (list === null || list.items.length === 0) && <Notice kind="info">暂时没有村级财务公开</Notice>}
      <div ref={fit.listRef} className={`choice-grid choice-grid--periods ${fit.listClass}`} data-paged-list="" data-testid="finance-periods">
        {fit.rendered.map((p) => (
          <button key={p.id} type="button" className="choice" onClick={() => setPeriod(p)} data-testid="finance-period">
            <span>{periodLabel(p.period)}</span>
          </button>
        ))}
      </div>
      <Pager {...fit.pager} />
    </ScreenLayout>
  );
}
