// Keeps the server-rendered list of notices current. The page is complete without this script; with it, the
// hub pushes each change already rendered on the server (one template, escaped there): the changed article and
// the list's new state, which the script merges article by article, so that an audio player that did not change
// keeps playing (same version, status and audio: kept). Only when the page is behind (a change missed while
// offline, two changes crossing) does it re-fetch the whole list.

const MAX_DELAY_MS = 30000;

const root = document.querySelector('[data-live]');
if (root && window.signalR) {
  start(root, window.signalR);
}

function start(root, signalR) {
  const territory = root.dataset.territory;
  const site = root.dataset.site || null;
  const compact = root.dataset.compact === 'true';
  const language = document.documentElement.lang === 'en' ? 'en' : 'fr';
  const words = JSON.parse(root.dataset.words);
  const banner = root.querySelector('[data-offline]');
  const announcer = root.querySelector('[data-announcer]');
  const liveNote = document.querySelector('[data-live-note]');
  let refreshing = null;
  let refreshAgain = false;
  let connecting = false;
  let wake = () => {};

  const connection = new signalR.HubConnectionBuilder()
    .withUrl('/hubs/notices')
    .withAutomaticReconnect({ nextRetryDelayInMilliseconds: context => backoff(context.previousRetryCount) })
    .build();

  // A change of the audio alone (its player came) has nothing to announce.
  connection.on('listChanged', change => {
    if (change.title) {
      announce(change);
    }
    if (refreshing || !merge(parse(change.html), change.state.split(',').filter(Boolean))) {
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

  // Watch first, then compare: a change made in between is then both in the state and pushed, never lost.
  async function resynchronise() {
    const state = await connection.invoke('WatchList', territory, site, compact, language);
    if (state !== shownState()) {
      await refresh();
    }
    setOnline(true);
  }

  function shownState() {
    return [...root.querySelector('[data-notices]').children]
      .map(article => `${article.dataset.noticeId}:${article.dataset.version}:${article.dataset.status}:${article.dataset.audio ? 1 : 0}`)
      .join(',');
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
    return parse(await response.text());
  }

  function parse(html) {
    const list = new DOMParser().parseFromString(html, 'text/html').querySelector('[data-live-list]');
    if (!list) {
      throw new Error('no list in the fragment');
    }
    return list;
  }

  // The whole list, or (with the list's state, "id:version:status:audio" in order) a change that carries only the
  // changed article: the others must then be on the page already, else it answers false and nothing changes.
  function merge(fresh, state) {
    const current = root.querySelector('[data-live-list]');
    const container = current.querySelector('[data-notices]');
    const existing = new Map([...container.children].map(article => [article.dataset.noticeId, article]));
    const sent = [...fresh.querySelector('[data-notices]').children];
    const candidates = !state ? sent : state.map(entry => {
      const [id, version, status, audio] = entry.split(':');
      const article = sent.find(one => one.dataset.noticeId === id) || existing.get(id);
      return article && article.dataset.version === version && article.dataset.status === status
        && (article.dataset.audio ? '1' : '0') === audio ? article : null;
    });
    if (candidates.includes(null)) {
      return false;
    }
    for (const part of ['[data-summary]', '[data-updated]']) {
      current.querySelector(part).replaceWith(document.importNode(fresh.querySelector(part), true));
    }
    // A clock a little ahead of the server's must not bring back what it already hid.
    const now = Date.now();
    const wanted = candidates.filter(article => !(Date.parse(article.dataset.expires) <= now)).map(article => {
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
    return true;
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
    if (!known && !visible) {
      return;
    }
    const what = !visible ? words.removed : known ? words.changed : words.published;
    // textContent: the operator's title is never parsed as HTML.
    announcer.textContent = `${what} : ${notice.title} — ${words[notice.status] || notice.status}`;
  }

  function setOnline(online) {
    banner.hidden = online;
    if (online && liveNote) {
      liveNote.dataset.on = '';
    }
    root.toggleAttribute('data-connected', online);
  }
}

function backoff(attempt) {
  const base = Math.min(MAX_DELAY_MS, 1000 * 2 ** Math.min(attempt, 5));
  return base / 2 + Math.random() * base / 2;
}
