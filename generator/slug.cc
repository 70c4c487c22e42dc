#include "generator/slug.h"

#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

namespace kbgen {

std::string Slugify(std::string_view text) {
  icu::UnicodeString s = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  s.toLower(icu::Locale::getRoot());
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_SUCCESS(status)) {
    icu::UnicodeString normal = nfc->normalize(s, status);
    if (U_SUCCESS(status)) s = std::move(normal);
  }

  constexpr uint32_t kKeep = U_GC_L_MASK | U_GC_M_MASK | U_GC_N_MASK;
  std::string out;
  bool pending_dash = false;
  for (int32_t i = 0; i < s.length(); i = s.moveIndex32(i, 1)) {
    UChar32 c = s.char32At(i);
    uint32_t mask = U_GET_GC_MASK(c);
    if (mask & U_GC_CF_MASK) continue;  // invisible: ZWJ, bidi marks, soft hyphen
    if (!(mask & kKeep)) {
      pending_dash = !out.empty();
      continue;
    }
    std::string piece;
    icu::UnicodeString(c).toUTF8String(piece);
    if (out.size() + pending_dash + piece.size() > kMaxSlugBytes) break;
    if (pending_dash) out += '-';
    pending_dash = false;
    out += piece;
  }
  return out;
}

std::string HeadingAnchor(std::string_view heading_text) {
  std::string slug = Slugify(heading_text);
  return slug.empty() ? "section" : slug;
}

std::string AnchorSet::Unique(const std::string& base) {
  if (used_.insert(base).second) return base;
  int& n = next_suffix_.try_emplace(base, 2).first->second;
  std::string id = base + "-" + std::to_string(n);
  while (!used_.insert(id).second) id = base + "-" + std::to_string(++n);
  ++n;
  return id;
}

}  // namespace kbgen
