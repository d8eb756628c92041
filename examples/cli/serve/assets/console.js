// The agent console of `chatcart serve` (docs/SERVE.md). Polls the desk's
// state and each held chat; every change carries the CSRF token. Whatever
// comes from shoppers, the bot or other agents is shown as text.
(function () {
  "use strict";
  var $ = function (id) { return document.getElementById(id); };
  var csrf = null, me = null, timer = null;
  var chats = {};  // conversation id -> {el, log, key}

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function button(text, onClick) {
    var b = el("button", null, text);
    b.type = "button";
    b.addEventListener("click", onClick);
    return b;
  }
  function randomId() {
    var a = new Uint8Array(12);
    window.crypto.getRandomValues(a);
    return "a" + Array.prototype.map.call(a, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }
  function status(text) { $("status").textContent = text || ""; }

  function api(method, path, body) {
    var headers = { "Content-Type": "application/json" };
    if (csrf) headers["X-CSRF-Token"] = csrf;
    return fetch(path, { method: method, headers: headers, credentials: "same-origin",
                         body: body ? JSON.stringify(body) : undefined })
      .then(function (res) {
        return res.json().catch(function () { return {}; }).then(function (data) {
          if (res.status === 401) { signedOut(); throw new Error(data.error || "sign in first"); }
          if (!res.ok) throw new Error(data.error || ("HTTP " + res.status));
          return data;
        });
      });
  }
  function act(body) {
    return api("POST", "/console/api/act", body).then(refresh).catch(function (e) { status(e.message); });
  }

  function signedOut() {
    csrf = null; me = null;
    if (timer) { clearInterval(timer); timer = null; }
    $("login").hidden = false; $("desk").hidden = true;
    $("logout").hidden = true; $("presence-box").hidden = true; $("who").textContent = "";
    Object.keys(chats).forEach(function (id) { chats[id].el.remove(); delete chats[id]; });
  }
  function signedIn() {
    $("login").hidden = true; $("desk").hidden = false;
    $("logout").hidden = false; $("presence-box").hidden = false;
    refresh();
    if (!timer) timer = setInterval(refresh, 1500);
  }

  function renderQueue(state) {
    var list = $("queue");
    list.textContent = "";
    var offered = (state.agent.offered || []);
    state.queue.forEach(function (q) {
      var li = el("li");
      li.appendChild(el("strong", null, "#" + q.position + " · " + q.language.toUpperCase() + " · " + q.waitingS + " s"));
      li.appendChild(el("span", "muted", q.conversation));
      var mine = offered.indexOf(q.conversation) >= 0;
      var row = el("div", "row");
      if (mine) {
        row.appendChild(button("Accept", function () { act({ action: "accept", conversation: q.conversation }); }));
        row.appendChild(button("Decline", function () { act({ action: "decline", conversation: q.conversation }); }));
      } else {
        row.appendChild(button("Take", function () { act({ action: "claim", conversation: q.conversation }); }));
      }
      li.appendChild(row);
      list.appendChild(li);
    });
    $("queue-empty").hidden = state.queue.length > 0;
  }

  function chatBox(id) {
    if (chats[id]) return chats[id];
    var box = el("article", "chat");
    box.dataset.conversation = id;
    box.appendChild(el("h2", null, id));
    var log = el("div", "log");
    box.appendChild(log);
    var form = el("form", "row");
    var input = el("input");
    input.placeholder = "Message to the shopper (/code for a canned reply)";
    input.setAttribute("aria-label", "Message to the shopper in " + id);
    input.className = "say";
    form.appendChild(input);
    form.appendChild(el("button", null, "Send"));
    var hint = el("p", "muted canned-hint");
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      var text = input.value.trim();
      if (!text) return;
      // "/code": the canned reply with that code, in the chat's language,
      // put in the box to read (and edit) before sending.
      var code = /^\/([A-Za-z0-9_-]+)$/.exec(text);
      if (code) {
        canned(code[1], chats[id].lang).then(function (found) {
          var exact = found.filter(function (r) { return r.code === code[1]; })[0] || found[0];
          if (exact) { input.value = exact.text; hint.textContent = ""; }
          else { hint.textContent = "No canned reply " + text; }
        });
        return;
      }
      input.value = "";
      hint.textContent = "";
      act({ action: "message", conversation: id, id: randomId(), text: text });
    });
    input.addEventListener("input", function () {
      var m = /^\/([A-Za-z0-9_-]*)$/.exec(input.value);
      if (!m) { hint.textContent = ""; return; }
      canned(m[1], chats[id].lang).then(function (found) {
        hint.textContent = found.length ? found.map(function (r) { return "/" + r.code; }).join("  ")
                                        : "No canned reply";
      });
    });
    box.appendChild(form);
    box.appendChild(hint);
    var noteForm = el("form", "row");
    var note = el("input");
    note.placeholder = "Private note";
    note.className = "note";
    note.setAttribute("aria-label", "Private note on " + id);
    noteForm.appendChild(note);
    noteForm.appendChild(el("button", null, "Note"));
    noteForm.addEventListener("submit", function (ev) {
      ev.preventDefault();
      var text = note.value.trim();
      if (!text) return;
      note.value = "";
      act({ action: "note", conversation: id, text: text });
    });
    box.appendChild(noteForm);
    var suggest = el("div", "suggest");
    box.appendChild(suggest);
    var actions = el("div", "row");
    actions.appendChild(button("Resolve", function () { act({ action: "resolve", conversation: id }); }));
    var transcript = el("a", "transcript", "Transcript");
    transcript.href = "/console/api/transcript?conversation=" + encodeURIComponent(id);
    transcript.setAttribute("download", "");
    actions.appendChild(transcript);
    box.appendChild(actions);
    $("chats").appendChild(box);
    chats[id] = { el: box, log: log, suggest: suggest, key: "" };
    return chats[id];
  }

  function canned(query, lang) {
    return api("GET", "/console/api/canned?q=" + encodeURIComponent(query) + "&locale=" + encodeURIComponent(lang || ""))
      .catch(function () { return []; });
  }

  function renderChat(id, data) {
    var chat = chatBox(id);
    chat.lang = data.conversation.language || "";
    var key = JSON.stringify([data.messages.length, data.suggestions && data.suggestions.intent]);
    if (key === chat.key) return;
    chat.key = key;
    chat.log.textContent = "";
    data.messages.forEach(function (m) {
      var p = el("p", "m m-" + m.author + (m.note ? " m-note" : ""), m.text);
      var who = m.note ? "note · " + (m.agentName || m.agentId) : m.author === "AGENT" ? (m.agentName || m.agentId) : m.author.toLowerCase();
      p.insertBefore(el("small", null, who), p.firstChild);
      chat.log.appendChild(p);
    });
    chat.log.scrollTop = chat.log.scrollHeight;
    var s = chat.suggest;
    s.textContent = "";
    var sug = data.suggestions;
    if (!sug) return;
    s.appendChild(el("h3", null, "The bot suggests"));
    if (sug.summary) s.appendChild(el("p", "muted", sug.summary));
    (sug.replies || []).slice(0, 3).forEach(function (r) {
      var row = el("div", "row");
      row.appendChild(el("span", null, r.text));
      row.appendChild(button("Use", function () { chat.el.querySelector("input.say").value = r.text; }));
      s.appendChild(row);
    });
    (sug.questions || []).slice(0, 2).forEach(function (q) { s.appendChild(el("p", null, "Ask: " + q.text)); });
    (sug.products || []).slice(0, 3).forEach(function (p) {
      var card = el("div", "prod");
      var info = el("div");
      info.appendChild(el("strong", null, p.name));
      info.appendChild(el("span", null, " " + (p.priceText || "")));
      var ul = el("ul");
      (p.reasons || []).slice(0, 3).forEach(function (r) { ul.appendChild(el("li", null, r)); });
      info.appendChild(ul);
      card.appendChild(info);
      card.appendChild(button("Add to cart", function () {
        api("POST", "/console/api/cart", { conversation: id, id: randomId(), product: p.productId, quantity: "1" })
          .then(function () { status(""); }).catch(function (e) { status(e.message); });
      }));
      s.appendChild(card);
    });
  }

  function refresh() {
    return api("GET", "/console/api/state").then(function (state) {
      csrf = state.csrf;
      me = state.agent;
      $("who").textContent = (me.name || me.id) + " (" + me.id + ")";
      $("presence").value = me.availability || "OFFLINE";
      renderQueue(state);
      var held = (me.assigned || []).concat(me.snoozed || []);
      Object.keys(chats).forEach(function (id) {
        if (held.indexOf(id) < 0) { chats[id].el.remove(); delete chats[id]; }
      });
      $("chats-empty").hidden = held.length > 0;
      return Promise.all(held.map(function (id) {
        return api("GET", "/console/api/chat?conversation=" + encodeURIComponent(id))
          .then(function (data) { renderChat(id, data); });
      }));
    }).then(function () { status(""); }).catch(function (e) { if (csrf) status(e.message); });
  }

  $("login").addEventListener("submit", function (ev) {
    ev.preventDefault();
    $("login-error").textContent = "";
    api("POST", "/console/api/login", { agent: $("login-agent").value, password: $("login-password").value })
      .then(function (data) { csrf = data.csrf; $("login-password").value = ""; signedIn(); })
      .catch(function (e) { $("login-error").textContent = e.message; });
  });
  $("logout").addEventListener("click", function () {
    api("POST", "/console/api/logout").then(signedOut).catch(signedOut);
  });
  $("presence").addEventListener("change", function () {
    api("POST", "/console/api/presence", { availability: $("presence").value }).then(refresh)
      .catch(function (e) { status(e.message); });
  });

  // Signed in already (the cookie)? The state call says.
  api("GET", "/console/api/state").then(function (state) { csrf = state.csrf; signedIn(); })
    .catch(function () { signedOut(); });
})();
