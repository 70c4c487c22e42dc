#include "generator/data_block.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <memory>
#include <vector>

#include "generator/bar_chart.h"
#include "generator/page.h"

namespace kbgen {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kKeys = "file, caption, chart, source";

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) {
    s.remove_prefix(1);
  }
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

// "Caption" or "\"Caption\"" -> Caption (with \" and \\ inside quotes).
std::string Unquote(std::string_view v) {
  if (v.size() < 2 || v.front() != '"' || v.back() != '"') return std::string(v);
  std::string out;
  for (std::size_t i = 1; i + 1 < v.size(); ++i) {
    if (v[i] == '\\' && i + 2 < v.size() && (v[i + 1] == '"' || v[i + 1] == '\\')) ++i;
    out += v[i];
  }
  return out;
}

// "Knowledge sharing" -> "knowledge_sharing", the form of data.<key> strings.
std::string KeyForm(std::string_view label) {
  std::string out;
  for (char c : label) {
    out += c == ' ' ? '_' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// True when `file` names a path inside the data folder, without leaving it
// by "..", an absolute path or a symbolic link.
bool InsideDataDir(const fs::path& data_dir, const std::string& file) {
  fs::path rel(file);
  if (file.empty() || rel.is_absolute() || rel.has_root_name() ||
      file.find('\\') != std::string::npos) {
    return false;
  }
  for (const auto& part : rel) {
    if (part == ".." || part == ".") return false;
  }
  std::error_code ec;
  fs::path base = fs::weakly_canonical(data_dir, ec);
  if (ec) return false;
  fs::path full = fs::weakly_canonical(data_dir / rel, ec);
  if (ec) return false;
  auto [b, f] = std::mismatch(base.begin(), base.end(), full.begin(), full.end());
  return b == base.end();
}

// A label in the page's language; nullopt when the data file uses a key
// the catalogs do not know.
class Labeller {
 public:
  Labeller(const Catalogs& catalogs, const std::string& lang) : catalogs_(catalogs), lang_(lang) {}

  std::optional<std::string> Header(const std::string& key) const {
    std::string form = KeyForm(key);
    if (catalogs_.Has("data." + form)) return catalogs_.Format(lang_, "data." + form);
    if (catalogs_.Has("taxonomy." + form)) return catalogs_.Format(lang_, "taxonomy." + form);
    return Label(key);
  }

  std::optional<std::string> Label(const std::string& key) const {
    if (catalogs_.HasTerm(kSourceLanguage, key) || catalogs_.HasTerm(lang_, key)) {
      return catalogs_.Term(lang_, key);
    }
    std::string form = KeyForm(key);
    if (catalogs_.Has("data." + form)) return catalogs_.Format(lang_, "data." + form);
    if (AllDigits(key)) return key;
    return std::nullopt;
  }

 private:
  const Catalogs& catalogs_;
  const std::string& lang_;
};

bool IsTotal(const std::string& key) { return KeyForm(key) == "total"; }

}  // namespace

std::optional<DataBlockSpec> ParseDataBlockSpec(std::string_view body, int line,
                                                const std::string& page_file, Diagnostics* diag) {
  DataBlockSpec spec;
  bool ok = true, has_file = false, has_caption = false;
  std::map<std::string, int> seen;
  int n = 0;
  for (std::size_t start = 0; start < body.size(); ++n) {
    std::size_t end = body.find('\n', start);
    if (end == std::string_view::npos) end = body.size();
    std::string_view text = Trim(body.substr(start, end - start));
    start = end + 1;
    int at = line + 1 + n;
    if (text.empty() || text.starts_with('#')) continue;
    std::size_t colon = text.find(':');
    if (colon == std::string_view::npos) {
      diag->Error(page_file, at,
                  "data block: expected 'key: value', found '" + std::string(text) + "'");
      ok = false;
      continue;
    }
    std::string key(Trim(text.substr(0, colon)));
    std::string value = Unquote(Trim(text.substr(colon + 1)));
    auto [it, inserted] = seen.emplace(key, at);
    if (!inserted) {
      diag->Error(page_file, at,
                  "data block: '" + key + "' is given twice (also on line " +
                      std::to_string(it->second) + ")");
      ok = false;
      continue;
    }
    if (key == "file") {
      spec.file = value;
      spec.file_line = at;
      has_file = !value.empty();
    } else if (key == "caption") {
      spec.caption = value;
      has_caption = !value.empty();
    } else if (key == "source") {
      spec.source = value;
    } else if (key == "chart") {
      if (value != "bar" && value != "none") {
        diag->Error(page_file, at, "data block: 'chart' must be bar or none, not '" + value + "'");
        ok = false;
      }
      spec.chart = value == "bar";
    } else {
      diag->Error(page_file, at,
                  "data block: unknown key '" + key + "'; the keys are " + std::string(kKeys));
      ok = false;
    }
  }
  if (!has_file) {
    diag->Error(page_file, line, "data block: 'file:' must name a data file in content/data/");
    ok = false;
  }
  if (!has_caption) {
    diag->Error(page_file, line,
                "data block: 'caption:' must give the table's title in the page's language");
    ok = false;
  }
  if (!ok) return std::nullopt;
  return spec;
}

std::optional<std::string> RenderDataBlock(std::string_view block_body, int line,
                                           const std::string& page_file, const std::string& lang,
                                           const fs::path& data_dir, const Catalogs& catalogs,
                                           const LocaleFormat& locale, Diagnostics* diag,
                                           DataFileCache* cache) {
  std::optional<DataBlockSpec> spec = ParseDataBlockSpec(block_body, line, page_file, diag);
  if (!spec) return std::nullopt;
  const int at = spec->file_line;
  const std::string shown = (data_dir / spec->file).generic_string();
  if (!InsideDataDir(data_dir, spec->file)) {
    diag->Error(page_file, at,
                "data block: '" + spec->file + "' must be a path inside " +
                    data_dir.generic_string() + " (no '..', not absolute)");
    return std::nullopt;
  }
  DataFileCache own_cache;
  std::shared_ptr<const DataLoad> load = (cache ? cache : &own_cache)->Get(data_dir / spec->file);
  auto data_error = [&](int data_line, const std::string& message) {
    std::string where = "data file " + shown;
    if (data_line > 0) where += ", line " + std::to_string(data_line);
    diag->Error(page_file, at, where + ": " + message);
  };
  if (!load->ok) {
    data_error(load->error_line, load->error);
    return std::nullopt;
  }
  const DataTable& table = load->table;

  // Every label first, so all unknown keys are reported together.
  Labeller labeller(catalogs, lang);
  std::vector<std::string> headers, labels;
  bool ok = true;
  auto unknown = [&](int data_line, const std::string& key) {
    data_error(data_line, "unknown key '" + key + "': neither a taxonomy term under 'terms:' in " +
                              catalogs.FileOf(kSourceLanguage) + " nor a string 'data." +
                              KeyForm(key) + "'");
    ok = false;
  };
  for (std::size_t c = 0; c < table.columns.size(); ++c) {
    auto label = c == 0 ? labeller.Header(table.columns[c]) : labeller.Label(table.columns[c]);
    if (!label) unknown(table.header_line, table.columns[c]);
    headers.push_back(label.value_or(""));
  }
  for (const DataRow& row : table.rows) {
    auto label = labeller.Label(row.label);
    if (!label) unknown(row.line, row.label);
    labels.push_back(label.value_or(""));
  }
  if (!ok) return std::nullopt;

  std::vector<std::vector<std::string>> texts(table.rows.size());
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    for (const DataNumber& n : table.rows[r].cells) {
      texts[r].push_back(locale.FormatNumber(n.value, n.fraction_digits));
    }
  }

  const std::string id = "kb-data-" + std::to_string(line);
  std::string html = "<div class=\"data-block\">\n";
  html += "<div class=\"data-table-scroll\" role=\"region\" aria-labelledby=\"" + id +
          "-caption\" tabindex=\"0\">\n<table class=\"data-table\">\n";
  html += "<caption id=\"" + id + "-caption\">" + EscapeXml(spec->caption) + "</caption>\n";
  html += "<thead>\n<tr>";
  for (const auto& h : headers) html += "<th scope=\"col\">" + EscapeXml(h) + "</th>";
  html += "</tr>\n</thead>\n";
  std::string body, foot;
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    std::string tr = "<tr><th scope=\"row\">" + EscapeXml(labels[r]) + "</th>";
    for (const auto& t : texts[r]) tr += "<td class=\"num\">" + EscapeXml(t) + "</td>";
    tr += "</tr>\n";
    (IsTotal(table.rows[r].label) ? foot : body) += tr;
  }
  html += "<tbody>\n" + body + "</tbody>\n";
  if (!foot.empty()) html += "<tfoot>\n" + foot + "</tfoot>\n";
  html += "</table>\n</div>\n";

  if (spec->chart) {
    BarChart chart;
    chart.id = id + "-chart";
    chart.label = catalogs.Format(lang, "data.chart_label", {{"caption", spec->caption}});
    chart.description = catalogs.Format(lang, "data.chart_desc");
    chart.rtl = IsRightToLeft(lang);
    bool integers = true;
    std::vector<std::size_t> columns;  // drawn columns, totals left out
    for (std::size_t c = 1; c < table.columns.size(); ++c) {
      if (IsTotal(table.columns[c])) continue;
      columns.push_back(c);
      chart.series.push_back(headers[c]);
    }
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
      if (IsTotal(table.rows[r].label)) continue;
      chart.groups.push_back(labels[r]);
      chart.values.emplace_back();
      chart.value_texts.emplace_back();
      for (std::size_t c : columns) {
        double v = table.rows[r].cells[c - 1].value;
        if (v < 0) {
          data_error(table.rows[r].line,
                     "a negative value cannot be drawn as a bar; use 'chart: none'");
          return std::nullopt;
        }
        chart.values.back().push_back(v);
        integers &= table.rows[r].cells[c - 1].fraction_digits == 0;
        chart.value_texts.back().push_back(texts[r][c - 1]);
      }
    }
    chart.integers = integers;
    chart.format_tick = [&](double v) { return locale.FormatNumber(v, 2); };
    html += RenderBarChartSvg(chart) + "\n";
  }
  if (!spec->source.empty()) {
    html += "<p class=\"data-source\">" +
            EscapeXml(catalogs.Format(lang, "data.source", {{"source", spec->source}})) + "</p>\n";
  }
  html += "</div>";
  return html;
}

}  // namespace kbgen
