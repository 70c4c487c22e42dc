// SiteWriter: writes a whole site into a staging folder beside the output
// folder and swaps it in only when complete.
//
// The staging folder is `<parent>/.<name>.kbgen-new`; Commit() exchanges it
// with the output folder in one renameat2(RENAME_EXCHANGE) call, so there
// is no moment without a site, then deletes the old one. A build that fails
// (the writer is destroyed without Commit) or is killed leaves the previous
// site untouched; the next build clears the stale staging folder. A lock file
// beside the output keeps two builds of the same folder apart.
//
// An output folder that is a symbolic link keeps its link: the new site
// replaces the link's target folder, staged beside that target.
//
// An existing, non-empty output folder is replaced only if it carries the
// `.kbgen-site` marker that every build writes, so a mistyped --out cannot
// wipe an unrelated folder. Write() and Copy() are thread-safe.
#ifndef KBGEN_GENERATOR_SITE_WRITER_H_
#define KBGEN_GENERATOR_SITE_WRITER_H_

#include <atomic>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

namespace kbgen {

inline constexpr std::string_view kSiteMarker = ".kbgen-site";

class SiteWriter {
 public:
  // Takes the lock and creates a fresh staging folder. Null and *error on failure.
  static std::unique_ptr<SiteWriter> Open(const std::filesystem::path& out_dir, std::string* error);
  ~SiteWriter();  // removes the staging folder unless committed; releases the lock

  SiteWriter(const SiteWriter&) = delete;
  SiteWriter& operator=(const SiteWriter&) = delete;

  const std::filesystem::path& staging_dir() const { return staging_; }

  // Writes `content` to `rel_path` ('/'-separated) below the staging folder.
  // Refuses absolute paths and paths with "..", empty or unsafe segments.
  bool Write(std::string_view rel_path, std::string_view content, std::string* error);
  bool Copy(const std::filesystem::path& source, std::string_view rel_path, std::string* error);

  // Swaps the staging folder in place of the output. With `durable`, first
  // flushes the file system to disk (syncfs), so that a power cut right
  // after the swap cannot leave empty files; it costs as much as the
  // machine has unwritten data, so it is the publisher's choice.
  bool Commit(std::string* error, bool durable = false);

  // For a process about to end abnormally (see terminate_guard.h): refuses
  // every later Write() and Copy() and removes the staging folder, waiting
  // up to a second for writes already under way. Safe from any thread.
  void Abandon() noexcept;

 private:
  SiteWriter(std::filesystem::path out, std::filesystem::path staging, int lock_fd);
  bool PrepareParent(std::string_view rel_path, std::filesystem::path* full, std::string* error);

  std::filesystem::path out_;
  std::filesystem::path staging_;
  int lock_fd_ = -1;
  bool committed_ = false;
  std::atomic<bool> abandoned_{false};
};

}  // namespace kbgen

#endif  // KBGEN_GENERATOR_SITE_WRITER_H_
