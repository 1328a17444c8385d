// Sign-in throughput: POST /api/v1/auth/sign-in with a valid demo account for a few seconds over
// loopback. argon2id (19 MiB, 2 passes) dominates: the figure is about the password hash's cost.
import autocannon from "autocannon";
import { DEMO_PASSWORD, DEMO_WORKER } from "../../src/demo/accounts.ts";
import { startServer } from "../lib/server.ts";
import { type BenchSuite, envNumber } from "../lib/suite.ts";

export const suite: BenchSuite = {
  name: "sign-in",
  description: "successful sign-ins per second against one server",
  async run(ctx) {
    const duration = envNumber("BENCH_DURATION", 5);
    const connections = envNumber("BENCH_CONNECTIONS", 8);
    const server = await startServer({
      env: {
        VINDPLAATS_DEMO: "always",
        LOGIN_MAX_PER_IP: "1000000000",
        LOGIN_MAX_PER_ACCOUNT: "1000000000",
        // The sign-in route also has a fixed per-IP request limit; behind a "proxy" every request
        // can come from its own address, so the bench measures the server and not the limiter.
        TRUST_PROXY: "true",
      },
    });
    try {
      const body = JSON.stringify({ email: DEMO_WORKER, password: DEMO_PASSWORD });
      const headers = { "content-type": "application/json" };
      const probe = await fetch(`${server.url}/api/v1/auth/sign-in`, { method: "POST", headers, body });
      if (probe.status !== 200) throw new Error(`sign-in probe answered ${probe.status}`);

      let n = 0;
      const result = await autocannon({
        url: `${server.url}/api/v1/auth/sign-in`,
        connections,
        duration,
        timeout: 30,
        requests: [
          {
            method: "POST",
            setupRequest: (req) => {
              n++;
              const ip = `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
              return { ...req, body, headers: { ...headers, "x-forwarded-for": ip } };
            },
          },
        ],
      });
      const extra = { connections, durationS: result.duration, non2xx: result.non2xx, errors: result.errors };
      ctx.emit({
        figure: "sign_in_throughput",
        value: Math.round(result.requests.average * 10) / 10,
        unit: "req/s",
        ...extra,
        note: "argon2id verification dominates",
      });
      ctx.emit({ figure: "sign_in_latency_p50", value: result.latency.p50, unit: "ms", ...extra });
      ctx.emit({ figure: "sign_in_latency_p99", value: result.latency.p99, unit: "ms", ...extra });
      if (result.non2xx || result.errors) {
        process.stderr.write(`sign-in: ${result.non2xx} non-2xx answers, ${result.errors} errors\n`);
      }
    } finally {
      await server.stop();
    }
  },
};
