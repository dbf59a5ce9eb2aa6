import { ProjectsIcon } from '../components/Icons';
import { ScreenLayout } from '../components/ScreenLayout';

/** 项目公开 — a first stand-in; the real screen comes later. */
export function ProjectsScreen() {
  return (
    <ScreenLayout
      title="项目公开"
      Icon={ProjectsIcon}
      summary="这里公开村里的民生和扶贫项目：钱从哪里来，花到哪里去，现在做到哪一步。"
    />
  );
}
