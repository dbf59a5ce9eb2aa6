import { FinanceIcon } from '../components/Icons';
import { ScreenLayout } from '../components/ScreenLayout';

/** 村务财务 — a first stand-in; the real screen comes later. */
export function FinanceScreen() {
  return (
    <ScreenLayout
      title="村务财务"
      Icon={FinanceIcon}
      summary="这里公开村里的收入和支出：先看总数，再看每一笔。"
    />
  );
}
