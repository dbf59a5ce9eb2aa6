import crypto from 'node:crypto';
import { AppError } from '@sunshine/contracts';

const MAX_WRONG = 5;
const LOCKOUT_MS = 5 * 60_000;

/**
 * The PIN of the kiosk's hidden staff panel. It lives in the agent's config, never in the UI
 * bundle; five wrong tries in a row lock it for 5 minutes, even for the right PIN.
 */
export function createStaffPanelLock(staffPin: string, now: () => number = Date.now) {
  let wrong = 0;
  let lockedUntil = 0;
  return {
    /** @throws AppError `pin_locked` while locked, `wrong_pin` for any other PIN */
    unlock(pin: string): void {
      if (now() < lockedUntil) throw new AppError('pin_locked', '密码错误次数太多，请5分钟后再试');
      // Compared in constant time: a PIN's length is fixed, so only its digits could leak.
      if (pin.length !== staffPin.length || !crypto.timingSafeEqual(Buffer.from(pin), Buffer.from(staffPin))) {
        wrong++;
        if (wrong >= MAX_WRONG) {
          wrong = 0;
          lockedUntil = now() + LOCKOUT_MS;
        }
        throw new AppError('wrong_pin', '工作人员密码不对');
      }
      wrong = 0;
    },
  };
}
export type StaffPanelLock = ReturnType<typeof createStaffPanelLock>;
