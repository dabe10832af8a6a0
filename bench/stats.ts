/** Timing helpers for the benchmarks: medians and p95 of repeated runs, printed as a table. */

export interface Figure {
  what: string;
  median: number;
  p95: number;
  runs: number;
  goal: string;
  note?: string;
}

export async function measure(
  runs: number,
  fn: (i: number) => Promise<unknown>,
): Promise<{ median: number; p95: number }> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn(i);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return {
    median: times[Math.floor(times.length / 2)],
    p95: times[Math.min(times.length - 1, Math.floor(times.length * 0.95))],
  };
}

/** Runs `fn` with `concurrency` callers at once until `total` calls are done; latencies of each call. */
export async function load(total: number, concurrency: number, fn: (i: number) => Promise<unknown>) {
  const times: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const i = next++;
        const t0 = performance.now();
        await fn(i);
        times.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  times.sort((a, b) => a - b);
  return {
    median: times[Math.floor(times.length / 2)],
    p95: times[Math.floor(times.length * 0.95)],
    perSecond: total / seconds,
  };
}

export function print(title: string, figures: Figure[]) {
  console.log(`\n${title}`);
  console.log("| что | медиана, мс | p95, мс | запусков | цель | примечание |");
  console.log("| --- | ---: | ---: | ---: | --- | --- |");
  for (const f of figures)
    console.log(
      `| ${f.what} | ${f.median.toFixed(1)} | ${f.p95.toFixed(1)} | ${f.runs} | ${f.goal} | ${f.note ?? ""} |`,
    );
}
