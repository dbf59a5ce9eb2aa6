import { formatFen, type ProjectView } from '@sunshine/contracts';
import { useState } from 'react';
import { printProjectSummary } from '../../agent/agent-api';
import { AskAboutButton } from '../../components/AskAboutButton';
import { ProjectsIcon } from '../../components/Icons';
import { Pager, pageCountOf, pageOf } from '../../components/Pager';
import { PrintStatus } from '../../components/PrintStatus';
import { ScreenLayout } from '../../components/ScreenLayout';
import { usePrintJob } from '../../components/usePrintJob';
import { useScreenSpeech } from '../../session/useScreenSpeech';
import { formatIsoDate } from '../../format/format-data-date';
import { NumberText } from '../../format/NumberText';
import { projectStatusWords, projectText } from '../../speech/screen-texts';
import { AttachmentViewer } from './AttachmentViewer';

const LINES_PER_PAGE = 4;

/** One project: where the money came from, what it was spent on, who built it, progress, outcome. */
export function ProjectDetail({ project, isViewing, onView }: { project: ProjectView; isViewing: boolean; onView: () => void }) {
  const [page, setPage] = useState(1);
  const printer = usePrintJob(() => printProjectSummary(project.id));
  useScreenSpeech(isViewing ? null : projectText(project));
  if (isViewing) return <AttachmentViewer projectName={project.name} attachments={project.attachments} />;
  return (
    <ScreenLayout title={project.name} Icon={ProjectsIcon} hint={`总投资 ${formatFen(project.budgetFen)}`}>
      <div className="two-columns" data-testid="project-detail">
        <div className="facts">
          <h2 className="section-title">钱从哪里来</h2>
          <ul className="plain-list">
            {project.fundSources.map((s) => (
              <li key={s.source}><NumberText text={s.source} /> · <strong className="money">{formatFen(s.amountFen)}</strong></li>
            ))}
          </ul>
          <p><span className="label">承建单位</span><NumberText text={project.contractor || '—'} /></p>
          <div className="progress" aria-label="进度">
            <div className="progress__track"><div className="progress__fill" style={{ width: `${project.progress}%` }} /></div>
            <span>{projectStatusWords(project)}</span>
          </div>
          {project.outcome !== '' && <p><span className="label">效果</span><NumberText text={project.outcome} /></p>}
        </div>
        <div className="facts">
          <h2 className="section-title">花到哪里去（已花 {formatFen(project.spentFen)}）</h2>
          <ul className="plain-list" data-testid="project-spending">
            {pageOf(project.spending, page, LINES_PER_PAGE).map((line, i) => (
              <li key={`${line.item}-${line.date}-${i}`}>
                <span className="keep-whole">{formatIsoDate(line.date)}</span> · <NumberText text={line.item} /> · <strong className="money">{formatFen(line.amountFen)}</strong>
              </li>
            ))}
          </ul>
          <Pager page={page} pageCount={pageCountOf(project.spending.length, LINES_PER_PAGE)} onPage={setPage} />
        </div>
      </div>
      <div className="button-row">
        <AskAboutButton subject={{ kind: 'project', id: project.id, title: project.name.slice(0, 200) }} />
        {project.attachments.length > 0 && (
          <button type="button" className="action-button" onClick={onView} data-testid="project-attachments">
            看附件（{project.attachments.length}）
          </button>
        )}
        <button type="button" className="action-button action-button--primary" onClick={() => void printer.print()} data-testid="print">
          打印
        </button>
      </div>
      <PrintStatus view={printer.view} onRetry={() => void printer.retry()} onShowOnScreen={printer.dismiss} />
    </ScreenLayout>
  );
}
