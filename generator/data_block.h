// Data blocks: a fenced ```data block in a page becomes an accessible HTML
// table and a build-time SVG bar chart of a file under content/data/.
//
//   ```data
//   file: innovation-products-by-region.csv
//   caption: Innovation products delivered in 2018, by ITU region and product type
//   chart: bar
//   source: ITU
//   ```
//
// `file` and `caption` (in the page's language) are required; `chart` is
// bar (the default) or none; `source`, in the page's language, is shown
// under the table. Each line is `key: value`, the value taken as written
// (a colon or # inside a caption needs no quotes; surrounding double
// quotes are removed); lines starting with # are comments.
// Labels are translated: a column key or row label that is a taxonomy term
// goes through Catalogs::Term; the first column's header ("region") and
// the label "total" through the strings data.<key> (then taxonomy.<key>);
// a label of digits only (a year) is shown as written. Anything else is an
// unknown key. Numbers are formatted by the page's LocaleFormat; a row or
// column labelled "total" is shown in the table but not drawn.
//
// The HTML, for the theme's stylesheet:
//   div.data-block
//     div.data-table-scroll (role=region, keyboard-scrollable, named by the caption)
//       table.data-table: caption, thead th[scope=col], tbody/tfoot th[scope=row], td.num
//     svg.data-chart (role=img, aria-label, <title>, <desc>; see bar_chart.h)
//     p.data-source
// Ids are "kb-data-<line>-...", unique in a page.
//
// Every problem is an error naming the page file and the line in it
// (and, for a data file problem, the data file and its line).
// RenderDataBlock is safe to call from several threads at once (with one
// shared DataFileCache, which reads each data file once).
#ifndef KBGEN_GENERATOR_DATA_BLOCK_H_
#define KBGEN_GENERATOR_DATA_BLOCK_H_

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "generator/data_table.h"
#include "generator/diagnostics.h"
#include "generator/i18n.h"
#include "generator/locale.h"

namespace kbgen {

struct DataBlockSpec {
  std::string file;
  std::string caption;
  std::string source;  // empty: no source line
  bool chart = true;   // `chart: bar`
  int file_line = 0;   // line of `file:` in the page
};

// Reads the block's `key: value` lines; `line` is the page line of the
// opening fence. Reports errors and returns nullopt if there were any.
std::optional<DataBlockSpec> ParseDataBlockSpec(std::string_view block_body, int line,
                                                const std::string& page_file, Diagnostics* diag);

// The HTML for one data block, or nullopt after reporting errors.
// `line`: page line of the opening fence. `cache` may be null (the file
// is then read for this call only).
std::optional<std::string> RenderDataBlock(std::string_view block_body, int line,
                                           const std::string& page_file, const std::string& lang,
                                           const std::filesystem::path& data_dir,
                                           const Catalogs& catalogs, const LocaleFormat& locale,
                                           Diagnostics* diag, DataFileCache* cache = nullptr);

}  // namespace kbgen

#endif  // KBGEN_GENERATOR_DATA_BLOCK_H_
