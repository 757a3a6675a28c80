// Small behaviours of our own, kept out of the markup so the Content-Security-Policy can forbid
// inline script. Every page works without this file; it only saves clicks.
(function () {
  "use strict";

  // Ask before destructive form posts: <form data-confirm="Remove Ann from the team?">.
  document.addEventListener("submit", function (ev) {
    var msg = ev.target.getAttribute && ev.target.getAttribute("data-confirm");
    if (msg && !window.confirm(msg)) {
      ev.preventDefault();
    }
  }, true);

  // Copy buttons: <button data-copy="#invite-link">Copy</button> copies the value or text of the
  // target and says so on the button for a moment.
  document.addEventListener("click", function (ev) {
    var btn = ev.target.closest && ev.target.closest("[data-copy]");
    if (!btn) return;
    var target = document.querySelector(btn.getAttribute("data-copy"));
    if (!target || !navigator.clipboard) return;
    ev.preventDefault();
    var text = target.value !== undefined ? target.value : target.textContent;
    navigator.clipboard.writeText(text.trim()).then(function () {
      var label = btn.textContent;
      btn.textContent = "Copied";
      setTimeout(function () { btn.textContent = label; }, 1500);
    });
  });

  // Upload progress: a form with data-upload-progress="#bar" shows how much of its file has been
  // sent while htmx posts it (boosted forms); without JavaScript the form posts plainly.
  document.addEventListener("htmx:xhr:progress", function (ev) {
    var form = ev.target.closest && ev.target.closest("[data-upload-progress]");
    if (!form || !ev.detail.lengthComputable) return;
    var bar = document.querySelector(form.getAttribute("data-upload-progress"));
    if (!bar) return;
    bar.hidden = false;
    bar.value = Math.round(ev.detail.loaded / ev.detail.total * 100);
  });

  // Queue keyboard: on a table#queue, j / k move a highlight between rows (and focus the row's
  // link, so screen readers and Tab follow), Enter opens the row, x ticks its checkbox. Keys
  // typed into a field are left alone. The hint under the table shows only where this runs.
  function queueRows() {
    var table = document.getElementById("queue");
    return table ? Array.prototype.slice.call(table.tBodies[0].rows) : [];
  }
  function queueCurrent(rows) {
    for (var i = 0; i < rows.length; i++) {
      if (rows[i].classList.contains("is-current")) return i;
    }
    return -1;
  }
  function queueMark(rows, i) {
    rows.forEach(function (r, j) { r.classList.toggle("is-current", j === i); });
    var link = rows[i] && rows[i].querySelector("a.exception-link");
    if (link) link.focus();
  }
  function typing(el) {
    if (!el || !el.tagName) return false;
    var tag = el.tagName.toLowerCase();
    if (tag === "textarea" || tag === "select" || el.isContentEditable) return true;
    if (tag !== "input") return false;
    return ["checkbox", "radio", "button", "submit", "reset"].indexOf((el.type || "").toLowerCase()) < 0;
  }
  document.addEventListener("keydown", function (ev) {
    if (ev.defaultPrevented || ev.ctrlKey || ev.metaKey || ev.altKey || typing(ev.target)) return;
    var rows = queueRows();
    if (!rows.length) return;
    var i = queueCurrent(rows);
    switch (ev.key) {
    case "j":
      queueMark(rows, Math.min(i + 1, rows.length - 1));
      break;
    case "k":
      queueMark(rows, Math.max(i - 1, 0));
      break;
    case "x":
      if (i < 0) return;
      var box = rows[i].querySelector('input[type="checkbox"][name="ids"]');
      if (!box) return;
      box.checked = !box.checked;
      box.dispatchEvent(new Event("change", { bubbles: true }));
      break;
    case "Enter":
      // A focused link or button opens itself; Enter elsewhere (the page) opens the row.
      if (i < 0 || (ev.target !== document.body && ev.target !== document.documentElement)) return;
      var link = rows[i].querySelector("a.exception-link");
      if (link) window.location.assign(link.href);
      break;
    default:
      return;
    }
    ev.preventDefault();
  });
  // Tabbing or clicking into a row makes it the current one, so j / k go on from there.
  document.addEventListener("focusin", function (ev) {
    var row = ev.target.closest && ev.target.closest("#queue tbody tr");
    if (!row) return;
    queueRows().forEach(function (r) { r.classList.toggle("is-current", r === row); });
  });
  // Queue selection: the head checkbox ticks every row of the page, "all that match" (a plain
  // form field the server reads) ticks them too, and the bulk bar says how many parcels are
  // selected.
  function rowBoxes() {
    return Array.prototype.slice.call(document.querySelectorAll('#queue tbody input[type="checkbox"][name="ids"]'));
  }
  function bulkCount() {
    var out = document.getElementById("bulk-selected");
    if (!out) return;
    var badge = document.getElementById("tools-selected");
    var boxes = rowBoxes();
    var ticked = boxes.filter(function (b) { return b.checked; }).length;
    var all = document.getElementById("bulk-all");
    var n = all && all.checked ? parseInt(all.getAttribute("data-count"), 10) || 0 : ticked;
    out.hidden = false;
    out.value = n + (n === 1 ? " parcel selected" : " parcels selected");
    if (badge) badge.textContent = n ? " · " + n : "";
    var page = document.getElementById("select-page");
    if (page) {
      page.hidden = false;
      page.checked = boxes.length > 0 && ticked === boxes.length;
      page.indeterminate = ticked > 0 && ticked < boxes.length;
    }
  }
  document.addEventListener("change", function (ev) {
    var t = ev.target;
    if (!t.closest || !t.closest("#queue, #queue-bulk")) return;
    var all = document.getElementById("bulk-all");
    if (t.id === "select-page" || t.id === "bulk-all") {
      var on = t.checked;
      rowBoxes().forEach(function (b) { b.checked = on; });
      if (t.id === "select-page" && !on && all) all.checked = false;
    } else if (t.name === "ids" && !t.checked && all) {
      all.checked = false; // one parcel left out: no longer every parcel that matches
    }
    bulkCount();
  });
  document.addEventListener("DOMContentLoaded", bulkCount);
  document.addEventListener("htmx:afterSettle", bulkCount);

  // The phone's "Filter & act" button shows and hides the filter and the bulk bar.
  document.addEventListener("click", function (ev) {
    var btn = ev.target.closest && ev.target.closest("#tools-toggle, #tools-hide");
    var tools = document.getElementById("queue-tools");
    var toggle = document.getElementById("tools-toggle");
    if (!btn || !tools || !toggle) return;
    ev.preventDefault();
    var open = btn.id === "tools-toggle" && !tools.classList.contains("is-open");
    tools.classList.toggle("is-open", open);
    toggle.setAttribute("aria-expanded", open ? "true" : "false");
  });

  function showQueueKeys() {
    var hint = document.getElementById("queue-keys");
    if (hint) hint.hidden = false;
  }
  document.addEventListener("DOMContentLoaded", showQueueKeys);
  document.addEventListener("htmx:afterSettle", showQueueKeys);

  // Exception page keyboard: r resolves the parcel and opens the next (with the resolution chosen,
  // else it focuses the choice; Enter there then resolves), s snoozes it to the date shown and
  // opens the next, n skips to the next. Keys typed into a field are left alone.
  function clickIf(id) {
    var el = document.getElementById(id);
    if (el) el.click();
    return !!el;
  }
  document.addEventListener("keydown", function (ev) {
    if (ev.defaultPrevented || ev.ctrlKey || ev.metaKey || ev.altKey || !document.getElementById("work-next")) return;
    var choice = document.getElementById("next-resolution");
    if (ev.key === "Enter" && ev.target === choice) {
      if (choice.value) {
        ev.preventDefault();
        clickIf("next-resolve");
      }
      return;
    }
    if (typing(ev.target)) return;
    var done = false;
    switch (ev.key) {
    case "r":
      if (choice && !choice.value) {
        focusOnKeyUp = choice; // once the key is up, or its letter would pick a resolution
        done = true;
      } else {
        done = clickIf("next-resolve");
      }
      break;
    case "s":
      done = clickIf("next-snooze");
      break;
    case "n":
      done = clickIf("next-skip");
      break;
    }
    if (done) ev.preventDefault();
  });
  var focusOnKeyUp = null;
  document.addEventListener("keyup", function () {
    if (focusOnKeyUp) focusOnKeyUp.focus();
    focusOnKeyUp = null;
  });
  function showWorkKeys() {
    var hint = document.getElementById("work-keys");
    if (hint) hint.hidden = false;
  }
  document.addEventListener("DOMContentLoaded", showWorkKeys);
  document.addEventListener("htmx:afterSettle", showWorkKeys);

  // Print buttons: <button data-print> prints the page (the evidence pack).
  document.addEventListener("click", function (ev) {
    var btn = ev.target.closest && ev.target.closest("[data-print]");
    if (!btn) return;
    ev.preventDefault();
    window.print();
  });

  // Dispute deadlines: choosing a counterparty (<select data-deadline-for="respond_by"
  // data-opened="opened_at">, options with data-days) prefills the respond-by date with its usual
  // deadline from the opened date, until the seller types a date of their own. A chargeback's
  // date is the processor's (data-days="0"), so it is cleared for the seller to type. Without
  // JavaScript an empty date takes the same default on the server.
  function prefillDeadline(select) {
    var due = document.getElementById(select.getAttribute("data-deadline-for"));
    var opened = document.getElementById(select.getAttribute("data-opened"));
    var opt = select.options[select.selectedIndex];
    if (!due || !opened || !opt) return;
    var help = document.getElementById("respond-by-help");
    if (help && opt.title) help.textContent = "Empty: the counterparty's usual deadline. " + opt.title;
    if (due.getAttribute("data-typed")) return;
    var days = parseInt(opt.getAttribute("data-days"), 10) || 0;
    var start = opened.value ? new Date(opened.value + "T00:00:00Z") : null;
    if (!days || !start || isNaN(start)) {
      due.value = "";
      return;
    }
    start.setUTCDate(start.getUTCDate() + days);
    due.value = start.toISOString().slice(0, 10);
  }
  document.addEventListener("change", function (ev) {
    var t = ev.target;
    if (t.matches && t.matches("select[data-deadline-for]")) prefillDeadline(t);
    if (t.matches && t.matches("input#opened_at")) {
      var sel = t.form && t.form.querySelector("select[data-deadline-for]");
      if (sel) prefillDeadline(sel);
    }
  });
  document.addEventListener("input", function (ev) {
    if (ev.target.id === "respond_by") ev.target.setAttribute("data-typed", "1");
  });

  // Reveal copy buttons only where the clipboard API exists (they are hidden by default).
  if (navigator.clipboard) {
    document.documentElement.classList.add("can-copy");
  }
})();
