/* Quick exit ("exit this page"), after GOV.UK Frontend's Exit this page component.
   Loaded only on pages with `quick_exit: true` (overrides/main.html). The button itself is a
   plain link (overrides/partials/quick-exit.html) and works without this file; this adds:
   - the page is blanked at once, before the neutral page starts loading;
   - pressing Shift three times leaves too: each press within 5 s of the previous one, any other
     key resets the count, and the count is announced in a status (live) region;
   - coming back (Back button, back/forward cache) shows the page again, not a blank screen.
   Not the Escape key: it stops page loads and is used by assistive technology. */
(function () {
  "use strict";

  var root = document.querySelector("[data-quick-exit]");
  if (!root) return;
  var button = root.querySelector("a");
  var status = root.querySelector("[data-quick-exit-status]");
  var messages = root.dataset;
  var LIMIT_MS = 5000;

  var count = 0;
  var timer = null;
  var lastKeyWasModified = false;
  var overlay = null;
  var title = document.title;

  function say(text) {
    status.textContent = text;
  }

  function paint() {
    root.setAttribute("data-count", String(count));
  }

  function reset(announce) {
    window.clearTimeout(timer);
    timer = null;
    var wasCounting = count > 0;
    count = 0;
    paint();
    say(announce && wasCounting ? messages.msgReset : "");
  }

  function exit() {
    reset(false);
    // Blank the page first: hide everything, then cover it, then leave.
    document.documentElement.classList.add("quick-exit-active");
    overlay = document.createElement("div");
    overlay.className = "quick-exit-overlay";
    overlay.setAttribute("role", "alert");
    document.body.appendChild(overlay);
    overlay.textContent = messages.msgLoading;
    document.title = messages.msgLoading;
    window.location.href = button.href;
  }

  button.addEventListener("click", function (event) {
    // A plain click leaves in this tab; a modified click (new tab/window) is left to the browser.
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    exit();
  });

  document.addEventListener("keyup", function (event) {
    // Shift used as a modifier (Shift+A) gives a keyup for A with shiftKey set, then one for
    // Shift: that Shift does not count.
    if (event.key === "Shift" && !lastKeyWasModified) {
      count += 1;
      window.clearTimeout(timer);
      if (count >= 3) {
        exit();
      } else {
        paint();
        say(count === 1 ? messages.msgOnce : messages.msgTwice);
        timer = window.setTimeout(function () { reset(true); }, LIMIT_MS);
      }
    } else if (count > 0) {
      reset(true);
    }
    lastKeyWasModified = event.shiftKey;
  }, true);

  // Back to this page (including from the back/forward cache): undo the blanking.
  window.addEventListener("pageshow", function () {
    document.documentElement.classList.remove("quick-exit-active");
    if (overlay) {
      overlay.remove();
      overlay = null;
    }
    document.title = title;
    lastKeyWasModified = false;
    reset(false);
  });
})();
