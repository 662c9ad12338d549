// Serves the built app: hashed assets cached for a year, everything else revalidated, unknown paths get the app shell.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.ics': 'text/calendar; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
};

async function fileAt(path: string): Promise<{ path: string; size: number } | null> {
  try {
    const info = await stat(path);
    return info.isFile() ? { path, size: info.size } : null;
  } catch {
    return null;
  }
}

function cacheControl(urlPath: string): string {
  if (urlPath.startsWith('/assets/')) return 'public, max-age=31536000, immutable';
  return 'no-cache';
}

/** Answers a GET or HEAD for a file under `root`; returns false when the request is not one it handles. */
export async function serveStatic(root: string, request: IncomingMessage, response: ServerResponse): Promise<boolean> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  const url = new URL(request.url ?? '/', 'http://localhost');
  let urlPath: string;
  try {
    urlPath = decodeURIComponent(url.pathname);
  } catch {
    response.writeHead(400).end();
    return true;
  }
  const target = normalize(join(root, urlPath));
  if (target !== root && !target.startsWith(root.endsWith(sep) ? root : root + sep)) {
    response.writeHead(403).end();
    return true;
  }
  let file = urlPath.endsWith('/') ? null : await fileAt(target);
  let servedPath = urlPath;
  if (!file && extname(urlPath) === '') {
    // A route of the single-page app (/activity/x, /favourites): the shell renders it.
    file = await fileAt(join(root, 'index.html'));
    servedPath = '/index.html';
  }
  if (!file) {
    response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
    return true;
  }
  const type = CONTENT_TYPES[extname(file.path)] ?? 'application/octet-stream';
  const headers: Record<string, string> = {
    'Content-Type': type,
    'Cache-Control': cacheControl(servedPath),
    'X-Content-Type-Options': 'nosniff',
    Vary: 'Accept-Encoding',
  };
  // Precompressed copies (written by feed:build and the app build) are sent when the browser takes them.
  const accepts = String(request.headers['accept-encoding'] ?? '');
  for (const [encoding, suffix] of [['br', '.br'], ['gzip', '.gz']] as const) {
    if (!accepts.includes(encoding)) continue;
    const compressed = await fileAt(file.path + suffix);
    if (compressed) {
      file = compressed;
      headers['Content-Encoding'] = encoding;
      break;
    }
  }
  headers['Content-Length'] = String(file.size);
  response.writeHead(200, headers);
  if (request.method === 'HEAD') response.end();
  else createReadStream(file.path).pipe(response);
  return true;
}
