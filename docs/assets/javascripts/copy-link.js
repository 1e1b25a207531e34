/* "Link to this question" on the FAQ pages (made by scripts/faq/questions.py).
   Without JavaScript each control is a plain permalink (href="#question-id").
   With it, a click copies the question's full address to the clipboard and says so, on screen
   and to screen readers (role="status"). Ctrl/Cmd/Shift-click and "copy link address" still
   work as for any link. Nothing is loaded from anywhere. */
(function () {
  "use strict";
  var links = document.querySelectorAll("a[data-copy-link]");
  if (!links.length) return;

  var vi = (document.documentElement.lang || "vi").indexOf("vi") === 0;
  var T = vi ? {
    label: "Sao chép liên kết tới câu hỏi này",
    copied: "Đã sao chép liên kết. Bạn có thể dán vào tin nhắn hoặc bài viết.",
    failed: "Chưa sao chép được. Địa chỉ của câu hỏi đang ở thanh địa chỉ: hãy sao chép từ đó."
  } : {
    label: "Copy the link to this question",
    copied: "Link copied. You can paste it into a message or a post.",
    failed: "Could not copy. The question's address is in the address bar: copy it from there."
  };

  function fallbackCopy(text) {
    var box = document.createElement("textarea");
    box.value = text;
    box.setAttribute("readonly", "");
    box.style.position = "fixed";
    box.style.opacity = "0";
    document.body.appendChild(box);
    box.select();
    var ok = false;
    try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
    document.body.removeChild(box);
    return ok;
  }

  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).then(function () { return true; },
        function () { return fallbackCopy(text); });
    }
    return Promise.resolve(fallbackCopy(text));
  }

  Array.prototype.forEach.call(links, function (link) {
    var label = link.querySelector(".faq-link__label");
    if (label) label.textContent = T.label;
    // The live region exists before it is filled, so that screen readers announce the change.
    var status = document.createElement("span");
    status.className = "faq-link__status";
    status.setAttribute("role", "status");
    link.parentNode.appendChild(status);
    var timer = null;

    link.addEventListener("click", function (event) {
      if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) {
        return;
      }
      event.preventDefault();
      var url = location.origin + location.pathname + link.hash;
      if (history.replaceState) history.replaceState(null, "", link.hash);
      copy(url).then(function (ok) {
        status.textContent = "";
        clearTimeout(timer);
        // A short pause, so that the same message said twice is announced twice.
        setTimeout(function () { status.textContent = ok ? T.copied : T.failed; }, 50);
        timer = setTimeout(function () { status.textContent = ""; }, 8000);
      });
    });
  });
})();
