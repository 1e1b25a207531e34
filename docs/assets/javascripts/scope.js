// Material for MkDocs' storage helpers, moved out of an inline <script> so that the site's
// Content-Security-Policy can forbid inline scripts. Same code as Material's
// partials/javascripts/base.html; the scope is the site root (two folders above this file).
/* eslint-disable */
__md_scope = new URL("../../", document.currentScript.src),
__md_hash = e => [...e].reduce((e, _) => (e << 5) - e + _.charCodeAt(0), 0),
__md_get = (e, _ = localStorage, t = __md_scope) => JSON.parse(_.getItem(t.pathname + "." + e)),
__md_set = (e, _, t = localStorage, a = __md_scope) => { try { t.setItem(a.pathname + "." + e, JSON.stringify(_)) } catch (e) {} };
