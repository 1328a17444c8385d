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
  /** Key-encryption keys for sealed columns, "id:base64,..." with the primary first (VINDPLAATS_KEYS). */
  encryptionKeys: string | undefined;
  /** HMAC key of the keyed hashes for equality search (VINDPLAATS_SEARCH_KEY). */
  searchKey: string | undefined;
  /**
   * The address people use (https://vindplaats.example.city): the passkey relying party and the
   * single sign-on redirect are derived from it. Unset, they follow each request's own host (development).
   */
  publicUrl: string | undefined;
  /** An identity provider from configuration for one organisation, used when the organisation set none itself. */
  oidc: { orgSlug: string; issuer: string; clientId: string; clientSecret: string | undefined; label: string } | null;
  /** Lets openid-client talk to a plain-http identity provider: tests and local development only. */
  oidcAllowInsecureRequests: boolean;
  /** When the retention job runs (cron, Brussels time; RETENTION_SCHEDULE, "off" for never). */
  retentionSchedule: string | null;
}

const num = (value: string | undefined, fallback: number) => {
  const n = value === undefined || value === "" ? fallback : Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`Invalid numeric configuration value: ${value}`);
  return n;
};

function publicUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const url = new URL(value);
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new Error("PUBLIC_URL must be an http(s) URL");
  return url.origin;
}

function oidcFromEnv(env: NodeJS.ProcessEnv): Config["oidc"] {
  const issuer = env.OIDC_ISSUER;
  const clientId = env.OIDC_CLIENT_ID;
  const orgSlug = env.OIDC_ORG_SLUG;
  if (!issuer && !clientId && !orgSlug) return null;
  if (!issuer || !clientId || !orgSlug) throw new Error("OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_ORG_SLUG go together");
  return {
    orgSlug,
    issuer,
    clientId,
    clientSecret: env.OIDC_CLIENT_SECRET || undefined,
    label: env.OIDC_LABEL || "Sign in with your organisation",
  };
}

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
    encryptionKeys: env.VINDPLAATS_KEYS || undefined,
    searchKey: env.VINDPLAATS_SEARCH_KEY || undefined,
    publicUrl: publicUrl(env.PUBLIC_URL),
    oidc: oidcFromEnv(env),
    oidcAllowInsecureRequests: env.OIDC_ALLOW_INSECURE_REQUESTS === "true",
    retentionSchedule: env.RETENTION_SCHEDULE === "off" ? null : env.RETENTION_SCHEDULE || "30 3 * * *",
  };
}

export function testConfig(overrides: Partial<Config> = {}): Config {
  return { ...loadConfig({}), dataDir: "memory://", logLevel: "silent", demo: "never", ...overrides };
}
