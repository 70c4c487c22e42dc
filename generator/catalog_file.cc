#include "generator/catalog_file.h"

#include <yaml-cpp/yaml.h>

#include <utility>

#include "generator/yaml_strict.h"

namespace kbgen {
namespace {

constexpr std::string_view kTermsKey = "terms";

class CatalogReader {
 public:
  CatalogReader(const std::string& path, Diagnostics* diag) : source_{path, 1}, diag_(diag) {}

  bool ok() const { return ok_; }
  CatalogFile& result() { return result_; }

  void ReadRoot(const YAML::Node& root) {
    if (root.IsNull()) return;  // an empty catalog: every key falls back
    if (!root.IsMap()) {
      Error(LineOf(root, source_),
            "a catalog is a mapping of keys to messages, found " + DescribeYaml(root));
      return;
    }
    for (auto it = root.begin(); it != root.end(); ++it) {
      std::string key = it->first.Scalar();
      if (key == kTermsKey) {
        ReadTerms(it->second, LineOf(it->first, source_));
      } else {
        ReadValue(key, it->second, LineOf(it->first, source_));
      }
    }
  }

 private:
  void Error(int line, std::string message) {
    diag_->Error(source_.path, line, std::move(message));
    ok_ = false;
  }

  // `key` is the dotted key so far; `line` the line of its last part.
  void ReadValue(const std::string& key, const YAML::Node& value, int line) {
    if (value.IsMap()) {
      // `{count, plural, ...}` unquoted reads as a flow mapping of keys
      // without values; a real flow mapping (`nav: {home: Home}`) has them.
      bool has_null = false;
      for (auto it = value.begin(); it != value.end(); ++it) has_null |= it->second.IsNull();
      if (value.Style() == YAML::EmitterStyle::Flow && has_null) {
        Error(line, "message '" + key +
                        "' begins with '{' and YAML reads it as a mapping; put the message "
                        "in double quotes");
        return;
      }
      for (auto it = value.begin(); it != value.end(); ++it) {
        ReadValue(key + "." + it->first.Scalar(), it->second, LineOf(it->first, source_));
      }
      return;
    }
    if (!value.IsScalar()) {
      Error(line, "message '" + key + "' must be a text, found " + DescribeYaml(value));
      return;
    }
    Store(&result_.messages, key, value.Scalar(), line, "key");
  }

  void ReadTerms(const YAML::Node& terms, int line) {
    if (terms.IsNull()) return;
    if (!terms.IsMap()) {
      Error(line, "'terms' must map each taxonomy term to its name in this language, found " +
                      DescribeYaml(terms));
      return;
    }
    for (auto it = terms.begin(); it != terms.end(); ++it) {
      std::string term = it->first.Scalar();
      int term_line = LineOf(it->first, source_);
      if (!it->second.IsScalar() || it->second.Scalar().empty()) {
        Error(term_line,
              "term '" + term + "' must have a name (a text), found " + DescribeYaml(it->second));
        continue;
      }
      Store(&result_.terms, term, it->second.Scalar(), term_line, "term");
    }
  }

  void Store(std::map<std::string, CatalogText, std::less<>>* into, const std::string& key,
             const std::string& text, int line, const char* what) {
    auto [it, inserted] = into->emplace(key, CatalogText{text, line});
    if (!inserted) {
      // `nav: {home: ...}` beside `nav.home: ...`: strict YAML cannot see it.
      Error(line, std::string(what) + " '" + key + "' is given twice (also on line " +
                      std::to_string(it->second.line) + ")");
    }
  }

  YamlSource source_;
  Diagnostics* diag_;
  CatalogFile result_;
  bool ok_ = true;
};

}  // namespace

std::optional<CatalogFile> ParseCatalog(std::string_view text, const std::string& path,
                                        Diagnostics* diag) {
  std::optional<YAML::Node> root = ParseYamlStrict(text, YamlSource{path, 1}, diag);
  if (!root) return std::nullopt;
  CatalogReader reader(path, diag);
  reader.ReadRoot(*root);
  if (!reader.ok()) return std::nullopt;
  return std::move(reader.result());
}

}  // namespace kbgen
