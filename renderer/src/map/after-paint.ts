/**
 * Map source updates that follow a selection (edit handles, issue markers) wait until the frame
 * showing the selection outline has been painted. Each update makes MapLibre redraw the whole
 * map, a few hundred ms of software WebGL on a 5,000-feature park, and a redraw queued before
 * that frame holds it back (issue 13 bug 7).
 */

/** Cancels a scheduled call that has not run yet (a no-op once it has). */
export type Cancel = () => void;

/**
 * Runs `run` once the frame being prepared has been painted: the next animation frame starts
 * that frame's rendering, and a task queued from it runs after the frame has been handed to
 * the compositor.
 */
export function afterPaint(run: () => void): Cancel {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(run, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    if (timer !== undefined) clearTimeout(timer);
  };
}

/**
 * `run` after the next paint, once however many times it was requested before then (a click
 * changes the selection and the tool in one go: one update follows). `schedule` is afterPaint
 * in the page; tests pass their own.
 */
export function coalescedAfterPaint(run: () => void, schedule: (run: () => void) => Cancel = afterPaint): { request(): void; cancel(): void } {
  let pending: Cancel | null = null;
  return {
    request() {
      if (pending) return;
      pending = schedule(() => {
        pending = null;
        run();
      });
    },
    cancel() {
      pending?.();
      pending = null;
    },
  };
}
