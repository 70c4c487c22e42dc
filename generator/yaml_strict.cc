#include "generator/yaml_strict.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <map>
#include <sstream>
#include <utility>

#include <yaml-cpp/eventhandler.h>

#include "generator/utf8.h"

namespace kbgen {
namespace {

constexpr std::string_view kStrTag = "tag:yaml.org,2002:str";

// Reported as `head` + " at column N" (when at_column) + `tail`.
struct Problem {
  YAML::Mark mark;
  std::string head;
  std::string tail;
  bool at_column = false;
};

// Thrown from the event handler to stop the parser at a problem that makes
// going on pointless (too deep, a second document).
struct Stop {
  Problem problem;
};

// Indentation (spaces and tabs) of the line starting at `start`.
std::size_t IndentAt(std::string_view text, std::size_t start) {
  std::size_t i = start;
  while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
  return i - start;
}

// `key:` at the start of a line, the way a swallowed mapping key looks.
bool LooksLikeKey(std::string_view line) {
  std::size_t i = 0;
  while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
  if (i == line.size()) return false;
  char c = line[i];
  if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_')) return false;
  while (i < line.size()) {
    c = line[i];
    bool word = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                c == '_' || c == '-' || c == '.';
    if (!word) break;
    ++i;
  }
  return i < line.size() && line[i] == ':' &&
         (i + 1 == line.size() || line[i + 1] == ' ' || line[i + 1] == '\t' || line[i + 1] == '\r');
}

// Walks yaml-cpp's parse events and records everything strict YAML forbids.
class StrictChecker : public YAML::EventHandler {
 public:
  // `first_line`: file line of the text's first line, for messages.
  StrictChecker(std::string_view text, const LineIndex& lines, int max_depth, int first_line)
      : text_(text), lines_(lines), max_depth_(max_depth), first_line_(first_line) {}

  std::vector<Problem>& problems() { return problems_; }

