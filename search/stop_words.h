// The stop words of each language: words a reader types in a question
// ("how", "de", "что", "في", "的") that say nothing about which page is
// wanted. The query side drops them from a plain query (never inside a
// quoted phrase, after + or -, or when nothing but stop words is left);
// the index keeps them, so a phrase with a stop word still matches.
//
// The lists are compiled in, so that the query side needs nothing but the
// index to run (also where it runs without files). They are written as
// readers write them and pass through the language's Analyzer, so that
// folding (à -> a, ё -> е, أين -> اين) applies to them as to queries.
#ifndef KBGEN_SEARCH_STOP_WORDS_H_
#define KBGEN_SEARCH_STOP_WORDS_H_

#include <string_view>
#include <vector>

namespace kbgen::search {

// The stop words of `lang` as written (space-separated in the source),
// empty for a language without a list.
std::vector<std::string_view> StopWordList(std::string_view lang);

}  // namespace kbgen::search

#endif  // KBGEN_SEARCH_STOP_WORDS_H_
