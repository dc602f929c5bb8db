// The responder page's service worker: it keeps the app shell (the page, its scripts and styles, the icon) so the
// page opens without a network and can say it is offline. It never answers /api or /hubs: data is always live or absent.
const SHELL_CACHE = 'responder-shell-v2';
const PAGE = '/responder.html';
const SHELL = [PAGE, '/icon.svg', '/responder.webmanifest'];

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(SHELL_CACHE);
    await cache.addAll(SHELL);
    // The built page names its hashed scripts and styles; keep those too.
    const html = await (await cache.match(PAGE)).text();
    const assets = [...new Set([...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]))];
    await cache.addAll(assets);
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) if (name !== SHELL_CACHE) await caches.delete(name);
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (url.pathname.startsWith('/api/') || url.pathname.startsWith('/hubs/')) return;

  if (request.mode === 'navigate') {
    // Network first, so a new deployment shows at once; the cached page only when there is no network.
    event.respondWith((async () => {
      try {
        const fresh = await fetch(request);
        if (fresh.ok) await (await caches.open(SHELL_CACHE)).put(PAGE, fresh.clone());
        return fresh;
      } catch {
        return (await caches.match(PAGE)) ?? Response.error();
      }
    })());
    return;
  }

  if (url.pathname.startsWith('/assets/') || SHELL.includes(url.pathname)) {
    // Assets keep their names from build to build: the network first, the cache only when offline.
    event.respondWith((async () => {
      try {
        const fresh = await fetch(request);
        if (fresh.ok) await (await caches.open(SHELL_CACHE)).put(request, fresh.clone());
        return fresh;
      } catch {
        return (await caches.match(request)) ?? Response.error();
      }
    })());
  }
});

// A tap on a new-work notification brings the responder page forward (or opens it): the assignment is on it.
self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  event.waitUntil((async () => {
    const pages = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
    const open = pages.find((client) => new URL(client.url).pathname === PAGE);
    if (open) await open.focus();
    else await self.clients.openWindow(PAGE);
  })());
});
