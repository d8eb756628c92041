// The chat widget of `chatcart serve` (docs/SERVE.md). Plain JavaScript, no
// dependencies. Everything the server sends is data and is shown as text
// (textContent), never parsed as HTML.
(function () {
  "use strict";

  var STRINGS = {
    en: { open: "Chat with us", title: "Shop assistant", close: "Close chat", language: "Language",
          typing: "The assistant is typing…", quick: "Quick replies", message: "Message", send: "Send",
          placeholder: "Ask about a gift, a printer, your order…",
          hello: "Hi! I can help you find a gift, pick a printer or follow your order.",
          cart: "Your cart", total: "Total", discount: "You save", shipping: "Shipping",
          buy: "OK, buy", trimmed: "Earlier messages are no longer shown.",
          unavailable: "Sorry, we could not take your message just now. Please try again.",
          unreadable: "Sorry, that message could not be read.",
          slow: "Too many messages at once: please wait a moment.",
          offline: "Connection lost. Your messages are kept; retrying…" },
    it: { open: "Chatta con noi", title: "Assistente del negozio", close: "Chiudi la chat", language: "Lingua",
          typing: "L'assistente sta scrivendo…", quick: "Risposte rapide", message: "Messaggio", send: "Invia",
          placeholder: "Chiedi di un regalo, una stampante, il tuo ordine…",
          hello: "Ciao! Posso aiutarti a trovare un regalo, scegliere una stampante o seguire il tuo ordine.",
          cart: "Il tuo carrello", total: "Totale", discount: "Risparmi", shipping: "Spedizione",
          buy: "OK, compro", trimmed: "I messaggi precedenti non sono più mostrati.",
          unavailable: "Non siamo riusciti a ricevere il messaggio. Riprova tra poco.",
          unreadable: "Non siamo riusciti a leggere il messaggio.",
          slow: "Troppi messaggi insieme: attendi un momento.",
          offline: "Connessione persa. I messaggi sono salvati; riprovo…" },
    fr: { open: "Discuter avec nous", title: "Assistant de la boutique", close: "Fermer la discussion", language: "Langue",
          typing: "L'assistant écrit…", quick: "Réponses rapides", message: "Message", send: "Envoyer",
          placeholder: "Un cadeau, une imprimante, votre commande…",
          hello: "Bonjour ! Je peux vous aider à trouver un cadeau, choisir une imprimante ou suivre votre commande.",
          cart: "Votre panier", total: "Total", discount: "Vous économisez", shipping: "Livraison",
          buy: "OK, j'achète", trimmed: "Les messages précédents ne sont plus affichés.",
          unavailable: "Désolé, votre message n'a pas pu être reçu. Réessayez dans un instant.",
          unreadable: "Désolé, ce message n'a pas pu être lu.",
          slow: "Trop de messages à la fois : patientez un instant.",
          offline: "Connexion perdue. Vos messages sont gardés ; nouvelle tentative…" }
  };

  var $ = function (id) { return document.getElementById(id); };
  var panel = $("cc-panel"), launcher = $("cc-launcher"), list = $("cc-messages");
  var quick = $("cc-quick"), typing = $("cc-typing"), form = $("cc-form"), input = $("cc-input");
  var unreadBadge = $("cc-unread"), langSelect = $("cc-lang"), queueBanner = $("cc-queue");
  var store = window.localStorage;

  function randomId(bytes) {
    var a = new Uint8Array(bytes);
    window.crypto.getRandomValues(a);
    return Array.prototype.map.call(a, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }

  var conversation = store.getItem("chatcart.conversation");
  if (!conversation || !/^[A-Za-z0-9_-]{8,64}$/.test(conversation)) {
    conversation = randomId(16);
    store.setItem("chatcart.conversation", conversation);
  }
  var lang = store.getItem("chatcart.lang") ||
             ((navigator.language || "en").slice(0, 2).toLowerCase());
  if (!STRINGS[lang]) lang = "en";
  var unread = 0, caughtUp = false;

  function t(key) { return STRINGS[lang][key] || STRINGS.en[key]; }

  function applyLanguage() {
    document.documentElement.lang = lang;
    langSelect.value = lang;
    document.querySelectorAll("[data-i18n]").forEach(function (el) { el.textContent = t(el.dataset.i18n); });
    document.querySelectorAll("[data-i18n-label]").forEach(function (el) { el.setAttribute("aria-label", t(el.dataset.i18nLabel)); });
    document.querySelectorAll("[data-i18n-placeholder]").forEach(function (el) { el.placeholder = t(el.dataset.i18nPlaceholder); });
    var hello = $("cc-hello");
    if (hello) hello.textContent = t("hello");
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }

  function scrollDown() { list.scrollTop = list.scrollHeight; }

  function money(m) {
    if (!m || !m.currency) return "";
    var minor = Number(m.minorUnits || 0);
    try {
      var f = new Intl.NumberFormat(lang, { style: "currency", currency: m.currency });
      var digits = f.resolvedOptions().maximumFractionDigits;
      return f.format(minor / Math.pow(10, digits));
    } catch (e) {
      return (minor / 100).toFixed(2) + " " + m.currency;
    }
  }

  function renderCard(p) {
    var card = el("article", "cc-card");
    var initials = (p.name || "?").split(/\s+/).slice(0, 2).map(function (w) { return w.charAt(0); }).join("");
    var pic = el("div", "cc-card-img", initials);
    pic.setAttribute("aria-hidden", "true");
    card.appendChild(pic);
    card.appendChild(el("h3", null, p.name));
    card.appendChild(el("div", "cc-price", p.priceText || money(p.price)));
    if (p.reasons && p.reasons.length) {
      var ul = el("ul");
      p.reasons.forEach(function (r) { ul.appendChild(el("li", null, r)); });
      card.appendChild(ul);
    }
    return card;
  }

  function renderCart(c) {
    var box = el("div", "cc-cart");
    box.appendChild(el("h3", null, t("cart")));
    var table = el("table");
    (c.lines || []).forEach(function (line) {
      var tr = el("tr");
      tr.appendChild(el("td", null, (line.quantity || 1) + " × " + (line.title || line.productId)));
      tr.appendChild(el("td", null, money(line.lineTotal)));
      table.appendChild(tr);
    });
    function row(label, m, cls) {
      if (!m || !Number(m.minorUnits)) return;
      var tr = el("tr", cls);
      tr.appendChild(el("td", null, label));
      tr.appendChild(el("td", null, money(m)));
      table.appendChild(tr);
    }
    // Line totals already include the discount: it is shown as a saving.
    row(t("discount"), c.discount);
    row(t("shipping"), c.shipping);
    var total = el("tr", "cc-total");
    total.appendChild(el("td", null, t("total")));
    total.appendChild(el("td", null, c.totalText || money(c.total)));
    table.appendChild(total);
    box.appendChild(table);
    return box;
  }

  // After the cart's confirmation ("That's 1 item for..."; template
  // chatcart.confirm), the "yes" quick reply is the buy button.
  function isBuy(q, confirming) {
    return confirming && /^(ok|yes)$/i.test(q.payload || "");
  }

  function showQuickReplies(options, confirming) {
    quick.textContent = "";
    if (!options || !options.length) { quick.hidden = true; return; }
    options.forEach(function (q, i) {
      var buy = isBuy(q, confirming);
      var b = el("button", buy ? "cc-buy" : "", buy ? t("buy") : (q.title || q.payload));
      b.type = "button";
      b.tabIndex = i === 0 ? 0 : -1;
      b.addEventListener("click", function () { send({ payload: q.payload || q.title, shown: b.textContent }); });
      quick.appendChild(b);
    });
    quick.hidden = false;
  }

  // Arrow keys move within the toolbar; Tab leaves it.
  quick.addEventListener("keydown", function (ev) {
    var buttons = Array.prototype.slice.call(quick.querySelectorAll("button"));
    var i = buttons.indexOf(document.activeElement);
    if (i < 0) return;
    var next = ev.key === "ArrowRight" || ev.key === "ArrowDown" ? i + 1
             : ev.key === "ArrowLeft" || ev.key === "ArrowUp" ? i - 1
             : ev.key === "Home" ? 0 : ev.key === "End" ? buttons.length - 1 : null;
    if (next === null) return;
    ev.preventDefault();
    next = (next + buttons.length) % buttons.length;
    buttons.forEach(function (b, j) { b.tabIndex = j === next ? 0 : -1; });
    buttons[next].focus();
  });

  function note(text) { list.appendChild(el("p", "cc-note", text)); scrollDown(); }

  function onEvent(type, data) {
    if (type === "shopper") {
      list.appendChild(el("p", "cc-msg cc-me", data.text));
      showQuickReplies(null);
    } else if (type === "typing") {
      typing.hidden = !data.on;
    } else if (type === "bot") {
      typing.hidden = true;
      var options = [], confirming = false;
      if (data.agent && (data.replies || []).length) list.appendChild(el("p", "cc-who", data.agent));
      (data.replies || []).forEach(function (r) {
        if (r.templateId === "chatcart.confirm") confirming = true;
        // The queue banner: the place and wait while waiting for a person
        // (the same words are in the list, which is what is announced).
        if (r.templateId === "chatcart.queue_position") {
          queueBanner.textContent = r.text;
          queueBanner.hidden = false;
        } else if (/^chatcart\.(agent_joined|queue_full|wait_exceeded)/.test(r.templateId || "")) {
          queueBanner.hidden = true;
        }
        if (r.text) list.appendChild(el("p", data.agent ? "cc-msg cc-bot cc-agent" : "cc-msg cc-bot", r.text));
        if (r.products && r.products.length) {
          var cards = el("div", "cc-cards");
          r.products.forEach(function (p) { cards.appendChild(renderCard(p)); });
          list.appendChild(cards);
        }
        if (r.cart && r.cart.lines && r.cart.lines.length) list.appendChild(renderCart(r.cart));
        if (r.quickReplies && r.quickReplies.length) options = r.quickReplies;
      });
      showQuickReplies(options, confirming);
      if (caughtUp && panel.hidden && (data.replies || []).length) {
        unread += 1;
        unreadBadge.textContent = String(unread);
        unreadBadge.hidden = false;
      }
    } else if (type === "notice") {
      typing.hidden = true;
      note(t(data.code === "unreadable" ? "unreadable" : "unavailable"));
    } else if (type === "trimmed") {
      note(t("trimmed"));
    }
    scrollDown();
  }

  var stream = null;
  function connect() {
    // A fresh page replays the whole kept conversation; EventSource's own
    // reconnects send Last-Event-ID and get only what was missed.
    stream = new EventSource("/api/events?conversation=" + encodeURIComponent(conversation));
    ["shopper", "typing", "bot", "notice", "trimmed"].forEach(function (type) {
      stream.addEventListener(type, function (ev) {
        var data;
        try { data = JSON.parse(ev.data); } catch (e) { return; }
        onEvent(type, data);
      });
    });
    stream.addEventListener("ready", function () {
      caughtUp = true;
      document.body.dataset.ccReady = "1";
    });
  }

  function send(message) {
    message.conversation = conversation;
    message.id = "m" + randomId(12);
    message.lang = lang;
    var body = JSON.stringify(message);
    var attempt = function (n) {
      fetch("/api/message", { method: "POST", headers: { "Content-Type": "application/json" }, body: body })
        .then(function (res) {
          if (res.status === 429) note(t("slow"));
          else if (res.status >= 500 && n < 2) setTimeout(function () { attempt(n + 1); }, 1000);
        })
        .catch(function () {
          // The same id again: the server applies a message once.
          if (n < 5) { note(t("offline")); setTimeout(function () { attempt(n + 1); }, 1000 * (n + 1)); }
        });
    };
    attempt(0);
  }

  form.addEventListener("submit", function (ev) {
    ev.preventDefault();
    var text = input.value.trim();
    if (!text) return;
    input.value = "";
    send({ text: text });
  });

  function setOpen(open) {
    panel.hidden = !open;
    launcher.hidden = open;
    launcher.setAttribute("aria-expanded", String(open));
    store.setItem("chatcart.open", open ? "1" : "0");
    if (open) {
      unread = 0;
      unreadBadge.hidden = true;
      input.focus();
      scrollDown();
    } else {
      launcher.focus();
    }
  }
  launcher.addEventListener("click", function () { setOpen(true); });
  $("cc-close").addEventListener("click", function () { setOpen(false); });
  panel.addEventListener("keydown", function (ev) { if (ev.key === "Escape") setOpen(false); });
  langSelect.addEventListener("change", function () {
    lang = langSelect.value;
    store.setItem("chatcart.lang", lang);
    applyLanguage();
  });

  var hello = el("p", "cc-msg cc-bot", "");
  hello.id = "cc-hello";
  list.appendChild(hello);
  applyLanguage();
  if (store.getItem("chatcart.open") === "1") { panel.hidden = false; launcher.hidden = true; launcher.setAttribute("aria-expanded", "true"); }
  connect();
})();
