// A running `kbgen serve` on a free port for a test, stopped when the
// object goes away.
#ifndef KBGEN_TESTS_INTEGRATION_SERVE_PROCESS_H_
#define KBGEN_TESTS_INTEGRATION_SERVE_PROCESS_H_

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "site_check.h"

namespace kbgen::testing {

class ServeProcess {
 public:
  explicit ServeProcess(const std::filesystem::path& site) {
    int fds[2];
    if (pipe(fds) != 0) return;
    pid_ = fork();
    if (pid_ == 0) {
      dup2(fds[1], STDOUT_FILENO);
      close(fds[0]);
      close(fds[1]);
      execl(KbgenBinary(), KbgenBinary(), "serve", "--port", "0", "--site", site.c_str(),
            static_cast<char*>(nullptr));
      _exit(127);
    }
    close(fds[1]);
    out_ = fdopen(fds[0], "r");
    char line[512] = {0};
    if (out_ && fgets(line, sizeof line, out_)) {
      // "serving DIR at http://127.0.0.1:PORT/ (Ctrl-C to stop)"
      std::string s(line);
      auto at = s.find("http://127.0.0.1:");
      if (at != std::string::npos) port_ = std::atoi(s.c_str() + at + 17);
    }
  }
  ~ServeProcess() {
    if (pid_ > 0) {
      kill(pid_, SIGTERM);
      waitpid(pid_, nullptr, 0);
    }
    if (out_) fclose(out_);
  }
  ServeProcess(const ServeProcess&) = delete;
  ServeProcess& operator=(const ServeProcess&) = delete;

  int port() const { return port_; }

 private:
  pid_t pid_ = -1;
  FILE* out_ = nullptr;
  int port_ = 0;
};

}  // namespace kbgen::testing

#endif  // KBGEN_TESTS_INTEGRATION_SERVE_PROCESS_H_
