import { resolve } from 'node:path';
import type { WebApp } from '../web/web-apps.js';

export type Dialect = 'sqlite' | 'mysql';

/** The injection token of the server's configuration (provided by the platform module). */
export const SERVER_CONFIG = Symbol('ServerConfig');

export interface ServerConfig {
  port: number;
  /** Bound to loopback by default: nothing is exposed until an operator says so. */
  host: string;
  dataDir: string;
  /** `mysql://user:pass@host:port/db`; absent means the embedded SQLite file under dataDir. */
  databaseUrl: string | undefined;
  /** Load the example bank CRM (artifacts and seed data) into an empty database at start. */
  example: string | undefined;
  logLevel: string;
  /** First start only: the bootstrap administrator's password (generated and printed once when absent). */
  adminPassword?: string;
  /** The example's demo people sign in with this password; without it they exist but cannot sign in. */
  demoPassword?: string;
  /** Behind TLS: the session cookie always gets `Secure`, and responses HSTS. */
  secureCookies?: boolean;
  /**
   * Express's `trust proxy`: which proxies in front may say, in `X-Forwarded-For` and
   * `X-Forwarded-Proto`, who the client is and whether it came over HTTPS. Absent: none (the
   * default), so a client cannot forge its address for the login rate limit.
   */
  trustProxy?: TrustProxy;
  /** Sign-in attempts allowed per client address per minute (10 by default). */
  loginAttemptsPerMinute?: number;
  /** Requests an API key may make per minute unless the key sets its own (1,200 by default). */
  apiKeyRatePerMinute?: number;
  /** FEEL evaluation budget: steps per expression (1,000,000 by default) and milliseconds per form check (200). */
  feelMaxSteps?: number;
  feelMaxMilliseconds?: number;
  /** Encryption at rest: the current data key, earlier ones still being rotated out, the blind-index key (base64, 32 bytes each). */
  dataKey?: string;
  oldDataKeys?: string;
  indexKey?: string;
  /** The built browser apps to serve (the designer at /designer, the runtime at /, when absent). */
  webApps?: readonly WebApp[];
}

/** `true` (any: only when nothing else can reach the server), a number of hops, or addresses, subnets and `loopback`/`linklocal`/`uniquelocal`, comma-separated. */
export type TrustProxy = boolean | number | string;

/** BANKFORGE_TRUST_PROXY: unset or `false` is off; Express checks the addresses when it is set. */
export function parseTrustProxy(value: string | undefined): TrustProxy | undefined {
  const text = value?.trim();
  if (!text || text === 'false') return undefined;
  if (text === 'true') return true;
  if (/^\d+$/.test(text)) return Number(text);
  return text;
}

export function readServerConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a port number, got ${env.PORT}`);
  }
  const databaseUrl = env.DATABASE_URL?.trim() || undefined;
  if (databaseUrl && !/^mysql:\/\//.test(databaseUrl)) {
    throw new Error('DATABASE_URL must start with mysql:// (MySQL or MariaDB); leave it unset for embedded SQLite');
  }
  return {
    port,
    host: env.HOST ?? '127.0.0.1',
    dataDir: resolve(env.DATA_DIR ?? './data'),
    databaseUrl,
    example: env.BANKFORGE_EXAMPLE?.trim() || undefined,
    logLevel: env.LOG_LEVEL ?? 'info',
    adminPassword: env.BANKFORGE_ADMIN_PASSWORD || undefined,
    demoPassword: env.BANKFORGE_DEMO_PASSWORD || undefined,
    secureCookies: env.BANKFORGE_SECURE_COOKIES === 'true',
    trustProxy: parseTrustProxy(env.BANKFORGE_TRUST_PROXY),
    loginAttemptsPerMinute: env.BANKFORGE_LOGIN_ATTEMPTS_PER_MINUTE ? Number(env.BANKFORGE_LOGIN_ATTEMPTS_PER_MINUTE) : undefined,
    apiKeyRatePerMinute: positiveInteger('BANKFORGE_API_KEY_RATE_PER_MINUTE', env.BANKFORGE_API_KEY_RATE_PER_MINUTE),
    feelMaxSteps: positiveInteger('BANKFORGE_FEEL_MAX_STEPS', env.BANKFORGE_FEEL_MAX_STEPS),
    feelMaxMilliseconds: positiveInteger('BANKFORGE_FEEL_MAX_MS', env.BANKFORGE_FEEL_MAX_MS),
    dataKey: env.BANKFORGE_DATA_KEY || undefined,
    oldDataKeys: env.BANKFORGE_OLD_DATA_KEYS || undefined,
    indexKey: env.BANKFORGE_INDEX_KEY || undefined,
  };
}

export function dialectOf(config: Pick<ServerConfig, 'databaseUrl'>): Dialect {
  return config.databaseUrl ? 'mysql' : 'sqlite';
}

/** A positive whole number from the environment, or undefined when unset (anything else is a start-up error). */
export function positiveInteger(name: string, value: string | undefined): number | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  const n = Number(text);
  if (!Number.isSafeInteger(n) || n < 1) throw new Error(`${name} must be a positive whole number, got ${value}`);
  return n;
}
