// Synonyms of one language, configured as term -> synonyms, for example
// {"ict": {"information and communication technology"}}.
//
// Xapian 1.4's query parser expands a word to its synonyms as single terms
// only (a multi-word synonym becomes one term with spaces that matches
// nothing). So each group of synonyms gets its own term, XSYN<n>, indexed
// wherever any member of the group occurs (at every position of a
// multi-word member), and the database maps every member to that term:
// the query parser expands "ict" to (ict SYNONYM XSYN0) and the words
// "information and communication technology" to (... SYNONYM XSYN0), and
// both find pages that use either form. Members are compared by stem, so
// "ICTs" and "information and communication technologies" count too.
//
// Entries that share a member join one group.
#ifndef KBGEN_SEARCH_SYNONYMS_H_
#define KBGEN_SEARCH_SYNONYMS_H_

#include <cstddef>
#include <functional>
#include <map>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "search/analyzer.h"

namespace kbgen::search {

using SynonymConfig = std::map<std::string, std::vector<std::string>>;

class SynonymSet {
 public:
  SynonymSet() = default;
  // Members that analyse to no words are ignored.
  SynonymSet(const SynonymConfig& config, Analyzer* analyzer);

  // (key, value) pairs for WritableDatabase::add_synonym.
  const std::vector<std::pair<std::string, std::string>>& parser_entries() const {
    return parser_entries_;
  }

  // `keys` are the match keys of a field's words in order (the stem, or the
  // term when it has no stem). Calls found(group_term, first, count) for
  // each occurrence of a member: keys[first .. first + count).
  void Match(const std::vector<std::string>& keys,
             const std::function<void(const std::string&, std::size_t, std::size_t)>& found) const;

  bool empty() const { return group_terms_.empty(); }

 private:
  struct Member {
    std::vector<std::string> keys;
    std::size_t group = 0;
  };
  std::vector<std::string> group_terms_;
  std::unordered_map<std::string, std::vector<Member>> by_first_key_;
  std::vector<std::pair<std::string, std::string>> parser_entries_;
};

}  // namespace kbgen::search

#endif  // KBGEN_SEARCH_SYNONYMS_H_
