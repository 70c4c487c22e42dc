#include "generator/site.h"

#include <algorithm>
#include <set>

#include "generator/permalink.h"
#include "generator/slug.h"

namespace kbgen {
namespace {

std::string StemOf(const std::string& rel_path) {
  auto slash = rel_path.rfind('/');
  std::string name = slash == std::string::npos ? rel_path : rel_path.substr(slash + 1);
  if (name.ends_with(".md")) name.resize(name.size() - 3);
  return name;
}

std::string DefaultTranslationKey(const Page& page) {
  std::string key = page.rel_path;
  if (key.ends_with(".md")) key.resize(key.size() - 3);
  return key;
}

// Fills url and output_path of one page; false (with an error) if unsafe.
bool AssignUrl(Page* page, Diagnostics* diag) {
  std::vector<std::string> segments{page->lang};
  for (auto& s : SplitPath(page->section)) segments.push_back(s);
  if (!page->is_section_index) {
    std::string last = page->meta.slug.empty() ? StemOf(page->rel_path) : page->meta.slug;
    segments.push_back(last);
  }
  for (const auto& s : segments) {
    if (!IsSafeSegment(s)) {
      diag->Error(page->file, 0,
                  "path segment '" + s + "' would leave the output folder or is not a valid "
                  "file name (from " + (page->meta.slug.empty() ? "the file path" : "'slug'") +
                  ")");
      return false;
    }
  }
  page->url = UrlOf(segments);
  page->output_path = IndexPathOf(segments);
  return true;
}

// Listing order: weighted entries first by weight (0 means unweighted),
// then by title in the listing's language, then by `tie` so the order is
// total.
bool ListedBefore(const std::string& lang, const TitleLess& title_less, int wa,
                  const std::string& ta, const std::string& tie_a, int wb,
                  const std::string& tb, const std::string& tie_b) {
  if ((wa == 0) != (wb == 0)) return wa != 0;
  if (wa != wb) return wa < wb;
  if (ta != tb) {
    if (title_less(lang, ta, tb)) return true;
    if (title_less(lang, tb, ta)) return false;
  }
  return tie_a < tie_b;
}

void SortRefs(const std::string& lang, const TitleLess& title_less, std::vector<PageRef>* refs) {
  std::stable_sort(refs->begin(), refs->end(), [&](const PageRef& a, const PageRef& b) {
    return ListedBefore(lang, title_less, a.page->meta.weight, a.page->meta.title, a.page->url,
                        b.page->meta.weight, b.page->meta.title, b.page->url);
  });
}

std::string ParentOf(const std::string& section) {
  auto slash = section.rfind('/');
  return slash == std::string::npos ? "" : section.substr(0, slash);
}

void BuildSections(Site* site, const TitleLess& title_less) {
  std::set<std::string> paths{""};
  for (const auto& p : site->pages) {
    for (std::string s = p->section; !s.empty(); s = ParentOf(s)) paths.insert(s);
  }
  for (std::string_view lang_view : kLanguages) {
    std::string lang(lang_view);
    auto& sections = site->sections[lang];
    for (const auto& path : paths) {
      Section& sec = sections[path];
      sec.lang = lang;
      sec.path = path;
      std::vector<std::string> segments{lang};
      for (auto& s : SplitPath(path)) segments.push_back(s);
      sec.url = UrlOf(segments);
      sec.output_path = IndexPathOf(segments);
      sec.title = path.empty() ? site->config.TitleFor(lang) : SplitPath(path).back();
    }
    // Every translation key appears once per language: in the language
    // itself or as the source-language fallback.
    for (const auto& [key, by_lang] : site->translations) {
      PageRef ref = site->FindOrFallback(lang, key);
      if (!ref.page) continue;
      auto it = sections.find(ref.page->section);
      if (it == sections.end()) continue;
      if (ref.page->is_section_index) {
        it->second.index = ref;
        it->second.title = ref.page->meta.title;
      } else {
        it->second.pages.push_back(ref);
      }
    }
    for (auto& [path, sec] : sections) {
      SortRefs(lang, title_less, &sec.pages);
      if (!path.empty()) sections[ParentOf(path)].subsections.push_back(path);
    }
    for (auto& [path, sec] : sections) {
      auto weight = [&](const std::string& p) {
        const Page* idx = sections[p].index.page;
        return idx ? idx->meta.weight : 0;
      };
      std::stable_sort(sec.subsections.begin(), sec.subsections.end(),
                       [&](const std::string& a, const std::string& b) {
                         return ListedBefore(lang, title_less, weight(a), sections[a].title, a,
                                             weight(b), sections[b].title, b);
                       });
    }
  }
}

void BuildTaxonomies(Site* site, const TitleLess& title_less) {
  for (std::string_view lang_view : kLanguages) {
    std::string lang(lang_view);
    for (std::string_view tax_view : kTaxonomies) {
      std::string tax_name(tax_view);
      Taxonomy& tax = site->taxonomies[lang][tax_name];
      tax.lang = lang;
      tax.name = tax_name;
      tax.url = UrlOf({lang, tax_name});
      tax.output_path = IndexPathOf({lang, tax_name});
    }
    for (const auto& [key, by_lang] : site->translations) {
      PageRef ref = site->FindOrFallback(lang, key);
      if (!ref.page || ref.page->is_section_index) continue;
      for (std::string_view tax_view : kTaxonomies) {
        Taxonomy& tax = site->taxonomies[lang][std::string(tax_view)];
        std::set<std::string> seen;  // a term listed twice on one page counts once
        for (const auto& name : ref.page->meta.Terms(tax_view)) {
          std::string slug = Slugify(name);
          if (slug.empty() || !IsSafeSegment(slug) || !seen.insert(slug).second) continue;
          TaxonomyTerm& term = tax.terms[slug];
          if (term.name.empty()) {
            term.name = name;
            term.slug = slug;
            term.url = UrlOf({lang, tax.name, slug});
            term.output_path = IndexPathOf({lang, tax.name, slug});
          }
          term.pages.push_back(ref);
        }
      }
    }
    for (auto& [name, tax] : site->taxonomies[lang]) {
      for (auto& [slug, term] : tax.terms) SortRefs(lang, title_less, &term.pages);
    }
  }
}

}  // namespace

const Page* Site::Find(const std::string& lang, const std::string& key) const {
  auto it = translations.find(key);
  if (it == translations.end()) return nullptr;
  auto jt = it->second.find(lang);
  return jt == it->second.end() ? nullptr : jt->second;
}

PageRef Site::FindOrFallback(const std::string& lang, const std::string& key) const {
  if (const Page* p = Find(lang, key)) return {p, false};
  if (const Page* p = Find(std::string(kSourceLanguage), key)) return {p, true};
  return {};
}

const std::map<std::string, const Page*>& Site::TranslationsOf(const Page& page) const {
  return translations.at(page.translation_key);
}

std::unique_ptr<Site> BuildSite(SiteConfig config, std::vector<std::unique_ptr<Page>> pages,
                                const TitleLess& title_less, Diagnostics* diag) {
  auto site = std::make_unique<Site>();
  site->config = std::move(config);
  std::erase_if(pages, [](const auto& p) { return p->meta.draft; });
  std::sort(pages.begin(), pages.end(), [](const auto& a, const auto& b) {
    return std::tie(a->lang, a->rel_path) < std::tie(b->lang, b->rel_path);
  });

  std::map<std::string, const Page*> by_output;
  for (auto& page : pages) {
    page->translation_key =
        page->meta.translation_key.empty() ? DefaultTranslationKey(*page) : page->meta.translation_key;
    if (!AssignUrl(page.get(), diag)) continue;
    auto [it, inserted] = by_output.emplace(page->output_path, page.get());
    if (!inserted) {
      diag->Error(page->file, 0, "output URL " + page->url + " is also produced by " +
                                     it->second->file);
      continue;
    }
    auto& slot = site->translations[page->translation_key][page->lang];
    if (slot) {
      diag->Error(page->file, 0, "translationKey '" + page->translation_key +
                                     "' is also used by " + slot->file + " in the same language");
      continue;
    }
    slot = page.get();
  }
  site->pages = std::move(pages);
  BuildSections(site.get(), title_less);
  BuildTaxonomies(site.get(), title_less);
  return site;
}

}  // namespace kbgen
