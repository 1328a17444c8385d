// Progress of a long data job (demo organisation, scale data). The CLI draws a cli-progress bar;
// start-up writes log lines; tests stay silent.

export interface Progress {
  /** The whole job is about `total` rows. */
  begin(total: number): void;
  /** A named step starts. */
  step(name: string): void;
  /** `rows` more rows are written. */
  advance(rows: number): void;
  end(): void;
}

export const silentProgress: Progress = { begin() {}, step() {}, advance() {}, end() {} };

interface InfoLogger {
  info(obj: object, msg: string): void;
}

/** One log line per step and one at the end, with the row counts. */
export function logProgress(log: InfoLogger, job: string): Progress {
  let total = 0;
  let done = 0;
  let startedAt = 0;
  return {
    begin(n) {
      total = n;
      startedAt = Date.now();
    },
    step(name) {
      log.info({ job, step: name, rowsDone: done, rowsTotal: total }, `${job}: ${name}`);
    },
    advance(rows) {
      done += rows;
    },
    end() {
      log.info({ job, rows: done, ms: Date.now() - startedAt }, `${job}: done`);
    },
  };
}
