import { HelpIcon } from '../components/Icons';
import { ScreenLayout } from '../components/ScreenLayout';

/** 帮助 — a first stand-in; the real screen comes later. */
export function HelpScreen() {
  return (
    <ScreenLayout
      title="帮助"
      Icon={HelpIcon}
      summary="点一下大方块，就能进入要办的事。点“首页”回到开始，点“返回”回到上一步，点“朗读”听屏幕上的字。"
    />
  );
}
