#include "generator/site_writer.h"

#include <fcntl.h>
#include <spawn.h>
#include <linux/fs.h>
#include <stdio.h>
#include <sys/file.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <system_error>

#include "generator/permalink.h"

namespace fs = std::filesystem;

namespace kbgen {
namespace {

std::string ErrnoText() { return std::strerror(errno); }

bool WriteAll(int fd, std::string_view data) {
  while (!data.empty()) {
    ssize_t n = ::write(fd, data.data(), data.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    data.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

// Deleting a large site costs seconds of file system work; the new site is
// already live, so an `rm -rf` of the old one runs on in the background.
// (The lock file descriptor is close-on-exec: rm does not hold the lock.)
void RemoveInBackground(const fs::path& dir) {
  const char* argv[] = {"rm", "-rf", "--", dir.c_str(), nullptr};
  pid_t pid;
  if (::posix_spawnp(&pid, "rm", nullptr, nullptr, const_cast<char* const*>(argv), environ) != 0) {
    std::error_code ec;
    fs::remove_all(dir, ec);
  }
}

bool ExchangePaths(const fs::path& a, const fs::path& b) {
  return ::syscall(SYS_renameat2, AT_FDCWD, a.c_str(), AT_FDCWD, b.c_str(), RENAME_EXCHANGE) == 0;
}

}  // namespace

SiteWriter::SiteWriter(fs::path out, fs::path staging, int lock_fd)
    : out_(std::move(out)), staging_(std::move(staging)), lock_fd_(lock_fd) {}

std::unique_ptr<SiteWriter> SiteWriter::Open(const fs::path& out_dir, std::string* error) {
  std::error_code ec;
  fs::path out = fs::absolute(out_dir, ec).lexically_normal();
  if (out.has_filename() == false) out = out.parent_path();
  if (ec || out.filename().empty() || out == out.root_path()) {
    *error = out_dir.string() + ": error: not a usable output folder";
    return nullptr;
  }
  // An output folder that is a symbolic link (a deploy layout such as
  // site -> releases/N) stays a link: the site is built beside the link's
  // target and swapped in there, as a publisher who points the link
  // elsewhere later expects. Replacing the link with a real folder would
  // silently break that layout.
  // The link may dangle (the next release is not there yet), so it is
  // followed by hand rather than with canonical().
  for (int hops = 0; fs::is_symlink(fs::symlink_status(out, ec)); ++hops) {
    fs::path target = fs::read_symlink(out, ec);
    if (ec || hops == 40) {
      *error = out_dir.string() + ": error: cannot follow the symbolic link: " +
               (ec ? ec.message() : std::string("too many levels of links"));
      return nullptr;
    }
    out = (target.is_absolute() ? target : out.parent_path() / target).lexically_normal();
    if (out.has_filename() == false) out = out.parent_path();
    if (out.filename().empty() || out == out.root_path()) {
      *error = out_dir.string() + ": error: the symbolic link leads to the root folder";
      return nullptr;
    }
  }
  fs::path parent = out.parent_path();
  fs::create_directories(parent, ec);
  if (ec) {
    *error = parent.string() + ": error: cannot create folder: " + ec.message();
    return nullptr;
  }
  std::string name = out.filename().string();

  // Refuse to replace a folder kbgen did not build.
  if (fs::is_directory(out, ec) && !fs::is_empty(out, ec) &&
      !fs::exists(out / std::string(kSiteMarker), ec)) {
    *error = out_dir.string() + ": error: refusing to replace a non-empty folder that kbgen did "
             "not build (no " + std::string(kSiteMarker) + " marker); remove it or choose another --out";
    return nullptr;
  }
  if (fs::exists(out, ec) && !fs::is_directory(out, ec)) {
    *error = out_dir.string() + ": error: exists and is not a folder";
    return nullptr;
  }

  fs::path lock_path = parent / ("." + name + ".kbgen-lock");
  int fd = ::open(lock_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) {
    *error = lock_path.string() + ": error: cannot open lock file: " + ErrnoText();
    return nullptr;
  }
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    ::close(fd);
    *error = out_dir.string() + ": error: another kbgen build is writing this folder";
    return nullptr;
  }
  // Holding the lock, any staging folder left here is from a killed build,
  // and an old site still there is one whose background removal failed.
  fs::path staging = parent / ("." + name + ".kbgen-new");
  fs::remove_all(staging, ec);
  fs::remove_all(parent / ("." + name + ".kbgen-old"), ec);
  if (!fs::create_directory(staging, ec) || ec) {
    ::close(fd);
    *error = staging.string() + ": error: cannot create staging folder: " +
             (ec ? ec.message() : std::string("it already exists"));
    return nullptr;
  }
  auto writer = std::unique_ptr<SiteWriter>(new SiteWriter(out, staging, fd));
  if (!writer->Write(kSiteMarker, "Built by kbgen. This folder is replaced by each build.\n",
                     error)) {
    return nullptr;
  }
  return writer;
}

SiteWriter::~SiteWriter() {
  if (!committed_) {
    std::error_code ec;
    fs::remove_all(staging_, ec);
  }
  if (lock_fd_ >= 0) ::close(lock_fd_);
}

void SiteWriter::Abandon() noexcept {
  abandoned_ = true;
  for (int attempt = 0; attempt < 100; ++attempt) {
    std::error_code ec;
    fs::remove_all(staging_, ec);
    if (!fs::exists(fs::symlink_status(staging_, ec))) return;
    ::usleep(10000);  // a write under way may have made a folder again
  }
}

bool SiteWriter::PrepareParent(std::string_view rel_path, fs::path* full, std::string* error) {
  if (abandoned_) {
    *error = std::string(rel_path) + ": error: the build was abandoned";
    return false;
  }
  auto segments = SplitPath(rel_path);
  bool ok = !segments.empty() && !rel_path.starts_with('/');
  for (const auto& s : segments) ok = ok && IsSafeSegment(s);
  if (!ok) {
    *error = std::string(rel_path) + ": error: output path would leave the output folder";
    return false;
  }
  *full = staging_;
  for (const auto& s : segments) *full /= s;
  std::error_code ec;
  fs::create_directories(full->parent_path(), ec);
  if (ec && !fs::is_directory(full->parent_path())) {
    *error = full->parent_path().string() + ": error: cannot create folder: " + ec.message();
    return false;
  }
  return true;
}

bool SiteWriter::Write(std::string_view rel_path, std::string_view content, std::string* error) {
  fs::path full;
  if (!PrepareParent(rel_path, &full, error)) return false;
  // O_EXCL: two outputs claiming one path is a bug we want to hear about.
  int fd = ::open(full.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0644);
  if (fd < 0) {
    *error = full.string() + ": error: cannot create file: " + ErrnoText();
    return false;
  }
  bool ok = WriteAll(fd, content);
  std::string write_error = ok ? "" : ErrnoText();
  if (::close(fd) != 0 && ok) {
    ok = false;
    write_error = ErrnoText();
  }
  if (!ok) *error = full.string() + ": error: cannot write file: " + write_error;
  return ok;
}

bool SiteWriter::Copy(const fs::path& source, std::string_view rel_path, std::string* error) {
  std::ifstream in(source, std::ios::binary);
  if (!in) {
    *error = source.string() + ": error: cannot read file";
    return false;
  }
  std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) {
    *error = source.string() + ": error: cannot read file";
    return false;
  }
  return Write(rel_path, data, error);
}

bool SiteWriter::Commit(std::string* error, bool durable) {
  if (durable) {
    int dir_fd = ::open(staging_.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir_fd < 0 || ::syncfs(dir_fd) != 0) {
      *error = staging_.string() + ": error: cannot flush the new site to disk: " + ErrnoText();
      if (dir_fd >= 0) ::close(dir_fd);
      return false;
    }
    ::close(dir_fd);
  }
  std::error_code ec;
  if (fs::exists(fs::symlink_status(out_, ec))) {
    if (!ExchangePaths(staging_, out_)) {
      *error = out_.string() + ": error: cannot swap in the new site: " + ErrnoText();
      return false;
    }
    committed_ = true;
    // The staging path now holds the previous site: move it aside, then delete it.
    fs::path old = staging_.parent_path() / ("." + out_.filename().string() + ".kbgen-old");
    fs::remove_all(old, ec);
    if (::rename(staging_.c_str(), old.c_str()) == 0) {
      RemoveInBackground(old);
    } else {
      fs::remove_all(staging_, ec);
    }
  } else {
    if (::rename(staging_.c_str(), out_.c_str()) != 0) {
      *error = out_.string() + ": error: cannot move the new site in place: " + ErrnoText();
      return false;
    }
    committed_ = true;
  }
  return true;
}

}  // namespace kbgen
