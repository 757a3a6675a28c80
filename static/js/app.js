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

  // Reveal copy buttons only where the clipboard API exists (they are hidden by default).
  if (navigator.clipboard) {
    document.documentElement.classList.add("can-copy");
  }
})();
