import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { NestExpressApplication } from '@nestjs/platform-express';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { Logger } from 'pino';

/** A built browser app (Vite's dist folder) and the path it is served under. */
export interface WebApp {
  name: string;
  mount: string;
  dist: string;
}

// From apps/server/{src,dist}/platform/web/ to apps/{designer,runtime}/dist: the same depth from source and build.
const appsDir = fileURLToPath(new URL('../../../../', import.meta.url));

/** The designer at /designer and the generated apps (the runtime) at /, both built by Vite. */
export const WEB_APPS: readonly WebApp[] = [
  { name: 'designer', mount: '/designer', dist: `${appsDir}designer/dist` },
  { name: 'runtime', mount: '/', dist: `${appsDir}runtime/dist` },
];

/**
 * Serves each built app's files, and its index.html for any other GET below its mount that asks
 * for a page (client-side routes such as /bank_crm/customer/new). Hashed assets are cached for a
 * year; index.html never, so a new build is picked up at once. Apps not built are skipped with a
 * warning: the API works without them.
 */
export function serveWebApps(app: NestExpressApplication, logger: Logger, apps: readonly WebApp[] = WEB_APPS): string[] {
  const served: string[] = [];
  for (const web of apps) {
    const index = `${web.dist}/index.html`;
    if (!existsSync(index)) {
      logger.warn({ app: web.name, dist: web.dist }, `The ${web.name} is not built: run npm run build to serve it at ${web.mount}`);
      continue;
    }
    const files = express.static(web.dist, {
      index: false,
      setHeaders: (response, path) => {
        response.setHeader('Cache-Control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
    const prefix = web.mount === '/' ? '' : web.mount;
    // API calls never ask the disk for a file.
    app.use(prefix || '/', (request: Request, response: Response, next: NextFunction) => (isApi(request.originalUrl) ? next() : files(request, response, next)));
    app.use(prefix || '/', (request: Request, response: Response, next: NextFunction) => {
      const path = request.originalUrl.split('?')[0]!;
      if (request.method !== 'GET' || isApi(path) || isOtherMount(path, web, apps) || !request.accepts('html')) return next();
      response.setHeader('Cache-Control', 'no-cache');
      response.sendFile(index);
    });
    served.push(web.name);
  }
  return served;
}

/** A path under a longer mount belongs to that app (the runtime at / must not answer for /designer/...). */
function isOtherMount(path: string, web: WebApp, apps: readonly WebApp[]): boolean {
  return apps.some((other) => other !== web && other.mount.length > web.mount.length && (path === other.mount || path.startsWith(`${other.mount}/`)));
}

function isApi(url: string): boolean {
  return url === '/api' || url.startsWith('/api/') || url.startsWith('/api?');
}
