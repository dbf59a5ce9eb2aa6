import type { ComponentType } from 'react';
import type { ScreenId } from '../navigation/screen-id';
import { FinanceScreen } from './FinanceScreen';
import { HelpScreen } from './HelpScreen';
import { HomeScreen } from './HomeScreen';
import { NoticesScreen } from './NoticesScreen';
import { PaymentsScreen } from './PaymentsScreen';
import { ProjectsScreen } from './ProjectsScreen';
import { ReportScreen } from './ReportScreen';
import type { ScreenProps } from './screen-props';
import { TicketScreen } from './TicketScreen';

/** One component per screen id; the Record type makes a missing screen a compile error. */
export const SCREENS: Record<ScreenId, ComponentType<ScreenProps>> = {
  home: HomeScreen,
  payments: PaymentsScreen,
  projects: ProjectsScreen,
  finance: FinanceScreen,
  notices: NoticesScreen,
  report: ReportScreen,
  ticket: TicketScreen,
  help: HelpScreen,
};
