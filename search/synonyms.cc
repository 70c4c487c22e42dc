#include "search/synonyms.h"

#include <algorithm>
#include <numeric>
#include <set>

#include "search/schema.h"

namespace kbgen::search {
namespace {

// Union-find over member numbers.
std::size_t Root(std::vector<std::size_t>* parent, std::size_t i) {
  while ((*parent)[i] != i) i = (*parent)[i] = (*parent)[(*parent)[i]];
  return i;
}

}  // namespace

SynonymSet::SynonymSet(const SynonymConfig& config, Analyzer* analyzer) {
  struct Analysed {
    std::vector<std::string> terms;
    std::vector<std::string> keys;
    bool stemmed = false;  // the single term has a stem: the parser looks up Z<stem>
  };
  std::vector<Analysed> members;
  std::map<std::vector<std::string>, std::size_t> member_ids;  // by keys
  std::vector<std::size_t> parent;
  auto member_id = [&](const std::string& text) -> long {
    Analysed a;
    a.terms = analyzer->Terms(text);
    if (a.terms.empty()) return -1;
    for (const auto& t : a.terms) {
      std::string stem = analyzer->Stem(t);
      a.stemmed = !stem.empty();
      a.keys.push_back(stem.empty() ? t : stem);
    }
    auto [it, inserted] = member_ids.try_emplace(a.keys, members.size());
    if (inserted) {
      members.push_back(std::move(a));
      parent.push_back(parent.size());
    }
    return static_cast<long>(it->second);
  };
  for (const auto& [term, synonyms] : config) {
    long first = member_id(term);
    for (const auto& s : synonyms) {
      long id = member_id(s);
      if (id < 0) continue;
      if (first < 0) {
        first = id;
        continue;
      }
      parent[Root(&parent, static_cast<std::size_t>(id))] = Root(&parent, static_cast<std::size_t>(first));
    }
  }
  // Groups are numbered in the order their first member was configured.
  std::map<std::size_t, std::size_t> group_of_root;
  std::set<std::pair<std::string, std::string>> entries;
  for (std::size_t i = 0; i < members.size(); ++i) {
    std::size_t root = Root(&parent, i);
    auto [it, inserted] = group_of_root.try_emplace(root, group_terms_.size());
    if (inserted) group_terms_.push_back(std::string(kPrefixSynonym) + std::to_string(it->second));
  }
  for (std::size_t i = 0; i < members.size(); ++i) {
    std::size_t group = group_of_root[Root(&parent, i)];
    const Analysed& m = members[i];
    const std::string& group_term = group_terms_[group];
    if (m.terms.size() == 1) {
      entries.insert({m.terms[0], group_term});
      if (m.stemmed) entries.insert({std::string(kPrefixStem) + m.keys[0], group_term});
    } else {
      // The query parser looks multi-word synonyms up by the words joined
      // with single spaces.
      std::string key, key_without_stop_words;
      int kept = 0;
      for (const auto& t : m.terms) {
        key.append(key.empty() ? "" : " ").append(t);
        if (analyzer->IsStopWord(t)) continue;
        key_without_stop_words.append(kept++ ? " " : "").append(t);
      }
      entries.insert({key, group_term});
      // A query drops stop words (query.h): "information and
      // communication technology" arrives without its "and".
      if (kept > 0 && key_without_stop_words != key) {
        entries.insert({key_without_stop_words, group_term});
      }
    }
    by_first_key_[m.keys[0]].push_back({m.keys, group});
  }
  parser_entries_.assign(entries.begin(), entries.end());
  for (auto& [key, list] : by_first_key_) {
    std::stable_sort(list.begin(), list.end(), [](const Member& a, const Member& b) {
      return a.keys.size() > b.keys.size();
    });
  }
}

void SynonymSet::Match(
    const std::vector<std::string>& keys,
    const std::function<void(const std::string&, std::size_t, std::size_t)>& found) const {
  if (by_first_key_.empty()) return;
  for (std::size_t i = 0; i < keys.size(); ++i) {
    auto it = by_first_key_.find(keys[i]);
    if (it == by_first_key_.end()) continue;
    for (const Member& m : it->second) {
      if (i + m.keys.size() > keys.size()) continue;
      if (std::equal(m.keys.begin(), m.keys.end(), keys.begin() + static_cast<long>(i))) {
        found(group_terms_[m.group], i, m.keys.size());
      }
    }
  }
}

}  // namespace kbgen::search
