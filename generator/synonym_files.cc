#include "generator/synonym_files.h"

#include <fstream>
#include <iterator>

#include "generator/page.h"
#include "generator/yaml_strict.h"

namespace kbgen {

bool ParseSynonymFile(std::string_view text, const std::string& path, const std::string& lang,
                      SynonymsByLanguage* out, Diagnostics* diag) {
  const YamlSource source{path, 1};
  std::optional<YAML::Node> root = ParseYamlStrict(text, source, diag);
  if (!root) return false;
  if (root->IsNull()) return true;
  if (!root->IsSequence()) {
    diag->Error(path, LineOf(*root, source),
                "a synonyms file is a list of groups, e.g. - [PPP, public-private partnership]; "
                "found " + DescribeYaml(*root));
    return false;
  }
  bool ok = true;
  for (const YAML::Node& group : *root) {
    std::vector<std::string> members;
    bool good = group.IsSequence() && group.size() >= 2;
    if (good) {
      for (const YAML::Node& m : group) {
        if (!m.IsScalar() || m.Scalar().empty()) {
          good = false;
          break;
        }
        members.push_back(m.Scalar());
      }
    }
    if (!good) {
      diag->Error(path, LineOf(group, source),
                  "a synonym group is a list of two or more words or phrases, found " +
                      DescribeYaml(group));
      ok = false;
      continue;
    }
    auto& list = (*out)[lang][members[0]];
    list.insert(list.end(), members.begin() + 1, members.end());
  }
  return ok;
}

bool LoadSynonymFiles(const std::filesystem::path& i18n_dir, SynonymsByLanguage* out,
                      Diagnostics* diag) {
  bool ok = true;
  for (std::string_view l : kLanguages) {
    const std::string lang(l);
    const std::filesystem::path file = i18n_dir / "synonyms" / (lang + ".yml");
    std::error_code ec;
    if (!std::filesystem::is_regular_file(file, ec)) continue;
    std::ifstream in(file, std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (!in.good() && !in.eof()) {
      diag->Error(file.string(), 0, "cannot read the synonyms file");
      ok = false;
      continue;
    }
    ok &= ParseSynonymFile(text, file.string(), lang, out, diag);
  }
  return ok;
}

}  // namespace kbgen
