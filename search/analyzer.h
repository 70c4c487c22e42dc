// Per-language text analysis, the same at index and at query time.
//
// Text is segmented into words with ICU's word BreakIterator (dictionary
// based for Chinese; plain ASCII stretches are segmented by hand with the
// same resulting terms), and each word is normalised before Xapian sees it:
// NFKC with case folding for every language; accents folded for English,
// French and Spanish (économie -> economie, año -> ano, œ -> oe); ё -> е
// and stress marks dropped for Russian; tashkeel and tatweel removed and
// alef forms unified, ta marbuta as ha and alef maqsura as ya for Arabic;
// Arabic-Indic digits become ASCII digits. The plural of an acronym is its
// singular (SMEs -> sme, SDGs -> sdg).
//
// A word then splits at every character Xapian does not count as a word
// character (l'économie -> l, economie; 3.14 -> 3, 14), so each term is a
// run of Xapian word characters that Xapian's QueryParser reads back as
// exactly one term. That is what keeps the indexer and the query parser
// in agreement: the query side (query.h) hands the parser the same terms
// separated by spaces.
//
// Not thread-safe (it keeps an ICU iterator and caches): use one Analyzer
// per thread.
#ifndef KBGEN_SEARCH_ANALYZER_H_
#define KBGEN_SEARCH_ANALYZER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <unicode/uversion.h>
#include <xapian.h>

#include "search/schema.h"

U_NAMESPACE_BEGIN
class BreakIterator;
class Normalizer2;
U_NAMESPACE_END

namespace kbgen::search {

// One term and the byte range of the word it came from in the analysed
// text (several terms may share one range: l'économie).
struct Token {
  std::string term;
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
};

// A stretch of text between two word boundaries.
struct TextSegment {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  bool word = false;  // a word or number; false for spaces and punctuation
};

class Analyzer {
 public:
  // Nullptr when `lang` is not one of kLanguageSpecs or ICU fails to load
  // its data (then *error says why).
  static std::unique_ptr<Analyzer> Create(std::string_view lang, std::string* error);
  ~Analyzer();
  Analyzer(const Analyzer&) = delete;
  Analyzer& operator=(const Analyzer&) = delete;

  const LanguageSpec& spec() const { return spec_; }
  const Xapian::Stem& stemmer() const { return stemmer_; }

  // Appends the terms of `text` in order. Invalid UTF-8 is read as U+FFFD.
  void Tokenize(std::string_view text, std::vector<Token>* out);
  std::vector<std::string> Terms(std::string_view text);

  // Word boundaries of `text`, covering all of it.
  void Segment(std::string_view text, std::vector<TextSegment>* out);

  // The terms of one word (a segment with word == true); 0 or more.
  void NormalizeWord(std::string_view word, std::vector<std::string>* terms);

  // The stem of a term, or "" when Xapian's query parser would not stem it
  // (no stemmer, or the term does not start with a letter). Cached; the
  // reference is valid until the next call.
  const std::string& Stem(const std::string& term);

  // True for a term of the language's stop word list (stop_words.h).
  bool IsStopWord(const std::string& term) const { return stop_words_.count(term) > 0; }

  // How a word is written, lower-cased (NFC, case folded but accents and
  // marks kept): "Économie" -> "économie". Shows a folded term the way the
  // pages write it ("did you mean"). Cached.
  const std::string& DisplayForm(std::string_view word);

 private:
  Analyzer(const LanguageSpec& spec, std::unique_ptr<icu::BreakIterator> words,
           const icu::Normalizer2* nfkc_cf, const icu::Normalizer2* nfd);
  void NormalizeSlow(std::string_view word, std::vector<std::string>* terms);
  // Segment's two ways, for text[begin, end).
  void SegmentAscii(std::string_view text, std::size_t begin, std::size_t end,
                    std::vector<TextSegment>* out);
  void SegmentIcu(std::string_view text, std::size_t begin, std::size_t end,
                  std::vector<TextSegment>* out);

  const LanguageSpec& spec_;
  Xapian::Stem stemmer_;
  std::unique_ptr<icu::BreakIterator> words_;
  const icu::Normalizer2* nfkc_cf_;  // owned by ICU
  const icu::Normalizer2* nfd_;      // owned by ICU
  // Natural text repeats its words: normalising and stemming each distinct
  // word once keeps analysis cheap. Cleared when they grow too large.
  std::unordered_map<std::string, std::vector<std::string>> word_cache_;
  std::unordered_map<std::string, std::string> stem_cache_;
  const std::string no_stem_;
  std::unordered_map<std::string, std::string> display_cache_;
  std::unordered_set<std::string> stop_words_;  // analysed as queries are
};

// The characters of a Chinese word of two or more Han characters (indexed
// as well, so that a single character finds the words that contain it);
// empty for anything else.
std::vector<std::string> HanCharacters(std::string_view term);
// True for a term of exactly one Han character.
bool IsHanCharacter(std::string_view term);

}  // namespace kbgen::search

#endif  // KBGEN_SEARCH_ANALYZER_H_
