import { TicketCategorySettings } from '@sunshine/contracts';
import type { AuditedWith } from '../platform/audited-action';
import { DEFAULT_TICKET_CATEGORIES, type TicketCategory } from '../tickets/categories';

const KEY = 'complaint_categories';

/** Small JSON settings by key (`settings.repository` keeps them in the store). */
export interface SettingsStore {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
}

/**
 * The county's complaint categories and deadlines: the defaults until an admin sets them.
 * Read on every request from memory; a change is stored with its audit entry, then swapped in.
 */
export async function loadCategorySettings(deps: { settings: Pick<SettingsStore, 'get'>; audited: AuditedWith<{ settings: SettingsStore }> }) {
  const stored = TicketCategorySettings.safeParse(await deps.settings.get(KEY));
  let current: readonly TicketCategory[] = stored.success ? stored.data : DEFAULT_TICKET_CATEGORIES;
  return {
    categories: (): readonly TicketCategory[] => current,
    async replace(next: TicketCategory[], actor: string): Promise<void> {
      await deps.audited((tx) => tx.settings.set(KEY, next), () => ({ actor, action: 'settings.complaint-categories', target: null, details: next }));
      current = next;
    },
  };
}
export type CategorySettings = Awaited<ReturnType<typeof loadCategorySettings>>;
