// The SVG bar chart: accessible name and description, bars proportional to
// values, labels and values in place, and right-to-left charts as exact
// mirror images of left-to-right ones.
#include "generator/bar_chart.h"

#include <doctest/doctest.h>

#include <regex>
#include <string>
#include <vector>

using namespace kbgen;

namespace {

struct Rect {
  double x, y, w, h;
  std::string fill;
};

struct Text {
  double x, y;
  std::string anchor, text;
};

std::vector<Rect> Rects(const std::string& svg) {
  std::vector<Rect> out;
  std::regex re(
      R"re(<rect x="([-\d.]+)" y="([-\d.]+)" width="([-\d.]+)" height="([-\d.]+)" fill="([^"]+)"/>)re");
  for (std::sregex_iterator it(svg.begin(), svg.end(), re), end; it != end; ++it) {
    out.push_back({std::stod((*it)[1]), std::stod((*it)[2]), std::stod((*it)[3]),
                   std::stod((*it)[4]), (*it)[5]});
  }
  return out;
}

std::vector<Text> Texts(const std::string& svg) {
  std::vector<Text> out;
  std::regex re(
      R"re(<text x="([-\d.]+)" y="([-\d.]+)" text-anchor="(\w+)" fill="[^"]+">([^<]*)</text>)re");
  for (std::sregex_iterator it(svg.begin(), svg.end(), re), end; it != end; ++it) {
    out.push_back({std::stod((*it)[1]), std::stod((*it)[2]), (*it)[3], (*it)[4]});
  }
  return out;
}

BarChart Sample(bool rtl) {
  BarChart c;
  c.id = "data-7-chart";
  c.label = "Bar chart: Products & services";
  c.description = "The figures are in the table above.";
  c.rtl = rtl;
  c.series = {"Knowledge sharing", "Capacity building"};
  c.groups = {"Africa", "Asia and the Pacific"};
  c.values = {{10, 20}, {5, 0}};
  c.value_texts = {{"10", "20"}, {"5", "0"}};
  c.format_tick = [](double v) { return "t" + std::to_string(static_cast<int>(v)); };
  return c;
}

}  // namespace

TEST_CASE("the chart is an image with a name and a description") {
  std::string svg = RenderBarChartSvg(Sample(false));
  CHECK(
      svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"data-chart\" "
                      "role=\"img\" aria-label=\"Bar chart: Products &amp; services\" "
                      "aria-describedby=\"data-7-chart-desc\" viewBox=\"0 0 720 "));
  CHECK(svg.find("<title id=\"data-7-chart-title\">Bar chart: Products &amp; services</title>") !=
        std::string::npos);
  CHECK(svg.find("<desc id=\"data-7-chart-desc\">The figures are in the table above.</desc>") !=
        std::string::npos);
  CHECK(svg.find("direction=\"ltr\"") != std::string::npos);
  CHECK(svg.find("<script") == std::string::npos);
  CHECK(svg.ends_with("</svg>"));
}

TEST_CASE("bars are proportional to values and carry their value") {
  std::vector<Rect> rects = Rects(RenderBarChartSvg(Sample(false)));
  // Two legend swatches, four bars (the background has no x and y).
  REQUIRE(rects.size() == 6);
  const Rect& a10 = rects[2];
  const Rect& a20 = rects[3];
  const Rect& b5 = rects[4];
  const Rect& b0 = rects[5];
  CHECK(a10.fill == rects[0].fill);  // series colours match the legend
  CHECK(a20.fill == rects[1].fill);
  CHECK(a10.fill != a20.fill);
  CHECK(a20.w == doctest::Approx(2 * a10.w).epsilon(0.01));
  CHECK(a10.w == doctest::Approx(2 * b5.w).epsilon(0.01));
  CHECK(b0.w == 0);
  CHECK(a10.x == a20.x);  // one baseline
  CHECK(b5.y > a20.y);    // groups top to bottom

  std::vector<Text> texts = Texts(RenderBarChartSvg(Sample(false)));
  std::vector<std::string> shown;
  for (const auto& t : texts) shown.push_back(t.text);
  CHECK(shown == std::vector<std::string>{"Knowledge sharing", "Capacity building", "t0", "t5",
                                          "t10", "t15", "t20", "Africa", "10", "20",
                                          "Asia and the Pacific", "5", "0"});
  // A value sits just past the end of its bar.
  CHECK(texts[8].x == doctest::Approx(a10.x + a10.w + 4).epsilon(0.001));
  CHECK(texts[8].anchor == "start");
  CHECK(texts[7].anchor == "end");  // group labels end at the axis
}

TEST_CASE("a right-to-left chart is the mirror image of the left-to-right one") {
  std::string ltr = RenderBarChartSvg(Sample(false));
  BarChart rtl_chart = Sample(true);
  std::string rtl = RenderBarChartSvg(rtl_chart);
  std::vector<Rect> l = Rects(ltr), r = Rects(rtl);
  REQUIRE(l.size() == r.size());
  for (std::size_t i = 0; i < l.size(); ++i) {
    INFO(i);
    CHECK(r[i].x == doctest::Approx(720 - l[i].x - l[i].w).epsilon(0.001));
    CHECK(r[i].y == l[i].y);
    CHECK(r[i].w == l[i].w);
    CHECK(r[i].fill == l[i].fill);
  }
  std::vector<Text> lt = Texts(ltr), rt = Texts(rtl);
  REQUIRE(lt.size() == rt.size());
  for (std::size_t i = 0; i < lt.size(); ++i) {
    INFO(i);
    CHECK(rt[i].x == doctest::Approx(720 - lt[i].x).epsilon(0.001));
    CHECK(rt[i].y == lt[i].y);
    std::string mirrored = lt[i].anchor == "start" ? "end"
                           : lt[i].anchor == "end" ? "start"
                                                   : "middle";
    CHECK(rt[i].anchor == mirrored);
  }
  // Labels are embedded right to left; numbers are left as they are.
  CHECK(rt[0].text == "\u202BKnowledge sharing\u202C");
  CHECK(rt[8].text == "10");
}

TEST_CASE("axis ticks: about four steps of 1, 2 or 5, whole numbers for whole data") {
  auto ticks = [](BarChart c) {
    std::vector<std::string> out;
    for (const auto& t : Texts(RenderBarChartSvg(c))) {
      if (t.text.starts_with("t")) out.push_back(t.text);
    }
    return out;
  };
  BarChart c = Sample(false);
  c.format_tick = [](double v) { return "t" + std::to_string(v).substr(0, 4); };
  c.values = {{1, 0}, {0, 0}};
  CHECK(ticks(c) == std::vector<std::string>{"t0.00", "t0.50", "t1.00"});
  c.integers = true;
  CHECK(ticks(c) == std::vector<std::string>{"t0.00", "t1.00"});
  c.values = {{0, 0}, {0, 0}};
  CHECK(ticks(c) == std::vector<std::string>{"t0.00", "t1.00"});
  c.values = {{730, 0}, {0, 0}};
  CHECK(ticks(c) == std::vector<std::string>{"t0.00", "t200.", "t400.", "t600.", "t800."});
}

TEST_CASE("long group labels wrap at spaces") {
  BarChart c = Sample(false);
  c.groups[1] = "A very long group label that cannot fit in a third of the chart width at all";
  std::string svg = RenderBarChartSvg(c);
  CHECK(svg.find("<tspan") != std::string::npos);
  CHECK(svg.find(">A very long group label") != std::string::npos);
}

TEST_CASE("text width estimates follow the script") {
  CHECK(EstimateTextWidth("", 10) == 0);
  CHECK(EstimateTextWidth("中文", 10) == doctest::Approx(20));
  CHECK(EstimateTextWidth("ab", 10) < EstimateTextWidth("中文", 10));
  CHECK(EstimateTextWidth("\u202Bab\u202C", 10) == EstimateTextWidth("ab", 10));
  CHECK(EscapeXml("<a href=\"x\">&'") == "&lt;a href=&quot;x&quot;&gt;&amp;&#39;");
}
