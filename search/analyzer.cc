#include "search/analyzer.h"

#include <climits>
#include <utility>

#include <unicode/brkiter.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>
#include <unicode/utext.h>

#include "search/stop_words.h"

namespace kbgen::search {
namespace {

// Caches hold at most this many entries before they start afresh.
constexpr std::size_t kMaxCacheEntries = 200000;

// What language folding does with one code point.
constexpr UChar32 kDrop = -1;

bool IsArabicMark(UChar32 c) {
  return (c >= 0x0610 && c <= 0x061A) ||  // Quranic annotation signs
         (c >= 0x064B && c <= 0x065F) ||  // tashkeel: fathatan .. wavy hamza
         c == 0x0670 ||                   // superscript alef
         (c >= 0x06D6 && c <= 0x06DC) || (c >= 0x06DF && c <= 0x06E4) ||
         (c >= 0x06E7 && c <= 0x06E8) || (c >= 0x06EA && c <= 0x06ED);
}

// Maps one code point of NFKC-case-folded text (decomposed when accents
// are folded) to its folded form, or kDrop.
UChar32 FoldCodePoint(const LanguageSpec& spec, UChar32 c) {
  if (c >= 0x0660 && c <= 0x0669) return '0' + (c - 0x0660);  // Arabic-Indic digits
  if (c >= 0x06F0 && c <= 0x06F9) return '0' + (c - 0x06F0);  // Extended (Persian)
  if (spec.fold_accents && u_charType(c) == U_NON_SPACING_MARK) return kDrop;
  if (spec.lang == "ru") {
    if (c == 0x0451 || c == 0x0450) return 0x0435;  // ё, ѐ -> е
    if (c == 0x045D) return 0x0438;                 // ѝ -> и
    if (c == 0x0300 || c == 0x0301) return kDrop;   // stress marks
  } else if (spec.lang == "ar") {
    if (c == 0x0640 || IsArabicMark(c)) return kDrop;  // tatweel, tashkeel
    if (c == 0x0622 || c == 0x0623 || c == 0x0625 || c == 0x0671 || c == 0x0672 ||
        c == 0x0673) {
      return 0x0627;  // آ أ إ ٱ and wavy-hamza forms -> ا
    }
    // Readers often write a final ta marbuta as ha and a final ya as alef
    // maqsura (or the other way round): both spellings meet.
    if (c == 0x0629) return 0x0647;  // ة -> ه
    if (c == 0x0649) return 0x064A;  // ى -> ي
  }
  return c;
}

// Two or more capitals and a final lower-case s: "SMEs".
bool IsAcronymPlural(std::string_view word) {
  if (word.size() < 3 || word.back() != 's') return false;
  for (std::size_t i = 0; i + 1 < word.size(); ++i) {
    if (word[i] < 'A' || word[i] > 'Z') return false;
  }
  return true;
}

void Flush(std::string* current, std::vector<std::string>* terms) {
  if (!current->empty() && current->size() <= kMaxTermBytes) terms->push_back(*current);
  current->clear();
}

}  // namespace

std::unique_ptr<Analyzer> Analyzer::Create(std::string_view lang, std::string* error) {
  const LanguageSpec* spec = FindLanguage(lang);
  if (spec == nullptr) {
    *error = "unknown language '" + std::string(lang) + "'";
    return nullptr;
  }
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> words(
      icu::BreakIterator::createWordInstance(icu::Locale(std::string(lang).c_str()), status));
  const icu::Normalizer2* nfkc_cf = icu::Normalizer2::getNFKCCasefoldInstance(status);
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  if (U_FAILURE(status) || !words) {
    *error = std::string("ICU: cannot load word segmentation or normalisation data: ") +
             u_errorName(status);
    return nullptr;
  }
  std::unique_ptr<Analyzer> analyzer(new Analyzer(*spec, std::move(words), nfkc_cf, nfd));
  for (std::string_view word : StopWordList(lang)) {
    std::vector<std::string> terms = analyzer->Terms(word);
    if (terms.size() == 1) analyzer->stop_words_.insert(std::move(terms[0]));
  }
  return analyzer;
}

Analyzer::Analyzer(const LanguageSpec& spec, std::unique_ptr<icu::BreakIterator> words,
                   const icu::Normalizer2* nfkc_cf, const icu::Normalizer2* nfd)
    : spec_(spec),
      stemmer_(std::string(spec.stemmer)),
      words_(std::move(words)),
      nfkc_cf_(nfkc_cf),
      nfd_(nfd) {}

Analyzer::~Analyzer() = default;

void Analyzer::Segment(std::string_view text, std::vector<TextSegment>* out) {
  if (text.size() > static_cast<std::size_t>(INT32_MAX)) text = text.substr(0, INT32_MAX);
  // ICU breaks around ASCII white space whatever surrounds it, so the text
  // can be cut there. Stretches of ASCII-only chunks are segmented here
  // (runs of letters, digits and '_'; their terms are the same as ICU's
  // once NormalizeWord splits ICU's "don't" or "3.14"), which is several
  // times faster; the rest goes to ICU a stretch at a time.
  auto space = [&](std::size_t i) {
    char c = text[i];
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
  };
  const std::size_t n = text.size();
  std::size_t i = 0;
  while (i < n) {
    if (space(i)) {
      std::size_t e = i + 1;
      while (e < n && space(e)) ++e;
      out->push_back({static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(e), false});
      i = e;
      continue;
    }
    // The chunks of one kind from i, with the white space between them.
    std::size_t end = i;  // end of the last chunk of the stretch
    bool ascii = true;
    for (std::size_t c = i; c < n;) {
      std::size_t e = c;
      bool chunk_ascii = true;
      while (e < n && !space(e)) chunk_ascii &= static_cast<unsigned char>(text[e++]) < 0x80;
      if (c == i) ascii = chunk_ascii;
      if (chunk_ascii != ascii) break;
      end = e;
      while (e < n && space(e)) ++e;
      c = e;
      if (ascii) break;  // ASCII chunks are cheap one at a time
    }
    if (ascii) {
      SegmentAscii(text, i, end, out);
    } else {
      SegmentIcu(text, i, end, out);
    }
    i = end;
  }
}

void Analyzer::SegmentAscii(std::string_view text, std::size_t begin, std::size_t end,
                            std::vector<TextSegment>* out) {
  auto word_char = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  };
  for (std::size_t i = begin; i < end;) {
    std::size_t e = i + 1;
    const bool word = word_char(text[i]);
    while (e < end && word_char(text[e]) == word) ++e;
    out->push_back({static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(e), word});
    i = e;
  }
}

