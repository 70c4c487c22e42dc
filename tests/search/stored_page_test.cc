#include "search/stored_page.h"

#include <doctest/doctest.h>

namespace kbgen::search {
namespace {

StoredPage Sample() {
  StoredPage p;
  p.url = "/fr/toolkit/economie/";
  p.title = "L'économie numérique";
  p.lang = "fr";
  p.section = "toolkit";
  p.section_title = "Boîte à outils";
  p.date = "2018-05-08";
  p.summary = {"Un résumé.", 40, {{0, 2}, {3, 10}}};
  // Two terms sharing one word (l'économie), then the next word.
  p.body = {"L'Économie numérique", 250, {{0, 11}, {0, 11}, {12, 22}}};
  return p;
}

TEST_CASE("stored page: encode and decode round trip") {
  StoredPage p = Sample();
  StoredPage q;
  REQUIRE(DecodePageFields(EncodePageFields(p), &q));
  CHECK(q.body.text.empty());  // the texts are the other part
  REQUIRE(DecodePageTexts(EncodePageTexts(p), &q));
  CHECK(q.url == p.url);
  CHECK(q.title == p.title);
  CHECK(q.lang == p.lang);
  CHECK(q.section == p.section);
  CHECK(q.section_title == p.section_title);
  CHECK(q.date == p.date);
  CHECK(q.summary.text == p.summary.text);
  CHECK(q.summary.first_position == 40);
  CHECK(q.summary.spans == p.summary.spans);
  CHECK(q.body.text == p.body.text);
  CHECK(q.body.first_position == 250);
  CHECK(q.body.spans == p.body.spans);
}

TEST_CASE("stored page: truncated or foreign data is refused") {
  for (bool texts : {false, true}) {
    CAPTURE(texts);
    auto decode = texts ? DecodePageTexts : DecodePageFields;
    std::string data = texts ? EncodePageTexts(Sample()) : EncodePageFields(Sample());
    StoredPage q;
    CHECK(decode(data, &q));
    for (std::size_t n = 0; n < data.size(); ++n) {
      CAPTURE(n);
      CHECK_FALSE(decode(std::string_view(data).substr(0, n), &q));
    }
    CHECK_FALSE(decode(data + "x", &q));
    CHECK_FALSE(decode("\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff", &q));
  }
}

TEST_CASE("stored page: a span beyond its text is refused") {
  StoredPage p = Sample();
  p.body.spans.push_back({30, 40});
  StoredPage q;
  CHECK_FALSE(DecodePageTexts(EncodePageTexts(p), &q));
}

}  // namespace
}  // namespace kbgen::search
