#include "search/stored_page.h"

#include <algorithm>

namespace kbgen::search {
namespace {

void PutVarint(std::string* out, std::uint64_t v) {
  while (v >= 0x80) {
    out->push_back(static_cast<char>((v & 0x7f) | 0x80));
    v >>= 7;
  }
  out->push_back(static_cast<char>(v));
}

void PutString(std::string* out, std::string_view s) {
  PutVarint(out, s.size());
  out->append(s);
}

// Spans are increasing, so each is written as the gap from the previous
// word's end (negative gaps cannot happen except for words sharing one
// range: l'économie) and its length.
void PutText(std::string* out, const StoredText& t) {
  PutString(out, t.text);
  PutVarint(out, t.first_position);
  PutVarint(out, t.spans.size());
  Span prev;
  for (const auto& s : t.spans) {
    if (s == prev) {
      PutVarint(out, 0);  // same word as before
    } else {
      // Words never overlap; clamp anyway so that bad input cannot wrap.
      std::uint32_t begin = std::max(s.begin, prev.end);
      std::uint32_t end = std::max(s.end, begin);
      PutVarint(out, static_cast<std::uint64_t>(begin - prev.end) + 1);
      PutVarint(out, end - begin);
      prev = {begin, end};
      continue;
    }
    prev = s;
  }
}

class Reader {
 public:
  explicit Reader(std::string_view data) : data_(data) {}
  bool Varint(std::uint64_t* v) {
    *v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (pos_ >= data_.size()) return false;
      auto byte = static_cast<unsigned char>(data_[pos_++]);
      *v |= static_cast<std::uint64_t>(byte & 0x7f) << shift;
      if (byte < 0x80) return true;
    }
    return false;
  }
  bool U32(std::uint32_t* v) {
    std::uint64_t x;
    if (!Varint(&x) || x > UINT32_MAX) return false;
    *v = static_cast<std::uint32_t>(x);
    return true;
  }
  bool String(std::string* s) {
    std::uint64_t n;
    if (!Varint(&n) || n > data_.size() - pos_) return false;
    s->assign(data_.substr(pos_, n));
    pos_ += n;
    return true;
  }
  bool Text(StoredText* t) {
    std::uint64_t count;
    if (!String(&t->text) || !U32(&t->first_position) || !Varint(&count)) return false;
    if (count > data_.size() - pos_) return false;  // each span takes a byte at least
    t->spans.clear();
    t->spans.reserve(count);
    Span prev;
    for (std::uint64_t i = 0; i < count; ++i) {
      std::uint32_t gap, length;
      if (!U32(&gap)) return false;
      if (gap == 0) {
        t->spans.push_back(prev);
        continue;
      }
      if (!U32(&length)) return false;
      std::uint64_t begin = static_cast<std::uint64_t>(prev.end) + gap - 1;
      if (begin + length > t->text.size()) return false;
      prev = {static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(begin + length)};
      t->spans.push_back(prev);
    }
    return true;
  }
  bool done() const { return pos_ == data_.size(); }

 private:
  std::string_view data_;
  std::size_t pos_ = 0;
};

}  // namespace

std::string EncodePageFields(const StoredPage& page) {
  std::string out;
  for (const std::string* s : {&page.url, &page.title, &page.lang, &page.section,
                               &page.section_title, &page.date, &page.summary.text}) {
    PutString(&out, *s);
  }
  return out;
}

std::string EncodePageTexts(const StoredPage& page) {
  std::string out;
  out.reserve(page.body.text.size() + page.body.spans.size() * 3 + page.summary.text.size() + 64);
  PutText(&out, page.summary);
  PutText(&out, page.body);
  return out;
}

bool DecodePageFields(std::string_view data, StoredPage* page) {
  Reader r(data);
  for (std::string* s : {&page->url, &page->title, &page->lang, &page->section,
                         &page->section_title, &page->date, &page->summary.text}) {
    if (!r.String(s)) return false;
  }
  return r.done();
}

bool DecodePageTexts(std::string_view data, StoredPage* page) {
  Reader r(data);
  return r.Text(&page->summary) && r.Text(&page->body) && r.done();
}

}  // namespace kbgen::search
