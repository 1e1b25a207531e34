/* "Nothing found is still an answer" (scripts/search/help_panel.py, scripts/search/SEARCH.md).
 * Shows the panel the build wrote under Material's search results when a search finds nothing,
 * or when even the first result misses more than half of the words typed (Material lists them as
 * "Missing"); hides it otherwise. The text, the 111 link and the link to /bao-tin/ are in the
 * page already: this script only toggles `hidden`. */
(function () {
  "use strict"
  var panel = document.querySelector("[data-md-component=search-help]")
  var input = document.querySelector("[data-md-component=search-query]")
  var result = document.querySelector("[data-md-component=search-result]")
  if (!panel || !input || !result)
    return
  var list = result.querySelector(".md-search-result__list")
  var none = panel.querySelector(".search-help__none")
  var weak = panel.querySelector(".search-help__weak")
  var ready = false

  function words(text) {
    var seen = {}
    return text.trim().toLowerCase().split(/\s+/).filter(function (w) {
      return w.length > 0 && !seen[w] && (seen[w] = true)
    })
  }

  function update() {
    var query = words(input.value)
    var items = list.querySelectorAll(".md-search-result__item")
    var state = ""
    if (ready && query.length) {
      if (!items.length) {
        state = "none"
      } else {
        var missing = items[0].querySelectorAll(".md-search-result__terms del").length
        if (query.length > 1 && missing * 2 > query.length)
          state = "weak"
      }
    }
    panel.hidden = !state
    none.hidden = state !== "none"
    weak.hidden = state !== "weak"
  }

  /* Material writes "Initializing search" until its worker is ready, then a count. */
  var meta = result.querySelector(".md-search-result__meta")
  new MutationObserver(function () {
    ready = ready || list.children.length > 0 || (meta && meta.textContent.trim() !== meta.dataset.searchHelpStart)
    update()
  }).observe(result, { childList: true, subtree: true, characterData: true })
  if (meta)
    meta.dataset.searchHelpStart = meta.textContent.trim()
  input.addEventListener("input", update)
})()
