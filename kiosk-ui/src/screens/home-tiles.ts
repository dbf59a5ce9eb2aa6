import type { ComponentType } from 'react';
import {
  FinanceIcon,
  NoticesIcon,
  PaymentsIcon,
  ProjectsIcon,
  ReportIcon,
  TicketIcon,
  type IconProps,
} from '../components/Icons';
import type { ScreenId } from '../navigation/screen-id';

export interface HomeTile {
  screen: ScreenId;
  title: string;
  /** One short line in everyday words. */
  subtitle: string;
  Icon: ComponentType<IconProps>;
}

/** The six choices of docs/design.md §8, in its order; never more than six on a screen. */
export const HOME_TILES: readonly HomeTile[] = [
  { screen: 'payments', title: '查补贴', subtitle: '查看发给我的补贴', Icon: PaymentsIcon },
  { screen: 'projects', title: '项目公开', subtitle: '村里项目的钱怎么花', Icon: ProjectsIcon },
  { screen: 'finance', title: '村务财务', subtitle: '村里的收入和支出', Icon: FinanceIcon },
  { screen: 'notices', title: '党务政务', subtitle: '通知和公告', Icon: NoticesIcon },
  { screen: 'report', title: '我要反映', subtitle: '有问题，说给我们听', Icon: ReportIcon },
  { screen: 'ticket', title: '查进度', subtitle: '反映的事办得怎样', Icon: TicketIcon },
];

/** What 朗读 reads on home. */
export const HOME_READ_ALOUD =
  '阳光监督一体机。请点击您要办理的事项：查补贴，项目公开，村务财务，党务政务，我要反映，查进度。';
