// Starts Vindplaats: open the database, migrate, create the demo organisation on a first start,
// listen, and on SIGTERM finish in-flight requests before closing the database.
import { buildApp } from "./app.ts";
import { loadConfig } from "./config.ts";
import { openDatabase } from "./db/open.ts";
import { ensureDemo } from "./demo/ensure-demo.ts";
import { startJobs } from "./jobs/start-jobs.ts";

const config = loadConfig();
const db = await openDatabase(config);
await db.migrate();
const app = await buildApp({ config, db });
await ensureDemo(db, config, app.log);
await app.listen({ port: config.port, host: config.host });
const jobs = await startJobs({ db, clock: app.deps.clock, config, log: app.log });

let closing = false;
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, async () => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, "shutting down: finishing in-flight requests");
    await app.close();
    await jobs.stop();
    await db.close();
    process.exit(0);
  });
}
