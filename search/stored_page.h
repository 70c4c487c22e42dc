// What a search result needs from a page, stored with its Xapian document
// in two values (schema.h): the fields shown in results, and the original
// text of the summary and body with the byte range of every word position,
// so that snippets show the text as written (accents, diacritics, case)
// with the matches found through the index's positions, without analysing
// the text again. A result without a snippet reads only the first part.
// The encoding is compact and versioned by the schema (schema.h); decoding
// checks every length and fails on truncated or foreign data.
#ifndef KBGEN_SEARCH_STORED_PAGE_H_
#define KBGEN_SEARCH_STORED_PAGE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kbgen::search {

// Byte range [begin, end) of one word in a stored text.
struct Span {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  friend bool operator==(const Span&, const Span&) = default;
};

// A stored text whose words are indexed at positions first_position,
// first_position + 1, ...; spans[i] is the word at first_position + i.
struct StoredText {
  std::string text;
  std::uint32_t first_position = 0;
  std::vector<Span> spans;
};

struct StoredPage {
  std::string url;
  std::string title;
  std::string lang;
  std::string section;
  std::string section_title;
  std::string date;
  StoredText summary;
  StoredText body;
};

// url, title, lang, section, section_title, date and the summary's text.
std::string EncodePageFields(const StoredPage& page);
// The summary and body texts with their positions and spans.
std::string EncodePageTexts(const StoredPage& page);

// False when `data` is not a complete encoding. Each fills its own part.
bool DecodePageFields(std::string_view data, StoredPage* page);
bool DecodePageTexts(std::string_view data, StoredPage* page);

}  // namespace kbgen::search

#endif  // KBGEN_SEARCH_STORED_PAGE_H_