void Analyzer::SegmentIcu(std::string_view text, std::size_t begin, std::size_t end,
                          std::vector<TextSegment>* out) {
  UErrorCode status = U_ZERO_ERROR;
  // UText reads the UTF-8 in place, so boundaries are byte offsets.
  UText* ut = utext_openUTF8(nullptr, text.data() + begin, static_cast<int64_t>(end - begin), &status);
  words_->setText(ut, status);
  if (U_FAILURE(status)) {
    utext_close(ut);
    return;
  }
  const auto base = static_cast<std::uint32_t>(begin);
  int32_t b = words_->first();
  for (int32_t e = words_->next(); e != icu::BreakIterator::DONE; b = e, e = words_->next()) {
    out->push_back({base + static_cast<std::uint32_t>(b), base + static_cast<std::uint32_t>(e),
                    words_->getRuleStatus() >= UBRK_WORD_NONE_LIMIT});
  }
  // The iterator keeps its own shallow clone; it is reset on the next text.
  utext_close(ut);
}

void Analyzer::Tokenize(std::string_view text, std::vector<Token>* out) {
  std::vector<TextSegment> segments;
  Segment(text, &segments);
  std::vector<std::string> terms;
  for (const auto& s : segments) {
    if (!s.word) continue;
    terms.clear();
    NormalizeWord(text.substr(s.begin, s.end - s.begin), &terms);
    for (auto& term : terms) out->push_back({std::move(term), s.begin, s.end});
  }
}

std::vector<std::string> Analyzer::Terms(std::string_view text) {
  std::vector<Token> tokens;
  Tokenize(text, &tokens);
  std::vector<std::string> terms;
  terms.reserve(tokens.size());
  for (auto& t : tokens) terms.push_back(std::move(t.term));
  return terms;
}

