#include "generator/data_table.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <charconv>
#include <fstream>
#include <optional>
#include <set>
#include <sstream>
#include <utility>

#include "generator/diagnostics.h"
#include "generator/utf8.h"
#include "generator/yaml_strict.h"

namespace kbgen {
namespace {

DataLoad Failure(int line, std::string error) {
  DataLoad load;
  load.error_line = line;
  load.error = std::move(error);
  return load;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// A number written plainly: -?digits(.digits)? . Grouping marks and
// exponents are refused: "1,234" in one language is 1.234 in another.
std::optional<DataNumber> ParseNumber(std::string_view text) {
  std::string_view s = text;
  if (s.starts_with('-')) s.remove_prefix(1);
  std::size_t dot = s.find('.');
  std::string_view whole = s.substr(0, dot);
  std::string_view fraction = dot == std::string_view::npos ? "" : s.substr(dot + 1);
  auto digits = [](std::string_view d) {
    return !d.empty() && d.find_first_not_of("0123456789") == std::string_view::npos;
  };
  if (!digits(whole) || (dot != std::string_view::npos && !digits(fraction))) return std::nullopt;
  DataNumber n;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n.value);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  n.fraction_digits = static_cast<int>(fraction.size());
  return n;
}

struct CsvRecord {
  std::vector<std::string> cells;
  int line = 0;
  std::vector<int> cell_lines;  // YAML: each value's own line; CSV: empty
  int LineOf(std::size_t cell) const { return cell < cell_lines.size() ? cell_lines[cell] : line; }
};

// Splits CSV text into records; false (with *load set) on a quoting error.
bool SplitCsv(std::string_view text, std::vector<CsvRecord>* records, DataLoad* load) {
  int line = 1;
  std::size_t i = 0;
  while (i < text.size()) {
    CsvRecord record;
    record.line = line;
    bool end_of_record = false;
    while (!end_of_record) {
      std::string cell;
      std::size_t start = i;
      while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
      if (i < text.size() && text[i] == '"') {
        int quote_line = line;
        ++i;
        bool closed = false;
        while (i < text.size()) {
          char c = text[i++];
          if (c == '"') {
            if (i < text.size() && text[i] == '"') {
              cell += '"';
              ++i;
              continue;
            }
            closed = true;
            break;
          }
          if (c == '\n') ++line;
          cell += c;
        }
        if (!closed) {
          *load = Failure(quote_line, "a quoted cell is not closed");
          return false;
        }
        while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
        if (i < text.size() && text[i] != ',' && text[i] != '\n' && text[i] != '\r') {
          *load = Failure(line, "unexpected text after the closing quote of a cell");
          return false;
        }
      } else {
        i = start;
        while (i < text.size() && text[i] != ',' && text[i] != '\n' && text[i] != '\r') {
          if (text[i] == '"') {
            *load = Failure(line, "a quote inside an unquoted cell; quote the whole cell");
            return false;
          }
          ++i;
        }
        cell = std::string(Trim(text.substr(start, i - start)));
      }
      record.cells.push_back(std::move(cell));
      if (i < text.size() && text[i] == ',') {
        ++i;
        continue;
      }
      if (i < text.size() && text[i] == '\r') ++i;
      if (i < text.size() && text[i] == '\n') ++i;
      ++line;
      end_of_record = true;
    }
    bool blank = record.cells.size() == 1 && record.cells[0].empty();
    if (!blank) records->push_back(std::move(record));
  }
  return true;
}

// Checks the header and builds rows of labelled numbers.
DataLoad BuildTable(const std::vector<CsvRecord>& records) {
  if (records.empty()) return Failure(0, "the file is empty; it needs a header line");
  DataLoad load;
  const CsvRecord& header = records[0];
  if (header.cells.size() < 2) {
    return Failure(header.line,
                   "the header needs a label column and at least one column of numbers");
  }
  std::set<std::string> seen;
  for (std::size_t c = 0; c < header.cells.size(); ++c) {
    if (header.cells[c].empty()) {
      return Failure(header.line, "column " + std::to_string(c + 1) + " of the header is empty");
    }
    if (!seen.insert(header.cells[c]).second) {
      return Failure(header.line, "column '" + header.cells[c] + "' appears twice in the header");
    }
  }
  load.table.columns = header.cells;
  load.table.header_line = header.line;
  std::map<std::string, int> labels;
  for (std::size_t r = 1; r < records.size(); ++r) {
    const CsvRecord& rec = records[r];
    if (rec.cells.size() != header.cells.size()) {
      return Failure(rec.line, "this row has " + std::to_string(rec.cells.size()) +
                                   " cells; the header has " + std::to_string(header.cells.size()));
    }
    DataRow row;
    row.label = rec.cells[0];
    row.line = rec.line;
    if (row.label.empty()) return Failure(rec.line, "the row label (first cell) is empty");
    auto [it, inserted] = labels.emplace(row.label, rec.line);
    if (!inserted) {
      return Failure(rec.line, "row '" + row.label + "' appears twice (also on line " +
                                   std::to_string(it->second) + ")");
    }
    for (std::size_t c = 1; c < rec.cells.size(); ++c) {
      if (rec.cells[c].empty()) {
        return Failure(rec.LineOf(c), "the cell in column '" + header.cells[c] +
                                          "' is empty; write 0 if the value is zero");
      }
      auto n = ParseNumber(rec.cells[c]);
      if (!n) {
        return Failure(rec.LineOf(c), "'" + rec.cells[c] + "' is not a number (column '" +
                                          header.cells[c] +
                                          "'); write numbers plainly, like 1234.5");
      }
      row.cells.push_back(*n);
    }
    load.table.rows.push_back(std::move(row));
  }
  if (load.table.rows.empty()) return Failure(header.line, "the file has a header but no rows");
  load.ok = true;
  return load;
}

std::optional<DataLoad> CheckUtf8Text(std::string_view text) {
  if (auto bad = FindInvalidUtf8(text)) {
    return Failure(PositionAt(text, *bad).line, "invalid UTF-8");
  }
  return std::nullopt;
}

}  // namespace

DataLoad ParseCsvData(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  if (auto bad = CheckUtf8Text(text)) return *bad;
  std::vector<CsvRecord> records;
  DataLoad load;
  if (!SplitCsv(text, &records, &load)) return load;
  return BuildTable(records);
}

DataLoad ParseYamlData(std::string_view text) {
  Diagnostics diag;
  YamlSource source{"", 1};
  std::optional<YAML::Node> root = ParseYamlStrict(text, source, &diag);
  if (!root) {
    std::vector<Diagnostic> problems = diag.Sorted();
    if (problems.empty()) return Failure(0, "not valid YAML");
    return Failure(problems[0].line, problems[0].message);
  }
  if (!root->IsSequence() || root->size() == 0) {
    return Failure(LineOf(*root, source),
                   "a YAML data file is a list of rows, each a mapping from column to value");
  }
  // Re-use the CSV checks: each item becomes a record in column order.
  std::vector<CsvRecord> records;
  CsvRecord header;
  const YAML::Node& first = (*root)[0];
  if (!first.IsMap()) return Failure(LineOf(first, source), "each row must be a mapping");
  header.line = LineOf(first, source);
  for (auto it = first.begin(); it != first.end(); ++it) header.cells.push_back(it->first.Scalar());
  records.push_back(header);
  for (const YAML::Node& item : *root) {
    int line = LineOf(item, source);
    if (!item.IsMap()) return Failure(line, "each row must be a mapping");
    CsvRecord record;
    record.line = line;
    for (std::size_t c = 0; c < header.cells.size(); ++c) {
      YAML::Node value = item[header.cells[c]];
      if (!value.IsDefined() || value.IsNull()) {
        return Failure(line, "this row has no '" + header.cells[c] + "'");
      }
      if (!value.IsScalar()) {
        return Failure(LineOf(value, source), "'" + header.cells[c] + "' must be a single value");
      }
      if (c > 0 && !IsPlainScalar(value)) {
        return Failure(LineOf(value, source), "'" + value.Scalar() + "' is not a number (column '" +
                                                  header.cells[c] + "'); numbers are not quoted");
      }
      record.cells.push_back(value.Scalar());
      record.cell_lines.push_back(LineOf(value, source));
    }
    if (item.size() != header.cells.size()) {
      for (auto it = item.begin(); it != item.end(); ++it) {
        const std::string& key = it->first.Scalar();
        if (std::find(header.cells.begin(), header.cells.end(), key) == header.cells.end()) {
          return Failure(LineOf(it->first, source),
                         "'" + key + "' is not a column of the first row");
        }
      }
    }
    records.push_back(std::move(record));
  }
  return BuildTable(records);
}

std::shared_ptr<const DataLoad> DataFileCache::Get(const std::filesystem::path& path) {
  std::lock_guard<std::mutex> lock(mu_);  // files are small: parse under the lock
  auto it = files_.find(path.string());
  if (it != files_.end()) return it->second;
  auto load = std::make_shared<DataLoad>();
  std::string ext = path.extension().string();
  std::error_code ec;
  if (ext != ".csv" && ext != ".yml" && ext != ".yaml") {
    *load = Failure(0, "a data file is .csv, .yml or .yaml");
  } else if (!std::filesystem::is_regular_file(path, ec)) {
    *load = Failure(0, "file not found");
  } else {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    if (in) text << in.rdbuf();
    if (!in || in.bad()) {
      *load = Failure(0, "cannot read the file");
    } else {
      *load = ext == ".csv" ? ParseCsvData(text.str()) : ParseYamlData(text.str());
    }
  }
  files_.emplace(path.string(), load);
  return load;
}

}  // namespace kbgen
