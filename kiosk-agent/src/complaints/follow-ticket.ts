import { AppError, Pin, parseTicketNumber, TICKET_NUMBER_MESSAGE, type AgentTicket, type PublicTicket } from '@sunshine/contracts';

export interface OwnTicket {
  pin: string;
  category: string;
  submittedAt: string;
  state: 'pending' | 'delivered' | 'failed';
}

export type CentralTicket =
  | { kind: 'found'; ticket: PublicTicket }
  | { kind: 'not_found' }
  | { kind: 'wrong_pin'; message: string }
  | { kind: 'rate_limited' };

export interface FollowTicketDeps {
  /** Throws when central cannot be reached: the kiosk then answers from what it knows. */
  fromCentral(ticketNumber: string, pin: string | undefined): Promise<CentralTicket>;
  own(ticketNumber: string): OwnTicket | null;
  seen(ticketNumber: string): PublicTicket | null;
  remember(ticket: PublicTicket): void;
}

export const WRONG_PIN_MESSAGE = '查询密码不对，请看回执上的4位查询密码。';

/** 查进度: central's answer when it can be reached, else this kiosk's own knowledge. */
export async function followTicket(deps: FollowTicketDeps, rawNumber: string, rawPin: string | undefined): Promise<AgentTicket> {
  const parsed = parseTicketNumber(rawNumber);
  if (!parsed) throw new AppError('invalid_ticket_number', TICKET_NUMBER_MESSAGE);
  const pin = rawPin === undefined || rawPin === '' ? undefined : Pin.safeParse(rawPin).data;
  if (rawPin && !pin) throw new AppError('bad_request', '查询密码是4位数字。');
  const { ticketNumber } = parsed;
  const own = deps.own(ticketNumber);
  const pendingDelivery = own !== null && own.state !== 'delivered';

  let central: CentralTicket | null = null;
  try {
    central = await deps.fromCentral(ticketNumber, pin);
  } catch {
    central = null;
  }
  if (central?.kind === 'wrong_pin') throw new AppError('wrong_pin', WRONG_PIN_MESSAGE);
  // Too many wrong PINs at central: the kiosk must not become a way around that limit.
  if (central?.kind === 'rate_limited') throw new AppError('pin_locked', '查询密码输错次数太多，请一小时后再试。');
  if (central?.kind === 'found') {
    // Only this kiosk's own tickets keep their reply locally: it alone can check their PIN offline.
    deps.remember(own ? central.ticket : { ...central.ticket, reply: null });
    return { ...central.ticket, source: 'central', pendingDelivery };
  }

  if (own && pin !== undefined && pin !== own.pin) throw new AppError('wrong_pin', WRONG_PIN_MESSAGE);
  const seen = deps.seen(ticketNumber);
  const showReply = own !== null && pin === own.pin;
  if (seen) return { ...seen, reply: showReply ? seen.reply : null, source: 'kiosk', pendingDelivery };
  if (own) return { ...receivedTicket(ticketNumber, own), source: 'kiosk', pendingDelivery };
  if (central?.kind === 'not_found') throw new AppError('unknown_ticket', '没有找到这个查询号，请核对后再试。');
  throw new AppError('central_unreachable', '暂时联系不上县里，查不到这个查询号，请稍后再试。');
}

/** What the kiosk can say about its own complaint before central has answered. */
function receivedTicket(ticketNumber: string, own: OwnTicket): PublicTicket {
  return {
    ticketNumber,
    status: 'received',
    category: own.category,
    submittedAt: own.submittedAt,
    expectedReplyBy: null,
    isLate: false,
    timeline: [{ status: 'received', at: own.submittedAt, note: null }],
    hasReply: false,
    reply: null,
  };
}
