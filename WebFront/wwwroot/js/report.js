// "Je signale" without leaving the page. The form works without this script (the server then asks for a short
// wait instead); with it, the browser pays for its report with a proof of work — a nonce such that
// SHA-256(challenge + nonce) starts with the number of zero bits the server asked for — and the answer is shown
// in place. Everything the server sends back is written as text, never as markup.
//
// "Utiliser ma position" picks the commune from the device's position. The position is snapped to a grid of
// about 500 m here, before it leaves the device; the server snaps it again and answers with the nearest commune
// only, which the resident can still change in the list.

const form = document.querySelector('[data-report-form]');
if (form && window.fetch && window.crypto && window.crypto.subtle) {
  form.addEventListener('submit', event => {
    event.preventDefault();
    send(form);
  });
}

const locate = form && form.querySelector('[data-report-locate]');
if (locate && window.fetch && navigator.geolocation) {
  locate.hidden = false;
  const button = locate.querySelector('button');
  button.addEventListener('click', () => useMyPosition(form, button));
}

// The server's ReportLocation.Round: 0.0045° of latitude is about 500 m; a degree of longitude shrinks with the
// cosine of the latitude, so its step grows to keep cells about 500 m wide (capped near the poles).
const gridStep = 0.0045;

function roundToGrid(latitude, longitude) {
  const roundedLatitude = Math.round(latitude / gridStep) * gridStep;
  const longitudeStep = gridStep / Math.max(Math.cos(roundedLatitude * Math.PI / 180), 0.01);
  return { latitude: roundedLatitude, longitude: Math.round(longitude / longitudeStep) * longitudeStep };
}

function useMyPosition(form, button) {
  const status = form.querySelector('[data-report-locate-status]');
  const select = form.querySelector('select[name="commune"]');
  button.disabled = true;
  say(status, form.dataset.sayLocating);
  navigator.geolocation.getCurrentPosition(async position => {
    try {
      const answer = await call(form, `${reportsUrl(form)}/locate`, roundToGrid(position.coords.latitude, position.coords.longitude));
      select.value = answer.commune;
      if (select.value !== answer.commune) {
        throw new Error(form.dataset.sayNotListed);
      }
      say(status, form.dataset.sayFound.replace('{0}', answer.commune));
    } catch (error) {
      say(status, error.message, true);
    } finally {
      button.disabled = false;
    }
  }, error => {
    say(status, error.code === error.PERMISSION_DENIED ? form.dataset.sayDenied : form.dataset.sayUnavailable, true);
    button.disabled = false;
  }, { enableHighAccuracy: false, timeout: 20000, maximumAge: 300000 });
}

function reportsUrl(form) {
  return `/api/v1/territories/${encodeURIComponent(form.dataset.territory)}/reports`;
}

async function send(form) {
  const status = form.querySelector('[data-report-status]');
  const button = form.querySelector('button[type="submit"]');
  const base = reportsUrl(form);
  const data = new FormData(form);
  button.disabled = true;
  say(status, form.dataset.saySending);
  try {
    const challenge = await call(form, `${base}/challenge`, null);
    const nonce = await solve(challenge.token, challenge.bits);
    const answer = await call(form, base, {
      kind: data.get('kind'),
      commune: data.get('commune'),
      minutesAgo: Number(data.get('ago') || 0),
      text: data.get('text') || null,
      challenge: challenge.token,
      nonce,
    });
    show(status, answer);
    form.querySelector('textarea').value = '';
  } catch (error) {
    say(status, error.message, true);
  } finally {
    button.disabled = false;
  }
}

// The page's language goes with every request, so that the service answers in it.
async function call(form, url, body) {
  const response = await fetch(form.dataset.lang === 'en' ? `${url}?lang=en` : url, {
    method: 'POST',
    headers: body ? { 'Content-Type': 'application/json' } : {},
    body: body ? JSON.stringify(body) : null,
  });
  const json = await response.json().catch(() => null);
  if (!response.ok) {
    throw new Error((json && json.title) || form.dataset.sayFailed);
  }
  return json;
}

// Hashes are asked for in batches: the browser computes them in parallel, and the page stays responsive.
export async function solve(token, bits) {
  const encoder = new TextEncoder();
  const batch = 512;
  for (let start = 0; ; start += batch) {
    const hashes = await Promise.all(Array.from({ length: batch }, (_, i) =>
      crypto.subtle.digest('SHA-256', encoder.encode(token + (start + i)))));
    const found = hashes.findIndex(hash => zeroBits(new Uint8Array(hash)) >= bits);
    if (found >= 0) {
      return String(start + found);
    }
  }
}

function zeroBits(bytes) {
  let bits = 0;
  for (const byte of bytes) {
    if (byte !== 0) {
      return bits + Math.clz32(byte) - 24;
    }
    bits += 8;
  }
  return bits;
}

function say(status, text, error = false) {
  status.replaceChildren();
  const paragraph = document.createElement('p');
  paragraph.textContent = text;
  paragraph.className = error ? 'report-error' : 'report-thanks';
  status.append(paragraph);
}

function show(status, answer) {
  say(status, answer.message);
  if (answer.explanations.length > 0) {
    const list = document.createElement('ul');
    list.className = 'report-explanations';
    for (const explanation of answer.explanations) {
      const item = document.createElement('li');
      const link = document.createElement('a');
      link.href = explanation.url;
      link.textContent = explanation.title;
      item.append(link, ` — ${explanation.siteName} (${explanation.company})`);
      list.append(item);
    }
    status.append(list);
  }
}
