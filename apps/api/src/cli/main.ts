// Entry point of `npm run cli -- <command>` and of the `vindplaats` bin.
import { runCli } from "./program.ts";

process.exitCode = await runCli(process.argv.slice(2));