  void OnDocumentStart(const YAML::Mark& mark) override {
    if (++documents_ > 1) {
      throw Stop{{mark, "a second YAML document starts here; only one is allowed", "", false}};
    }
  }
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t) override { Node(mark, Kind::kNull, ""); }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    std::string name = anchor >= 1 && anchor <= anchors_.size() ? anchors_[anchor - 1] : "name";
    Add(mark, "aliases (*" + name + ") are not allowed; write the value out");
    Node(mark, Kind::kOther, "");
  }
  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t,
                const std::string& value) override {
    CheckTag(mark, tag);
    if (tag == "!") CheckQuote(mark);
    CheckDecodedText(mark, value);
    Node(mark, Kind::kScalar, value);
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {
    CheckTag(mark, tag);
    Node(mark, Kind::kOther, "");
    Push(mark, false);
  }
  void OnSequenceEnd() override { frames_.pop_back(); }
  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {
    CheckTag(mark, tag);
    Node(mark, Kind::kOther, "");
    Push(mark, true);
  }
  void OnMapEnd() override { frames_.pop_back(); }
  void OnAnchor(const YAML::Mark& mark, const std::string& name) override {
    anchors_.push_back(name);  // yaml-cpp numbers anchors from 1 in this order
    Add(mark, "anchors (&" + name + ") are not allowed; write the value out");
  }

 private:
  enum class Kind { kNull, kScalar, kOther };
  struct Frame {
    bool is_map = false;
    bool expect_key = true;
    std::map<std::string, int> keys;  // key -> 0-based line
  };

  void Add(const YAML::Mark& mark, std::string message) {
    problems_.push_back({mark, std::move(message), "", false});
  }
  void Add(const YAML::Mark& mark, std::string head, std::string tail) {
    problems_.push_back({mark, std::move(head), std::move(tail), true});
  }

  void Push(const YAML::Mark& mark, bool is_map) {
    if (static_cast<int>(frames_.size()) >= max_depth_) {
      throw Stop{
          {mark,
           "lists and maps are nested more than " + std::to_string(max_depth_) + " levels deep", "",
           false}};
    }
    frames_.push_back({is_map, true, {}});
  }

  // Every node event passes here before its children: a map alternates
  // between keys and values.
  void Node(const YAML::Mark& mark, Kind kind, const std::string& value) {
    if (frames_.empty() || !frames_.back().is_map) return;
    Frame& f = frames_.back();
    bool is_key = f.expect_key;
    f.expect_key = !f.expect_key;
    if (!is_key) return;
    if (kind == Kind::kNull) {
      Add(mark, "empty or null key; quote it if it is meant as text");
    } else if (kind == Kind::kOther) {
      Add(mark, "a key must be a plain string, not a list, map or alias");
    } else if (auto [it, fresh] = f.keys.emplace(value, mark.line); !fresh) {
      Add(mark, "duplicate key '" + value + "' (first at line " +
                    std::to_string(it->second + first_line_) + ")");
    }
  }

  void CheckTag(const YAML::Mark& mark, const std::string& tag) {
    if (tag.empty() || tag == "?" || tag == "!" || tag == kStrTag) return;
    std::string shown = tag.starts_with("tag:yaml.org,2002:") ? "!!" + tag.substr(18) : tag;
    Add(mark, "YAML tag '" + shown + "' is not supported");
  }

  // A double-quoted scalar's escapes ("\0", "\x1b", "\uD800") can make
  // what the raw text check cannot see: control characters and, from a
  // lone surrogate, invalid UTF-8. Refused rather than stripped: such a
  // value is a mistake the author should see, not one to hide.
  void CheckDecodedText(const YAML::Mark& mark, const std::string& value) {
    if (FindInvalidUtf8(value)) {
      Add(mark, "a value decodes to invalid UTF-8 (from an escape such as \"\\uD800\")");
    } else if (auto c = FindControlCharacter(value)) {
      Add(mark, "control character " + CodePointName(c->code) +
                    " in a value (from an escape such as \"\\0\"); write the text without it");
    }
  }

  // yaml-cpp lets a quote that is never closed run to the end of the text,
  // swallowing the keys after it. Find the closing quote ourselves.
  void CheckQuote(const YAML::Mark& mark) {
    std::size_t line_start = lines_.Start(mark.line);
    std::size_t open = line_start + mark.column;
    if (open >= text_.size() || (text_[open] != '"' && text_[open] != '\'')) return;
    char q = text_[open];
    std::size_t close = std::string_view::npos;
    for (std::size_t i = open + 1; i < text_.size(); ++i) {
      if (q == '"' && text_[i] == '\\') {
        ++i;
      } else if (text_[i] == q) {
        if (q == '\'' && i + 1 < text_.size() && text_[i + 1] == '\'') {
          ++i;
        } else {
          close = i;
          break;
        }
      }
    }
    if (close == std::string_view::npos) {
      Add(mark, "quoted value", std::string(" is never closed (missing ") + q + ")");
      return;
    }
    // A continuation line indented no deeper than the line the quote opened
    // on, that looks like `key:`, is a key swallowed by a missing quote.
    std::size_t owner_indent = IndentAt(text_, line_start);
    int line = mark.line;
    for (std::size_t nl = text_.find('\n', open); nl < close; nl = text_.find('\n', nl + 1)) {
      ++line;
      std::size_t start = nl + 1;
      std::size_t end = std::min(text_.find('\n', start), close);
      std::string_view content = text_.substr(start, end - start);
      if (IndentAt(text_, start) <= owner_indent && LooksLikeKey(content)) {
        Add(mark, "quoted value",
            " runs on to line " + std::to_string(line + first_line_) +
                ", which looks like a key: is a closing quote missing?");
        return;
      }
    }
  }

  std::string_view text_;
  const LineIndex& lines_;
  int max_depth_;
  int first_line_;
  int documents_ = 0;
  std::vector<Frame> frames_;
  std::vector<Problem> problems_;
  std::vector<std::string> anchors_;
};

