#include "generator/bar_chart.h"

#include "generator/html_escape.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string_view>

namespace kbgen {
namespace {

constexpr double kWidth = 720;
constexpr double kPad = 8;
constexpr double kFont = 13;
constexpr double kLine = 16;
constexpr double kSwatch = 12;
constexpr double kBar = 14;
constexpr double kBarGap = 3;
constexpr double kGroupPad = 10;
constexpr double kLabelShare = 0.34;  // of the width, at most, for group labels
// Okabe-Ito: distinct for the common colour-vision deficiencies.
constexpr std::string_view kColours[] = {"#0072B2", "#E69F00", "#009E73", "#CC79A7",
                                         "#56B4E9", "#D55E00", "#F0E442", "#000000"};
constexpr std::string_view kText = "#1f1f1f";
// Right-to-left embedding ... pop: the label reads right to left inside
// the chart's fixed left-to-right layout.
constexpr std::string_view kRle = "\u202B";
constexpr std::string_view kPdf = "\u202C";

// Coordinates with at most one decimal, "12" rather than "12.0".
std::string Num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  std::string s = buf;
  if (s.ends_with(".0")) s.resize(s.size() - 2);
  if (s == "-0") s = "0";
  return s;
}

// Decodes one UTF-8 code point at s[*i] and advances *i.
char32_t NextCodePoint(std::string_view s, std::size_t* i) {
  unsigned char c = static_cast<unsigned char>(s[*i]);
  int extra = c < 0x80 ? 0 : c < 0xE0 ? 1 : c < 0xF0 ? 2 : 3;
  char32_t cp = extra == 0 ? c : extra == 1 ? (c & 0x1F) : extra == 2 ? (c & 0x0F) : (c & 0x07);
  ++*i;
  for (int k = 0; k < extra && *i < s.size(); ++k, ++*i) {
    cp = (cp << 6) | (static_cast<unsigned char>(s[*i]) & 0x3F);
  }
  return cp;
}

// Width of one character in ems, by script; generous rather than tight.
double EmWidth(char32_t cp) {
  if ((cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x064B && cp <= 0x065F) || cp == 0x0670 ||
      (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x202A && cp <= 0x202E)) {
    return 0;  // combining marks and invisible controls
  }
  if (cp == ' ') return 0.3;
  if (cp >= '0' && cp <= '9') return 0.58;
  if (cp >= 'A' && cp <= 'Z') return 0.68;
  if ((cp >= 0x2E80 && cp <= 0x9FFF) || (cp >= 0xAC00 && cp <= 0xD7AF) ||
      (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFF00 && cp <= 0xFF60) ||
      (cp >= 0x3000 && cp <= 0x303F)) {
    return 1.0;  // CJK ideographs, kana, Hangul, full-width forms
  }
  if ((cp >= 0x0600 && cp <= 0x06FF) || (cp >= 0x0750 && cp <= 0x077F) ||
      (cp >= 0xFB50 && cp <= 0xFDFF) || (cp >= 0xFE70 && cp <= 0xFEFF)) {
    return 0.52;  // Arabic
  }
  if (cp >= 0x0400 && cp <= 0x04FF) return 0.62;  // Cyrillic
  return 0.56;
}

std::vector<std::string> Words(const std::string& s) {
  std::vector<std::string> words;
  std::size_t start = 0;
  while (start <= s.size()) {
    std::size_t space = s.find(' ', start);
    if (space == std::string::npos) space = s.size();
    if (space > start) words.push_back(s.substr(start, space - start));
    start = space + 1;
  }
  return words;
}

// Greedy line breaking at spaces; a word longer than `width` keeps its line.
std::vector<std::string> Wrap(const std::string& text, double width) {
  std::vector<std::string> lines;
  for (const std::string& word : Words(text)) {
    if (!lines.empty() && EstimateTextWidth(lines.back() + " " + word, kFont) <= width) {
      lines.back() += " " + word;
    } else {
      lines.push_back(word);
    }
  }
  if (lines.empty()) lines.push_back("");
  return lines;
}

// A step of 1, 2 or 5 times a power of ten giving about four intervals.
double NiceStep(double max) {
  double rough = max / 4;
  double power = std::pow(10.0, std::floor(std::log10(rough)));
  for (double m : {1.0, 2.0, 5.0, 10.0}) {
    if (m * power >= rough) return m * power;
  }
  return 10 * power;
}

// Writes SVG elements in logical coordinates (x from the inline start);
// mirrors them when the chart is right to left.
class Canvas {
 public:
  explicit Canvas(bool rtl) : rtl_(rtl) {}
  std::string& out() { return out_; }

