import { HeaderMap } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { ErrorCode } from '@partneratlas/shared';
import type { AppConfig } from '../../config/config';
import type { RateLimitService } from '../../modules/rate-limit/rate-limit.service';

export interface RateLimits {
  /** Units per minute of anonymous requests from one IP address; 0 = off. */
  ipPerMinute: number;
  /** Units per minute of one signed-in user; 0 = off. */
  userPerMinute: number;
}

/** The configured limits (RATE_LIMIT_IP_PER_MINUTE, RATE_LIMIT_USER_PER_MINUTE). */
export function rateLimitsOf(config: AppConfig): RateLimits {
  return { ipPerMinute: config.RATE_LIMIT_IP_PER_MINUTE, userPerMinute: config.RATE_LIMIT_USER_PER_MINUTE };
}

/**
 * Counts `units` against the signed-in user or, for anonymous requests, the client's IP (req.ip, which honours
 * TRUST_PROXY). Colleagues behind one office NAT thus share no budget with anonymous visitors from that address.
 * Over the limit: HTTP 429 with Retry-After and TOO_MANY_REQUESTS (the refused request counts too).
 */
export async function enforceRateLimit(
  counters: RateLimitService,
  limits: RateLimits,
  who: { userId?: string; ip?: string },
  units: number,
): Promise<void> {
  const [key, limit] = who.userId ? [`user:${who.userId}`, limits.userPerMinute] : [`ip:${who.ip ?? 'unknown'}`, limits.ipPerMinute];
  if (limit === 0) return;
  const { count, retryAfterSeconds } = await counters.consume(key, units, limit);
  if (count <= limit) return;
  throw new GraphQLError(`Too many requests: more than ${limit} operations per minute; retry in ${retryAfterSeconds} s`, {
    extensions: {
      code: ErrorCode.TOO_MANY_REQUESTS,
      limitPerMinute: limit,
      retryAfterSeconds,
      http: { status: 429, headers: new HeaderMap([['retry-after', String(retryAfterSeconds)]]) },
    },
  });
}
