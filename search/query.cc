#include "search/query.h"

#include <algorithm>
#include <array>

namespace kbgen::search {
namespace {

constexpr std::array<std::string_view, 6> kOperators = {"AND", "OR", "NOT", "XOR", "NEAR", "ADJ"};

bool IsOperator(std::string_view word) {
  return std::find(kOperators.begin(), kOperators.end(), word) != kOperators.end();
}

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Writes the parser's text: a space between two terms, one space for any
// run of separators, the syntax characters where they mean syntax.
class Writer {
 public:
  void Term(const std::string& term) {
    if (after_term_) text_ += ' ';
    text_ += term;
    after_term_ = true;
  }
  void Syntax(std::string_view s, bool ends_term) {
    text_ += s;
    after_term_ = ends_term;
  }
  void Space() {
    if (!text_.empty() && text_.back() != ' ') text_ += ' ';
    after_term_ = false;
  }
  char last() const { return text_.empty() ? ' ' : text_.back(); }
  std::string Finish() {
    while (!text_.empty() && text_.back() == ' ') text_.pop_back();
    return std::move(text_);
  }

 private:
  std::string text_;
  bool after_term_ = false;
};

// Checks the syntax of the parser's text before the parser sees it: on a
// syntax error Xapian's parser quietly reads operators as words (so
// "serbia OR" would look for "or"), where the reader meant the words.
bool WellFormed(std::string_view text) {
  enum Kind { kNone, kTerm, kOperator, kNot, kSign, kOpen, kClose, kQuote };
  Kind prev = kNone;
  int depth = 0;
  bool in_quote = false;
  std::size_t i = 0;
  while (i < text.size()) {
    char c = text[i];
    Kind kind;
    if (c == ' ') {
      ++i;
      continue;
    } else if (c == '"') {
      kind = kQuote;
      ++i;
    } else if (c == '(' || c == ')') {
      if (in_quote) return false;
      kind = c == '(' ? kOpen : kClose;
      ++i;
    } else if (c == '+' || c == '-') {
      kind = kSign;
      ++i;
    } else {
      std::size_t end = i;
      while (end < text.size() && text[end] != ' ' && text[end] != '"' && text[end] != '(' &&
             text[end] != ')') {
        ++end;
      }
      std::string_view word = text.substr(i, end - i);
      word = word.substr(0, word.find('/'));  // NEAR/3
      kind = !IsOperator(word) ? kTerm : word == "NOT" ? kNot : kOperator;
      if (kind != kTerm && in_quote) return false;
      i = end;
    }
    // What may come before each kind.
    const bool after_operand = prev == kTerm || prev == kClose || (prev == kQuote && !in_quote);
    switch (kind) {
      case kOperator:
        if (!after_operand) return false;
        break;
      case kNot:  // "NOT x" alone is allowed (a pure NOT)
        if (prev == kSign || prev == kNot) return false;
        break;
      case kClose:
        if (--depth < 0 || !after_operand) return false;
        break;
      case kOpen:
        ++depth;
        break;
      case kQuote:
        in_quote = !in_quote;
        break;
      default:
        break;
    }
    if (kind == kTerm || kind == kOpen || kind == kQuote) {
      if (prev == kSign && kind == kQuote && !in_quote) return false;  // +"" is empty
    }
    prev = kind;
  }
  const bool ends_with_operand = prev == kTerm || prev == kClose || prev == kQuote;
  return !in_quote && depth == 0 && (prev == kNone || ends_with_operand);
}

void AddPlain(std::string* plain, const std::string& word) {
  if (!plain->empty()) *plain += ' ';
  *plain += word;
}

}  // namespace

namespace {

// One reading of the query; with `drop_stop_words`, the stop words that
// may go are left out.
AnalyzedQuery AnalyzePass(Analyzer* analyzer, std::string_view q, bool drop_stop_words,
                          bool* has_operator, int* droppable) {
  AnalyzedQuery out;
  std::vector<TextSegment> segments;
  analyzer->Segment(q, &segments);
  Writer w;
  std::vector<std::string> terms;
  std::size_t cursor = 0;  // bytes of q already handled
  bool wildcard_ok = false;  // a '*' here would end the term just written
  bool in_quote = false;
  *has_operator = false;
  *droppable = 0;
  for (std::size_t i = 0; i < segments.size(); ++i) {
    const TextSegment& s = segments[i];
    if (s.end <= cursor) continue;
    std::string_view raw = q.substr(s.begin, s.end - s.begin);
    if (s.word) {
      cursor = s.end;
      wildcard_ok = false;
      if (IsOperator(raw) && !in_quote) {  // in a phrase it is just a word
        *has_operator = true;
        out.syntax = true;
        w.Space();
        w.Syntax(raw, false);
        // NEAR/3, ADJ/2: the window size stays with its operator.
        if ((raw == "NEAR" || raw == "ADJ") && cursor + 1 < q.size() && q[cursor] == '/' &&
            IsDigit(q[cursor + 1])) {
          std::size_t end = cursor + 1;
          while (end < q.size() && IsDigit(q[end])) ++end;
          w.Syntax(q.substr(cursor, end - cursor), false);
          cursor = end;
        }
        w.Space();
        continue;
      }
      terms.clear();
      analyzer->NormalizeWord(raw, &terms);
      if (terms.empty()) continue;
      // title:word (the colon must touch the next word or phrase).
      if (terms.size() == 1 && terms[0] == kFieldTitle && cursor + 1 < q.size() &&
          q[cursor] == ':' && !IsSpace(q[cursor + 1])) {
        if (w.last() != ' ' && w.last() != '(') w.Space();
        w.Syntax(std::string(kFieldTitle) + ":", false);
        out.syntax = true;
        ++cursor;
        continue;
      }
      // A stop word may go when nothing ties it to the query's syntax.
      const bool free = !in_quote && w.last() != '+' && w.last() != '-' && w.last() != ':' &&
                        !(cursor < q.size() && q[cursor] == '*');
      bool wrote = false;
      for (const auto& t : terms) {
        if (free && analyzer->IsStopWord(t)) {
          ++*droppable;
          if (drop_stop_words) {
            ++out.stop_words;
            continue;
          }
        }
        w.Term(t);
        AddPlain(&out.plain, t);
        out.terms.push_back(t);
        ++out.words;
        wrote = true;
      }
      wildcard_ok = wrote;
      continue;
    }
    for (std::size_t p = std::max<std::size_t>(s.begin, cursor); p < s.end; ++p) {
      char c = q[p];
      char prev = p == 0 ? ' ' : q[p - 1];
      bool next_is_word = p + 1 == s.end && i + 1 < segments.size() && segments[i + 1].word;
      char next = p + 1 < q.size() ? q[p + 1] : ' ';
      if (c == '*' && wildcard_ok && p == s.begin) {
        w.Syntax("*", true);
        ++out.wildcards;
        out.wildcard_prefixes.push_back(out.terms.back());
        out.syntax = true;
      } else if (c == '"') {
        w.Syntax("\"", false);
        in_quote = !in_quote;
        out.syntax = true;
      } else if (c == '(' || c == ')') {
        w.Syntax(std::string_view(&q[p], 1), c == ')');
        out.syntax = true;
      } else if ((c == '+' || c == '-') && (IsSpace(prev) || prev == '(' || p == 0) &&
                 (next_is_word || next == '"' || next == '(')) {
        if (w.last() != ' ' && w.last() != '(') w.Space();
        w.Syntax(std::string_view(&q[p], 1), false);
        out.syntax = true;
      } else {
        w.Space();
      }
      wildcard_ok = false;
    }
    cursor = s.end;
  }
  out.text = w.Finish();
  out.well_formed = WellFormed(out.text);
  return out;
}

}  // namespace

AnalyzedQuery AnalyzeQuery(Analyzer* analyzer, std::string_view q) {
  bool has_operator = false;
  int droppable = 0;
  AnalyzedQuery all = AnalyzePass(analyzer, q, false, &has_operator, &droppable);
  // Operators take their operands as written ("NOT the"); a query of
  // stop words only ("the who") is searched as it is.
  if (droppable == 0 || has_operator || droppable >= all.words) return all;
  return AnalyzePass(analyzer, q, true, &has_operator, &droppable);
}

std::string CheckQueryBytes(std::string_view raw_query) {
  if (raw_query.size() <= kMaxQueryBytes) return "";
  return "the query is too long (" + std::to_string(raw_query.size()) + " bytes; at most " +
         std::to_string(kMaxQueryBytes) + ")";
}

std::string CheckQueryLimits(const AnalyzedQuery& query) {
  if (query.words > kMaxQueryWords) {
    return "the query has too many words (" + std::to_string(query.words) + "; at most " +
           std::to_string(kMaxQueryWords) + ")";
  }
  if (query.wildcards > kMaxWildcards) {
    return "the query has too many wildcards (" + std::to_string(query.wildcards) +
           "; at most " + std::to_string(kMaxWildcards) + ")";
  }
  return "";
}

std::vector<std::string> HighlightTerms(const Xapian::Query& query) {
  std::vector<std::string> out;
  for (auto it = query.get_unique_terms_begin(); it != query.get_unique_terms_end(); ++it) {
    const std::string& t = *it;
    if (t.empty()) continue;
    if (t[0] < 'A' || t[0] > 'Z') {
      out.push_back(t);
    } else if (t.compare(0, kPrefixSynonym.size(), kPrefixSynonym) == 0 ||
               t.compare(0, kPrefixCharPair.size(), kPrefixCharPair) == 0) {
      out.push_back(t);
    } else if (t.size() > 2 && t[0] == 'Z' && t[1] == 'S') {  // title stem
      out.push_back(std::string(kPrefixStem).append(t, 2));
    } else if (t[0] == 'Z') {
      out.push_back(t);
    } else if (t[0] == 'S') {  // title word
      out.push_back(t.substr(1));
    }
    // Other prefixes are filters, not text.
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

QueryBuilder::QueryBuilder(Analyzer* analyzer, const Xapian::Database& db)
    : analyzer_(analyzer), db_(db) {
  using QP = Xapian::QueryParser;
  parser_.set_database(db);
  parser_.set_stemmer(analyzer->stemmer());
  parser_.set_stemming_strategy(analyzer->stemmer().is_none() ? QP::STEM_NONE : QP::STEM_SOME);
  parser_.set_default_op(Xapian::Query::OP_AND);
  parser_.add_prefix(std::string(kFieldTitle), std::string(kPrefixTitle));
  parser_.set_max_expansion(kMaxWildcardExpansion, Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT,
                            QP::FLAG_WILDCARD | QP::FLAG_PARTIAL);
  flags_ = QP::FLAG_PHRASE | QP::FLAG_BOOLEAN | QP::FLAG_LOVEHATE | QP::FLAG_WILDCARD |
           QP::FLAG_PURE_NOT | QP::FLAG_AUTO_SYNONYMS | QP::FLAG_AUTO_MULTIWORD_SYNONYMS;
}

bool QueryBuilder::Build(const AnalyzedQuery& query, Result* result, std::string* error,
                         bool correct) {
  *result = Result();
  if (query.words == 0) return true;  // nothing to look for: no results
  if (!query.syntax) {
    try {
      result->query = BuildPlain(query, correct, &result->corrected);
      return true;
    } catch (const Xapian::Error& e) {
      *error = "cannot parse the query: " + e.get_msg();
      return false;
    }
  }
  if (query.well_formed) {
    try {
      result->query = parser_.parse_query(query.text, flags_);
      return true;
    } catch (const Xapian::QueryParserError&) {
      // Fall through to the plain words.
    } catch (const Xapian::Error& e) {
      *error = "cannot parse the query: " + e.get_msg();
      return false;
    }
  }
  try {
    using QP = Xapian::QueryParser;
    result->query = parser_.parse_query(
        query.plain, flags_ & (QP::FLAG_AUTO_SYNONYMS | QP::FLAG_AUTO_MULTIWORD_SYNONYMS));
    result->fell_back = true;
    return true;
  } catch (const Xapian::Error& e) {
    *error = "cannot parse the query: " + e.get_msg();
    return false;
  }
}

bool QueryBuilder::Unknown(const std::string& term) {
  if (db_.term_exists(term)) return false;
  const std::string& stem = analyzer_->Stem(term);
  if (!stem.empty() && db_.term_exists(std::string(kPrefixStem) + stem)) return false;
  if (db_.synonyms_begin(term) != db_.synonyms_end(term)) return false;
  // The first word of a phrase with synonyms ("start" of start-up).
  return db_.synonym_keys_begin(term + " ") == db_.synonym_keys_end(term + " ");
}

Xapian::Query QueryBuilder::BuildPlain(const AnalyzedQuery& query, bool correct,
                                       std::string* corrected) {
  using QP = Xapian::QueryParser;
  std::vector<std::string> terms = query.terms;
  bool changed = false;
  if (correct && analyzer_->spec().spelling) {
    for (auto& t : terms) {
      // Short words and numbers have too many neighbours to guess from.
      if (t.size() < 4 || IsDigit(t[0]) || !Unknown(t)) continue;
      std::string fix = db_.get_spelling_suggestion(t, t.size() <= 5 ? 1 : 2);
      if (fix.empty() || fix == t) continue;
      t = std::move(fix);
      changed = true;
    }
  }
  std::string text;
  for (const auto& t : terms) text.append(text.empty() ? "" : " ").append(t);
  if (changed) *corrected = text;
  parser_.set_default_op(Xapian::Query::OP_OR);
  Xapian::Query parsed;
  try {
    parsed = parser_.parse_query(text, QP::FLAG_AUTO_SYNONYMS | QP::FLAG_AUTO_MULTIWORD_SYNONYMS);
  } catch (...) {
    parser_.set_default_op(Xapian::Query::OP_AND);
    throw;
  }
  parser_.set_default_op(Xapian::Query::OP_AND);
  if (parsed.empty()) return parsed;
  std::vector<Xapian::Query> clauses;
  if (parsed.get_type() == Xapian::Query::OP_OR) {
    for (std::size_t i = 0; i < parsed.get_num_subqueries(); ++i) {
      clauses.push_back(parsed.get_subquery(i));
    }
  } else {
    clauses.push_back(parsed);
  }
  const bool han = analyzer_->spec().lang == "zh";
  int han_words = 0;
  for (const auto& t : terms) han_words += !HanCharacters(t).empty() || IsHanCharacter(t);
  for (auto& c : clauses) {
    // The parser makes a phrase with synonyms (words SYNONYM XSYN<n>),
    // where any one of the words matches as much as the whole phrase.
    // The group term stands for the phrase (it is indexed wherever the
    // phrase or a synonym is); the words alone count for a little.
    if (c.get_type() == Xapian::Query::OP_SYNONYM && c.get_num_subqueries() == 2) {
      Xapian::Query a = c.get_subquery(0), b = c.get_subquery(1);
      if (a.get_type() == Xapian::Query::LEAF_TERM) std::swap(a, b);
      if (b.get_type() == Xapian::Query::LEAF_TERM && a.get_type() != Xapian::Query::LEAF_TERM &&
          (*b.get_terms_begin()).compare(0, kPrefixSynonym.size(), kPrefixSynonym) == 0) {
        c = Xapian::Query(Xapian::Query::OP_OR, b,
                          Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, a, kPhraseWordShare));
      }
    }
    // A single character cut from a longer stretch by the segmentation
    // ("方" of 利益相关方) matches most pages: it counts for little.
    if (han && han_words > 1 && c.get_type() == Xapian::Query::LEAF_TERM &&
        IsHanCharacter(*c.get_terms_begin())) {
      c = Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, c, kLoneCharacterShare);
    }
  }
  if (han) AddCharacterPairs(terms, &clauses);
  Xapian::Query any(Xapian::Query::OP_OR, clauses.begin(), clauses.end());
  // Words in the title count once more: a page is about what its title
  // says, which BM25 alone, saturating on repeated words, weighs little.
  // A title word is a word of the page too, so the title terms only add
  // weight (AND_MAYBE): the match looks them up for the pages it weighs.
  std::vector<Xapian::Query> titles;
  for (const auto& t : terms) {
    const std::string& stem = analyzer_->Stem(t);
    titles.emplace_back(stem.empty() ? std::string(kPrefixTitle) + t
                                     : std::string(kPrefixStem) + std::string(kPrefixTitle) + stem);
  }
  return Xapian::Query(Xapian::Query::OP_AND_MAYBE, any,
                       Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT,
                                     Xapian::Query(Xapian::Query::OP_OR, titles.begin(), titles.end()),
                                     kTitleShare));
}