  void Rect(double x, double y, double w, double h, std::string_view fill) {
    double px = rtl_ ? kWidth - x - w : x;
    out_ += "<rect x=\"" + Num(px) + "\" y=\"" + Num(y) + "\" width=\"" + Num(w) + "\" height=\"" +
            Num(h) + "\" fill=\"" + std::string(fill) + "\"/>\n";
  }
  void Line(double x1, double y1, double x2, double y2, std::string_view stroke) {
    out_ += "<line x1=\"" + Num(X(x1)) + "\" y1=\"" + Num(y1) + "\" x2=\"" + Num(X(x2)) +
            "\" y2=\"" + Num(y2) + "\" stroke=\"" + std::string(stroke) + "\"/>\n";
  }
  // `anchor` is logical: "start", "middle" or "end" of the inline direction.
  // `lines` are drawn one below the other, the block centred on `y`.
  void Text(double x, double y, std::string_view anchor, const std::vector<std::string>& lines,
            bool is_label) {
    std::string physical(anchor);
    if (rtl_ && anchor == "start")
      physical = "end";
    else if (rtl_ && anchor == "end")
      physical = "start";
    double top = y - (static_cast<double>(lines.size()) - 1) * kLine / 2;
    out_ += "<text x=\"" + Num(X(x)) + "\" y=\"" + Num(top + kFont * 0.35) + "\" text-anchor=\"" +
            physical + "\" fill=\"" + std::string(kText) + "\">";
    for (std::size_t i = 0; i < lines.size(); ++i) {
      std::string text = EscapeXml(lines[i]);
      if (rtl_ && is_label) text = std::string(kRle) + text + std::string(kPdf);
      if (lines.size() == 1) {
        out_ += text;
      } else {
        out_ += "<tspan x=\"" + Num(X(x)) + "\" y=\"" + Num(top + i * kLine + kFont * 0.35) +
                "\">" + text + "</tspan>";
      }
    }
    out_ += "</text>\n";
  }

 private:
  double X(double x) const { return rtl_ ? kWidth - x : x; }
  bool rtl_;
  std::string out_;
};

}  // namespace

std::string EscapeXml(std::string_view s) { return EscapeHtml(s); }

double EstimateTextWidth(const std::string& text, double font_size) {
  double ems = 0;
  for (std::size_t i = 0; i < text.size();) ems += EmWidth(NextCodePoint(text, &i));
  return ems * font_size;
}

