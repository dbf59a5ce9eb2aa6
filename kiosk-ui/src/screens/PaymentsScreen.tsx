import { PaymentsIcon } from '../components/Icons';
import { ScreenLayout } from '../components/ScreenLayout';

/** 查补贴 — a first stand-in; the real screen comes later. */
export function PaymentsScreen() {
  return (
    <ScreenLayout
      title="查补贴"
      Icon={PaymentsIcon}
      summary="输入您的身份证号码，就能看到发给您的每一笔补贴：是什么补贴，发了多少钱，哪天发的。"
    />
  );
}
