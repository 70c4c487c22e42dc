// Faults a publisher meets: a disk that fills up at any point of a build,
// and an output folder on a read-only file system. Each must give a clear
// error and exit status 1, and leave the previous site exactly as it was,
// with no staging folder behind.
//
// The disk is a small tmpfs mounted for the test, which needs root (or
// CAP_SYS_ADMIN); without it the tests say so and check nothing.
#include <doctest/doctest.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "site_check.h"

namespace fs = std::filesystem;
using namespace kbgen::testing;

namespace {

const fs::path kSource = KBGEN_SOURCE_DIR;
const fs::path kFixture = kSource / "tests/fixtures/multilingual";

std::vector<std::string> BuildArgs(const fs::path& content, const fs::path& out) {
  return {"build",   "--content", content.string(), "--out", out.string(),
          "--theme", (kSource / "themes/default").string(),
          "--i18n",  (kSource / "i18n").string(),
          "--config", (kFixture / "kbgen.yml").string(), "--quiet"};
}

bool Contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

// A tmpfs mounted on a fresh folder for the life of this object.
class SmallDisk {
 public:
  explicit SmallDisk(std::size_t bytes) : dir_(TempDir() / "disk") {
    fs::create_directories(dir_);
    if (::geteuid() != 0) return;
    mounted_ = Run("mount -t tmpfs -o size=" + std::to_string(bytes) + " tmpfs '" +
                   dir_.string() + "'");
  }
  ~SmallDisk() {
    if (mounted_) Run("umount -l '" + dir_.string() + "'");
  }
  bool mounted() const { return mounted_; }
  const fs::path& dir() const { return dir_; }
  bool Remount(const std::string& options) {
    return Run("mount -o remount," + options + " '" + dir_.string() + "'");
  }
  std::size_t UsedBytes() const {
    struct statvfs st;
    if (::statvfs(dir_.c_str(), &st) != 0) return 0;
    return (st.f_blocks - st.f_bfree) * st.f_frsize;
  }

 private:
  static bool Run(const std::string& cmd) {
    return std::system((cmd + " >/dev/null 2>&1").c_str()) == 0;
  }
  fs::path dir_;
  bool mounted_ = false;
};

fs::path CopyFixture() {
  fs::path dir = TempDir() / "content";
  fs::copy(kFixture / "content", dir, fs::copy_options::recursive);
  return dir;
}

// Adds pages, so a mix of the old and the new site would show.
void AddPages(const fs::path& content, int count) {
  for (int i = 0; i < count; ++i) {
    std::ofstream(content / ("en/added-" + std::to_string(i) + ".md"))
        << "---\ntitle: Added page " << i << "\n---\n\n"
        << "Words about innovation ecosystems, page " << i << ". " << std::string(3000, 'w')
        << "\n";
  }
}

}  // namespace

TEST_CASE("a disk that fills up at any point of a build leaves the previous site") {
  SmallDisk disk(64 << 20);
  if (!disk.mounted()) {
    MESSAGE("skipped: mounting a tmpfs needs root");
    return;
  }
  fs::path content = CopyFixture();
  fs::path out = disk.dir() / "site";
  RunResult first = RunKbgen(BuildArgs(content, out));
  REQUIRE_MESSAGE(first.status == 0, first.output);
  const auto before = Snapshot(out);
  const std::size_t site_bytes = disk.UsedBytes();
  AddPages(content, 60);

  // From no room at all for the new site to almost enough: the build runs
  // out of space while writing pages, copying files or building the index.
  int failures = 0;
  for (int percent : {0, 3, 10, 20, 35, 50, 65, 80, 90, 97, 100, 110, 120}) {
    CAPTURE(percent);
    std::size_t size = site_bytes + site_bytes * percent / 100 + (64 << 10);
    REQUIRE(disk.Remount("size=" + std::to_string(size)));
    RunResult r = RunKbgen(BuildArgs(content, out));
    CAPTURE(r.output);
    CHECK_FALSE(fs::exists(disk.dir() / ".site.kbgen-new"));
    if (r.status == 0) {  // there was room after all: the new site, whole
      CHECK(fs::exists(out / "en/added-59/index.html"));
      break;
    }
    ++failures;
    CHECK(r.status == 1);
    CHECK(Contains(r.output, "No space left on device"));
    CHECK(Contains(r.output, "the output folder was not changed"));
    CHECK(Snapshot(out) == before);
  }
  CHECK(failures >= 5);
}

TEST_CASE("a read-only output folder gives a clear error and leaves the site") {
  SmallDisk disk(16 << 20);
  if (!disk.mounted()) {
    MESSAGE("skipped: mounting a tmpfs needs root");
    return;
  }
  fs::path content = CopyFixture();
  fs::path out = disk.dir() / "site";
  REQUIRE(RunKbgen(BuildArgs(content, out)).status == 0);
  const auto before = Snapshot(out);
  AddPages(content, 3);
  REQUIRE(disk.Remount("ro"));
  RunResult r = RunKbgen(BuildArgs(content, out));
  CAPTURE(r.output);
  CHECK(r.status == 1);
  CHECK(Contains(r.output, "Read-only file system"));
  CHECK(Snapshot(out) == before);
  CHECK_FALSE(fs::exists(disk.dir() / ".site.kbgen-new"));
  REQUIRE(disk.Remount("rw"));
}
