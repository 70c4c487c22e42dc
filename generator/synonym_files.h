// Search synonyms that publishers edit, one file per language:
// <i18n>/synonyms/<lang>.yml, a list of groups, each the words or phrases
// a reader may type for one thing (an acronym and its expansion, two
// spellings, a term and its translation as readers use it):
//
//   - [PPP, public-private partnership]
//   - [startup, start-up, start up]
//
// A missing file is no synonyms. A malformed one, or a group that is not a
// list of two or more strings, is an error naming the file and line.
// The groups join the `search.synonyms` of kbgen.yml (site_config.h);
// groups that share a member become one (search/synonyms.h).
#ifndef KBGEN_GENERATOR_SYNONYM_FILES_H_
#define KBGEN_GENERATOR_SYNONYM_FILES_H_

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "generator/diagnostics.h"

namespace kbgen {

// lang -> (term -> synonyms), the shape of SiteConfig::synonyms.
using SynonymsByLanguage = std::map<std::string, std::map<std::string, std::vector<std::string>>>;

// Parses one file's text into (*out)[lang]; false on errors (reported).
bool ParseSynonymFile(std::string_view text, const std::string& path, const std::string& lang,
                      SynonymsByLanguage* out, Diagnostics* diag);

// Loads <i18n_dir>/synonyms/<lang>.yml for every language that has one.
bool LoadSynonymFiles(const std::filesystem::path& i18n_dir, SynonymsByLanguage* out,
                      Diagnostics* diag);

}  // namespace kbgen

#endif  // KBGEN_GENERATOR_SYNONYM_FILES_H_
