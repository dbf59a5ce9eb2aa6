import type { Attachment } from '@sunshine/contracts';
import { useState } from 'react';
import { blobUrl } from '../../agent/content-api';
import { ProjectsIcon } from '../../components/Icons';
import { Pager } from '../../components/Pager';
import { Notice, ScreenLayout } from '../../components/ScreenLayout';
import { useScreenSpeech } from '../../session/useScreenSpeech';

/** A project's photos and scans, one at a time, as large as the screen allows. */
export function AttachmentViewer({ projectName, attachments }: { projectName: string; attachments: Attachment[] }) {
  const [page, setPage] = useState(1);
  const attachment = attachments[page - 1];
  useScreenSpeech(attachment === undefined ? null : `${projectName}的附件，第${page}个，共${attachments.length}个：${attachment.name}。`);
  return (
    <ScreenLayout title="项目附件" Icon={ProjectsIcon} hint={attachment?.name}>
      <div className="viewer" data-testid="attachment-viewer">
        {attachment === undefined ? null : attachment.mime.startsWith('image/') ? (
          <img className="viewer__image" src={blobUrl(attachment.sha256)} alt={attachment.name} />
        ) : attachment.mime === 'application/pdf' ? (
          <iframe className="viewer__frame" src={`${blobUrl(attachment.sha256)}#toolbar=0&view=FitH`} title={attachment.name} />
        ) : (
          <Notice kind="info">这个附件不能在屏幕上看，请到村委会查阅</Notice>
        )}
      </div>
      <Pager page={page} pageCount={attachments.length} onPage={setPage} />
    </ScreenLayout>
  );
}
