/* One-tap sharing of the communication kit's messages (scripts/kit/comm_kit.py,
   render_share_actions): next to each share text on /tai-lieu/<topic>/ and at the foot of each
   topic page /tuyen-truyen/<topic>/.
   The buttons are in the HTML with the `hidden` attribute: without JavaScript none shows, and
   the message stays ordinary text to select and copy. Here:
   - with the Web Share API (phones: Zalo, Messenger, SMS… in the phone's own share sheet),
     "Share" is shown;
   - without it, or when sharing fails, "Copy text" and "Copy link" are shown;
   - a group with only a copy button (the school kit's banner snippet) copies the text of the
     element named by its data-share-from;
   - every outcome is said in the group's status line (role="status"), on screen and to screen
     readers.
   Nothing is loaded from anywhere; no inline style or script (the site's CSP). */
(function () {
  "use strict";
  var groups = document.querySelectorAll(".kit-actions");
  if (!groups.length) return;

  var vi = (document.documentElement.lang || "vi").indexOf("vi") === 0;
  var T = vi ? {
    textCopied: "Đã sao chép nội dung. Hãy dán vào Zalo, Messenger hoặc tin nhắn.",
    linkCopied: "Đã sao chép liên kết. Hãy dán vào tin nhắn hoặc bài viết.",
    failed: "Chưa sao chép được. Hãy chọn đoạn văn ở trên và sao chép bằng tay.",
    shared: "Đã chia sẻ.",
    shareFailed: "Không mở được bảng chia sẻ. Hãy dùng nút sao chép."
  } : {
    textCopied: "Text copied. Paste it into Zalo, Messenger or a text message.",
    linkCopied: "Link copied. Paste it into a message or a post.",
    failed: "Could not copy. Select the text above and copy it by hand.",
    shared: "Shared.",
    shareFailed: "The share sheet did not open. Use the copy buttons."
  };

  function fallbackCopy(text) {
    var box = document.createElement("textarea");
    box.value = text;
    box.setAttribute("readonly", "");
    box.className = "visually-hidden";
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

  function canShare(data) {
    if (typeof navigator.share !== "function") return false;
    if (typeof navigator.canShare !== "function") return true;
    try { return navigator.canShare(data); } catch (e) { return false; }
  }

  Array.prototype.forEach.call(groups, function (group) {
    var source = document.getElementById(group.getAttribute("data-share-from") || "");
    var data = {
      title: group.getAttribute("data-share-title") || document.title,
      text: source ? source.textContent : group.getAttribute("data-share-text") || "",
      url: new URL(group.getAttribute("data-share-url") || "", location.href).href
    };
    var status = group.querySelector(".kit-actions__status");
    var shareButton = group.querySelector("[data-share-action=share]");
    var copyButtons = group.querySelectorAll("[data-share-action^=copy-]");
    var timer = null;

    function say(message) {
      clearTimeout(timer);
      status.textContent = "";
      // A short pause, so that the same message said twice is announced twice.
      timer = setTimeout(function () {
        status.textContent = message;
        timer = setTimeout(function () { status.textContent = ""; }, 10000);
      }, 50);
    }

    function showCopy(show) {
      Array.prototype.forEach.call(copyButtons, function (b) { b.hidden = !show; });
    }

    var sharing = !!shareButton && canShare(data);
    if (shareButton) shareButton.hidden = !sharing;
    showCopy(!sharing);
    group.hidden = false;
    var foot = group.closest(".kit-share-foot");
    if (foot) foot.hidden = false;

    group.addEventListener("click", function (event) {
      var button = event.target.closest("button[data-share-action]");
      if (!button || !group.contains(button)) return;
      var action = button.getAttribute("data-share-action");
      if (action === "share") {
        navigator.share(data).then(function () { say(T.shared); }, function (error) {
          if (error && error.name === "AbortError") return;   // the reader closed the sheet
          showCopy(true);
          say(T.shareFailed);
        });
      } else {
        var text = action === "copy-text" ? data.text : data.url;
        var done = button.getAttribute("data-share-done") ||
          (action === "copy-text" ? T.textCopied : T.linkCopied);
        copy(text).then(function (ok) { say(ok ? done : T.failed); });
      }
    });
  });
})();
