// Configuration from environment variables; the README lists every one of them.
import { resolve } from "node:path";

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  /** Idle timeout of a session, in seconds. */
  sessionIdleSeconds: number;
  /** Absolute lifetime of a session, in seconds. */
  sessionAbsoluteSeconds: number;
  /** Trust X-Forwarded-* from a reverse proxy that terminates TLS. */
  trustProxy: boolean;
  /** Create the fictional demo organisation on an empty database. */
  demo: "auto" | "always" | "never";
  logLevel: string;
  bodyLimitBytes: number;
  loginMaxPerIp: number;
  loginMaxPerAccount: number;
  /** Sign-in requests per minute per IP address, before any password is checked. */
  loginRatePerMinute: number;
  webDist: string | undefined;
}

const num = (value: string | undefined, fallback: number) => {
  const n = value === undefined || value === "" ? fallback : Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`Invalid numeric configuration value: ${value}`);
  return n;
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const demo = env.VINDPLAATS_DEMO ?? "auto";
  if (demo !== "auto" && demo !== "always" && demo !== "never") {
    throw new Error("VINDPLAATS_DEMO must be auto, always or never");
  }
  return {
    port: num(env.PORT, 8080),
    host: env.HOST ?? "0.0.0.0",
    dataDir: resolve(env.VINDPLAATS_DATA_DIR ?? "./data"),
    databaseUrl: env.DATABASE_URL || undefined,
    sessionIdleSeconds: num(env.SESSION_IDLE_MINUTES, 30) * 60,
    sessionAbsoluteSeconds: num(env.SESSION_ABSOLUTE_HOURS, 12) * 3600,
    trustProxy: env.TRUST_PROXY === "true",
    demo,
    logLevel: env.LOG_LEVEL ?? "info",
    bodyLimitBytes: num(env.BODY_LIMIT_BYTES, 1_048_576),
    loginMaxPerIp: num(env.LOGIN_MAX_PER_IP, 30),
    loginMaxPerAccount: num(env.LOGIN_MAX_PER_ACCOUNT, 5),
    loginRatePerMinute: num(env.LOGIN_RATE_PER_MINUTE, 60),
    webDist: env.VINDPLAATS_WEB_DIST,
  };
}

export function testConfig(overrides: Partial<Config> = {}): Config {
  return { ...loadConfig({}), dataDir: "memory://", logLevel: "silent", demo: "never", ...overrides };
}
