import { TicketCategorySettings } from '@sunshine/contracts';
import type { SettingsRepository } from '../db/settings.repository';
import { DEFAULT_TICKET_CATEGORIES, type TicketCategory } from './categories';

const KEY = 'complaint_categories';

/**
 * The county's complaint categories and deadlines: the defaults until an admin sets them.
 * Read on every request from memory; a change is stored, then swapped in.
 */
export async function loadCategorySettings(settings: SettingsRepository) {
  const stored = TicketCategorySettings.safeParse(await settings.get(KEY));
  let current: readonly TicketCategory[] = stored.success ? stored.data : DEFAULT_TICKET_CATEGORIES;
  return {
    categories: (): readonly TicketCategory[] => current,
    async replace(next: TicketCategory[]): Promise<void> {
      await settings.set(KEY, next);
      current = next;
    },
  };
}
export type CategorySettings = Awaited<ReturnType<typeof loadCategorySettings>>;
