import { TicketIcon } from '../components/Icons';
import { ScreenLayout } from '../components/ScreenLayout';

/** 查进度 — a first stand-in; the real screen comes later. */
export function TicketScreen() {
  return (
    <ScreenLayout
      title="查进度"
      Icon={TicketIcon}
      summary="输入回执上的编号，就能看到您反映的问题办到哪一步了。"
    />
  );
}
