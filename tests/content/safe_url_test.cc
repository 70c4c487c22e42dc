#include "generator/safe_url.h"

#include <doctest/doctest.h>

using namespace kbgen;

TEST_CASE("relative URLs and well-known schemes are safe") {
  CHECK(IsSafeUrl("page.md"));
  CHECK(IsSafeUrl("../toolkit/mapping.md#step-2"));
  CHECK(IsSafeUrl("/en/about/"));
  CHECK(IsSafeUrl("#section"));
  CHECK(IsSafeUrl("?q=a:b"));
  CHECK(IsSafeUrl("a/b:c"));  // a colon after a slash is no scheme
  CHECK(IsSafeUrl("https://www.itu.int/"));
  CHECK(IsSafeUrl("HTTP://x.org"));
  CHECK(IsSafeUrl("mailto:kb@example.org"));
  CHECK(IsSafeUrl("tel:+41227305111"));
  CHECK(IsSafeUrl(""));
}

TEST_CASE("script and unknown schemes are unsafe however they are written") {
  CHECK_FALSE(IsSafeUrl("javascript:alert(1)"));
  CHECK_FALSE(IsSafeUrl("JaVaScRiPt:alert(1)"));
  CHECK_FALSE(IsSafeUrl("  javascript:alert(1)"));
  CHECK_FALSE(IsSafeUrl("\x01javascript:alert(1)"));
  CHECK_FALSE(IsSafeUrl("java\tscript:alert(1)"));
  CHECK_FALSE(IsSafeUrl("java\nscript:alert(1)"));
  CHECK_FALSE(IsSafeUrl("vbscript:msgbox"));
  CHECK_FALSE(IsSafeUrl("file:///etc/passwd"));
  CHECK_FALSE(IsSafeUrl("data:text/html,<script>"));
  CHECK_FALSE(IsSafeUrl("unknown-scheme:x"));
  CHECK(UrlScheme(" Java\tScript:x") == "javascript");
  CHECK(UrlScheme("/a:b") == "");
}

TEST_CASE("raster data: URLs are safe for images only") {
  CHECK(IsSafeUrl("data:image/png;base64,AAAA", UrlUse::kImage));
  CHECK(IsSafeUrl("data:image/jpeg,xx", UrlUse::kImage));
  CHECK_FALSE(IsSafeUrl("data:image/png;base64,AAAA", UrlUse::kLink));
  CHECK_FALSE(IsSafeUrl("data:image/svg+xml,<svg onload=x>", UrlUse::kImage));
  CHECK_FALSE(IsSafeUrl("data:image/pngx,xx", UrlUse::kImage));
  CHECK_FALSE(IsSafeUrl("javascript:x", UrlUse::kImage));
}