void QueryBuilder::AddCharacterPairs(const std::vector<std::string>& terms,
                                     std::vector<Xapian::Query>* clauses) {
  // Runs of consecutive Han words, as their characters.
  std::vector<std::string> chars;
  int words = 0;
  auto flush = [&] {
    if (chars.size() >= 2 && (words >= 2 || chars.size() >= 3)) {
      std::vector<Xapian::Query> pairs;
      for (std::size_t i = 0; i + 1 < chars.size(); ++i) {
        pairs.emplace_back(std::string(kPrefixCharPair) + chars[i] + chars[i + 1]);
      }
      // Together the pairs weigh half of what the words would.
      const double share = kCharPairShare * words / static_cast<double>(pairs.size());
      clauses->emplace_back(Xapian::Query::OP_SCALE_WEIGHT,
                            Xapian::Query(Xapian::Query::OP_OR, pairs.begin(), pairs.end()),
                            share);
    }
    chars.clear();
    words = 0;
  };
  for (const auto& t : terms) {
    std::vector<std::string> c = HanCharacters(t);
    if (c.empty() && IsHanCharacter(t)) c.push_back(t);
    if (c.empty()) {
      flush();
      continue;
    }
    chars.insert(chars.end(), c.begin(), c.end());
    ++words;
  }
  flush();
}

std::string QueryBuilder::Correct(const AnalyzedQuery& query) {
  if (!analyzer_->spec().spelling || query.words == 0) return "";
  const std::string& text = query.well_formed ? query.text : query.plain;
  try {
    parser_.parse_query(text, (query.well_formed ? flags_ : 0) |
                                  Xapian::QueryParser::FLAG_SPELLING_CORRECTION);
    std::string corrected = parser_.get_corrected_query_string();
    return corrected == text ? "" : corrected;
  } catch (const Xapian::Error&) {
    return "";
  }
}

}  // namespace kbgen::search
