import { formatFen, type ProjectView, type ScopeLevel } from '@sunshine/contracts';
import { useCallback, useMemo, useState } from 'react';
import { listProjects } from '../agent/content-api';
import { loadAllPages, useAgentData } from '../agent/useAgentData';
import { ProjectsIcon } from '../components/Icons';
import { Pager } from '../components/Pager';
import { Notice, ScreenLayout } from '../components/ScreenLayout';
import { useFittedPages } from '../components/useFittedPages';
import { NumberText } from '../format/NumberText';
import { useBackHandler, useScreenSpeech } from '../session/useScreenSpeech';
import { projectStatusWords } from '../speech/screen-texts';
import { ProjectDetail } from './projects/ProjectDetail';
import './projects/projects.css';

export const SCOPE_WORDS: Record<ScopeLevel, string> = { village: '本村', town: '本镇', county: '全县', other: '其他' };

/** 项目公开: this village's projects first, then the town's and the county's; open one for its money. */
export function ProjectsScreen() {
  const data = useAgentData((signal) => loadAllPages(listProjects, signal), []);
  const [open, setOpen] = useState<ProjectView | null>(null);
  const [isViewing, setViewing] = useState(false);
  useBackHandler(
    useCallback(() => {
      if (isViewing) setViewing(false);
      else if (open !== null) setOpen(null);
      else return false;
      return true;
    }, [open, isViewing]),
  );
  const items = useMemo(() => (data.kind === 'ready' ? data.value : []), [data]);
  const fit = useFittedPages(items);
  useScreenSpeech(
    open !== null
      ? null
      : data.kind === 'ready'
        ? items.length === 0
          ? '暂时没有公开的项目。'
          : fit.pageItems === null
            ? null
            : `项目公开，共${items.length}个项目，本村的在前面：${fit.pageItems.map((p) => `${SCOPE_WORDS[p.scopeLevel]}，${p.name}`).join('；')}。点一个项目，看钱从哪里来、花到哪里去。`
        : data.kind === 'error' ? data.message : null,
  );
  if (open !== null) return <ProjectDetail project={open} isViewing={isViewing} onView={() => setViewing(true)} />;
  return (
    <ScreenLayout title="项目公开" Icon={ProjectsIcon} hint="本村的在前面，点一个看详情">
      {data.kind === 'loading' && <Notice kind="info">正在读取…</Notice>}
      {data.kind === 'error' && <Notice kind="error">{data.message}</Notice>}
      {data.kind === 'ready' && items.length === 0 && <Notice kind="info">暂时没有公开的项目</Notice>}
      <ul ref={fit.listRef} className={`row-list ${fit.listClass}`} data-paged-list="" data-testid="project-list">
        {fit.rendered.map((project) => (
          <li key={project.id}>
            <button type="button" className="row-button" onClick={() => setOpen(project)} data-testid="project-item">
              <span className="row-button__main">
                <span className="tag">{SCOPE_WORDS[project.scopeLevel]}</span> <NumberText text={project.name} />
              </span>
              <span className="row-button__side">
                {formatFen(project.budgetFen)} · {projectStatusWords(project)}
              </span>
            </button>
          </li>
        ))}
      </ul>
      <Pager {...fit.pager} />
    </ScreenLayout>
  );
}
