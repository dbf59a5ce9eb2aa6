import {
  FinanceBook,
  FinancePeriodList,
  NoticeList,
  PolicyList,
  ProjectList,
  VillageList,
  type NoticeCategory,
} from '@sunshine/contracts';
import { agentRequest } from './agent-request';

// Disclosure content the agent serves from its local cache (contracts/kiosk-content.ts).
// Every list is paged: `page` counts from 1, the page size is fixed by the agent.

export const listNotices = (category: NoticeCategory, page: number, signal?: AbortSignal) =>
  agentRequest(`/api/notices?category=${category}&page=${page}`, NoticeList, { signal });

/** Attract screen: the newest notices of every category near this kiosk. */
export const listLatestNotices = (signal?: AbortSignal) =>
  agentRequest('/api/notices?page=1', NoticeList, { signal });

export const listProjects = (page: number, signal?: AbortSignal) =>
  agentRequest(`/api/projects?page=${page}`, ProjectList, { signal });

export const listVillages = (signal?: AbortSignal) => agentRequest('/api/villages', VillageList, { signal });

export const listFinancePeriods = (villageCode: string, signal?: AbortSignal) =>
  agentRequest(`/api/finance/${villageCode}/periods`, FinancePeriodList, { signal });

export const getFinanceBook = (villageCode: string, period: string, page: number, signal?: AbortSignal) =>
  agentRequest(`/api/finance/${villageCode}/${encodeURIComponent(period)}?page=${page}`, FinanceBook, { signal });

/** 政策解读: what a programme is, in plain words. */
export const getPolicies = (programCode: string, signal?: AbortSignal) =>
  agentRequest(`/api/policies/${encodeURIComponent(programCode)}`, PolicyList, { signal });

/** Where an attachment (photo, scan) is served from the kiosk's verified blob store. */
export const blobUrl = (sha256: string) => `/api/blobs/${sha256}`;
