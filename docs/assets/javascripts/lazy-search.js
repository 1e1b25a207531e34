/* Load the search index only when the reader opens search.
   Material downloads search/search_index.json — the text of every page in both languages —
   on every page load. That file grows with the site and would soon be the largest part of a
   first visit on a cheap phone, for a feature most readers never open. This script holds
   that one request back until the search box is opened (or focused, or a key shortcut
   focuses it), then lets it go. Loaded before Material's bundle (overrides/main.html).
   After following a search result (?h=…), the index is needed at once for highlighting.
   Without JavaScript there is no search at all, so nothing else changes. */
(function () {
  "use strict";
  var INDEX = /\/search\/search_index\.json$/;
  var proto = XMLHttpRequest.prototype;
  var open = proto.open;
  var send = proto.send;
  var held = [];
  var released = /[?&]h=/.test(location.search);

  function release() {
    released = true;
    held.splice(0).forEach(function (job) { send.apply(job[0], job[1]); });
  }

  proto.open = function (method, url) {
    this.__searchIndex = INDEX.test(String(url).split(/[?#]/)[0]);
    return open.apply(this, arguments);
  };
  proto.send = function () {
    if (released || !this.__searchIndex) return send.apply(this, arguments);
    held.push([this, arguments]);
  };

  var toggle = document.getElementById("__search");
  var input = document.querySelector("[data-md-component=search-query]");
  if (toggle) toggle.addEventListener("change", function () { if (toggle.checked) release(); });
  if (input) input.addEventListener("focus", release);
})();
