"""The engines that build the site: MkDocs 1.6 and ProperDocs (its maintained fork) must give the
same site (compare_builds); the way off an engine or theme that stops (DEPLOY.md) and the
Zensical exit audit (ZENSICAL.md)."""
