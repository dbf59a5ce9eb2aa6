import { agentContentApi as content, urlOf, type NoticeCategory } from '@sunshine/contracts';
import { agentCall } from './agent-request';

// Disclosure content the agent serves from its local cache (contracts/kiosk-content.ts).
// Every list is paged: `page` counts from 1, the page size is fixed by the agent.

export const listNotices = (category: NoticeCategory, page: number, signal?: AbortSignal) =>
  agentCall(content.listNotices, { query: { category, page } }, { signal });

/** Attract screen: the newest notices of every category near this kiosk. */
export const listLatestNotices = (signal?: AbortSignal) => agentCall(content.listNotices, { query: { page: 1 } }, { signal });

export const listProjects = (page: number, signal?: AbortSignal) => agentCall(content.listProjects, { query: { page } }, { signal });

export const listVillages = (signal?: AbortSignal) => agentCall(content.listVillages, {}, { signal });

export const listFinancePeriods = (villageCode: string, signal?: AbortSignal) =>
  agentCall(content.listFinancePeriods, { params: { villageCode } }, { signal });

export const getFinanceBook = (villageCode: string, period: string, page: number, signal?: AbortSignal) =>
  agentCall(content.getFinanceBook, { params: { villageCode, period }, query: { page } }, { signal });

/** 政策解读: what a programme is, in plain words. */
export const getPolicies = (programCode: string, signal?: AbortSignal) => agentCall(content.getPolicies, { params: { programCode } }, { signal });

/** Where an attachment (photo, scan) is served from the kiosk's verified blob store. */
export const blobUrl = (sha256: string) => urlOf(content.getBlob, { params: { sha256 } });
