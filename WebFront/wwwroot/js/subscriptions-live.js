// The subscriptions page's delivery progress and counts, fetched again every 15 s while the page is visible: a
// cheap refresh of the sections marked data-refresh, leaving the rates form as the administrator is typing it.
const period = 15000;

async function refresh() {
  if (document.visibilityState !== "visible") {
    return;
  }

  try {
    const response = await fetch(location.href, { credentials: "same-origin", headers: { Accept: "text/html" } });
    if (!response.ok) {
      return;
    }

    const fresh = new DOMParser().parseFromString(await response.text(), "text/html");
    for (const section of document.querySelectorAll("[data-refresh]")) {
      const replacement = fresh.getElementById(section.id);
      if (replacement) {
        section.replaceChildren(...replacement.childNodes);
      }
    }
  } catch {
    // A passing network failure: the next period tries again.
  }
}

setInterval(refresh, period);