void Report(const LineIndex& lines, const YamlSource& source, const Problem& p, Diagnostics* diag) {
  Diagnostic d;
  d.path = source.path;
  if (p.mark.line >= 0) {
    d.line = source.first_line + p.mark.line;
    d.column = lines.Column(p.mark.line, p.mark.column);
  }
  // yaml-cpp counts columns in bytes; messages count code points, as
  // editors do.
  d.message = p.head;
  if (p.at_column && d.column > 0) d.message += " at column " + std::to_string(d.column);
  d.message += p.tail;
  diag->Add(std::move(d));
}

bool AllOf(std::string_view s, std::size_t from, bool (*pred)(char)) {
  if (from >= s.size()) return false;
  for (std::size_t i = from; i < s.size(); ++i) {
    if (!pred(s[i])) return false;
  }
  return true;
}
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsOctal(char c) { return c >= '0' && c <= '7'; }
bool IsHex(char c) { return IsDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

}  // namespace

std::optional<YAML::Node> ParseYamlStrict(std::string_view text, const YamlSource& source,
                                          Diagnostics* diag, const YamlOptions& options) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  if (!CheckUtf8(text, source.path, source.first_line, diag)) return std::nullopt;
  std::string owned(text);
  LineIndex lines(owned);
  StrictChecker checker(owned, lines, options.max_depth, source.first_line);
  try {
    std::istringstream in(owned);
    YAML::Parser parser(in);
    while (parser.HandleNextDocument(checker)) {
    }
  } catch (const Stop& stop) {
    checker.problems().push_back(stop.problem);
  } catch (const YAML::Exception& e) {
    checker.problems().push_back({e.mark, "invalid YAML", ": " + PrintableText(e.msg), true});
  }
  if (!checker.problems().empty()) {
    for (const auto& p : checker.problems()) Report(lines, source, p, diag);
    return std::nullopt;
  }
  try {
    return YAML::Load(owned);
  } catch (const YAML::Exception& e) {  // not expected after the checks above
    Report(lines, source, {e.mark, "invalid YAML", ": " + PrintableText(e.msg), true}, diag);
    return std::nullopt;
  }
}

int LineOf(const YAML::Node& node, const YamlSource& source) {
  YAML::Mark mark = node.Mark();
  if (mark.is_null() || mark.line < 0) return source.first_line;
  return source.first_line + mark.line;
}

std::string DescribeYaml(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Sequence:
      return "a list";
    case YAML::NodeType::Map:
      return "a map";
    case YAML::NodeType::Scalar:
      return "a string";
    default:
      return "nothing";
  }
}

bool IsPlainScalar(const YAML::Node& node) { return node.IsScalar() && node.Tag() == "?"; }

std::optional<bool> CoreBool(const YAML::Node& node) {
  if (!IsPlainScalar(node)) return std::nullopt;
  const std::string& s = node.Scalar();
  if (s == "true" || s == "True" || s == "TRUE") return true;
  if (s == "false" || s == "False" || s == "FALSE") return false;
  return std::nullopt;
}

std::optional<std::int64_t> CoreInt(const YAML::Node& node) {
  if (!IsPlainScalar(node)) return std::nullopt;
  std::string_view s = node.Scalar();
  int base = 10;
  bool negative = false;
  if (s.starts_with("0o") && AllOf(s, 2, IsOctal)) {
    base = 8;
    s.remove_prefix(2);
  } else if (s.starts_with("0x") && AllOf(s, 2, IsHex)) {
    base = 16;
    s.remove_prefix(2);
  } else {
    if (!s.empty() && (s[0] == '-' || s[0] == '+')) {
      negative = s[0] == '-';
      s.remove_prefix(1);
    }
    if (!AllOf(s, 0, IsDigit)) return std::nullopt;
  }
  // Parse the magnitude as unsigned so that the minimum int64 fits too.
  std::uint64_t magnitude = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), magnitude, base);
  if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  constexpr std::uint64_t kMax = static_cast<std::uint64_t>(INT64_MAX);
  if (negative) {
    if (magnitude > kMax + 1) return std::nullopt;
    return magnitude == kMax + 1 ? INT64_MIN : -static_cast<std::int64_t>(magnitude);
  }
  if (magnitude > kMax) return std::nullopt;
  return static_cast<std::int64_t>(magnitude);
}

