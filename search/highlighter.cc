#include "search/highlighter.h"

#include <algorithm>
#include <map>
#include <set>

#include "search/query.h"
#include "search/schema.h"

namespace kbgen::search {

const std::vector<std::string>& StemTable::Words(const std::string& stem) {
  auto it = cache_.find(stem);
  if (it != cache_.end()) return it->second;
  if (cache_.size() >= 100000) cache_.clear();  // bound the cache; start afresh
  std::vector<std::string> words;
  const std::string list = db_.get_metadata(StemTableKey(stem));
  for (std::size_t b = 0; b < list.size();) {
    std::size_t e = std::min(list.find(' ', b), list.size());
    words.push_back(list.substr(b, e - b));
    b = e + 1;
  }
  return cache_.emplace(stem, std::move(words)).first->second;
}

Highlighter::Highlighter(const Xapian::Database& db, Analyzer* analyzer, StemTable* stems,
                         const Xapian::Query& query,
                         const std::vector<std::string>& wildcard_prefixes)
    : db_(db),
      snippet_chars_(analyzer->spec().snippet_chars),
      han_characters_(analyzer->spec().lang == "zh"),
      wildcard_prefixes_(wildcard_prefixes) {
  std::map<std::string, int> word_ids;
  std::set<std::string> seen;
  auto add = [&](const std::string& term, const std::string& word_key) {
    if (!seen.insert(term).second) return;
    terms_.push_back(term);
    words_.push_back(word_ids.try_emplace(word_key, static_cast<int>(word_ids.size())).first->second);
  };
  for (const auto& term : HighlightTerms(query)) {
    if (term.compare(0, kPrefixCharPair.size(), kPrefixCharPair) == 0) {
      const std::string pair = term.substr(kPrefixCharPair.size());
      scans_.emplace_back(pair, word_ids.try_emplace(term, static_cast<int>(word_ids.size())).first->second);
    } else if (term.compare(0, kPrefixSynonym.size(), kPrefixSynonym) == 0) {
      add(term, term);
    } else if (term[0] == kPrefixStem[0]) {
      const std::string stem = term.substr(1);
      for (const auto& word : stems->Words(stem)) add(word, stem);
    } else {
      const std::string stem = analyzer->Stem(term);
      add(term, stem.empty() ? term : stem);
    }
  }
  if (han_characters_) {
    for (std::size_t i = 0; i < terms_.size(); ++i) {
      if (IsHanCharacter(terms_[i])) scans_.emplace_back(terms_[i], words_[i]);
    }
  }
}

Snippet Highlighter::Make(Xapian::docid did, const StoredPage& page) const {
  std::vector<SnippetMatch> body, summary;
  auto add = [&](Xapian::termpos pos, int word) {
    if (pos >= page.body.first_position && pos - page.body.first_position < page.body.spans.size()) {
      body.push_back({pos - page.body.first_position, word});
    } else if (pos >= page.summary.first_position &&
               pos - page.summary.first_position < page.summary.spans.size()) {
      summary.push_back({pos - page.summary.first_position, word});
    }
  };
  for (std::size_t i = 0; i < terms_.size(); ++i) {
    const std::string& term = terms_[i];
    for (auto p = db_.positionlist_begin(did, term); p != db_.positionlist_end(did, term); ++p) {
      add(*p, words_[i]);
    }
  }
  // Wildcards: the page's own words that start with the prefix.
  int word = 1 + (words_.empty() ? 0 : *std::max_element(words_.begin(), words_.end()));
  for (const auto& prefix : wildcard_prefixes_) {
    auto t = db_.termlist_begin(did);
    t.skip_to(prefix);
    for (; t != db_.termlist_end(did) && (*t).compare(0, prefix.size(), prefix) == 0; ++t) {
      for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p) add(*p, word);
    }
    ++word;
  }
  // Chinese characters and character pairs have no positions
  // (document_maker.h): find them in the text itself, and mark every word
  // an occurrence touches.
  for (const auto& [c, id] : scans_) {
    auto scan = [&, &c = c, id = id](const StoredText& t, std::vector<SnippetMatch>* out) {
      for (auto at = t.text.find(c); at != std::string::npos; at = t.text.find(c, at + 1)) {
        auto span = std::upper_bound(t.spans.begin(), t.spans.end(), at,
                                     [](std::size_t v, const Span& s) { return v < s.begin; });
        if (span == t.spans.begin()) continue;
        --span;
        for (; span != t.spans.end() && span->begin < at + c.size(); ++span) {
          if (span->end <= at) continue;
          out->push_back({static_cast<std::size_t>(span - t.spans.begin()), id});
        }
      }
    };
    scan(page.body, &body);
    scan(page.summary, &summary);
  }
  if (!body.empty()) return MakeSnippet(page.body, std::move(body), snippet_chars_);
  if (!summary.empty()) return MakeSnippet(page.summary, std::move(summary), snippet_chars_);
  return MakeSnippet(page.body.text.empty() ? page.summary : page.body, {}, snippet_chars_);
}

}  // namespace kbgen::search
