// YamlMapReader (declared in yaml_strict.h): typed fields of one YAML map.
#include <cmath>
#include <utility>

#include "generator/yaml_strict.h"

namespace kbgen {
namespace {

// Long values are cut in messages so one line stays readable.
std::string Shorten(const std::string& s) {
  constexpr std::size_t kMax = 60;
  if (s.size() <= kMax) return s;
  std::size_t cut = kMax;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return s.substr(0, cut) + "...";
}

// What a value is, for "found ..." in messages: a plain scalar is shown
// as written, a quoted one as a string.
std::string Found(const YAML::Node& value) {
  if (!value.IsScalar()) return DescribeYaml(value);
  if (IsPlainScalar(value)) return "'" + Shorten(value.Scalar()) + "'";
  return "the string \"" + Shorten(value.Scalar()) + "\"";
}

}  // namespace

YamlMapReader::YamlMapReader(const YAML::Node& map, const YamlSource& source, Diagnostics* diag,
                             std::string name)
    : YamlMapReader(map, source, diag, std::move(name), "", std::make_shared<State>()) {}

YamlMapReader::YamlMapReader(const YAML::Node& map, const YamlSource& source, Diagnostics* diag,
                             std::string name, std::string prefix, std::shared_ptr<State> state)
    : source_(source), diag_(diag), prefix_(std::move(prefix)), state_(std::move(state)) {
  if (map.IsMap()) {
    for (const auto& kv : map) {
      // ParseYamlStrict has made keys unique scalars; keep the first anyway.
      if (index_.emplace(kv.first.Scalar(), entries_.size()).second) {
        entries_.push_back({kv.first.Scalar(), kv.first, kv.second, false});
      }
    }
  } else if (map.IsDefined() && !map.IsNull()) {
    Error(kbgen::LineOf(map, source_),
          name + " must be a map of keys and values, found " + DescribeYaml(map));
  }
}

const YamlMapReader::Entry* YamlMapReader::Find(std::string_view key) const {
  auto it = index_.find(key);
  return it == index_.end() ? nullptr : &entries_[it->second];
}

bool YamlMapReader::Has(std::string_view key) const { return Find(key) != nullptr; }

YAML::Node YamlMapReader::Get(std::string_view key) const {
  const Entry* e = Find(key);
  return e ? e->value : YAML::Node(YAML::NodeType::Null);
}

int YamlMapReader::LineOf(std::string_view key) const {
  const Entry* e = Find(key);
  return e ? kbgen::LineOf(e->key_node, source_) : 0;
}

std::vector<std::string> YamlMapReader::Keys() const {
  std::vector<std::string> out;
  for (const Entry& e : entries_) out.push_back(e.key);
  return out;
}

std::vector<std::string> YamlMapReader::UnreadKeys() const {
  std::vector<std::string> out;
  for (const Entry& e : entries_) {
    if (!e.read) out.push_back(e.key);
  }
  return out;
}

std::optional<YAML::Node> YamlMapReader::Take(std::string_view key) {
  auto it = index_.find(key);
  if (it == index_.end()) return std::nullopt;
  Entry& e = entries_[it->second];
  e.read = true;
  if (e.value.IsNull()) return std::nullopt;
  return e.value;
}

void YamlMapReader::Error(int line, std::string message) {
  state_->ok = false;
  diag_->Error(source_.path, line, std::move(message));
}

void YamlMapReader::Warning(int line, std::string message) const {
  diag_->Warning(source_.path, line, std::move(message));
}

std::string YamlMapReader::Quoted(std::string_view key) const {
  return "'" + prefix_ + std::string(key) + "'";
}

void YamlMapReader::TypeError(std::string_view key, const YAML::Node& value,
                              std::string_view wanted) {
  Error(LineOf(key), Quoted(key) + " must be " + std::string(wanted) + ", found " + Found(value));
}

bool YamlMapReader::GetString(std::string_view key, std::string* out) {
  auto value = Take(key);
  if (!value) return false;
  if (!value->IsScalar()) {
    TypeError(key, *value, "a string");
    return false;
  }
  *out = value->Scalar();
  return true;
}

bool YamlMapReader::GetDate(std::string_view key, Date* out) {
  auto value = Take(key);
  if (!value) return false;
  std::optional<Date> date;
  if (value->IsScalar()) date = ParseIsoDate(value->Scalar());
  if (!date) {
    TypeError(key, *value, "a real date written YYYY-MM-DD");
    return false;
  }
  *out = *date;
  return true;
}

bool YamlMapReader::GetInt(std::string_view key, std::int64_t* out, std::int64_t min,
                           std::int64_t max) {
  auto value = Take(key);
  if (!value) return false;
  auto i = CoreInt(*value);
  if (!i) {
    TypeError(key, *value, "a whole number");
    return false;
  }
  if (*i < min || *i > max) {
    TypeError(key, *value,
              "a whole number from " + std::to_string(min) + " to " + std::to_string(max));
    return false;
  }
  *out = *i;
  return true;
}

bool YamlMapReader::GetNumber(std::string_view key, double* out) {
  auto value = Take(key);
  if (!value) return false;
  auto f = CoreFloat(*value);
  if (!f || !std::isfinite(*f)) {
    TypeError(key, *value, "a number");
    return false;
  }
  *out = *f;
  return true;
}

bool YamlMapReader::GetBool(std::string_view key, bool* out) {
  auto value = Take(key);
  if (!value) return false;
  auto b = CoreBool(*value);
  if (!b) {
    TypeError(key, *value, "true or false");
    return false;
  }
  *out = *b;
  return true;
}

bool YamlMapReader::GetStringList(std::string_view key, std::vector<std::string>* out) {
  auto value = Take(key);
  if (!value) return false;
  if (!value->IsSequence()) {
    TypeError(key, *value, "a list of strings");
    return false;
  }
  std::vector<std::string> items;
  bool good = true;
  int index = 0;
  for (const auto& item : *value) {
    ++index;
    if (item.IsScalar()) {
      items.push_back(item.Scalar());
      continue;
    }
    good = false;
    Error(kbgen::LineOf(item, source_), Quoted(key) + " item " + std::to_string(index) +
                                            " must be a string, found " + DescribeYaml(item));
  }
  if (!good) return false;
  *out = std::move(items);
  return true;
}

bool YamlMapReader::GetStringOrList(std::string_view key, std::vector<std::string>* out) {
  YAML::Node value = Get(key);
  if (value.IsScalar()) {
    Take(key);
    *out = {value.Scalar()};
    return true;
  }
  if (value.IsMap()) {
    Take(key);
    TypeError(key, value, "a string or a list of strings");
    return false;
  }
  return GetStringList(key, out);
}

std::optional<YamlMapReader> YamlMapReader::Map(std::string_view key) {
  auto value = Take(key);
  if (!value) return std::nullopt;
  if (!value->IsMap()) {
    TypeError(key, *value, "a map");
    return std::nullopt;
  }
  return YamlMapReader(*value, source_, diag_, Quoted(key), prefix_ + std::string(key) + ".",
                       state_);
}

std::optional<YAML::Node> YamlMapReader::List(std::string_view key) {
  auto value = Take(key);
  if (!value) return std::nullopt;
  if (!value->IsSequence()) {
    TypeError(key, *value, "a list");
    return std::nullopt;
  }
  return value;
}

YamlMapReader YamlMapReader::Nested(const YAML::Node& map, const std::string& path) {
  return YamlMapReader(map, source_, diag_, "'" + path + "'", path + ".", state_);
}

}  // namespace kbgen
