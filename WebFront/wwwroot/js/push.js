// "Recevoir les notifications" on the subscription page. Nothing is asked of the browser before the resident
// presses the button: only then is the permission requested, the service worker registered, the browser
// subscribed with the deployment's VAPID key (GET /api/v1/push/key), and the subscription sent with the form's
// choices (communes, sites, drills, language) and a proof of work. A browser that cannot receive notifications
// (no service worker, no Push API, a page not in https) is told so and offered the other channels.

const section = document.querySelector('[data-push]');
if (section) {
  setUp(section);
}

function setUp(section) {
  const button = section.querySelector('[data-push-button]');
  const status = section.querySelector('[data-push-status]');
  if (!window.isSecureContext || !('serviceWorker' in navigator) || !('PushManager' in window) || !('Notification' in window)) {
    say(status, section.dataset.unsupported, true);
    return;
  }
  button.hidden = false;
  button.addEventListener('click', () => subscribe(section, button, status));
}

async function subscribe(section, button, status) {
  button.disabled = true;
  try {
    const permission = await Notification.requestPermission();
    if (permission !== 'granted') {
      throw new Error(section.dataset.denied);
    }
    const registration = await navigator.serviceWorker.register(section.dataset.worker, { scope: '/' });
    await navigator.serviceWorker.ready;
    const { publicKey } = await call('/api/v1/push/key', 'GET');
    let subscription;
    try {
      subscription = await registration.pushManager.getSubscription()
        || await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: fromBase64Url(publicKey) });
    } catch {
      throw new Error(section.dataset.unreachable);
    }
    say(status, section.dataset.working);
    const base = `/api/v1/territories/${encodeURIComponent(section.dataset.territory)}/subscriptions`;
    const challenge = await call(`${base}/challenge`, 'POST');
    // The reports' proof of work, imported by its versioned URL so that browsers keep it cached.
    const { solve } = await import(section.dataset.proof);
    const nonce = await solve(challenge.token, challenge.bits);
    const answer = await call(base, 'POST', { channel: 'webpush', push: subscription.toJSON(), ...choices(section), challenge: challenge.token, nonce });
    done(section, status, answer.manageUrl);
  } catch (error) {
    say(status, error.message, true);
  } finally {
    button.disabled = false;
  }
}

// The choices of the page's form, which the e-mail channel sends without script.
function choices(section) {
  const form = section.closest('form') || document.querySelector('[data-subscription-form]');
  if (!form) {
    return {};
  }
  const data = new FormData(form);
  const drills = data.get('drills');
  return {
    communes: data.getAll('communes').filter(Boolean),
    sites: data.getAll('sites').filter(Boolean),
    drills: drills === null ? undefined : drills === 'true' || drills === 'on',
    lang: data.get('lang') || undefined,
  };
}

async function call(url, method, body) {
  const response = await fetch(url, {
    method,
    headers: body ? { 'Content-Type': 'application/json' } : {},
    body: body ? JSON.stringify(body) : null,
  });
  const json = await response.json().catch(() => null);
  if (!response.ok) {
    const errors = json && json.errors ? Object.values(json.errors).flat() : [];
    throw new Error([(json && json.title) || section.dataset.failed, ...errors].join(' '));
  }
  return json;
}

function fromBase64Url(text) {
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(text.length / 4) * 4, '=');
  return Uint8Array.from(atob(base64), c => c.charCodeAt(0));
}

function say(status, text, error = false) {
  status.replaceChildren();
  const paragraph = document.createElement('p');
  paragraph.textContent = text;
  paragraph.className = error ? 'push-error' : 'push-done';
  status.append(paragraph);
}

function done(section, status, manageUrl) {
  say(status, section.dataset.subscribed);
  const link = document.createElement('a');
  link.href = manageUrl;
  link.textContent = section.dataset.manage;
  status.append(link);
}
