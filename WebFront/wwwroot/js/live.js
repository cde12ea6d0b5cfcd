// Keeps the server-rendered list of notices current. The page is complete without this script; with it, a
// change signalled by the hub makes the list re-fetch its server-rendered fragment (one template, escaped on the
// server) and merge it article by article (same version, status and audio: kept), so that an audio player that
// did not change keeps playing.

const MAX_DELAY_MS = 30000;

const root = document.querySelector('[data-live]');
if (root && window.signalR) {
  start(root, window.signalR);
}

function start(root, signalR) {
  const territory = root.dataset.territory;
  const site = root.dataset.site || null;
  const words = JSON.parse(root.dataset.words);
  const banner = root.querySelector('[data-offline]');
  const announcer = root.querySelector('[data-announcer]');
  let refreshing = null;
  let refreshAgain = false;
  let connecting = false;
  let wake = () => {};

  const connection = new signalR.HubConnectionBuilder()
    .withUrl('/hubs/notices')
    .withAutomaticReconnect({ nextRetryDelayInMilliseconds: context => backoff(context.previousRetryCount) })
    .build();

  connection.on('noticeChanged', notice => {
    if (notice.territory !== territory || (site && notice.site !== site)) {
      return;
    }
    announce(notice);
    refreshOrRecover();
  });
  // The card's player comes with the audio; the notice itself did not change, so nothing is announced.
  connection.on('audioReady', ready => {
    if (ready.territory !== territory || (site && ready.site !== site)) {
      return;
    }
    const known = root.querySelector(`article[data-notice-id="${CSS.escape(ready.id)}"]`);
    if (known && known.dataset.version === String(ready.version) && known.dataset.audio !== ready.audioUrl) {
      refreshOrRecover();
    }
  });
  connection.onreconnecting(() => setOnline(false));
  connection.onreconnected(() => resynchronise().catch(() => connection.stop()));
  connection.onclose(() => {
    setOnline(false);
    connect();
  });

  // The browser knows before the socket does that the network is gone.
  window.addEventListener('offline', () => {
    setOnline(false);
    connection.stop();
  });
  window.addEventListener('online', () => {
    wake();
    connect();
  });

  // Nothing is shown past its expiry, even if the signal of the expiry is late.
  let expiryTimer = 0;
  scheduleExpiry();

  connect();

  async function connect() {
    if (connecting) {
      return;
    }
    connecting = true;
    for (let attempt = 0; ; attempt++) {
      if (connection.state === signalR.HubConnectionState.Disconnected && navigator.onLine !== false) {
        try {
          await connection.start();
          await resynchronise();
          break;
        } catch {
          setOnline(false);
          await connection.stop().catch(() => {});
        }
      } else if (connection.state === signalR.HubConnectionState.Connected) {
        break;
      }
      await new Promise(resolve => {
        const timer = setTimeout(resolve, backoff(attempt));
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
    connecting = false;
  }

  // Watch first, then fetch: a change made in between is then both in the list and signalled, never lost.
  async function resynchronise() {
    await connection.invoke('Watch', territory);
    await refresh();
    setOnline(true);
  }

  // A failed fetch leaves the list possibly stale: say so, and try again until it is current.
  function refreshOrRecover(attempt = 0) {
    refresh().then(
      () => setOnline(connection.state === signalR.HubConnectionState.Connected),
      () => {
        setOnline(false);
        setTimeout(() => refreshOrRecover(attempt + 1), backoff(attempt));
      });
  }

  function refresh() {
    if (refreshing) {
      refreshAgain = true;
      return refreshing;
    }
    refreshing = (async () => {
      try {
        do {
          refreshAgain = false;
          await merge(await fetchList());
        } while (refreshAgain);
      } finally {
        refreshing = null;
      }
    })();
    return refreshing;
  }

  async function fetchList() {
    const response = await fetch(root.dataset.fragment, { cache: 'no-cache', headers: { Accept: 'text/html' } });
    if (!response.ok) {
      throw new Error(`HTTP ${response.status}`);
    }
    const parsed = new DOMParser().parseFromString(await response.text(), 'text/html');
    const list = parsed.querySelector('[data-live-list]');
    if (!list) {
      throw new Error('no list in the fragment');
    }
    return list;
  }

  function merge(fresh) {
    const current = root.querySelector('[data-live-list]');
    for (const part of ['[data-summary]', '[data-updated]']) {
      current.querySelector(part).replaceWith(document.importNode(fresh.querySelector(part), true));
    }
    const container = current.querySelector('[data-notices]');
    const existing = new Map([...container.children].map(article => [article.dataset.noticeId, article]));
    // A clock a little ahead of the server's must not bring back what it already hid.
    const now = Date.now();
    const incoming = [...fresh.querySelector('[data-notices]').children].filter(article => !(Date.parse(article.dataset.expires) <= now));
    const wanted = incoming.map(article => {
      const kept = existing.get(article.dataset.noticeId);
      return kept && ['version', 'status', 'audio'].every(key => kept.dataset[key] === article.dataset[key])
        ? kept
        : document.importNode(article, true);
    });
    const keep = new Set(wanted);
    for (const article of [...container.children]) {
      if (!keep.has(article)) {
        article.remove();
      }
    }
    wanted.forEach((article, index) => {
      if (container.children[index] !== article) {
        container.insertBefore(article, container.children[index] || null);
      }
    });
    scheduleExpiry();
  }

  function scheduleExpiry() {
    clearTimeout(expiryTimer);
    const next = Math.min(...[...root.querySelectorAll('article[data-expires]')].map(article => Date.parse(article.dataset.expires)));
    if (!Number.isFinite(next)) {
      return;
    }
    // Timers cannot wait longer than about 24 days; a far expiry is simply re-armed later.
    expiryTimer = setTimeout(removeExpired, Math.min(Math.max(next - Date.now(), 0) + 250, 2 ** 31 - 1));
  }

  function removeExpired() {
    const now = Date.now();
    for (const article of root.querySelectorAll('article[data-expires]')) {
      if (Date.parse(article.dataset.expires) <= now) {
        article.remove();
      }
    }
    scheduleExpiry();
    refreshOrRecover();
  }

  function announce(notice) {
    const visible = ['scheduled', 'active', 'ended'].includes(notice.status);
    const known = root.querySelector(`article[data-notice-id="${CSS.escape(notice.id)}"]`);
    const what = !visible ? words.removed : known ? words.changed : words.published;
    // textContent: the operator's title is never parsed as HTML.
    announcer.textContent = `${what} : ${notice.title} — ${words[notice.status] || notice.status}`;
  }

  function setOnline(online) {
    banner.hidden = online;
    root.toggleAttribute('data-connected', online);
  }
}

function backoff(attempt) {
  const base = Math.min(MAX_DELAY_MS, 1000 * 2 ** Math.min(attempt, 5));
  return base / 2 + Math.random() * base / 2;
}
