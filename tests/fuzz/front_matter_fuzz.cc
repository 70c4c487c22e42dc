// Front matter and strict YAML: any file text gives a parsed page or
// diagnostics, never a crash; what parses holds no control character.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_checks.h"
#include "generator/front_matter.h"
#include "generator/site_config.h"
#include "generator/yaml_strict.h"

using namespace kbgen;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  {
    Diagnostics diag;
    auto file = ParseContentFile(text, "content/en/a.md", &diag);
    FUZZ_CHECK(file.has_value() != diag.has_errors());
    if (file) {
      FUZZ_CHECK(!file->meta.title.empty());
      FUZZ_CHECK(fuzz::IsCleanOutput(file->meta.title));
      FUZZ_CHECK(fuzz::IsCleanOutput(file->meta.summary));
      for (const auto& t : file->meta.tags) FUZZ_CHECK(fuzz::IsCleanOutput(t));
      FUZZ_CHECK(file->meta.params.dump(-1, ' ', false,
                                        nlohmann::json::error_handler_t::strict).size() > 0);
    }
    std::string messages = FormatDiagnostics(diag);
    FUZZ_CHECK(!FindInvalidUtf8(messages) || FindInvalidUtf8(text));
  }
  {
    Diagnostics diag;
    auto node = ParseYamlStrict(text, {"kbgen.yml", 1}, &diag, {.max_depth = 16});
    if (node) {
      nlohmann::json j = YamlToJson(*node);
      (void)j;
    }
  }
  {
    Diagnostics diag;
    auto config = ParseSiteConfig(std::string(text), "kbgen.yml", &diag);
    FUZZ_CHECK(config.has_value() != diag.has_errors());
  }
  return 0;
}
