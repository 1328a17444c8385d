// Cold start: from spawning the server on a fresh database (created and migrated at start-up) to
// the first 200 from /api/health; once without and once with creating the demo organisation.
import { startServer } from "../lib/server.ts";
import { type BenchSuite, envNumber, median } from "../lib/suite.ts";

async function measure(demo: "never" | "always", runs: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const server = await startServer({ env: { VINDPLAATS_DEMO: demo } });
    times.push(server.healthyAfterMs);
    await server.stop();
  }
  return times;
}

export const suite: BenchSuite = {
  name: "cold-start",
  description: "spawn to first healthy response on a fresh database, without and with demo data",
  async run(ctx) {
    const runs = envNumber("BENCH_RUNS", 3);
    for (const demo of ["never", "always"] as const) {
      const times = await measure(demo, runs);
      ctx.emit({
        figure: demo === "never" ? "cold_start_to_healthy" : "cold_start_to_healthy_with_demo",
        value: median(times),
        unit: "ms",
        stat: "median",
        runs,
        min: Math.min(...times),
        max: Math.max(...times),
      });
    }
  },
};
