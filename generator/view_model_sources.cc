// The view model of a page's sources: the `sources:` list of its front
// matter, resolved against the sources of the site config (kbgen.yml).
//
//   page.sources[] {line_html parts[] {part_html} has_parts}  page.has_sources
//
// Each entry of the front matter list is a source id, optionally followed
// by a part of it: `- report 3.1.3`. A source named twice is listed once,
// with both parts. `line_html` is the source's title linked to its URL
// (hreflang of the source's language), followed by "in English"
// (sources.in_english) when the source is in English and the page is not;
// `part_html` is message sources.part with the part's number and title.
#include <algorithm>
#include <string>
#include <vector>

#include "generator/html_escape.h"
#include "generator/view_model.h"

namespace kbgen {
namespace {

// The text of `by_lang` in `lang`, else in English; `used` gets the language.
const std::string* InLanguage(const std::map<std::string, std::string>& by_lang,
                              const std::string& lang, std::string* used) {
  for (const std::string& l : {lang, std::string(kSourceLanguage)}) {
    auto it = by_lang.find(l);
    if (it != by_lang.end() && !it->second.empty()) {
      *used = l;
      return &it->second;
    }
  }
  return nullptr;
}

// ` lang=".." dir=".."` when text in `text_lang` stands in a page in `lang`.
std::string LangAttributes(const std::string& text_lang, const std::string& lang) {
  if (text_lang == lang) return "";
  return " lang=\"" + text_lang + "\" dir=\"" + (IsRightToLeft(text_lang) ? "rtl" : "ltr") + "\"";
}

std::string Known(const std::map<std::string, SourceDef>& sources) {
  std::string out;
  for (const auto& [id, def] : sources) out += (out.empty() ? "" : ", ") + id;
  return out.empty() ? "none" : out;
}

}  // namespace

Data ViewModel::Sources(const Page& page, const std::string& lang, Diagnostics* diag) const {
  Diagnostics ignored;  // errors are reported once, for the page in its own language
  if (!diag) diag = &ignored;
  auto it = page.meta.params.find("sources");
  if (it == page.meta.params.end()) return NewList(0);
  if (!it->is_array()) {
    diag->Error(page.file, 0, "'sources' must be a list of source ids (see 'sources' in kbgen.yml)");
    return NewList(0);
  }
  // Each source once, where the list first names it, with every part named.
  const auto& defs = site_.config.sources;
  std::vector<std::pair<const std::string*, std::vector<std::string>>> cited;
  for (const auto& item : *it) {
    if (!item.is_string()) {
      diag->Error(page.file, 0, "'sources' entries must be text: a source id, then optionally a part");
      continue;
    }
    std::string entry = item.get<std::string>();
    std::string id = entry.substr(0, entry.find(' '));
    std::string part = id.size() < entry.size() ? entry.substr(id.size() + 1) : "";
    auto def = defs.find(id);
    if (def == defs.end()) {
      diag->Error(page.file, 0, "unknown source '" + id + "' in 'sources' (the site config has: " +
                                    Known(defs) + ")");
      continue;
    }
    if (!part.empty() && !def->second.parts.count(part)) {
      diag->Error(page.file, 0, "source '" + id + "' has no part '" + part + "' (see 'sources." +
                                    id + ".parts' in the site config)");
      continue;
    }
    auto at = std::find_if(cited.begin(), cited.end(),
                           [&](const auto& c) { return *c.first == def->first; });
    if (at == cited.end()) at = cited.insert(cited.end(), {&def->first, {}});
    if (!part.empty()) at->second.push_back(part);
  }

  Data list = NewList(cited.size());
  for (const auto& [id, parts] : cited) {
    const SourceDef& def = defs.at(*id);
    std::string title_lang;
    const std::string* title = InLanguage(def.title, lang, &title_lang);
    if (!title) continue;  // the config requires an English title
    std::string html = "<a href=\"" + EscapeHtml(def.url) + "\" hreflang=\"" + EscapeHtml(def.lang) +
                       "\"" + LangAttributes(title_lang, lang) + ">" + EscapeHtml(*title) + "</a>";
    if (def.lang == kSourceLanguage && lang != kSourceLanguage) {
      html += " <span class=\"sources__lang\">(" + EscapeHtml(Text(lang, "sources.in_english")) +
              ")</span>";
    }
    Data part_list = NewList(parts.size());
    for (const std::string& number : parts) {
      std::string part_lang;
      const std::string* part_title = InLanguage(def.parts.at(number), lang, &part_lang);
      if (!part_title) continue;
      Data p;
      std::string attributes = LangAttributes(part_lang, lang);
      std::string title_html = EscapeHtml(*part_title);
      if (!attributes.empty()) title_html = "<span" + attributes + ">" + title_html + "</span>";
      p["part_html"] = TextHtml(lang, "sources.part", "title", title_html, {{"number", number}});
      Append(&part_list, std::move(p));
    }
    Data s;
    s["line_html"] = html;
    s["has_parts"] = !part_list.is_empty_list();
    s["parts"] = std::move(part_list);
    Append(&list, std::move(s));
  }
  return list;
}

}  // namespace kbgen
