// The service worker of Web Push notifications. Served from this site's own origin with the header
// Service-Worker-Allowed: /, and registered with the scope "/", so that it covers every page, notices' included.
// It shows each message as a notification ("EXERCICE" first for a drill); the notice's id is the tag, so that a
// newer version of a notice replaces the notification of the older one instead of piling up; a click opens (or
// brings forward) the notice's page. Nothing is fetched or tracked here: the message carries all it shows.

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', event => event.waitUntil(self.clients.claim()));

self.addEventListener('push', event => {
  const message = read(event);
  if (!message) {
    return;
  }
  event.waitUntil(self.registration.showNotification(title(message), {
    body: String(message.body || ''),
    tag: String(message.noticeId || ''),
    renotify: true,
    lang: 'fr',
    requireInteraction: message.status === 'active' && !message.exercise,
    data: { url: onThisSite(message.url) },
  }));
});

self.addEventListener('notificationclick', event => {
  event.notification.close();
  const opening = focusOrOpen((event.notification.data && event.notification.data.url) || '/');
  event.waitUntil(opening);
});

function read(event) {
  try {
    return event.data ? event.data.json() : null;
  } catch {
    return null;
  }
}

function title(message) {
  const text = String(message.title || 'AlloIndustrie');
  return message.exercise && !/^EXERCI[CS]E\b/.test(text) ? `EXERCICE – ${text}` : text;
}

// A notification only ever leads to a page of this site.
function onThisSite(url) {
  try {
    const target = new URL(url, self.location.origin);
    return target.origin === self.location.origin ? target.href : new URL(target.pathname, self.location.origin).href;
  } catch {
    return new URL('/', self.location.origin).href;
  }
}

async function focusOrOpen(url) {
  const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
  const open = windows.find(client => client.url === url);
  return open ? open.focus() : self.clients.openWindow(url);
}
