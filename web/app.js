// app.js: the student's side of a networked halqa drill (docs/classroom.md). Joins with the code
// and a name, keeps the seat's token in localStorage (so a reload keeps the seat and the score),
// follows the game on a Server-Sent Events stream, and sends answers. Every text from the network
// is shown through textContent, never as HTML.
"use strict";

const $ = (id) => document.getElementById(id);
const sections = ["join", "wait", "question", "reveal", "over"];
let token = null, name = "", code = "", current = null, deadline = 0, clockTimer = null, stream = null;

function show(id) {
  for (const s of sections) $(s).hidden = s !== id;
}

function storageKey() { return "halqa-seat:" + location.host + ":" + code; }

function setStatus(text, cls) {
  const p = $("q-status");
  p.textContent = text;
  p.className = cls || "";
}

// ---- joining ----

async function join(event) {
  event.preventDefault();
  code = $("code").value.trim();
  name = $("name").value.trim();
  $("join-error").textContent = "";
  let reply;
  try {
    const r = await fetch("/api/join", { method: "POST", headers: { "Content-Type": "application/json" },
                                         body: JSON.stringify({ code: code, name: name }) });
    reply = await r.json();
    if (!r.ok) throw new Error(reply.error || ("the server said " + r.status));
  } catch (e) {
    $("join-error").textContent = "Could not join: " + e.message + ".";
    return;
  }
  token = reply.token;
  name = reply.name;
  localStorage.setItem(storageKey(), JSON.stringify({ token: token, name: name }));
  connect();
}

function forget(message) {
  localStorage.removeItem(storageKey());
  token = null;
  if (stream) stream.close();
  show("join");
  $("join-error").textContent = message;
}

// ---- the event stream ----

function connect() {
  if (stream) stream.close();
  stream = new EventSource("/api/events?token=" + encodeURIComponent(token));
  stream.onopen = () => { $("conn").textContent = ""; };
  stream.onerror = () => {
    if (leaving) return;
    $("conn").textContent = "Connection lost: reconnecting…";
    // The browser reconnects by itself, unless the server refused the stream: then ask why.
    if (stream.readyState === EventSource.CLOSED) recheck();
  };
  const on = (ev, f) => stream.addEventListener(ev, (m) => f(JSON.parse(m.data)));
  on("welcome", (w) => { name = w.name; });
  on("lobby", (l) => {
    show("wait");
    $("wait-text").textContent = "You are in, " + name + ". " + l.players + " joined so far: waiting for the teacher to start.";
  });
  on("question", question);
  on("answered", (a) => { if (current && a.n === current.n) sent(); });
  on("paused", () => { stopClock(); $("q-clock").textContent = "paused"; });
  on("reveal", reveal);
  on("end", over);
  on("kicked", () => forget("The teacher removed you from the game."));
}

// A stream the browser gave up on: the seat is gone (403: kicked, or another game) or the
// teacher's computer is away for a moment; try again until it answers.
async function recheck() {
  const ctl = new AbortController();
  try {
    const r = await fetch("/api/events?token=" + encodeURIComponent(token), { signal: ctl.signal });
    ctl.abort();
    if (r.status === 403) return forget("The teacher's halqa no longer knows this seat: join again.");
  } catch (e) {
    // no answer at all: keep trying
  }
  setTimeout(() => { if (token) connect(); }, 2000);
}

let leaving = false; // the page is being closed or reloaded: its stream's end is no news
addEventListener("pagehide", () => { leaving = true; });

// ---- a question ----

function stopClock() {
  if (clockTimer) clearInterval(clockTimer);
  clockTimer = null;
}

function tick() {
  const left = Math.max(0, Math.ceil((deadline - Date.now()) / 1000));
  $("q-clock").textContent = left + " s";
  if (left <= 0) stopClock();
}

