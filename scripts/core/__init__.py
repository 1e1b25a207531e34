"""The shared core: what every feature uses and no feature owns. It imports no feature.

- build_lang: which language a hook is building (static-i18n builds one pass per language);
- located_yaml: YAML data with the line of every key and item, for errors that name a line;
- data_text: the texts of the data files that become pages, with the line of every character;
- checkkit: what a problem is (file, line, message in Vietnamese and English) and how checks print it;
- front_matter: a page's YAML front matter and the line its body starts on;
- sitepages: reading a built site (pages, languages, ids, links);
- git_dates: when each source file last changed;
- escaping: text from data or front matter made safe where it enters HTML or Markdown.
"""
