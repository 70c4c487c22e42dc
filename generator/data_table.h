// Data files for data blocks: content/data/<name>.csv or .yml, parsed into
// a table of labelled numbers.
//
// CSV (RFC 4180: commas, double quotes, "" for a quote, LF or CRLF): the
// first line is the header, the first column holds the row labels, every
// other cell is a number written plainly (12, 3.5, -4; no grouping marks).
//
//   region,knowledge sharing,capacity building
//   Africa,12,30
//
// YAML: a list of mappings with the same keys, the first key giving the
// row label, in the order of the first item:
//
//   - region: Africa
//     knowledge sharing: 12
//
// Parse*() take the text (and the file name for messages) and report the
// first problem with its line; DataFileCache reads files once for all the
// pages (each language's page uses the same file) and is thread-safe.
#ifndef KBGEN_GENERATOR_DATA_TABLE_H_
#define KBGEN_GENERATOR_DATA_TABLE_H_

#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace kbgen {

struct DataNumber {
  double value = 0;
  int fraction_digits = 0;  // as written: "3.50" has 2, so it shows as 3.50
};

struct DataRow {
  std::string label;
  std::vector<DataNumber> cells;  // one per column after the first
  int line = 0;                   // line in the data file
};

struct DataTable {
  std::vector<std::string> columns;  // header: columns[0] names the labels ("region")
  int header_line = 1;               // line of the header (of the first item in YAML)
  std::vector<DataRow> rows;
};

// A parsed file, or why it could not be parsed.
struct DataLoad {
  bool ok = false;
  DataTable table;
  int error_line = 0;  // 0 when the problem is the whole file
  std::string error;   // "'12a' is not a number (column 'funding')"
};

DataLoad ParseCsvData(std::string_view text);
DataLoad ParseYamlData(std::string_view text);

class DataFileCache {
 public:
  // The parsed file at `path` (".csv", ".yml" or ".yaml"), read on first
  // use; later calls share the result.
  std::shared_ptr<const DataLoad> Get(const std::filesystem::path& path);

 private:
  std::mutex mu_;
  std::map<std::string, std::shared_ptr<const DataLoad>> files_;
};

}  // namespace kbgen

#endif  // KBGEN_GENERATOR_DATA_TABLE_H_