std::optional<double> CoreFloat(const YAML::Node& node) {
  if (!IsPlainScalar(node)) return std::nullopt;
  std::string_view s = node.Scalar();
  std::string_view unsigned_part = s;
  double sign = 1;
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) {
    sign = s[0] == '-' ? -1 : 1;
    unsigned_part.remove_prefix(1);
  }
  if (unsigned_part == ".inf" || unsigned_part == ".Inf" || unsigned_part == ".INF") {
    return sign * INFINITY;
  }
  if (s == ".nan" || s == ".NaN" || s == ".NAN") return NAN;
  if (auto i = CoreInt(node)) return static_cast<double>(*i);
  // [-+]? ( \. [0-9]+ | [0-9]+ ( \. [0-9]* )? ) ( [eE] [-+]? [0-9]+ )?
  std::size_t i = 0;
  const std::string_view u = unsigned_part;
  std::size_t int_digits = 0, frac_digits = 0;
  while (i < u.size() && IsDigit(u[i])) ++i, ++int_digits;
  if (i < u.size() && u[i] == '.') {
    ++i;
    while (i < u.size() && IsDigit(u[i])) ++i, ++frac_digits;
  }
  if (int_digits == 0 && frac_digits == 0) return std::nullopt;
  if (i < u.size() && (u[i] == 'e' || u[i] == 'E')) {
    ++i;
    if (i < u.size() && (u[i] == '-' || u[i] == '+')) ++i;
    std::size_t exp_digits = 0;
    while (i < u.size() && IsDigit(u[i])) ++i, ++exp_digits;
    if (exp_digits == 0) return std::nullopt;
  }
  if (i != u.size()) return std::nullopt;
  try {
    return sign * std::stod(std::string(u));
  } catch (const std::out_of_range&) {
    return std::nullopt;
  }
}

nlohmann::json YamlToJson(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Sequence: {
      nlohmann::json out = nlohmann::json::array();
      for (const auto& item : node) out.push_back(YamlToJson(item));
      return out;
    }
    case YAML::NodeType::Map: {
      nlohmann::json out = nlohmann::json::object();
      for (const auto& kv : node) out[kv.first.Scalar()] = YamlToJson(kv.second);
      return out;
    }
    case YAML::NodeType::Scalar: {
      if (auto b = CoreBool(node)) return *b;
      if (auto i = CoreInt(node)) return *i;
      if (auto f = CoreFloat(node); f && std::isfinite(*f)) return *f;
      return node.Scalar();
    }
    default:
      return nullptr;
  }
}

std::optional<Date> ParseIsoDate(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (!IsDigit(s[i])) return std::nullopt;
  }
  auto num = [&](std::size_t from, std::size_t len) {
    int v = 0;
    for (std::size_t i = from; i < from + len; ++i) v = v * 10 + (s[i] - '0');
    return v;
  };
  Date d{num(0, 4), num(5, 2), num(8, 2)};
  if (d.year < 1 || d.month < 1 || d.month > 12 || d.day < 1) return std::nullopt;
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (d.year % 4 == 0 && d.year % 100 != 0) || d.year % 400 == 0;
  int days = kDays[d.month - 1] + (d.month == 2 && leap ? 1 : 0);
  if (d.day > days) return std::nullopt;
  return d;
}

}  // namespace kbgen
