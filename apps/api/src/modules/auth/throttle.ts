// Sign-in throttling per IP address and per account name. Keys are counted whether or not the
// account exists, so the answer never reveals which e-mail addresses are registered.
import type { Clock } from "../../clock.ts";

const WINDOW_MS = 15 * 60_000;

interface Bucket {
  failures: number[];
  lockedUntil: number;
}

export class LoginThrottle {
  readonly #buckets = new Map<string, Bucket>();

  constructor(
    private readonly clock: Clock,
    private readonly maxPerIp: number,
    private readonly maxPerAccount: number,
  ) {}

  #bucket(key: string): Bucket {
    let b = this.#buckets.get(key);
    if (!b) {
      b = { failures: [], lockedUntil: 0 };
      this.#buckets.set(key, b);
    }
    const now = this.clock.now().getTime();
    b.failures = b.failures.filter((t) => now - t < WINDOW_MS);
    return b;
  }

  #locked(key: string): boolean {
    const b = this.#buckets.get(key);
    return !!b && b.lockedUntil > this.clock.now().getTime();
  }

  isBlocked(ip: string, email: string): boolean {
    return this.#locked(`ip:${ip}`) || this.#locked(`acct:${email.toLowerCase()}`);
  }

  recordFailure(ip: string, email: string): void {
    const now = this.clock.now().getTime();
    for (const [key, max] of [
      [`ip:${ip}`, this.maxPerIp],
      [`acct:${email.toLowerCase()}`, this.maxPerAccount],
    ] as const) {
      const b = this.#bucket(key);
      b.failures.push(now);
      if (b.failures.length >= max) b.lockedUntil = now + WINDOW_MS;
    }
    if (this.#buckets.size > 50_000) this.#sweep();
  }

  recordSuccess(email: string): void {
    this.#buckets.delete(`acct:${email.toLowerCase()}`);
  }

  #sweep(): void {
    const now = this.clock.now().getTime();
    for (const [key, b] of this.#buckets) {
      if (b.lockedUntil < now && b.failures.every((t) => now - t >= WINDOW_MS)) this.#buckets.delete(key);
    }
  }
}
