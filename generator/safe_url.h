// Which URLs may be written into href and src attributes.
//
// Markdown links and images, and any other URL that reaches an attribute,
// pass through here: relative URLs and a short list of schemes (http,
// https, mailto, tel, ftp, ftps, sftp) are safe; `javascript:`, `vbscript:`,
// `data:` and every other scheme are not, except raster `data:image/...`
// URLs for images. The scheme is found the way browsers find it (leading
// spaces and control characters and inner tabs and newlines ignored, case
// folded), so `  JaVa\tScript:` is caught. Pure functions, any thread.
#ifndef KBGEN_GENERATOR_SAFE_URL_H_
#define KBGEN_GENERATOR_SAFE_URL_H_

#include <string>
#include <string_view>

namespace kbgen {

enum class UrlUse { kLink, kImage };

// The lowercased scheme of `url` ("https"), or "" for a relative URL.
std::string UrlScheme(std::string_view url);

bool IsSafeUrl(std::string_view url, UrlUse use = UrlUse::kLink);

}  // namespace kbgen

#endif  // KBGEN_GENERATOR_SAFE_URL_H_
