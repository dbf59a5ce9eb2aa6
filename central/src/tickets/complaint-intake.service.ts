import { AppError, ComplaintCategory, parseTicketNumber, type ComplaintIntake, type ComplaintIntakeAck } from '@sunshine/contracts';
import type { AudioStore } from '../platform/blob.store';
import type { PlaceRepository } from '../fleet/places.repository';
import type { TicketRecord, TicketRepository } from './tickets.repository';
import type { TicketCategory } from './categories';
import { hashPin, sealContact } from './contact-seal';
import { complaintPlace } from '../statistics/statistics.service';
import { blankEvent } from './ticket-events';

export interface IntakeDeps {
  tickets: TicketRepository;
  places: Pick<PlaceRepository, 'subjectPlace'>;
  audio: AudioStore;
  contactKey: Buffer;
  categories: () => readonly TicketCategory[];
  now: () => Date;
}

/**
 * Accepts a complaint from a kiosk's outbox exactly once per ticket number: a replay
 * (the kiosk did not hear the first answer) changes nothing and says `duplicate`. The
 * ticket keeps where it was made: its subject's place, else the kiosk's village now.
 */
export async function intakeComplaint(
  deps: IntakeDeps,
  kiosk: { kioskNumber: string; villageCode: string | null },
  intake: ComplaintIntake,
): Promise<ComplaintIntakeAck> {
  const { kioskNumber } = kiosk;
  const parsed = parseTicketNumber(intake.ticketNumber);
  if (!parsed) throw new AppError('invalid_ticket_number', 'The ticket number fails its check digit.');
  if (parsed.kioskNumber !== kioskNumber) {
    throw new AppError('forbidden', `Kiosk ${kioskNumber} cannot deliver ticket numbers of kiosk ${parsed.kioskNumber}.`);
  }
  // A kiosk may queue a complaint under a category the county has since retired: the villager
  // already holds a receipt, so it is accepted as it is (staff see the code; default deadlines).
  if (!ComplaintCategory.shape.code.safeParse(intake.category).success) {
    throw new AppError('bad_request', `category: "${intake.category}" is not a category code`);
  }
  const existing = await deps.tickets.find(parsed.ticketNumber);
  if (existing) return { ticketNumber: parsed.ticketNumber, duplicate: true };

  const receivedAt = deps.now().toISOString();
  const audioSha256 = intake.audio ? await deps.audio.put(Buffer.from(intake.audio.data, 'base64')) : null;
  const subjectPlace = intake.subject ? await deps.places.subjectPlace(intake.subject) : null;
  const hasContact = Boolean(intake.contact?.name || intake.contact?.phone);
  const ticket: TicketRecord = {
    ticketNumber: parsed.ticketNumber,
    kioskNumber,
    category: intake.category,
    text: intake.text || null,
    audioSha256,
    audioMime: intake.audio?.mime ?? null,
    audioSeconds: intake.audio?.durationSeconds ?? null,
    contactSealed: hasContact && intake.contact ? sealContact(deps.contactKey, parsed.ticketNumber, intake.contact) : null,
    pinHash: hashPin(deps.contactKey, parsed.ticketNumber, intake.pin),
    subject: intake.subject ?? null,
    relatedTicketNumber: intake.relatedTicketNumber ?? null,
    submittedAt: intake.submittedAt,
    receivedAt,
    status: 'received',
    handlingUnit: null,
    placeCode: complaintPlace(subjectPlace, kiosk.villageCode),
  };
  const first = { ...blankEvent(receivedAt, `kiosk:${kioskNumber}`, 'status'), status: 'received' as const };
  const created = await deps.tickets.insertIfNew(ticket, [first]);
  return { ticketNumber: parsed.ticketNumber, duplicate: !created };
}