void Analyzer::NormalizeWord(std::string_view word, std::vector<std::string>* terms) {
  bool ascii = true;
  for (unsigned char c : word) {
    if (c >= 0x80) {
      ascii = false;
      break;
    }
  }
  if (ascii) {
    // ASCII is already NFKC and folds by lower-casing; the only Xapian word
    // characters in it are letters, digits and '_'.
    // The plural of an acronym (SMEs, SDGs, NGOs) is its singular: no
    // stemmer removes that s, since the letters before it are no word.
    if (IsAcronymPlural(word)) word.remove_suffix(1);
    std::string current;
    for (unsigned char c : word) {
      if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || c == '_') {
        current += static_cast<char>(c);
      } else if (c >= 'A' && c <= 'Z') {
        current += static_cast<char>(c - 'A' + 'a');
      } else {
        Flush(&current, terms);
      }
    }
    Flush(&current, terms);
    return;
  }
  std::string key(word);
  if (auto it = word_cache_.find(key); it != word_cache_.end()) {
    terms->insert(terms->end(), it->second.begin(), it->second.end());
    return;
  }
  std::vector<std::string> result;
  NormalizeSlow(word, &result);
  terms->insert(terms->end(), result.begin(), result.end());
  if (word_cache_.size() >= kMaxCacheEntries) word_cache_.clear();
  word_cache_.emplace(std::move(key), std::move(result));
}

void Analyzer::NormalizeSlow(std::string_view word, std::vector<std::string>* terms) {
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString text = nfkc_cf_->normalize(
      icu::UnicodeString::fromUTF8(icu::StringPiece(word.data(), static_cast<int32_t>(word.size()))),
      status);
  // Decomposed, an accent is a mark of its own that folding drops.
  if (spec_.fold_accents && U_SUCCESS(status)) text = nfd_->normalize(text, status);
  if (U_FAILURE(status)) return;
  std::string current;
  for (int32_t i = 0; i < text.length();) {
    UChar32 c = text.char32At(i);
    i += U16_LENGTH(c);
    c = FoldCodePoint(spec_, c);
    if (c == kDrop) continue;
    if (spec_.fold_accents && (c == 0x0153 || c == 0x00E6)) {  // œ, æ
      current += c == 0x0153 ? "oe" : "ae";
      continue;
    }
    // Split where Xapian's query parser would end a term.
    if (!Xapian::Unicode::is_wordchar(static_cast<unsigned>(c))) {
      Flush(&current, terms);
      continue;
    }
    Xapian::Unicode::append_utf8(current, static_cast<unsigned>(c));
  }
  Flush(&current, terms);
}

const std::string& Analyzer::Stem(const std::string& term) {
  if (stemmer_.is_none() || term.empty()) return no_stem_;
  if (auto it = stem_cache_.find(term); it != stem_cache_.end()) return it->second;
  // The query parser stems a term only when it starts with a letter.
  constexpr unsigned kStemMask =
      (1u << Xapian::Unicode::LOWERCASE_LETTER) | (1u << Xapian::Unicode::TITLECASE_LETTER) |
      (1u << Xapian::Unicode::MODIFIER_LETTER) | (1u << Xapian::Unicode::OTHER_LETTER);
  Xapian::Utf8Iterator first(term);
  std::string stem;
  if ((kStemMask >> Xapian::Unicode::get_category(*first)) & 1u) stem = stemmer_(term);
  if (stem_cache_.size() >= kMaxCacheEntries) stem_cache_.clear();
  return stem_cache_.emplace(term, std::move(stem)).first->second;
}

const std::string& Analyzer::DisplayForm(std::string_view word) {
  std::string key(word);
  if (auto it = display_cache_.find(key); it != display_cache_.end()) return it->second;
  if (display_cache_.size() >= kMaxCacheEntries) display_cache_.clear();
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(
      icu::StringPiece(word.data(), static_cast<int32_t>(word.size())));
  text.foldCase();
  std::string out;
  icu::Normalizer2::getNFCInstance(status)->normalize(text, status).toUTF8String(out);
  if (U_FAILURE(status)) out = key;
  return display_cache_.emplace(std::move(key), std::move(out)).first->second;
}

std::vector<std::string> HanCharacters(std::string_view term) {
  std::vector<std::string> chars;
  Xapian::Utf8Iterator it(term.data(), term.size()), end;
  for (; it != end; ++it) {
    UErrorCode status = U_ZERO_ERROR;
    if (uscript_getScript(static_cast<UChar32>(*it), &status) != USCRIPT_HAN) return {};
    std::string c;
    Xapian::Unicode::append_utf8(c, *it);
    chars.push_back(std::move(c));
  }
  if (chars.size() < 2) chars.clear();
  return chars;
}

bool IsHanCharacter(std::string_view term) {
  Xapian::Utf8Iterator it(term.data(), term.size()), end;
  if (it == end) return false;
  UErrorCode status = U_ZERO_ERROR;
  if (uscript_getScript(static_cast<UChar32>(*it), &status) != USCRIPT_HAN) return false;
  return ++it == end;
}

}  // namespace kbgen::search
