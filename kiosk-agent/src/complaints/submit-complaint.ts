import crypto from 'node:crypto';
import {
  AppError,
  makeTicketNumber,
  type ComplaintCategory,
  type ComplaintCreated,
  type ComplaintIntake,
  type CreateComplaint,
} from '@sunshine/contracts';

export interface ComplaintOutbox {
  /**
   * Takes the next per-kiosk sequence and stores the complaint built from it, in ONE
   * transaction: a ticket number given to a villager always has its complaint behind it.
   */
  add(build: (sequence: number) => ComplaintIntake): ComplaintIntake;
}

export interface SubmitComplaintDeps {
  kioskNumber: string | null;
  categories(): ComplaintCategory[];
  outbox: ComplaintOutbox;
  now(): Date;
  /** Kicks the forwarder; delivery happens after the villager already has the number. */
  onQueued(): void;
}

/** A random 4-digit query PIN, printed on the receipt and needed to read the reply. */
export function randomPin(): string {
  return String(crypto.randomInt(0, 10_000)).padStart(4, '0');
}

/** 我要反映: numbers the complaint locally and queues it; works with the network down. */
export function submitComplaint(deps: SubmitComplaintDeps, input: CreateComplaint): ComplaintCreated {
  if (!deps.kioskNumber) throw new AppError('kiosk_not_enrolled', '本机尚未登记，暂时不能提交反映，请联系工作人员。');
  const kioskNumber = Number(deps.kioskNumber);
  if (!deps.categories().some((c) => c.code === input.category)) {
    throw new AppError('unknown_category', '请选择问题的类别。', [{ path: 'category', message: 'unknown category' }]);
  }
  const submittedAt = deps.now().toISOString();
  const pin = randomPin();
  const stored = deps.outbox.add((sequence) => ({ ...input, ticketNumber: makeTicketNumber(kioskNumber, sequence), pin, submittedAt }));
  deps.onQueued();
  return { ticketNumber: stored.ticketNumber, pin: stored.pin };
}
