/** One benchmark figure, printed as one JSON line: {"name": "...", "value": n, "unit": "ms"}. */
export interface Figure {
  name: string;
  value: number;
  unit: string;
}

export function printFigure(figure: Figure): void {
  console.log(JSON.stringify({ name: figure.name, value: Number(figure.value.toFixed(3)), unit: figure.unit }));
}

/**
 * Median wall time of `run` in milliseconds over `repeats` runs after `warmup` runs. The median
 * resists the odd slow run on a shared 2-core machine better than the mean.
 */
export function medianMs(run: () => void, repeats = 15, warmup = 3): number {
  for (let i = 0; i < warmup; i++) run();
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

/** As medianMs, for work that returns a promise (file writes, tile reads). */
export async function medianAsyncMs(run: () => Promise<unknown>, repeats = 15, warmup = 3): Promise<number> {
  for (let i = 0; i < warmup; i++) await run();
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}
