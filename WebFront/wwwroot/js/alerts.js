// Keeps the dashboard's cluster alerts current. The hub only says that an alert changed; the section is then
// read again from this same page, rendered and escaped by the server, with what this account may see.

const section = document.querySelector('[data-report-alerts]');
if (section && window.signalR) {
  const signalR = window.signalR;
  const connection = new signalR.HubConnectionBuilder()
    .withUrl(section.dataset.hub)
    .withAutomaticReconnect()
    .build();
  connection.on('alertChanged', () => refresh());
  connection.onreconnected(() => refresh());
  // An alert raised between the page's rendering and the connection is read at once, not at the next one.
  connection.start().then(() => {
    section.dataset.connected = '';
    return refresh();
  }).catch(() => {});
}

async function refresh() {
  const response = await fetch(location.href, { headers: { Accept: 'text/html' }, credentials: 'same-origin' });
  if (!response.ok) {
    return;
  }
  const page = new DOMParser().parseFromString(await response.text(), 'text/html');
  const fresh = page.querySelector('[data-report-alerts]');
  if (!fresh) {
    return;
  }
  const before = new Set([...section.querySelectorAll('.report-alert.open')].map(alert => alert.dataset.alertId));
  section.querySelector('h2').textContent = fresh.querySelector('h2').textContent;
  section.querySelector('[data-report-alerts-list]').replaceChildren(
    ...[...fresh.querySelector('[data-report-alerts-list]').childNodes].map(node => document.importNode(node, true)));
  const added = [...section.querySelectorAll('.report-alert.open')].filter(alert => !before.has(alert.dataset.alertId));
  if (added.length > 0) {
    section.querySelector('[data-report-alerts-announcer]').textContent =
      added.length === 1 ? 'Nouvelle alerte de signalements.' : `${added.length} nouvelles alertes de signalements.`;
  }
}
