// Shows the phone line's audio on a notice's page as soon as it is synthesised. The page is complete without this
// script (it then asks for a reload); with it, the hub's audioReady for this version makes the page re-fetch itself
// (rendered on the server) and swap the audio part only, without announcing anything: the notice did not change.

const part = document.querySelector('[data-notice-audio]');

if (part && window.signalR) {
  const connection = new window.signalR.HubConnectionBuilder()
    .withUrl('/hubs/notices')
    .withAutomaticReconnect()
    .build();

  connection.on('audioReady', ready => {
    if (ready.id === part.dataset.noticeId && String(ready.version) === part.dataset.version) {
      swap();
    }
  });
  connection.onreconnected(() => watch().then(swap));

  function watch() {
    return connection.invoke('Watch', part.dataset.territory);
  }

  async function swap() {
    const current = document.querySelector('[data-notice-audio]');
    if (current.dataset.audio) {
      return;
    }
    const response = await fetch(window.location.href, { credentials: 'same-origin', headers: { Accept: 'text/html' } });
    if (!response.ok || response.redirected) {
      return;
    }
    const page = new DOMParser().parseFromString(await response.text(), 'text/html');
    const fresh = page.querySelector('[data-notice-audio]');
    if (fresh && fresh.dataset.version === current.dataset.version && fresh.dataset.audio) {
      current.replaceWith(document.importNode(fresh, true));
    }
  }

  // Watch first, then look once: audio that became ready in between is not missed.
  connection.start().then(watch).then(swap).then(() => { document.body.dataset.live = 'on'; }).catch(() => {});
}
