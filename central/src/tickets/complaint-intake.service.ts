import { AppError, ComplaintCategory, parseTicketNumber, TICKET_NUMBER_MESSAGE, type ComplaintIntake, type ComplaintIntakeAck } from '@sunshine/contracts';
import { hashPin, sealContact } from './contact-seal';
import { blankEvent } from './ticket-events';
import type { RecordingStore, SubjectPlaces, TicketAnnouncer, TicketRecord, TicketStore } from './tickets.ports';
import { complaintPlace } from '../statistics/counting';

export interface IntakeDeps {
  tickets: TicketStore;
  places: SubjectPlaces;
  recordings: RecordingStore;
  contactKey: Buffer;
  staffEvents: TicketAnnouncer;
  now: () => Date;
}

/**
 * Accepts a complaint from a kiosk's outbox exactly once per ticket number: a replay
 * (the kiosk did not hear the first answer) changes nothing and says `duplicate`. The
 * ticket keeps where it was made: its subject's place, else the kiosk's village now.
 */
export async function intakeComplaint(deps: IntakeDeps, kiosk: { kioskNumber: string; villageCode: string | null }, intake: ComplaintIntake): Promise<ComplaintIntakeAck> {
  const { kioskNumber } = kiosk;
  const parsed = parseTicketNumber(intake.ticketNumber);
  if (!parsed) throw new AppError('invalid_ticket_number', TICKET_NUMBER_MESSAGE);
  if (parsed.kioskNumber !== kioskNumber) {
    throw new AppError('foreign_ticket_number', `查询号 ${parsed.ticketNumber} 属于 ${parsed.kioskNumber} 号机，${kioskNumber} 号机不能代交`);
  }
  // A kiosk may queue a complaint under a category the county has since retired: the villager
  // already holds a receipt, so it is accepted as it is (staff see the code; default deadlines).
  if (!ComplaintCategory.shape.code.safeParse(intake.category).success) {
    throw new AppError('invalid_category', `category: “${intake.category}”不是反映类别的代码`);
  }
  const existing = await deps.tickets.find(parsed.ticketNumber);
  if (existing) return { ticketNumber: parsed.ticketNumber, duplicate: true };

  const receivedAt = deps.now().toISOString();
  const audioSha256 = intake.audio ? await deps.recordings.put(Buffer.from(intake.audio.data, 'base64')) : null;
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
  if (created) deps.staffEvents['ticket:changed']({ ticketNumber: parsed.ticketNumber, status: 'received' });
  return { ticketNumber: parsed.ticketNumber, duplicate: !created };
}