function question(q) {
  const same = current && current.n === q.n && current.done;
  current = q;
  current.done = same;
  current.picked = [];
  show("question");
  $("q-number").textContent = "Question " + q.n + " of " + q.total;
  $("q-prompt").textContent = q.prompt;
  $("q-how").textContent = q.how ? "(" + q.how + ")" : "";
  const left = $("q-left");
  left.replaceChildren();
  for (const item of q.left_items || []) {
    const li = document.createElement("li");
    li.textContent = item;
    left.appendChild(li);
  }
  const box = $("q-choices");
  box.replaceChildren();
  const lettered = q.kind === "choice" || q.kind === "multi" || q.kind === "order";
  if (lettered) {
    q.choices.forEach((c, i) => {
      const b = document.createElement("button");
      b.type = "button";
      const letter = String.fromCharCode(97 + i);
      b.textContent = letter + ")  " + c;
      b.onclick = () => pick(letter, b);
      box.appendChild(b);
    });
  } else if (q.kind === "match") {
    q.choices.forEach((c, i) => {
      const p = document.createElement("p");
      p.textContent = String.fromCharCode(97 + i) + ")  " + c;
      box.appendChild(p);
    });
  } else if (q.kind === "truefalse") {
    for (const v of ["true", "false"]) {
      const b = document.createElement("button");
      b.type = "button";
      b.textContent = v === "true" ? "True" : "False";
      b.onclick = () => send(v);
      box.appendChild(b);
    }
  }
  const typed = !lettered && q.kind !== "truefalse";
  $("q-form").hidden = !(typed || q.kind === "multi" || q.kind === "order");
  $("q-text").hidden = !typed;
  $("q-text").value = "";
  setStatus("");
  stopClock();
  if (q.left != null) {
    deadline = Date.now() + q.left * 1000;
    tick();
    clockTimer = setInterval(tick, 250);
  } else {
    $("q-clock").textContent = "";
  }
  if (same) sent();
}

// choice: one tap sends; multi and order: taps build the answer, Send sends it.
function pick(letter, button) {
  if (current.done) return;
  if (current.kind === "choice") return send(letter);
  const i = current.picked.indexOf(letter);
  if (i >= 0) current.picked.splice(i, 1); else current.picked.push(letter);
  button.classList.toggle("picked", i < 0);
  setStatus(current.kind === "order" ? "Order: " + current.picked.join(" ") : "Picked: " + current.picked.join(" "));
}

function sent() {
  current.done = true;
  for (const b of document.querySelectorAll("#question button")) b.disabled = true;
  $("q-text").disabled = true;
  setStatus("Answer sent: wait for the reveal.");
}

async function send(answer) {
  if (!current || current.done) return;
  for (const b of document.querySelectorAll("#question button")) b.disabled = true;
  try {
    const r = await fetch("/api/answer", { method: "POST", headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ token: token, question: current.n, answer: answer }) });
    const reply = await r.json();
    if (!r.ok) throw new Error(reply.error || ("the server said " + r.status));
    sent();
  } catch (e) {
    for (const b of document.querySelectorAll("#question button")) b.disabled = false;
    setStatus("Not sent: " + e.message + ".", "error");
  }
}

$("q-form").addEventListener("submit", (e) => {
  e.preventDefault();
  if (current.kind === "multi" || current.kind === "order") send(current.picked.join(" "));
  else send($("q-text").value);
});
$("q-text").disabled = false;

// ---- the reveal and the end ----

function reveal(r) {
  stopClock();
  current = null;
  $("q-text").disabled = false;
  show("reveal");
  const v = $("r-verdict");
  v.textContent = !r.answered ? "No answer" : (r.right ? "Right!" : "Not right");
  v.className = r.right ? "right" : "wrong";
  $("r-answer").textContent = r.answer;
  $("r-explanation").textContent = r.explanation || "";
  $("r-source").textContent = r.source ? "Source: " + r.source : "";
  $("r-score").textContent = (r.gained ? "+" + r.gained + " · " : "") + r.points + " points · rank " + r.rank +
    " of " + r.players + (r.last ? "" : " · the next question is coming");
}

function over(o) {
  stopClock();
  show("over");
  $("o-text").textContent = "You came " + o.rank + " of " + o.players + " with " + o.points + " points (" + o.right +
    " right of " + o.asked + ").";
  const list = $("o-standings");
  list.replaceChildren();
  for (const s of o.standings) {
    const li = document.createElement("li");
    li.textContent = s.name + " — " + s.points;
    list.appendChild(li);
  }
  if (stream) stream.close();
  localStorage.removeItem(storageKey());
}

// ---- start ----

$("join-form").addEventListener("submit", join);
code = new URLSearchParams(location.search).get("code") || "";
$("code").value = code;
const saved = code && localStorage.getItem(storageKey());
if (saved) {
  ({ token, name } = JSON.parse(saved));
  connect();
} else {
  show("join");
}
