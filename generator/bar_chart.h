// A grouped horizontal bar chart as inline SVG, drawn at build time.
//
// One group per row of data (a region), one bar per series (a product
// type) with its value written at the bar's end, a legend above and a
// value axis below. Labels and numbers arrive already translated and
// formatted: this module only lays them out. For right-to-left languages
// the whole chart is mirrored (labels on the right, bars growing to the
// left, text anchors swapped) and each label is embedded as right-to-left
// text, so it reads correctly whatever the page's CSS direction.
//
// The SVG needs no script, no stylesheet and no web font: colours are
// fill attributes (printed like any drawing; the palette is Okabe and
// Ito's, told apart by colour-blind readers and in greyscale by
// lightness), the background is white, and it scales to the width of its
// container. Text widths are estimated from the script of each character
// (no font metrics at build time), with room to spare.
// Pure function; safe from any thread.
#ifndef KBGEN_GENERATOR_BAR_CHART_H_
#define KBGEN_GENERATOR_BAR_CHART_H_

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace kbgen {

struct BarChart {
  std::string id;           // unique in the page; prefix of the ids inside
  std::string label;        // accessible name: aria-label and <title>
  std::string description;  // <desc>
  bool rtl = false;
  std::vector<std::string> series;  // legend entries, one colour each
  std::vector<std::string> groups;  // group labels, top to bottom
  // values[g][s] >= 0 and its text as shown: one per group and series.
  std::vector<std::vector<double>> values;
  std::vector<std::vector<std::string>> value_texts;
  // True when every value is a whole number: axis ticks are then too.
  bool integers = false;
  // Formats an axis tick value in the page's locale.
  std::function<std::string(double)> format_tick;
};

// REQUIRES: values and value_texts are groups.size() x series.size().
std::string RenderBarChartSvg(const BarChart& chart);

// `text` with & < > " ' escaped, for XML and HTML text and attributes.
std::string EscapeXml(std::string_view text);

// Estimated width in pixels of `text` at `font_size` (exposed for tests).
double EstimateTextWidth(const std::string& text, double font_size);

}  // namespace kbgen

#endif  // KBGEN_GENERATOR_BAR_CHART_H_
