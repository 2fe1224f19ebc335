import { describe, expect, it } from 'vitest';
import { hasSpareCore } from '../../../cli/idle-cores';

describe('whether a command has a spare core for a helper thread', () => {
  it('trusts the idle time measured over its own run when the window is long enough', () => {
    // 2 cores, 100 ms window: the other core idle 90 ms of it (0.9 core spare), although the
    // last minute's load (a shell loop running the command file after file) is 1.6.
    expect(hasSpareCore({ ms: 100, idleMs: 90 }, 1.6, 2)).toBe(true);
    // Exactly half a core: spare. Less: not, even with a load average that looks idle.
    expect(hasSpareCore({ ms: 100, idleMs: 50 }, 0.2, 2)).toBe(true);
    expect(hasSpareCore({ ms: 100, idleMs: 40 }, 0.2, 2)).toBe(false);
    // A machine loaded 10 shows almost no idle tick.
    expect(hasSpareCore({ ms: 120, idleMs: 10 }, 10, 2)).toBe(false);
  });

  it('falls back to the load average without a window or with one shorter than 40 ms (10 ms ticks)', () => {
    expect(hasSpareCore(null, 0.9, 2)).toBe(true);
    expect(hasSpareCore(null, 1, 2)).toBe(true);
    expect(hasSpareCore(null, 1.2, 2)).toBe(false);
    expect(hasSpareCore({ ms: 39, idleMs: 39 }, 1.2, 2)).toBe(false);
    expect(hasSpareCore({ ms: 39, idleMs: 0 }, 0.5, 2)).toBe(true);
    // One core: never a spare one by load (0 ≤ 0 only when nothing at all ran for a minute).
    expect(hasSpareCore(null, 0.3, 1)).toBe(false);
  });
});
