// Time comes from a clock object so tests can move it (session expiry, retention, reports).
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export class FakeClock implements Clock {
  #ms: number;
  constructor(start: Date | string = "2026-03-02T09:00:00Z") {
    this.#ms = new Date(start).getTime();
  }
  now(): Date {
    return new Date(this.#ms);
  }
  advance(ms: number): void {
    this.#ms += ms;
  }
  advanceMinutes(m: number): void {
    this.advance(m * 60_000);
  }
  set(at: Date | string): void {
    this.#ms = new Date(at).getTime();
  }
}
