/** The workspace clock: every time the emulator reads (new Date(), Utilities.sleep, cache expiry, triggers) comes from here. */
export class Clock {
  private nowMs: number;

  constructor(start: Date | number = Date.UTC(2026, 10, 23, 9, 0, 0)) {
    this.nowMs = typeof start === 'number' ? start : start.getTime();
  }

  /**
   * Whole milliseconds, as JavaScript's Date.now() always gives: modelled time advances the clock by
   * fractions of a millisecond, which are kept here but never shown to a script.
   */
  now(): number {
    return Math.floor(this.nowMs);
  }

  set(to: Date | number): void {
    this.nowMs = typeof to === 'number' ? to : to.getTime();
  }

  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0)
      throw new RangeError(`clock.advance needs a non-negative number of ms, got ${ms}`);
    this.nowMs += ms;
  }

  /** A Date constructor for a loaded script: `new Date()` and `Date.now()` read this clock; every other form is the real Date. */
  dateConstructor(): DateConstructor {
    const clock = this;
    const RealDate = Date;
    function EmulatedDate(this: unknown, ...args: unknown[]): unknown {
      if (!new.target) return new RealDate(clock.now()).toString();
      return Reflect.construct(RealDate, args.length === 0 ? [clock.now()] : args, new.target);
    }
    EmulatedDate.prototype = RealDate.prototype;
    EmulatedDate.now = () => clock.now();
    EmulatedDate.UTC = RealDate.UTC;
    EmulatedDate.parse = RealDate.parse;
    return EmulatedDate as unknown as DateConstructor;
  }
}
