/** The login page (served by the runtime for both apps), coming back to `next` (a same-origin path) after signing in. */
export function loginUrl(next: string): string {
  return `/login?next=${encodeURIComponent(next)}`;
}

/** Where the browser is now, as a same-origin path to come back to. */
export function currentPath(location: Pick<Location, 'pathname' | 'search' | 'hash'>): string {
  return `${location.pathname}${location.search}${location.hash}`;
}

/**
 * Where to go after signing in: `next` when it is a path of this origin (the runtime's or the
 * designer's), else the start page. Anything else (`//evil.example`, `https://…`, `/\evil`,
 * `javascript:`) would turn the login page into an open redirect.
 */
export function safeNext(next: string | null, origin: string): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  let url: URL;
  try {
    url = new URL(next, origin);
  } catch {
    return '/';
  }
  if (url.origin !== new URL(origin).origin) return '/';
  return `${url.pathname}${url.search}${url.hash}`;
}
