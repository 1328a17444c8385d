// Report jobs run in the background. On PostgreSQL they go through pg-boss (durable, retried, shared
// by several server processes); on the embedded database through an in-process queue with the same
// interface, which picks up unfinished jobs again when the server starts.
import PgBoss from "pg-boss";

export type RunJob = (jobId: string) => Promise<void>;

export interface ReportQueue {
  readonly kind: "pg-boss" | "in-process";
  start(): Promise<void>;
  enqueue(jobId: string): Promise<void>;
  /** Resolves when nothing is queued or running (tests, shutdown). */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

export const QUEUE_NAME = "report-jobs";

/** One job at a time, in order; a failing job does not stop the ones after it. */
export class InProcessQueue implements ReportQueue {
  readonly kind = "in-process";
  #tail: Promise<void> = Promise.resolve();
  #stopped = false;

  constructor(
    private readonly run: RunJob,
    private readonly resume: () => Promise<string[]> = async () => [],
  ) {}

  async start(): Promise<void> {
    for (const id of await this.resume()) await this.enqueue(id);
  }

  async enqueue(jobId: string): Promise<void> {
    if (this.#stopped) return;
    this.#tail = this.#tail.then(() => (this.#stopped ? undefined : this.run(jobId).catch(() => undefined)));
  }

  idle(): Promise<void> {
    return this.#tail;
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    await this.#tail;
  }
}

/** pg-boss 10 on the PostgreSQL database, in its own schema. Started on first use or at start(). */
export class PgBossQueue implements ReportQueue {
  readonly kind = "pg-boss";
  #boss: PgBoss;
  #started: Promise<void> | null = null;
  #running = 0;
  #waiters: (() => void)[] = [];

  constructor(
    options: { connectionString: string; schema?: string },
    private readonly run: RunJob,
  ) {
    this.#boss = new PgBoss({
      connectionString: options.connectionString,
      schema: options.schema ?? "pgboss",
      max: 2,
      // Report jobs are few: poll every second, keep history a week.
      retentionDays: 7,
    });
    this.#boss.on("error", () => undefined);
  }

  start(): Promise<void> {
    this.#started ??= (async () => {
      await this.#boss.start();
      await this.#boss.createQueue(QUEUE_NAME, { name: QUEUE_NAME, retryLimit: 1, expireInSeconds: 60 * 60 });
      await this.#boss.work<{ jobId: string }>(
        QUEUE_NAME,
        { pollingIntervalSeconds: 1, batchSize: 1 },
        async (jobs) => {
          for (const job of jobs) {
            this.#running++;
            try {
              await this.run(job.data.jobId);
            } finally {
              this.#running--;
              if (!this.#running) for (const w of this.#waiters.splice(0)) w();
            }
          }
        },
      );
    })();
    return this.#started;
  }

  async enqueue(jobId: string): Promise<void> {
    await this.start();
    this.#running++;
    try {
      await this.#boss.send(QUEUE_NAME, { jobId }, { singletonKey: jobId });
    } finally {
      this.#running--;
    }
  }

  /** Waits until the queue has no job left (created, active or retrying) and none is running here. */
  async idle(): Promise<void> {
    if (!this.#started) return;
    for (;;) {
      const queued = await this.#boss.getQueueSize(QUEUE_NAME, { before: "completed" });
      if (!queued && !this.#running) return;
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  async stop(): Promise<void> {
    if (!this.#started) return;
    await this.#started.catch(() => undefined);
    await this.#boss.stop({ graceful: true, wait: true, timeout: 30_000 });
  }
}
