#include "search/document_maker.h"

#include <algorithm>

#include "search/schema.h"

namespace kbgen::search {
namespace {

bool IsYear(const std::string& date) {
  if (date.size() < 4) return false;
  for (int i = 0; i < 4; ++i) {
    if (date[i] < '0' || date[i] > '9') return false;
  }
  return true;
}

}  // namespace

DocumentMaker::DocumentMaker(Analyzer* analyzer, const SynonymSet* synonyms, FacetTable* facets)
    : analyzer_(analyzer),
      synonyms_(synonyms),
      facets_(facets),
      han_(analyzer->spec().lang == "zh") {}

void DocumentMaker::IndexField(const std::string& text, Xapian::termcount wdf, bool title,
                               Xapian::termpos* pos, Xapian::Document* doc, StoredText* stored) {
  tokens_.clear();
  analyzer_->Tokenize(text, &tokens_);
  const Xapian::termpos first = *pos;
  if (stored != nullptr) {
    stored->text = text;
    stored->first_position = first;
    stored->spans.reserve(tokens_.size());
  }
  keys_.clear();
  std::string prev_char;    // the last Han character of the previous token
  std::uint32_t prev_end = 0;
  for (std::size_t i = 0; i < tokens_.size(); ++i) {
    const std::string& term = tokens_[i].term;
    const Xapian::termpos p = first + static_cast<Xapian::termpos>(i);
    doc->add_posting(term, p, wdf);
    const std::string& stem = analyzer_->Stem(term);
    if (!stem.empty()) {
      // No positions for stems (they would double the position table):
      // snippets find a stem's words through the stem table instead.
      stem_wdf_[stem] += wdf;
      auto [it, first_time] = words_.try_emplace(term, 0);
      ++it->second;
      if (first_time) stem_words_[stem].push_back(term);
    }
    if (title) {
      doc->add_posting(std::string(kPrefixTitle) + term, p);
      if (!stem.empty()) ++title_stem_wdf_[stem];
    }
    if (han_) {
      std::vector<std::string> chars = HanCharacters(term);
      const bool single = chars.empty() && IsHanCharacter(term);
      // Pairs run across word boundaries: the reader's segmentation may
      // differ from the page's.
      if (single) chars.push_back(term);
      if (!chars.empty() && !prev_char.empty() && prev_end == tokens_[i].begin) {
        pair_wdf_[std::string(kPrefixCharPair) + prev_char + chars.front()] += wdf;
      }
      for (std::size_t c = 0; c + 1 < chars.size(); ++c) {
        pair_wdf_[std::string(kPrefixCharPair) + chars[c] + chars[c + 1]] += wdf;
      }
      prev_char = chars.empty() ? std::string() : chars.back();
      prev_end = tokens_[i].end;
      if (!single) {
        for (auto& c : chars) han_wdf_[std::move(c)] += wdf;
      }
    }
    if (stored != nullptr) stored->spans.push_back({tokens_[i].begin, tokens_[i].end});
    // Remember how a folded word is written, where the word is one term.
    const Token& t = tokens_[i];
    if (!stem.empty() && (i == 0 || tokens_[i - 1].begin != t.begin) &&
        (i + 1 == tokens_.size() || tokens_[i + 1].begin != t.begin)) {
      std::string_view raw = std::string_view(text).substr(t.begin, t.end - t.begin);
      if (std::any_of(raw.begin(), raw.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; })) {
        const std::string& display = analyzer_->DisplayForm(raw);
        if (display != term) ++display_forms_[term][display];
      }
    }
    if (!synonyms_->empty()) keys_.push_back(stem.empty() ? term : stem);
  }
  if (!synonyms_->empty()) {
    synonyms_->Match(keys_, [&](const std::string& group, std::size_t at, std::size_t n) {
      for (std::size_t j = 0; j < n; ++j) {
        doc->add_posting(group, first + static_cast<Xapian::termpos>(at + j), j == 0 ? wdf : 0);
      }
    });
  }
  *pos = first + static_cast<Xapian::termpos>(tokens_.size()) + kFieldGap;
}

Xapian::Document DocumentMaker::Make(const PageRecord& record) {
  Xapian::Document doc;
  StoredPage stored;
  stored.url = record.url;
  stored.title = record.title;
  stored.lang = record.lang;
  stored.section = record.section;
  stored.section_title = record.section_title;
  stored.date = record.date;

  Xapian::termpos pos = 1;
  IndexField(record.title, kTitleWdf, true, &pos, &doc, nullptr);
  for (const auto& h : record.headings) IndexField(h, kHeadingWdf, false, &pos, &doc, nullptr);
  // Taxonomy values: a reader typing a tag's name finds its pages.
  for (const auto* list : {&record.tags, &record.region, &record.country, &record.types,
                           &record.term_names}) {
    for (const auto& v : *list) IndexField(v, kTaxonomyWdf, false, &pos, &doc, nullptr);
  }
  IndexField(record.summary, kSummaryWdf, false, &pos, &doc, &stored.summary);
  IndexField(record.body, kBodyWdf, false, &pos, &doc, &stored.body);
  // Terms without positions go in once per page with their total wdf:
  // cheaper than one Document::add_term per occurrence.
  for (const auto& [stem, wdf] : stem_wdf_) doc.add_term(std::string(kPrefixStem) + stem, wdf);
  for (const auto& [stem, wdf] : title_stem_wdf_) {
    doc.add_term(std::string(kPrefixStem) + std::string(kPrefixTitle) + stem, wdf);
  }
  for (const auto& [c, wdf] : han_wdf_) doc.add_term(c, wdf);
  for (const auto& [pair, wdf] : pair_wdf_) doc.add_term(pair, wdf);
  pair_wdf_.clear();
  stem_wdf_.clear();
  title_stem_wdf_.clear();
  han_wdf_.clear();

  doc.add_boolean_term(BoundedTerm(kPrefixId, record.url));
  doc.add_boolean_term(std::string(kPrefixLang) + record.lang);
  std::vector<std::uint32_t> facet_ids;
  auto add_facet = [&](std::string_view name, const std::string& value) {
    if (NormalizeFacetValue(value).empty()) return;
    int facet = FindFacet(name);
    doc.add_boolean_term(FacetTerm(facet, value));
    facet_ids.push_back(facets_->Add(facet, value));
  };
  add_facet("section", record.section);
  for (const auto& v : record.types) add_facet("type", v);
  for (const auto& v : record.region) add_facet("region", v);
  for (const auto& v : record.country) add_facet("country", v);
  if (IsYear(record.date)) {
    add_facet("year", record.date.substr(0, 4));
    std::string sortable;
    for (char c : record.date) {
      if (c >= '0' && c <= '9') sortable += c;
    }
    doc.add_value(kSlotDate, sortable);
  }
  for (const auto& v : record.tags) add_facet("tags", v);
  std::sort(facet_ids.begin(), facet_ids.end());  // a value listed twice counts once
  facet_ids.erase(std::unique(facet_ids.begin(), facet_ids.end()), facet_ids.end());
  doc.add_value(kSlotFacets, EncodeFacetIds(facet_ids));
  doc.add_value(kSlotFields, EncodePageFields(stored));
  doc.add_value(kSlotText, EncodePageTexts(stored));
  return doc;
}

}  // namespace kbgen::search
