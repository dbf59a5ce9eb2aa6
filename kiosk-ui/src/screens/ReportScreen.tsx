import { ReportIcon } from '../components/Icons';
import { ScreenLayout } from '../components/ScreenLayout';

/** 我要反映 — a first stand-in; the real screen comes later. */
export function ReportScreen() {
  return (
    <ScreenLayout
      title="我要反映"
      Icon={ReportIcon}
      summary="发现补贴、项目或村里账目有问题，可以在这里说出来，不用打字。反映后会打印一张回执。"
    />
  );
}
