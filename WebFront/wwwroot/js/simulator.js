// The phone simulator: plays the TwiML the webhooks answer, through the simulator's own endpoints.
"use strict";
const $ = id => document.getElementById(id);
let call = null;

function log(text, kind) {
  const item = document.createElement("li");
  item.textContent = text;
  if (kind) item.className = kind;
  $("transcript").append(item);
  item.scrollIntoView({ block: "nearest" });
}

function setState(text) { $("state").textContent = text; }

async function post(url, body) {
  const response = await fetch(url, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    throw new Error(problem.title || `Erreur ${response.status}`);
  }
  return response.status === 204 ? null : response.json();
}

// Waits for a prompt to finish, or for the caller to press a key while a <Gather> listens.
function interruptible(start, stop) {
  const current = call;
  return new Promise(resolve => {
    let finished = false;
    const done = () => {
      if (finished) return;
      finished = true;
      if (current.interrupt === interrupt) current.interrupt = null;
      resolve();
    };
    const interrupt = () => { stop(); done(); };
    current.interrupt = interrupt;
    start(done);
  });
}

function say(text) {
  log("🗣 " + text);
  if (!("speechSynthesis" in window)) {
    return interruptible(done => setTimeout(done, Math.min(8000, 60 * text.length)), () => {});
  }
  return interruptible(done => {
    // Some browsers have no French voice and never say they are done: the call must not hang on them.
    const fallback = setTimeout(finish, 2000 + 150 * text.length);
    function finish() { clearTimeout(fallback); done(); }
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.lang = "fr-FR";
    utterance.onend = finish;
    utterance.onerror = finish;
    speechSynthesis.speak(utterance);
  }, () => speechSynthesis.cancel());
}

function play(url) {
  // TwiML carries absolute URLs of the public address; the same file is fetched from this page's origin.
  const path = new URL(url, location.href).pathname;
  log("▶ Enregistrement " + path, "play");
  const audio = new Audio(path);
  return interruptible(done => {
    audio.onended = done;
    audio.onerror = () => { log("L’enregistrement n’a pas pu être lu."); done(); };
    // A key pressed before the recording starts pauses it, which rejects play() with an AbortError: not a failure.
    audio.play().catch(error => { if (error.name !== "AbortError") audio.onerror(); });
  }, () => audio.pause());
}

function waitForKey(seconds) {
  const current = call;
  return new Promise(resolve => {
    const finish = () => {
      clearTimeout(timer);
      if (current.interrupt === finish) current.interrupt = null;
      resolve();
    };
    const timer = setTimeout(finish, seconds * 1000);
    current.interrupt = finish;
  });
}

async function run(twiml) {
  const current = call;
  const doc = new DOMParser().parseFromString(twiml, "application/xml");
  for (const verb of doc.documentElement.children) {
    if (call !== current || current.ended) return;
    switch (verb.nodeName) {
      case "Say": await say(verb.textContent); break;
      case "Play": await play(verb.textContent); break;
      case "Gather": {
        current.gather = verb.getAttribute("action");
        setKeypad(true);
        for (const prompt of verb.children) {
          if (current.digits !== null || current.ended) break;
          await (prompt.nodeName === "Play" ? play(prompt.textContent) : say(prompt.textContent));
        }
        if (current.digits === null && !current.ended) await waitForKey(Number(verb.getAttribute("timeout") || 5));
        setKeypad(false);
        if (current.ended) return;
        if (current.digits !== null) {
          const digits = current.digits;
          current.digits = null;
          return next(post(`/simulator/calls/${current.callSid}/menu`, { to: current.to, action: current.gather, digits }));
        }
        break;
      }
      case "Redirect":
        log("(aucune touche)");
        return next(post(`/simulator/calls/${current.callSid}/menu`, { to: current.to, action: verb.textContent, digits: null }));
      case "Hangup":
        return hangUp("La ligne a raccroché.");
    }
  }
}

async function next(answer) {
  try {
    const result = await answer;
    await run(result.twiml);
  } catch (error) {
    log(error.message);
    hangUp("Appel interrompu.");
  }
}

function setKeypad(enabled) {
  for (const button of document.querySelectorAll(".keypad button")) button.disabled = !enabled;
}

async function hangUp(message) {
  if (!call || call.ended) return;
  const ended = call;
  ended.ended = true;
  if (ended.interrupt) ended.interrupt();
  if ("speechSynthesis" in window) speechSynthesis.cancel();
  setKeypad(false);
  $("dial").disabled = false;
  $("hangup").disabled = true;
  setState("raccroché");
  log(message);
  const seconds = Math.round((Date.now() - ended.startedAt) / 1000);
  await post(`/simulator/calls/${ended.callSid}/hangup`, { to: ended.to, seconds }).catch(error => log(error.message));
}

document.querySelector(".keypad").addEventListener("click", event => {
  const key = event.target.dataset && event.target.dataset.key;
  if (!key || !call || call.ended || call.digits !== null) return;
  log("Touche " + key, "key");
  call.digits = key;
  if (call.interrupt) call.interrupt();
});

$("dial").addEventListener("click", async () => {
  const to = $("territory").value;
  if (!to) return;
  $("transcript").replaceChildren();
  $("dial").disabled = true;
  $("hangup").disabled = false;
  setState("en communication");
  call = { to, callSid: null, digits: null, gather: null, interrupt: null, ended: false, startedAt: Date.now() };
  try {
    const answer = await post("/simulator/calls", { to });
    call.callSid = answer.callSid;
    log("Appel " + answer.callSid + " vers " + to);
    await run(answer.twiml);
  } catch (error) {
    log(error.message);
    call.ended = true;
    $("dial").disabled = false;
    $("hangup").disabled = true;
    setState("échec");
  }
});

$("hangup").addEventListener("click", () => hangUp("Vous avez raccroché."));

setKeypad(false);
fetch("/simulator/territories").then(r => r.json()).then(territories => {
  for (const t of territories) {
    const option = document.createElement("option");
    option.value = t.phoneNumber;
    option.textContent = `${t.name} (${t.phoneNumber})`;
    $("territory").append(option);
  }
  if (territories.length === 0) setState("aucun territoire n’a de numéro");
});
