import { NoticesIcon } from '../components/Icons';
import { ScreenLayout } from '../components/ScreenLayout';

/** 党务政务 — a first stand-in; the real screen comes later. */
export function NoticesScreen() {
  return (
    <ScreenLayout
      title="党务政务"
      Icon={NoticesIcon}
      summary="这里是党务、政务和村务的通知和公告。"
    />
  );
}
