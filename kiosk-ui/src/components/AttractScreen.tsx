import type { Notice } from '@sunshine/contracts';
import { useEffect, useState } from 'react';
import { listLatestNotices } from '../agent/content-api';
import { formatIsoDate } from '../format/format-data-date';
import './AttractScreen.css';

const ROTATE_MS = 8_000;

/** After 3 quiet minutes on home: current notices, one at a time, and how to start. */
export function AttractScreen({ onWake }: { onWake: () => void }) {
  const [notices, setNotices] = useState<Notice[]>([]);
  const [index, setIndex] = useState(0);
  useEffect(() => {
    const controller = new AbortController();
    listLatestNotices(controller.signal)
      .then((list) => setNotices(list.items.slice(0, 6)))
      .catch(() => undefined);
    return () => controller.abort();
  }, []);
  useEffect(() => {
    const timer = window.setInterval(() => setIndex((i) => i + 1), ROTATE_MS);
    return () => window.clearInterval(timer);
  }, []);
  const notice = notices.length > 0 ? notices[index % notices.length] : undefined;
  return (
    <div className="attract" onClick={onWake} data-testid="attract">
      <h2 className="attract__title">阳光监督一体机</h2>
      {notice === undefined ? (
        <p className="attract__body">查补贴、看村务、反映问题，都可以在这里办</p>
      ) : (
        <article className="attract__notice">
          <h3 className="attract__notice-title">{notice.title}</h3>
          <p className="attract__date">{formatIsoDate(notice.publishDate)}</p>
          <p className="attract__body">{notice.body.slice(0, 120)}{notice.body.length > 120 ? '……' : ''}</p>
        </article>
      )}
      <p className="attract__start">请点一下屏幕开始使用</p>
    </div>
  );
}