std::string RenderBarChartSvg(const BarChart& chart) {
  const std::size_t n_series = chart.series.size();
  Canvas canvas(chart.rtl);
  std::string& body = canvas.out();

  // Legend: swatch and name per series, flowing over as many rows as needed.
  double x = kPad, y = kPad + kLine / 2;
  for (std::size_t s = 0; s < n_series; ++s) {
    double item = kSwatch + 6 + EstimateTextWidth(chart.series[s], kFont) + 20;
    if (x > kPad && x + item > kWidth - kPad) {
      x = kPad;
      y += kLine + 6;
    }
    canvas.Rect(x, y - kSwatch / 2, kSwatch, kSwatch, kColours[s % std::size(kColours)]);
    canvas.Text(x + kSwatch + 6, y, "start", {chart.series[s]}, true);
    x += item;
  }
  double plot_top = y + kLine / 2 + 14;

  // Group labels: as wide as the widest, up to a share of the chart, wrapped.
  double natural = 0, longest_word = 0;
  for (const auto& g : chart.groups) {
    natural = std::max(natural, EstimateTextWidth(g, kFont));
    for (const auto& w : Words(g))
      longest_word = std::max(longest_word, EstimateTextWidth(w, kFont));
  }
  double label_w =
      natural <= kWidth * kLabelShare ? natural : std::max(kWidth * kLabelShare, longest_word);
  double value_room = 0, max_value = 0;
  for (std::size_t g = 0; g < chart.groups.size(); ++g) {
    for (std::size_t s = 0; s < n_series; ++s) {
      value_room = std::max(value_room, EstimateTextWidth(chart.value_texts[g][s], kFont));
      max_value = std::max(max_value, chart.values[g][s]);
    }
  }
  double x0 = kPad + label_w + 10;
  double plot_w = kWidth - kPad - (value_room + 8) - x0;
  double step = max_value > 0 ? NiceStep(max_value) : 1;
  if (chart.integers) step = std::max(step, 1.0);
  double axis_max = max_value > 0 ? std::ceil(max_value / step - 1e-9) * step : step;
  auto bar_width = [&](double v) { return v <= 0 ? 0.0 : v / axis_max * plot_w; };

  // Groups first (their heights decide where the axis goes), drawn into a
  // separate buffer so the grid lies underneath them.
  Canvas groups(chart.rtl);
  double gy = plot_top;
  for (std::size_t g = 0; g < chart.groups.size(); ++g) {
    std::vector<std::string> lines = Wrap(chart.groups[g], label_w);
    double bars_h = n_series * kBar + (n_series > 0 ? (n_series - 1) * kBarGap : 0);
    double content = std::max(bars_h, lines.size() * kLine);
    double centre = gy + kGroupPad + content / 2;
    groups.Text(x0 - 10, centre, "end", lines, true);
    double by = centre - bars_h / 2;
    for (std::size_t s = 0; s < n_series; ++s) {
      double w = bar_width(chart.values[g][s]);
      groups.Rect(x0, by, w, kBar, kColours[s % std::size(kColours)]);
      groups.Text(x0 + w + 4, by + kBar / 2, "start", {chart.value_texts[g][s]}, false);
      by += kBar + kBarGap;
    }
    gy += content + 2 * kGroupPad;
  }
  double plot_bottom = gy;

  // Grid and value axis.
  int ticks = static_cast<int>(std::lround(axis_max / step));
  for (int i = 0; i <= ticks; ++i) {
    double t = i * step;
    double tx = x0 + bar_width(t);
    canvas.Line(tx, plot_top, tx, plot_bottom, t == 0 ? "#666666" : "#d0d0d0");
    std::string tick = chart.format_tick ? chart.format_tick(t) : Num(t);
    canvas.Text(tx, plot_bottom + 12, "middle", {tick}, false);
  }
  body += groups.out();
  double height = plot_bottom + 12 + kLine / 2 + kPad;

  std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"data-chart\" role=\"img\"";
  svg += " aria-label=\"" + EscapeXml(chart.label) + "\"";
  svg += " aria-describedby=\"" + EscapeXml(chart.id) + "-desc\"";
  svg += " viewBox=\"0 0 " + Num(kWidth) + " " + Num(height) + "\" width=\"" + Num(kWidth) +
         "\" height=\"" + Num(height) + "\"";
  // Fixed direction: the layout above is already mirrored where needed.
  svg +=
      " direction=\"ltr\" font-size=\"" + Num(kFont) + "\" style=\"max-width:100%;height:auto\">\n";
  svg += "<title id=\"" + EscapeXml(chart.id) + "-title\">" + EscapeXml(chart.label) + "</title>\n";
  svg +=
      "<desc id=\"" + EscapeXml(chart.id) + "-desc\">" + EscapeXml(chart.description) + "</desc>\n";
  svg += "<rect width=\"" + Num(kWidth) + "\" height=\"" + Num(height) + "\" fill=\"#ffffff\"/>\n";
  svg += body;
  svg += "</svg>";
  return svg;
}

}  // namespace kbgen
