import { AppError } from '@sunshine/contracts';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

export const LOGIN_WINDOW_SECONDS = 15 * 60;
/** Wrong passwords an account may take in the window; the next attempt is refused. */
export const ACCOUNT_FAILURE_LIMIT = 5;
/** Failed logins one address may make in the window, over every account: a township office shares one address. */
export const ADDRESS_FAILURE_LIMIT = 20;

/** A refused login: 429 `login_locked`, with the seconds to wait for `Retry-After`. */
export class LoginLockedError extends AppError {
  constructor(
    readonly scope: 'account' | 'address',
    readonly retryAfterSeconds: number,
  ) {
    const minutes = Math.ceil(retryAfterSeconds / 60);
    super(
      'login_locked',
      scope === 'account' ? `这个账号密码错误次数太多，已暂时锁定，请${minutes}分钟后再试` : `从这个网络地址登录失败的次数太多，请${minutes}分钟后再试`,
      { scope, retryAfterSeconds },
    );
  }
}

const waitSeconds = (res: RateLimiterRes) => Math.max(1, Math.ceil(res.msBeforeNext / 1000));

/**
 * Counts failed logins only, per account and per client address, in memory (a restart
 * forgives everyone, the safe direction; rate-limiter-flexible has SQLite and PostgreSQL
 * stores for several central nodes). Each attempt holds one point of both while its
 * password is checked, so parallel guesses cannot slip past the limit; a success gives the
 * points back and clears the account's failures, so an office logging in all day never
 * locks itself out.
 */
export function createLoginThrottle(options: { accountLimit?: number; addressLimit?: number; windowSeconds?: number } = {}) {
  const duration = options.windowSeconds ?? LOGIN_WINDOW_SECONDS;
  const accounts = new RateLimiterMemory({ keyPrefix: 'login-account', points: options.accountLimit ?? ACCOUNT_FAILURE_LIMIT, duration });
  const addresses = new RateLimiterMemory({ keyPrefix: 'login-address', points: options.addressLimit ?? ADDRESS_FAILURE_LIMIT, duration });

  /** Takes one point, or the limiter's answer when the key has none left. */
  const take = async (limiter: RateLimiterMemory, key: string): Promise<RateLimiterRes | null> => {
    try {
      await limiter.consume(key);
      return null;
    } catch (refused) {
      if (refused instanceof RateLimiterRes) return refused;
      throw refused;
    }
  };

  return {
    /**
     * Checks `attempt` (the password check) under both limits: throws `LoginLockedError`
     * without running it when the account or the address is locked; a refused attempt on
     * a locked account does not count against its office's address.
     */
    async guard<T>(username: string, address: string, attempt: () => Promise<T | null>): Promise<T | null> {
      const accountFull = await take(accounts, username);
      if (accountFull) throw new LoginLockedError('account', waitSeconds(accountFull));
      const addressFull = await take(addresses, address);
      if (addressFull) {
        await accounts.reward(username);
        throw new LoginLockedError('address', waitSeconds(addressFull));
      }
      let result: T | null;
      try {
        result = await attempt();
      } catch (err) {
        // A fault on our side is nobody's wrong password.
        await Promise.all([accounts.reward(username), addresses.reward(address)]);
        throw err;
      }
      if (result !== null) {
        await accounts.delete(username);
        await addresses.reward(address);
      }
      return result;
    },
  };
}
export type LoginThrottle = ReturnType<typeof createLoginThrottle>;
