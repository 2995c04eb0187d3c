/*
 * Rounds — live updates over Socket.IO (the client is vendored in /static/vendor).
 * No inline script, no eval: works under the site's strict CSP. Without JS, or without
 * a connection, every page still works; this only saves reloads.
 *
 *   [data-unread-count]      the bell's number: updated on `notification` (every page)
 *   [data-live-thread="N"]   on a thread page: subscribe to thread N, resuming after
 *                            data-last-event-id; on reconnect, resume after the last
 *                            event applied and replay what was missed, in order
 *     post_created           append the reply (server-rendered fragment, slide-in), or a
 *                            "N new replies" bar when the reader is mid-page
 *     post_updated, endorsement_*, post_hidden   re-render that post in place
 *     vote_changed           the score, in place
 *     answer_accepted        the accepted answer block and the replies, from the page
 *     thread_updated         locked/unlocked by a coordinator: a notice by the composer
 *                            with a "Reload" link (the forms are not re-rendered)
 *     presence, typing       "N reading now", "Dr X is replying…" (gone after ~5 s)
 */
(function () {
  "use strict";

  var doc = document;
  var bell = doc.querySelector("[data-unread-count]");
  var box = doc.querySelector("[data-live-thread]");
  if (typeof window.io !== "function" || (!bell && !box)) return;

  var TYPING_SHOWN_MS = 5000;
  var TYPING_SEND_MS = 3000;
  var NEAR_BOTTOM_PX = 200;

  var socket = window.io(); // same origin: the session cookie rides along

  function announce(message) {
    if (window.Rounds && window.Rounds.announce) window.Rounds.announce(message);
  }

  function enhance(node) {
    if (window.Rounds && window.Rounds.enhance) window.Rounds.enhance(node);
  }

  /* ---- the bell ----------------------------------------------------------- */
  function setUnread(count) {
    if (!bell) return;
    var n = Math.max(0, Number(count) || 0);
    bell.textContent = String(n);
    bell.hidden = n === 0;
    var link = bell.closest("[data-notification-bell]");
    if (link) link.classList.toggle("has-unread", n > 0);
  }

  socket.on("notification", function (data) {
    setUnread(data.unread);
    announce("New notification" + (data.actor ? " from " + data.actor.name : ""));
  });

  // After a reconnect, notifications may have arrived meanwhile: ask for the count.
  socket.io.on("reconnect", function () {
    if (!bell) return;
    fetch("/api/v1/notifications?per_page=1", { credentials: "same-origin" })
      .then(function (r) {
        return r.ok ? r.json() : null;
      })
      .then(function (data) {
        if (data) setUnread(data.unread);
      })
      .catch(function () {});
  });

  if (!box) return;

  /* ---- thread page -------------------------------------------------------- */
  var threadId = Number(box.getAttribute("data-live-thread"));
  var lastEventId = Number(box.getAttribute("data-last-event-id")) || 0;
  var canAppend = box.getAttribute("data-append") === "1";
  var perPage = Number(box.getAttribute("data-per-page")) || 25;
  var reading = box.querySelector("[data-live-reading]");
  var typingLine = box.querySelector("[data-live-typing]");
  var banner = doc.querySelector("[data-live-banner]");
  var bannerButton = banner ? banner.querySelector("button") : null;
  var seen = {};
  var syncing = false;
  var buffered = [];
  var pending = []; // replies waiting behind the banner: {id, number}
  var typers = {};
  var gone = false;

  function fetchHtml(url) {
    return fetch(url, { credentials: "same-origin", headers: { Accept: "text/html" } }).then(
      function (response) {
        if (response.status === 404) return null;
        if (!response.ok) throw new Error("HTTP " + response.status);
        return response.text();
      }
    );
  }

  function parse(html) {
    var tpl = doc.createElement("template");
    tpl.innerHTML = html.trim();
    return tpl.content.firstElementChild;
  }

  function fragment(postId) {
    return fetchHtml("/posts/" + postId + "/fragment").then(function (html) {
      return html === null ? null : parse(html);
    });
  }

  function placeholder(article) {
    article.classList.add("is-deleted");
    article.classList.remove("is-endorsed");
    Array.prototype.slice.call(article.children).forEach(function (child) {
      if (!child.classList.contains("post-meta")) child.remove();
    });
    var note = doc.createElement("p");
    note.className = "post-body";
    note.textContent = "This reply was removed.";
    article.appendChild(note);
  }

  function rerender(postId) {
    var article = doc.getElementById("post-" + postId);
    if (!article) return Promise.resolve();
    return fragment(postId)
      .then(function (fresh) {
        var current = doc.getElementById("post-" + postId);
        if (!current) return;
        if (fresh === null) return placeholder(current);
        current.replaceWith(fresh);
        enhance(fresh);
      })
      .catch(function () {});
  }

  function postList() {
    var list = doc.querySelector("[data-live-list]");
    if (list) return list;
    list = doc.createElement("ol");
    list.className = "post-list";
    list.setAttribute("data-live-list", "");
    var empty = doc.querySelector("[data-live-empty]");
    if (empty) empty.replaceWith(list);
    else if (banner) banner.after(list);
    return list;
  }

  // Is the end of the replies (where a new one lands) on screen, or nearly?
  function nearBottom() {
    var end =
      doc.querySelector("[data-live-list]") || doc.querySelector("[data-live-empty]") || banner;
    if (!end) return false;
    return end.getBoundingClientRect().bottom <= window.innerHeight + NEAR_BOTTOM_PX;
  }

  function append(ids) {
    // In order, one after another, so replies keep their numbers' order.
    return ids.reduce(function (chain, id) {
      return chain.then(function () {
        if (doc.getElementById("post-" + id)) return;
        return fragment(id).then(function (article) {
          if (!article || doc.getElementById("post-" + id)) return;
          var item = doc.createElement("li");
          item.className = "live-new";
          item.appendChild(article);
          postList().appendChild(item);
          enhance(item);
        });
      });
    }, Promise.resolve());
  }

  function showBanner() {
    if (!banner || !bannerButton) return;
    var n = pending.length;
    bannerButton.textContent = n + " new " + (n === 1 ? "reply" : "replies") + (canAppend ? " — show" : " — go to the latest");
    banner.hidden = n === 0;
  }

  if (bannerButton) {
    bannerButton.addEventListener("click", function () {
      var waiting = pending;
      pending = [];
      showBanner();
      if (!waiting.length) return;
      var first = waiting[0];
      if (!canAppend) {
        var last = waiting[waiting.length - 1];
        var page = Math.floor((last.number - 2) / perPage) + 1;
        window.location.href =
          window.location.pathname + (page > 1 ? "?page=" + page : "") + "#post-" + last.id;
        return;
      }
      append(waiting.map(function (p) { return p.id; })).then(function () {
        var target = doc.getElementById("post-" + first.id);
        if (target) target.scrollIntoView({ behavior: "smooth", block: "start" });
      });
    });
  }

  function stopTyping(userId) {
    var t = typers[userId];
    if (!t) return;
    window.clearTimeout(t.timer);
    delete typers[userId];
    renderTyping();
  }

  function renderTyping() {
    if (!typingLine) return;
    var names = Object.keys(typers).map(function (k) { return typers[k].name; });
    var text = "";
    if (names.length === 1) text = names[0] + " is replying…";
    else if (names.length === 2) text = names[0] + " and " + names[1] + " are replying…";
    else if (names.length > 2) text = names.length + " people are replying…";
    typingLine.textContent = text;
    typingLine.hidden = !text;
  }

  // One notice, reused: the thread's latest lock state, and a way to get fresh forms.
  var lockNotice = null;

  function showLockNotice(locked) {
    if (!lockNotice) {
      lockNotice = doc.createElement("div");
      lockNotice.className = "callout callout-warning live-notice";
      lockNotice.setAttribute("role", "status");
      lockNotice.setAttribute("data-live-lock-notice", "");
      var text = doc.createElement("span");
      text.className = "live-notice-text";
      var reload = doc.createElement("a");
      reload.className = "live-notice-reload";
      reload.href = window.location.pathname + window.location.search;
      reload.textContent = "Reload";
      reload.addEventListener("click", function (e) {
        e.preventDefault();
        window.location.reload();
      });
      lockNotice.appendChild(text);
      lockNotice.appendChild(doc.createTextNode(" "));
      lockNotice.appendChild(reload);
      var composerBox = doc.getElementById("reply");
      var form = composerBox && composerBox.querySelector("form");
      if (form) form.before(lockNotice);
      else if (composerBox) composerBox.prepend(lockNotice);
      else if (banner) banner.before(lockNotice);
      else box.after(lockNotice);
    }
    var message = "This thread was " + (locked ? "locked" : "unlocked") + " by a coordinator.";
    lockNotice.querySelector(".live-notice-text").textContent = message;
    lockNotice.classList.toggle("is-locked", !!locked);
    lockNotice.hidden = false;
    announce(message);
  }

  var handlers = {
    thread_updated: function (data) {
      if ((data.changes || []).indexOf("locked") !== -1) showLockNotice(data.locked);
    },
    post_created: function (data) {
      var post = data.post;
      if (!post || doc.getElementById("post-" + post.id)) return;
      if (post.author) stopTyping(post.author.id);
      if (canAppend && !pending.length && nearBottom()) {
        append([post.id]);
        announce("New reply from " + (post.author ? post.author.name : "a member"));
      } else {
        pending.push({ id: post.id, number: post.number });
        showBanner();
      }
    },
    post_updated: function (data) { rerender(data.post.id); },
    post_hidden: function (data) {
      rerender(data.post_id);
      if (data.thread_deleted) subscribe(); // the room was closed: ask again
    },
    endorsement_added: function (data) { rerender(data.post_id); },
    endorsement_withdrawn: function (data) { rerender(data.post_id); },
    vote_changed: function (data) {
      var article = doc.getElementById("post-" + data.post_id);
      var score = article && article.querySelector(".vote-score");
      if (!score) return;
      var n = Number(data.score);
      var text = score.firstChild;
      if (text && text.nodeType === 3) text.nodeValue = String(n);
      else score.insertBefore(doc.createTextNode(String(n)), score.firstChild);
      if (score.hasAttribute("aria-label")) {
        score.setAttribute("aria-label", n + " helpful vote" + (n === 1 ? "" : "s"));
      }
    },
    answer_accepted: function () {
      // The accepted answer moves under the question: take both blocks from the page.
      fetchHtml(window.location.href)
        .then(function (html) {
          if (html === null) return;
          var page = new DOMParser().parseFromString(html, "text/html");
          [".thread-badges", ".accepted-answer", "[data-live-list]"].forEach(function (sel) {
            var mine = doc.querySelector(sel);
            var fresh = page.querySelector(sel);
            if (mine && fresh) {
              var node = doc.importNode(fresh, true);
              mine.replaceWith(node);
              enhance(node);
            }
          });
          pending = pending.filter(function (p) { return !doc.getElementById("post-" + p.id); });
          showBanner();
        })
        .catch(function () {});
    }
  };

  function apply(name, data) {
    var id = Number(data && data.event_id) || 0;
    if (id) {
      if (seen[id]) return;
      seen[id] = true;
      if (id > lastEventId) lastEventId = id;
    }
    if (handlers[name]) handlers[name](data);
  }

  Object.keys(handlers).forEach(function (name) {
    socket.on(name, function (data) {
      if (!data || (data.thread_id !== undefined && data.thread_id !== threadId)) return;
      if (syncing) buffered.push({ name: name, data: data });
      else apply(name, data);
    });
  });

  function setReading(count) {
    if (!reading) return;
    var n = Number(count) || 0;
    reading.textContent = n + " reading now";
    reading.hidden = n < 1;
  }

  function goneNotice(message) {
    gone = true;
    setReading(0);
    if (banner && bannerButton) {
      pending = [];
      bannerButton.textContent = message || "This thread is no longer available.";
      bannerButton.disabled = true;
      banner.hidden = false;
    }
  }

  // Hold live events while (re)subscribing, then apply missed + held in event order.
  function subscribe() {
    if (gone) return;
    syncing = true;
    buffered = [];
    socket.emit("subscribe", { thread_id: threadId, after: lastEventId }, function (ack) {
      var held = buffered;
      syncing = false;
      buffered = [];
      if (!ack || !ack.ok) return goneNotice(ack && ack.error);
      if (ack.complete === false) return window.location.reload();
      var all = (ack.missed || [])
        .map(function (m) { return { name: m.event, data: m.data }; })
        .concat(held);
      all.sort(function (a, b) { return (a.data.event_id || 0) - (b.data.event_id || 0); });
      all.forEach(function (e) { apply(e.name, e.data); });
      setReading(ack.reading);
    });
  }

  socket.on("connect", subscribe);
  socket.on("disconnect", function () { setReading(0); });

  socket.on("presence", function (data) {
    if (data && data.thread_id === threadId) setReading(data.reading);
  });

  socket.on("typing", function (data) {
    if (!data || data.thread_id !== threadId || !data.user) return;
    var uid = data.user.id;
    if (typers[uid]) window.clearTimeout(typers[uid].timer);
    typers[uid] = {
      name: data.user.name,
      timer: window.setTimeout(function () { stopTyping(uid); }, TYPING_SHOWN_MS)
    };
    renderTyping();
  });

  // Tell the others we are typing, at most every few seconds.
  var composer = doc.querySelector("#reply textarea[name='body']");
  var lastSent = 0;
  if (composer) {
    composer.addEventListener("input", function () {
      var now = Date.now();
      if (now - lastSent < TYPING_SEND_MS || !socket.connected) return;
      lastSent = now;
      socket.emit("typing", { thread_id: threadId });
    });
  }
})();
