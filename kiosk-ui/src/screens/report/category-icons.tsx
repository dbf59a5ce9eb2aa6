import type { ComponentType } from 'react';
import { FinanceIcon, HelpIcon, NoticesIcon, PaymentsIcon, ProjectsIcon, ReportIcon, type IconProps } from '../../components/Icons';

/** A picture beside each category's words; unknown categories get the speech bubble. */
export const CATEGORY_ICONS: Record<string, ComponentType<IconProps>> = {
  subsidy: PaymentsIcon,
  project: ProjectsIcon,
  finance: FinanceIcon,
  conduct: NoticesIcon,
  livelihood: HelpIcon,
  other: ReportIcon,
};

/** Common phrases: a villager who cannot type can still say what is wrong. */
export const COMMON_PHRASES = ['补贴没有收到', '发的钱数不对', '公开的内容和实际不一样'] as const;
