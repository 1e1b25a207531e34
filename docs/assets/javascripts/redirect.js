// Redirect stubs (scripts/links/redirects.py): follow the link now, keeping the #fragment the reader
// came with, so a moved FAQ question still opens at its question. Without JavaScript the
// <meta http-equiv="refresh"> in the stub does the redirect.
(function () {
  var link = document.getElementById("redirect-target");
  if (!link) return;
  var url = new URL(link.getAttribute("href"), window.location.href);
  if (window.location.hash && !url.hash) url.hash = window.location.hash;
  window.location.replace(url.href);
})();
