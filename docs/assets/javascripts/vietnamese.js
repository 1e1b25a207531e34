/* Vietnamese diacritics folding for search: "Bảo vệ trẻ em" -> "Bao ve tre em", "đ" -> "d".
 *
 * The browser twin of scripts/vietnamese/text.py:fold (see scripts/search/SEARCH.md). Loaded in two places:
 *  - the search worker (by lunr.fold.min.js), which folds index tokens and query terms;
 *  - every page (mkdocs.yml extra_javascript), where it highlights words that match the
 *    search terms of a result link (?h=…) only once folded ("xam hai" -> "xâm hại"), which
 *    Material's own highlighter, comparing exact text, leaves out.
 * tests/search/test_search_js.py checks that it folds every Vietnamese vowel with every tone, đ/Đ,
 * upper case and NFD input exactly as the Python fold does.
 */
(function (root) {
  "use strict"

  var ASCII = /^[\x00-\x7f]*$/
  var MARKS = /\p{Mn}/gu                    /* combining marks, once the text is decomposed */

  /* Text without diacritics, case kept. Accepts NFC or NFD input; returns NFC. */
  function fold(text) {
    if (ASCII.test(text))
      return text
    return text
      .replace(/đ/g, "d").replace(/Đ/g, "D")  /* no Unicode decomposition: map by hand */
      .normalize("NFD")
      .replace(MARKS, "")
      .normalize("NFC")
  }

  root.vietnamese = { fold: fold }
  if (typeof document === "undefined")
    return                                  /* the search worker needs fold() only */

  /* ------------------------------------------------------------------------------------ */

  var WORD = "\\p{L}\\p{N}"

  function escapeRegExp(value) {
    return value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
  }

  /* Wrap in <mark data-md-highlight> the words of `content` that begin with a search term once
   * both are folded, leaving exact matches to Material (it highlights those itself). */
  function highlightFolded(content, query) {
    var typed = query.normalize("NFC").toLowerCase().split(/\s+/).filter(Boolean)
    var terms = typed.map(fold).filter(function (term, i, all) {
      return all.indexOf(term) === i
    })
    if (!terms.length)
      return 0
    var pattern = new RegExp(
      "(^|[^" + WORD + "])(" + terms.map(escapeRegExp).join("|") + ")", "gu")

    var found = []
    var walker = document.createTreeWalker(content, NodeFilter.SHOW_TEXT)
    for (var node = walker.nextNode(); node; node = walker.nextNode()) {
      var parent = node.parentElement
      if (!parent || parent.closest("mark, script, style") || !parent.offsetHeight)
        continue
      var text = node.data
      var folded = fold(text).toLowerCase()
      if (folded.length !== text.length)
        continue                            /* offsets would not line up: leave the node */
      var ranges = []
      pattern.lastIndex = 0
      for (var m = pattern.exec(folded); m; m = pattern.exec(folded)) {
        var start = m.index + m[1].length
        var end = start + m[2].length
        if (typed.indexOf(text.slice(start, end).toLowerCase()) < 0)
          ranges.push([start, end])
      }
      if (ranges.length)
        found.push([node, ranges])
    }

    found.forEach(function (item) {
      var node = item[0], text = node.data, cursor = 0
      var parts = document.createDocumentFragment()
      item[1].forEach(function (range) {
        parts.appendChild(document.createTextNode(text.slice(cursor, range[0])))
        var mark = document.createElement("mark")
        mark.setAttribute("data-md-highlight", "")
        mark.textContent = text.slice(range[0], range[1])
        parts.appendChild(mark)
        cursor = range[1]
      })
      parts.appendChild(document.createTextNode(text.slice(cursor)))
      node.parentNode.replaceChild(parts, node)
    })
    return found.length
  }

  root.vietnamese.highlightFolded = highlightFolded

  var config = document.getElementById("__config")
  var content = document.querySelector("[data-md-component=content]")
  var query = new URL(location.href).searchParams.get("h")
  if (config && content && query &&
      JSON.parse(config.textContent).features.indexOf("search.highlight") >= 0)
    highlightFolded(content, query)
})(typeof self !== "undefined" ? self : this)
