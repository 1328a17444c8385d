// The terminal progress bar of long CLI jobs (demo data, scale data), drawn on stderr.
import cliProgress from "cli-progress";
import type { Progress } from "../demo/progress.ts";

export function progressBar(stream: NodeJS.WriteStream = process.stderr): Progress {
  const bar = new cliProgress.SingleBar(
    {
      format: "{bar} {percentage}% | {value}/{total} rows | {duration_formatted} | {step}",
      hideCursor: true,
      stream,
    },
    cliProgress.Presets.shades_classic,
  );
  let done = 0;
  return {
    begin(total) {
      done = 0;
      bar.start(total, 0, { step: "" });
    },
    step(name) {
      bar.update({ step: name });
    },
    advance(rows) {
      done += rows;
      bar.increment(rows);
    },
    end() {
      // Estimates are estimates: end the bar on the true count.
      bar.setTotal(done);
      bar.update(done, { step: "done" });
      bar.stop();
    },
  };
}
