import { useEffect, useState } from 'react';
import { errorMessage } from './agent-request';

export type AgentData<T> = { kind: 'loading' } | { kind: 'ready'; value: T } | { kind: 'error'; message: string };

/** Loads once per change of `deps`; an unmounted screen's request is aborted. */
export function useAgentData<T>(load: (signal: AbortSignal) => Promise<T>, deps: readonly unknown[]): AgentData<T> {
  const [data, setData] = useState<AgentData<T>>({ kind: 'loading' });
  useEffect(() => {
    const controller = new AbortController();
    setData({ kind: 'loading' });
    load(controller.signal)
      .then((value) => setData({ kind: 'ready', value }))
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setData({ kind: 'error', message: errorMessage(error) });
      });
    return () => controller.abort();
    // The caller names what the load depends on in `deps`.
  }, deps);
  return data;
}

/** Reads every page of an agent list (the agent pages by 10; the kiosk shows fewer per screen). */
export async function loadAllPages<T>(
  fetchPage: (page: number, signal: AbortSignal) => Promise<{ items: T[]; total: number; pageSize: number }>,
  signal: AbortSignal,
  maxPages = 20,
): Promise<T[]> {
  const items: T[] = [];
  for (let page = 1; page <= maxPages; page += 1) {
    const answer = await fetchPage(page, signal);
    items.push(...answer.items);
    if (items.length >= answer.total || answer.items.length === 0) break;
  }
  return items;
}
