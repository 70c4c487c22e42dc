// Reading one catalog file, i18n/<lang>.yml, into flat text entries.
//
// The YAML is read strictly (generator/yaml_strict.h: no duplicate keys,
// no aliases, one document). Nested mappings flatten to dotted keys
// (`nav: {home: Home}` gives "nav.home"); the top-level `terms:` mapping
// is kept apart: taxonomy term (canonical English name) -> display name.
// Every value must be a text; a message that begins with `{` must be
// quoted, or YAML reads it as a mapping, and ParseCatalog says so.
// Nothing here knows ICU: patterns are checked by the caller.
// Safe to call from several threads at once on different texts.
#ifndef KBGEN_GENERATOR_CATALOG_FILE_H_
#define KBGEN_GENERATOR_CATALOG_FILE_H_

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "generator/diagnostics.h"

namespace kbgen {

struct CatalogText {
  std::string text;
  int line = 0;  // line of the key in the file
};

struct CatalogFile {
  std::map<std::string, CatalogText, std::less<>> messages;  // "nav.home" -> "Home"
  std::map<std::string, CatalogText, std::less<>> terms;     // "Serbia" -> "Serbie"
};

// Parses the catalog text of file `path`. Reports every problem (errors
// name the file, line and key) and returns nullopt if there was any.
std::optional<CatalogFile> ParseCatalog(std::string_view text, const std::string& path,
                                        Diagnostics* diag);

}  // namespace kbgen

#endif  // KBGEN_GENERATOR_CATALOG_FILE_H_
