/**
 * How often one member, and one channel, may ask (RATE_LIMIT_* settings), counted by rate-limiter-flexible
 * in memory: a fixed window per key, so the refusal can say exactly when the next question is welcome.
 */
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { RateLimit } from '../config.ts';

export type RateDecision =
  | { readonly allowed: true }
  | {
      readonly allowed: false;
      readonly scope: 'member' | 'channel';
      readonly limit: RateLimit;
      /** When one more question will be taken. */
      readonly retryAt: Date;
    };

export class AskRateLimits {
  private readonly member: RateLimiterMemory | null;
  private readonly channel: RateLimiterMemory | null;

  constructor(private readonly limits: { readonly member: RateLimit; readonly channel: RateLimit }) {
    this.member = limiterOf(limits.member);
    this.channel = limiterOf(limits.channel);
  }

  /** Counts one question by `memberId` in `channelId`, unless a limit is reached (then nothing is counted). */
  async take(memberId: string, channelId: string | null): Promise<RateDecision> {
    const byMember = this.member ? await consume(this.member, memberId) : null;
    if (byMember) return { allowed: false, scope: 'member', limit: this.limits.member, retryAt: byMember };
    const byChannel = this.channel && channelId ? await consume(this.channel, channelId) : null;
    if (byChannel) {
      // The member did not get to ask: their question does not count against them.
      if (this.member) await this.member.reward(memberId, 1);
      return { allowed: false, scope: 'channel', limit: this.limits.channel, retryAt: byChannel };
    }
    return { allowed: true };
  }
}

function limiterOf(limit: RateLimit): RateLimiterMemory | null {
  return limit.questions > 0 ? new RateLimiterMemory({ points: limit.questions, duration: limit.seconds }) : null;
}

/** Null when the point was taken; when it was not, the time the window resets. */
async function consume(limiter: RateLimiterMemory, key: string): Promise<Date | null> {
  try {
    await limiter.consume(key);
    return null;
  } catch (refusal) {
    if (!(refusal instanceof RateLimiterRes)) throw refusal;
    return new Date(Date.now() + refusal.msBeforeNext);
  }
}
