import fs from 'node:fs';
import type { AgentEnrolment } from '@sunshine/contracts';
import { createComplaintMemoryRepository } from './complaints/complaint-memory.repository';
import { createComplaintsService } from './complaints/complaints.service';
import { createOutboxRepository } from './complaints/outbox.repository';
import { createContentRepository } from './content/content.repository';
import { createContentService } from './content/content.service';
import { createPaymentsRepository } from './payments/payments.repository';
import { createPaymentsService } from './payments/payments.service';
import { createPlaceRepository } from './place/place.repository';
import { createPlaceService } from './place/place.service';
import type { Database } from './platform/database';
import type { ReceiptSources } from './printing';
import { blobPath } from './sync/blob-fetcher';
import { createCentralApi, type CentralApi } from './sync/central-api';

export interface ServicesDeps {
  db: Database;
  enrolment: AgentEnrolment | null;
  centralUrl: string | undefined;
  /** `AGENT_VILLAGE_CODE`: wins over every village central names. */
  villageOverride: string | undefined;
  /** Where media blobs fetched from central are kept. */
  blobDir: string;
  /** Called when a complaint was queued, so the forwarder starts at once. */
  onComplaintQueued(): void;
}

/** The county's date today: notices expire by it. */
const today = () => new Date().toISOString().slice(0, 10);

/** The agent's features, each given the repositories (and central) it declares it needs. */
export function createServices(deps: ServicesDeps) {
  const contentRepository = createContentRepository(deps.db);
  const outbox = createOutboxRepository(deps.db);
  const central: CentralApi | null =
    deps.enrolment && deps.centralUrl ? createCentralApi({ centralUrl: deps.centralUrl, token: deps.enrolment.token }) : null;
  const place = createPlaceService({
    villages: contentRepository,
    memory: createPlaceRepository(deps.db),
    override: deps.villageOverride,
    fromEnrolment: deps.enrolment?.villageCode,
  });
  const blobs = {
    fileOf(sha256: string): string | null {
      const file = blobPath(deps.blobDir, sha256);
      return fs.existsSync(file) ? file : null;
    },
  };
  const payments = createPaymentsService({ lookupKey: deps.enrolment?.lookupKey ?? '0'.repeat(64), ...createPaymentsRepository(deps.db) });
  const complaints = createComplaintsService({
    kioskNumber: deps.enrolment?.kioskNumber ?? null,
    outbox,
    memory: createComplaintMemoryRepository(deps.db),
    central,
    now: () => new Date(),
    onQueued: deps.onComplaintQueued,
  });
  const receiptSources: ReceiptSources = {
    paymentStatement: payments.lookup,
    complaintReceipt: complaints.receipt,
    projectSummary: contentRepository.project,
  };

  return {
    central,
    outbox,
    place,
    content: createContentService({ content: contentRepository, blobs, place: place.place, today }),
    payments,
    complaints,
    receiptSources,
    /** Every media blob the projects refer to, for the blob fetcher. */
    attachmentHashes: contentRepository.attachmentHashes,
  };
}
export type Services = ReturnType<typeof createServices>;
