/*
 * Rounds — progressive enhancement. The site works fully without this file.
 * Loaded with <script defer>; no inline handlers, no globals except
 * window.Rounds (small helpers other scripts may reuse).
 *
 *   form[data-confirm="…"]            confirm() before submitting
 *   button[data-confirm="…"]          confirm() before this submit button / click
 *   textarea                          grows with its content (unless data-autogrow="false")
 *   textarea: Ctrl/⌘ + Enter          submits its form
 *   [data-copy-link="#post-12"]       copies an absolute link to the clipboard
 *   [data-copy="text"]                copies the given text
 *   [data-js-only]                    elements shown only when JS runs (start with `hidden`)
 *   form[data-once] / .form[method=post]  disables submit buttons after submit
 *   .flash                            gets a dismiss button
 *   time[datetime]                    title shows the reader's local time
 *   details.mobile-menu               closes on Escape / outside click
 */
(function () {
  "use strict";

  var doc = document;
  doc.documentElement.classList.add("js");

  function $all(selector, root) {
    return Array.prototype.slice.call((root || doc).querySelectorAll(selector));
  }

  /* ---- confirm() ------------------------------------------------------- */
  doc.addEventListener(
    "submit",
    function (event) {
      var form = event.target;
      if (!(form instanceof HTMLFormElement)) return;
      var submitter = event.submitter;
      var message =
        (submitter && submitter.getAttribute("data-confirm")) ||
        form.getAttribute("data-confirm");
      if (message && !window.confirm(message)) {
        event.preventDefault();
        event.stopImmediatePropagation();
      }
    },
    true
  );

  doc.addEventListener("click", function (event) {
    var el = event.target.closest("a[data-confirm], button[type='button'][data-confirm]");
    if (!el) return;
    if (!window.confirm(el.getAttribute("data-confirm"))) {
      event.preventDefault();
    }
  });

  /* ---- prevent double submits ----------------------------------------- */
  doc.addEventListener("submit", function (event) {
    var form = event.target;
    if (event.defaultPrevented || !(form instanceof HTMLFormElement)) return;
    var method = (form.getAttribute("method") || "get").toLowerCase();
    if (!form.hasAttribute("data-once") && !(form.classList.contains("form") && method === "post")) return;
    var buttons = $all("button[type='submit'], button:not([type]), input[type='submit']", form);
    // Disable after the browser has collected the form data (keeps the submitter's name/value).
    window.setTimeout(function () {
      buttons.forEach(function (b) {
        b.disabled = true;
        b.setAttribute("aria-busy", "true");
      });
    }, 0);
  });

  // Re-enable when the page comes back from the back/forward cache.
  window.addEventListener("pageshow", function (event) {
    if (!event.persisted) return;
    $all("[aria-busy='true']").forEach(function (b) {
      b.disabled = false;
      b.removeAttribute("aria-busy");
    });
  });

  /* ---- textareas: auto-grow + Ctrl/⌘+Enter ---------------------------- */
  var nativeSizing = window.CSS && CSS.supports && CSS.supports("field-sizing", "content");

  function grow(textarea) {
    if (nativeSizing || textarea.getAttribute("data-autogrow") === "false") return;
    var max = window.innerHeight * 0.7;
    textarea.style.height = "auto";
    var next = Math.min(textarea.scrollHeight + 2, max);
    if (next > textarea.clientHeight) textarea.style.height = next + "px";
    else textarea.style.height = "";
  }

  function initTextareas(root) {
    $all("textarea", root).forEach(grow);
  }

  doc.addEventListener("input", function (event) {
    if (event.target instanceof HTMLTextAreaElement) grow(event.target);
  });

  doc.addEventListener("keydown", function (event) {
    var t = event.target;
    if (!(t instanceof HTMLTextAreaElement) || event.key !== "Enter") return;
    if (!(event.ctrlKey || event.metaKey) || !t.form) return;
    event.preventDefault();
    if (typeof t.form.requestSubmit === "function") t.form.requestSubmit();
    else t.form.submit();
  });

  /* ---- copy link / copy text ------------------------------------------ */
  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    return new Promise(function (resolve, reject) {
      var area = doc.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.className = "visually-hidden";
      doc.body.appendChild(area);
      area.select();
      try {
        doc.execCommand("copy") ? resolve() : reject(new Error("copy failed"));
      } catch (err) {
        reject(err);
      } finally {
        doc.body.removeChild(area);
      }
    });
  }

  doc.addEventListener("click", function (event) {
    var el = event.target.closest("[data-copy-link], [data-copy]");
    if (!el) return;
    event.preventDefault();
    var text;
    if (el.hasAttribute("data-copy")) {
      text = el.getAttribute("data-copy");
    } else {
      var target = el.getAttribute("data-copy-link") || el.getAttribute("href") || "";
      text = new URL(target, window.location.href).href;
    }
    var label = el.querySelector(".copy-label") || el;
    var original = el.getAttribute("data-label") || label.textContent;
    el.setAttribute("data-label", original);
    copyText(text).then(
      function () {
        label.textContent = el.hasAttribute("data-copy") ? "Copied" : "Link copied";
        announce("Copied to clipboard");
      },
      function () {
        label.textContent = "Copy failed";
      }
    ).then(function () {
      window.setTimeout(function () {
        label.textContent = original;
      }, 2000);
    });
  });

  /* ---- polite live region for small announcements ---------------------- */
  var live;
  function announce(message) {
    if (!live) {
      live = doc.createElement("div");
      live.className = "visually-hidden";
      live.setAttribute("role", "status");
      live.setAttribute("aria-live", "polite");
      doc.body.appendChild(live);
    }
    live.textContent = "";
    window.setTimeout(function () {
      live.textContent = message;
    }, 50);
  }

  /* ---- flash dismiss buttons ------------------------------------------ */
  function initFlashes(root) {
    $all(".flash", root).forEach(function (flash) {
      if (flash.querySelector(".flash-close")) return;
      var btn = doc.createElement("button");
      btn.type = "button";
      btn.className = "flash-close";
      btn.setAttribute("aria-label", "Dismiss message");
      btn.innerHTML =
        '<svg class="icon" viewBox="0 0 24 24" width="16" height="16" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" aria-hidden="true" focusable="false"><path d="M18 6 6 18M6 6l12 12"/></svg>';
      btn.addEventListener("click", function () {
        var container = flash.parentElement;
        flash.remove();
        if (container && container.classList.contains("flashes") && !container.children.length) {
          container.remove();
        }
      });
      flash.appendChild(btn);
    });
  }

  /* ---- <time>: local time in the tooltip -------------------------------- */
  var timeFormat;
  try {
    timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });
  } catch (err) {
    timeFormat = null;
  }

  function initTimes(root) {
    if (!timeFormat) return;
    $all("time[datetime]", root).forEach(function (el) {
      var value = el.getAttribute("datetime");
      if (!/T\d/.test(value)) return; // date only
      // Naive ISO timestamps from the server are UTC.
      if (!/(Z|[+-]\d\d:?\d\d)$/.test(value)) value += "Z";
      var date = new Date(value);
      if (isNaN(date.getTime())) return;
      el.title = timeFormat.format(date);
    });
  }

  /* ---- mobile menu ------------------------------------------------------ */
  doc.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    $all("details.mobile-menu[open]").forEach(function (d) {
      d.open = false;
      var summary = d.querySelector("summary");
      if (summary) summary.focus();
    });
  });

  doc.addEventListener("click", function (event) {
    $all("details.mobile-menu[open]").forEach(function (d) {
      if (!d.contains(event.target)) d.open = false;
    });
  });

  /* ---- JS-only controls ------------------------------------------------- */
  function initJsOnly(root) {
    $all("[data-js-only]", root).forEach(function (el) {
      el.hidden = false;
    });
  }

  /* ---- init ---------------------------------------------------------------- */
  function enhance(root) {
    initTextareas(root);
    initFlashes(root);
    initTimes(root);
    initJsOnly(root);
  }

  enhance(doc);

  // For scripts that insert server-rendered HTML (e.g. realtime replies).
  window.Rounds = Object.freeze({
    enhance: enhance,
    announce: announce,
    copyText: copyText
  });
})();
