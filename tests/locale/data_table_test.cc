// Data files: CSV and YAML parsing, every refusal with its line, and the
// shared cache.
#include "generator/data_table.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>

using namespace kbgen;

namespace {

std::string Error(const DataLoad& load) {
  CHECK_FALSE(load.ok);
  return std::to_string(load.error_line) + ": " + load.error;
}

}  // namespace

TEST_CASE("CSV: header, labels and numbers as written") {
  DataLoad load = ParseCsvData(
      "region,knowledge sharing,capacity building\n"
      "Africa,12,3.50\n"
      "\"Asia and Pacific\", 7 ,-2\n");
  REQUIRE(load.ok);
  const DataTable& t = load.table;
  CHECK(t.columns == std::vector<std::string>{"region", "knowledge sharing", "capacity building"});
  CHECK(t.header_line == 1);
  REQUIRE(t.rows.size() == 2);
  CHECK(t.rows[0].label == "Africa");
  CHECK(t.rows[0].line == 2);
  CHECK(t.rows[0].cells[0].value == 12);
  CHECK(t.rows[0].cells[0].fraction_digits == 0);
  CHECK(t.rows[0].cells[1].value == 3.5);
  CHECK(t.rows[0].cells[1].fraction_digits == 2);
  CHECK(t.rows[1].label == "Asia and Pacific");
  CHECK(t.rows[1].line == 3);
  CHECK(t.rows[1].cells[0].value == 7);
  CHECK(t.rows[1].cells[1].value == -2);
}

TEST_CASE("CSV: CRLF, a byte order mark, blank lines, quotes and quoted newlines") {
  DataLoad load = ParseCsvData(
      "\xEF\xBB\xBFregion,\"say \"\"hi\"\", twice\"\r\n"
      "\r\n"
      "\"two\nlines\",1\r\n"
      "Europe,2\r\n"
      "\r\n");
  REQUIRE(load.ok);
  CHECK(load.table.columns[1] == "say \"hi\", twice");
  REQUIRE(load.table.rows.size() == 2);
  CHECK(load.table.rows[0].label == "two\nlines");
  CHECK(load.table.rows[0].line == 3);
  CHECK(load.table.rows[1].label == "Europe");
  CHECK(load.table.rows[1].line == 5);
}

TEST_CASE("CSV refusals name the line") {
  CHECK(Error(ParseCsvData("")) == "0: the file is empty; it needs a header line");
  CHECK(Error(ParseCsvData("region\nAfrica\n")) ==
        "1: the header needs a label column and at least one column of numbers");
  CHECK(Error(ParseCsvData("region,,b\n")) == "1: column 2 of the header is empty");
  CHECK(Error(ParseCsvData("region,a,a\n")) == "1: column 'a' appears twice in the header");
  CHECK(Error(ParseCsvData("region,a\n")) == "1: the file has a header but no rows");
  CHECK(Error(ParseCsvData("region,a,b\nAfrica,1,2\nEurope,3\n")) ==
        "3: this row has 2 cells; the header has 3");
  CHECK(Error(ParseCsvData("region,a\nAfrica,12a\n")) ==
        "2: '12a' is not a number (column 'a'); write numbers plainly, like 1234.5");
  CHECK(Error(ParseCsvData("region,a\nAfrica,\"1,234\"\n")) ==
        "2: '1,234' is not a number (column 'a'); write numbers plainly, like 1234.5");
  CHECK(Error(ParseCsvData("region,a\nAfrica,\n")) ==
        "2: the cell in column 'a' is empty; write 0 if the value is zero");
  CHECK(Error(ParseCsvData("region,a\nAfrica,1e3\n")) ==
        "2: '1e3' is not a number (column 'a'); write numbers plainly, like 1234.5");
  CHECK(Error(ParseCsvData("region,a\n,1\n")) == "2: the row label (first cell) is empty");
  CHECK(Error(ParseCsvData("region,a\nAfrica,1\nAfrica,2\n")) ==
        "3: row 'Africa' appears twice (also on line 2)");
  CHECK(Error(ParseCsvData("region,a\n\"Africa,1\n")) == "2: a quoted cell is not closed");
  CHECK(Error(ParseCsvData("region,a\n\"Africa\"x,1\n")) ==
        "2: unexpected text after the closing quote of a cell");
  CHECK(Error(ParseCsvData("region,a\nAf\"rica,1\n")) ==
        "2: a quote inside an unquoted cell; quote the whole cell");
  CHECK(Error(ParseCsvData("region,a\nAfrica,1\nEur\xFFpe,2\n")) == "3: invalid UTF-8");
}

TEST_CASE("YAML: a list of rows with the same keys") {
  DataLoad load = ParseYamlData(
      "- region: Africa\n"
      "  knowledge sharing: 12\n"
      "  capacity building: 2.5\n"
      "- capacity building: 4\n"
      "  region: Europe\n"
      "  knowledge sharing: 0\n");
  REQUIRE(load.ok);
  CHECK(load.table.columns ==
        std::vector<std::string>{"region", "knowledge sharing", "capacity building"});
  REQUIRE(load.table.rows.size() == 2);
  CHECK(load.table.rows[1].label == "Europe");
  CHECK(load.table.rows[1].line == 4);
  CHECK(load.table.rows[1].cells[1].value == 4);
  CHECK(load.table.rows[0].cells[1].fraction_digits == 1);
}

TEST_CASE("YAML refusals name the line") {
  CHECK(Error(ParseYamlData("region: Africa\n")) ==
        "1: a YAML data file is a list of rows, each a mapping from column to value");
  CHECK(Error(ParseYamlData("- region: Africa\n  a: 1\n- region: Europe\n")) ==
        "3: this row has no 'a'");
  CHECK(Error(ParseYamlData("- region: Africa\n  a: 1\n- region: Europe\n  a: 2\n  b: 3\n")) ==
        "5: 'b' is not a column of the first row");
  CHECK(Error(ParseYamlData("- region: Africa\n  a: \"1\"\n")) ==
        "2: '1' is not a number (column 'a'); numbers are not quoted");
  CHECK(Error(ParseYamlData("- region: Africa\n  a: [1]\n")) == "2: 'a' must be a single value");
  CHECK(Error(ParseYamlData("- region: Africa\n  a: lots\n")) ==
        "2: 'lots' is not a number (column 'a'); write numbers plainly, like 1234.5");
  CHECK(Error(ParseYamlData("- region: Africa\n  region: Europe\n  a: 1\n")).starts_with("2: "));
}

TEST_CASE("the cache reads a file once and reports missing files and bad names") {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / "kbgen_data_table_test";
  fs::remove_all(dir);
  fs::create_directories(dir);
  { std::ofstream(dir / "a.csv") << "region,a\nAfrica,1\n"; }
  DataFileCache cache;
  auto first = cache.Get(dir / "a.csv");
  REQUIRE(first->ok);
  CHECK(first->table.rows[0].cells[0].value == 1);
  {
    std::ofstream(dir / "a.csv") << "region,a\nAfrica,2\n";  // not read again
  }
  CHECK(cache.Get(dir / "a.csv") == first);
  CHECK(cache.Get(dir / "b.csv")->error == "file not found");
  CHECK(cache.Get(dir / "a.txt")->error == "a data file is .csv, .yml or .yaml");
  fs::remove_all(dir);
}
