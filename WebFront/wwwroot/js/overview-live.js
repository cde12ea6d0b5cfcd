// Keeps the overview's tables of current notices up to date. The page is complete without this script; with
// it, each change the hub signals for a shown territory makes the page re-fetch itself (rendered and escaped on
// the server) and swap that territory's table, then says so in a polite live region.

const sections = new Map([...document.querySelectorAll('[data-live-territory]')].map(s => [s.dataset.liveTerritory, s]));
const announcer = document.querySelector('[data-announcer]');

if (sections.size > 0 && window.signalR) {
  const connection = new window.signalR.HubConnectionBuilder()
    .withUrl('/hubs/notices')
    .withAutomaticReconnect()
    .build();
  const pending = new Set();
  let timer = 0;

  connection.on('noticeChanged', notice => {
    if (!sections.has(notice.territory)) {
      return;
    }
    pending.add(notice.territory);
    // A burst of changes (publish then update) costs one fetch.
    clearTimeout(timer);
    timer = setTimeout(() => refresh([...pending]), 300);
  });
  connection.onreconnected(() => watchAll().then(() => refresh([...sections.keys()])));

  async function watchAll() {
    for (const territory of sections.keys()) {
      await connection.invoke('Watch', territory);
    }
  }

  async function refresh(territories) {
    pending.clear();
    const response = await fetch(window.location.href, { credentials: 'same-origin', headers: { Accept: 'text/html' } });
    if (!response.ok || response.redirected) {
      return;
    }
    const page = new DOMParser().parseFromString(await response.text(), 'text/html');
    const names = [];
    for (const territory of territories) {
      const fresh = page.querySelector(`[data-live-territory="${CSS.escape(territory)}"] [data-live-table]`);
      const current = sections.get(territory).querySelector('[data-live-table]');
      if (fresh && current) {
        current.replaceWith(document.importNode(fresh, true));
        names.push(sections.get(territory).querySelector('h2').textContent);
      }
    }
    if (announcer && names.length > 0) {
      announcer.textContent = `Notices mises à jour : ${names.join(', ')}.`;
    }
  }

  // Tells tests (and the curious) that live updates run.
  connection.start().then(watchAll).then(() => { document.body.dataset.live = 'on'; }).catch(() => {});
}
