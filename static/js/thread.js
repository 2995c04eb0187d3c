/*
 * Rounds — thread page enhancements. Everything here also works without JS:
 * these handlers only turn full-page form posts into fetch() calls.
 *
 *   form[data-vote]       "Helpful" vote: POST, then update the score in place
 *   form[data-endorse]    endorse / withdraw: POST, then refresh that one post
 *
 * Requests carry the CSRF token in the X-CSRFToken header (from
 * <meta name="csrf-token">) and ask for JSON. On any failure the form is
 * submitted the ordinary way, so the server's page (with its errors) shows.
 */
(function () {
  "use strict";

  var doc = document;
  var meta = doc.querySelector('meta[name="csrf-token"]');
  var token = meta ? meta.getAttribute("content") : "";

  function post(form) {
    return fetch(form.action, {
      method: "POST",
      body: new FormData(form),
      credentials: "same-origin",
      headers: { "X-CSRFToken": token, Accept: "application/json" }
    }).then(function (response) {
      if (!response.ok) throw new Error("HTTP " + response.status);
      return response.json();
    });
  }

  function fallback(form) {
    // A plain submit does not fire "submit" again, so this cannot loop.
    HTMLFormElement.prototype.submit.call(form);
  }

  function setBusy(form, busy) {
    Array.prototype.forEach.call(form.querySelectorAll("button"), function (button) {
      button.disabled = busy;
      if (busy) button.setAttribute("aria-busy", "true");
      else button.removeAttribute("aria-busy");
    });
  }

  function announce(message) {
    if (window.Rounds && window.Rounds.announce) window.Rounds.announce(message);
  }

  function onVote(form) {
    setBusy(form, true);
    post(form)
      .then(function (data) {
        var voted = Boolean(data.voted);
        var score = form.querySelector(".vote-score");
        var button = form.querySelector(".vote-btn");
        var value = form.querySelector('input[name="value"]');
        if (score) {
          score.textContent = String(data.score);
          score.setAttribute(
            "aria-label",
            data.score + " helpful vote" + (data.score === 1 ? "" : "s")
          );
        }
        if (button) {
          button.setAttribute("aria-pressed", voted ? "true" : "false");
          button.title = voted ? "Withdraw your helpful vote" : "Mark this as helpful";
        }
        if (value) value.value = voted ? "0" : "1";
        form.classList.toggle("is-voted", voted);
        setBusy(form, false);
        announce(data.message || "Saved");
      })
      .catch(function () {
        setBusy(form, false);
        fallback(form);
      });
  }

  /* Replace one post with its fresh server rendering from the current page. */
  function refreshPost(article) {
    return fetch(window.location.href, {
      credentials: "same-origin",
      headers: { Accept: "text/html" }
    })
      .then(function (response) {
        if (!response.ok) throw new Error("HTTP " + response.status);
        return response.text();
      })
      .then(function (html) {
        var page = new DOMParser().parseFromString(html, "text/html");
        var fresh = page.getElementById(article.id);
        if (!fresh) throw new Error("post not found");
        var node = doc.importNode(fresh, true);
        article.replaceWith(node);
        if (window.Rounds && window.Rounds.enhance) window.Rounds.enhance(node);
        return node;
      });
  }

  function onEndorse(form) {
    var article = form.closest("article.post");
    if (!article) return fallback(form);
    setBusy(form, true);
    post(form)
      .then(function (data) {
        return refreshPost(article).then(function () {
          announce(data.message || "Saved");
        });
      })
      .catch(function () {
        setBusy(form, false);
        fallback(form);
      });
  }

  // Capture phase: runs before rounds.js's double-submit guard sees the event.
  doc.addEventListener(
    "submit",
    function (event) {
      var form = event.target;
      if (!(form instanceof HTMLFormElement) || event.defaultPrevented) return;
      if (!window.fetch || !window.FormData) return;
      if (form.hasAttribute("data-vote")) {
        event.preventDefault();
        onVote(form);
      } else if (form.hasAttribute("data-endorse")) {
        event.preventDefault();
        onEndorse(form);
      }
    },
    true
  );
})();
