#!/usr/bin/env node
// The `vindplaats` command: registers tsx so Node runs the TypeScript sources as they are
// (there is no build step for the API), then starts the CLI.
import { register } from "tsx/esm/api";

register();
await import("../src/cli/main.ts");
