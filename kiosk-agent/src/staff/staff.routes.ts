import crypto from 'node:crypto';
import { AppError, Pin } from '@sunshine/contracts';
import { parseInput } from '@sunshine/service-kit';
import { Router } from 'express';
import { z } from 'zod';

const Unlock = z.object({ pin: Pin });
const MAX_WRONG = 5;
const LOCKOUT_MS = 5 * 60_000;

/**
 * `POST /api/staff/unlock {pin}`: 204 when the PIN opens the hidden staff panel. The PIN
 * lives in the agent's config, never in the UI bundle; five wrong tries lock it for 5 minutes.
 */
export function staffRoutes(staffPin: string, now: () => number = Date.now): Router {
  let wrong = 0;
  let lockedUntil = 0;
  return Router().post('/api/staff/unlock', (req, res) => {
    const { pin } = parseInput(Unlock, req.body);
    if (now() < lockedUntil) throw new AppError('rate_limited', '密码错误次数太多，请5分钟后再试');
    if (!crypto.timingSafeEqual(Buffer.from(pin), Buffer.from(staffPin))) {
      wrong++;
      if (wrong >= MAX_WRONG) {
        wrong = 0;
        lockedUntil = now() + LOCKOUT_MS;
      }
      throw new AppError('wrong_pin', '工作人员密码不对');
    }
    wrong = 0;
    res.status(204).end();
  });
}
