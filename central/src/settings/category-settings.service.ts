import { TicketCategorySettings } from '@sunshine/contracts';
import type { SettingsRepository } from './settings.repository';
import type { Audited } from '../platform/unit-of-work';
import { DEFAULT_TICKET_CATEGORIES, type TicketCategory } from '../tickets/categories';

const KEY = 'complaint_categories';

/**
 * The county's complaint categories and deadlines: the defaults until an admin sets them.
 * Read on every request from memory; a change is stored with its audit entry, then swapped in.
 */
export async function loadCategorySettings(deps: { settings: SettingsRepository; audited: Audited }) {
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
