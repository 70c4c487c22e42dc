// URL and output-path rules shared by the site model and link rewriting.
//
// Site URLs are root-relative ("/fr/toolkit/mapping/"), each segment
// percent-encoded (UTF-8, RFC 3986 unreserved characters kept) so they are
// valid in HTML, XML sitemaps and feeds alike. Output paths are the same
// segments unencoded, relative to the output folder, never leaving it.
#ifndef KBGEN_GENERATOR_PERMALINK_H_
#define KBGEN_GENERATOR_PERMALINK_H_

#include <string>
#include <string_view>
#include <vector>

namespace kbgen {

// Percent-encodes one path segment.
std::string EncodeSegment(std::string_view segment);

// "/seg1/seg2/" with every segment encoded; "/" for no segments.
std::string UrlOf(const std::vector<std::string>& segments);

// "seg1/seg2/index.html"; "index.html" for no segments.
std::string IndexPathOf(const std::vector<std::string>& segments);

// Splits "a/b/c" on '/', dropping empty parts.
std::vector<std::string> SplitPath(std::string_view path);

// A segment is safe when it is non-empty, not "." or "..", and has no
// '/', '\\', NUL or other control characters.
bool IsSafeSegment(std::string_view segment);

// Resolves `relative` ("../a/b.md", "./c.md", "d.md") against the folder
// `base_dir` ("toolkit" or ""), both '/'-separated. Returns false if the
// result would climb above the root.
bool ResolveRelative(std::string_view base_dir, std::string_view relative, std::string* out);

// True for "https://x", "mailto:x", "//host/x": links that leave the site.
bool HasSchemeOrHost(std::string_view href);

// The path part of base_url ("https://x.org/kb/" -> "/kb/"; "/" if none).
std::string BasePathOf(std::string_view base_url);

}  // namespace kbgen

#endif  // KBGEN_GENERATOR_PERMALINK_H_
