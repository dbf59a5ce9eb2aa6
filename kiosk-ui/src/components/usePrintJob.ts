import type { PrintJob } from '@sunshine/contracts';
import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage } from '../agent/agent-request';
import { getPrintJob, retryPrintJob } from '../agent/agent-api';

export type PrintView =
  | { kind: 'idle' }
  | { kind: 'job'; job: Pick<PrintJob, 'jobId' | 'state' | 'reason'> }
  | { kind: 'error'; message: string };

const POLL_MS = 700;

/** Starts a print job and follows it until done or failed, with retry. */
export function usePrintJob(start: () => Promise<{ jobId: string }>) {
  const [view, setView] = useState<PrintView>({ kind: 'idle' });
  const jobId = view.kind === 'job' ? view.job.jobId : null;
  const state = view.kind === 'job' ? view.job.state : null;
  const startRef = useRef(start);
  startRef.current = start;

  useEffect(() => {
    if (jobId === null || state === 'done' || state === 'failed') return;
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      getPrintJob(jobId, controller.signal)
        .then((job) => setView({ kind: 'job', job }))
        .catch((error: unknown) => {
          if (!controller.signal.aborted) setView({ kind: 'error', message: errorMessage(error) });
        });
    }, POLL_MS);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [jobId, state, view]);

  const print = useCallback(async () => {
    try {
      const { jobId: id } = await startRef.current();
      setView({ kind: 'job', job: { jobId: id, state: 'queued', reason: null } });
    } catch (error: unknown) {
      setView({ kind: 'error', message: errorMessage(error) });
    }
  }, []);

  const retry = useCallback(async () => {
    if (jobId === null) return print();
    try {
      await retryPrintJob(jobId);
      setView({ kind: 'job', job: { jobId, state: 'queued', reason: null } });
    } catch (error: unknown) {
      setView({ kind: 'error', message: errorMessage(error) });
    }
  }, [jobId, print]);

  const dismiss = useCallback(() => setView({ kind: 'idle' }), []);
  return { view, print, retry, dismiss };
}
