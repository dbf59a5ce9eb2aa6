import type { Notice as NoticeRecord, NoticeCategory } from '@sunshine/contracts';
import { useCallback, useMemo, useState } from 'react';
import { listNotices } from '../agent/content-api';
import { loadAllPages, useAgentData } from '../agent/useAgentData';
import { AskAboutButton } from '../components/AskAboutButton';
import { NoticesIcon } from '../components/Icons';
import { Pager } from '../components/Pager';
import { Notice, ScreenLayout } from '../components/ScreenLayout';
import { useFittedPages } from '../components/useFittedPages';
import { useBackHandler, useScreenSpeech } from '../session/useScreenSpeech';
import { formatIsoDate } from '../format/format-data-date';
import { NumberText } from '../format/NumberText';
import { noticeText } from '../speech/screen-texts';
import { splitPagesToFit } from './notices/split-pages';
import { useReaderBox } from './notices/useReaderBox';

export const NOTICE_CATEGORIES: readonly { category: NoticeCategory; name: string; hint: string }[] = [
  { category: 'party', name: '党务公开', hint: '党组织的通知和决定' },
  { category: 'government', name: '政务公开', hint: '政府的政策和公告' },
  { category: 'village', name: '村务公开', hint: '村里的事务和决定' },
];


/** 党务政务: category → notices newest first → a large reader with paging. */
export function NoticesScreen() {
  const [category, setCategory] = useState<NoticeCategory | null>(null);
  const [open, setOpen] = useState<NoticeRecord | null>(null);
  useBackHandler(
    useCallback(() => {
      if (open !== null) setOpen(null);
      else if (category !== null) setCategory(null);
      else return false;
      return true;
    }, [open, category]),
  );
  if (open !== null) return <NoticeReader notice={open} />;
  if (category !== null) return <NoticeList category={category} onOpen={setOpen} />;
  return <CategoryChoice onPick={setCategory} />;
}

function CategoryChoice({ onPick }: { onPick: (c: NoticeCategory) => void }) {
  useScreenSpeech('党务政务。请选择：党务公开，政务公开，村务公开。');
  return (
    <ScreenLayout title="党务政务" Icon={NoticesIcon} hint="请选择要看的公开内容">
      <div className="choice-grid">
        {NOTICE_CATEGORIES.map((c) => (
          <button key={c.category} type="button" className="choice" onClick={() => onPick(c.category)} data-testid={`notice-category-${c.category}`}>
            <span>{c.name}</span>
            <span className="choice__hint">{c.hint}</span>
          </button>
        ))}
      </div>
    </ScreenLayout>
  );
}

function NoticeList({ category, onOpen }: { category: NoticeCategory; onOpen: (n: NoticeRecord) => void }) {
  const data = useAgentData((signal) => loadAllPages((page, s) => listNotices(category, page, s), signal), [category]);
  const name = NOTICE_CATEGORIES.find((c) => c.category === category)?.name ?? '公开';
  const items = useMemo(() => (data.kind === 'ready' ? data.value : []), [data]);
  const fit = useFittedPages(items);
  useScreenSpeech(
    data.kind === 'ready'
      ? items.length === 0
        ? `${name}暂时没有内容。`
        : fit.pageItems === null
          ? null
          : `${name}，共${items.length}条，最新的在前面：${fit.pageItems.map((n) => n.title).join('；')}。点一条就能看全文。`
      : data.kind === 'error' ? data.message : null,
  );
  return (
    <ScreenLayout title={name} Icon={NoticesIcon} hint="最新的在前面，点一条看全文">
      {data.kind === 'loading' && <Notice kind="info">正在读取…</Notice>}
      {data.kind === 'error' && <Notice kind="error">{data.message}</Notice>}
      {data.kind === 'ready' && items.length === 0 && (
        <Notice kind="info" testId="notices-empty">
          暂时没有内容
        </Notice>
      )}
      <ul ref={fit.listRef} className={`row-list ${fit.listClass}`} data-paged-list="" data-testid="notice-list">
        {fit.rendered.map((notice) => (
          <li key={notice.id}>
            <button type="button" className="row-button" onClick={() => onOpen(notice)} data-testid="notice-item">
              <span className="row-button__main"><NumberText text={notice.title} /></span>
              <span className="row-button__side">{formatIsoDate(notice.publishDate)}</span>
            </button>
          </li>
        ))}
      </ul>
      <Pager {...fit.pager} />
    </ScreenLayout>
  );
}

function NoticeReader({ notice }: { notice: NoticeRecord }) {
  const reader = useReaderBox();
  const pages = useMemo(() => (reader.box === null ? [notice.body] : splitPagesToFit(notice.body, reader.box)), [notice.body, reader.box]);
  const [wanted, setPage] = useState(1);
  const page = Math.min(wanted, pages.length);
  // Nothing is read before the box is measured: the first page is not known until then.
  useScreenSpeech(reader.box === null ? null : page === 1 ? noticeText({ ...notice, body: pages[0] ?? '' }) : (pages[page - 1] ?? ''));
  return (
    <ScreenLayout title={notice.title} Icon={NoticesIcon} hint={`发布于 ${formatIsoDate(notice.publishDate)}`}>
      <article ref={reader.ref} className="reader" data-testid="notice-reader">
        <NumberText text={pages[page - 1] ?? ''} />
      </article>
      <div className="button-row">
        <Pager page={page} pageCount={pages.length} onPage={setPage} />
        <AskAboutButton subject={{ kind: 'notice', id: notice.id, title: notice.title.slice(0, 200) }} />
      </div>
    </ScreenLayout>
  );
}
