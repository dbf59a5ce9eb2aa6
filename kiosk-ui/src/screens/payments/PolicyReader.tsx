import { useState } from 'react';
import { getPolicies } from '../../agent/content-api';
import { useAgentData } from '../../agent/useAgentData';
import { PaymentsIcon } from '../../components/Icons';
import { Pager } from '../../components/Pager';
import { Notice, ScreenLayout } from '../../components/ScreenLayout';
import { useScreenSpeech } from '../../session/useScreenSpeech';
import { splitPages } from '../notices/split-pages';

const CHARS_PER_PAGE = 160;

/** 政策解读: the programme explained in plain words, paged like a notice. */
export function PolicyReader({ programCode, programName }: { programCode: string; programName: string }) {
  const data = useAgentData((signal) => getPolicies(programCode, signal), [programCode]);
  const [page, setPage] = useState(1);
  const policy = data.kind === 'ready' ? data.value.items[0] : undefined;
  const pages = policy === undefined ? [] : splitPages(`${policy.title}\n${policy.body}`, CHARS_PER_PAGE);
  const missing = data.kind === 'error' || (data.kind === 'ready' && policy === undefined);
  useScreenSpeech(missing ? `${programName}的政策解读还没有公开，可以问村委会。` : (pages[page - 1] ?? null));
  return (
    <ScreenLayout title={`${programName} 政策解读`} Icon={PaymentsIcon}>
      {data.kind === 'loading' && <Notice kind="info">正在读取…</Notice>}
      {missing && <Notice kind="info">这项补贴的政策解读还没有公开，可以问村委会</Notice>}
      {pages.length > 0 && (
        <article className="reader" data-testid="policy-reader">
          {pages[page - 1]}
        </article>
      )}
      <Pager page={page} pageCount={pages.length} onPage={setPage} />
    </ScreenLayout>
  );
}
