// `kbgen serve` against hostile requests: control bytes in paths, index
// files asked for with an HTML name, out-of-range and unknown parameters,
// slow clients, and the security headers every response must carry.
#include <doctest/doctest.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include <httplib.h>

#include "serve_process.h"
#include "site_check.h"

namespace fs = std::filesystem;
using namespace kbgen::testing;

namespace {

const fs::path kSource = KBGEN_SOURCE_DIR;

// One fixture site built for every test in this file.
const fs::path& Site() {
  static fs::path site = [] {
    fs::path out = TempDir() / "site";
    RunResult r = RunKbgen({"build", "--content",
                            (kSource / "tests/fixtures/multilingual/content").string(), "--out",
                            out.string(), "--theme", (kSource / "themes/default").string(),
                            "--i18n", (kSource / "i18n").string(), "-q"});
    if (r.status != 0) FAIL("fixture build failed:\n" << r.output);
    return out;
  }();
  return site;
}

// A TCP connection that sends exactly the bytes given (no URL encoding).
class RawConnection {
 public:
  explicit RawConnection(int port) {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
      ::close(fd_);
      fd_ = -1;
    }
    timeval tv{5, 0};
    if (fd_ >= 0) ::setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  }
  ~RawConnection() {
    if (fd_ >= 0) ::close(fd_);
  }
  bool ok() const { return fd_ >= 0; }
  bool Send(const std::string& bytes) {
    return ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL) ==
           static_cast<ssize_t>(bytes.size());
  }
  // Everything until the server closes the connection (or 5 s pass).
  std::string ReadAll() {
    std::string out;
    char buf[4096];
    for (ssize_t n; (n = ::recv(fd_, buf, sizeof buf, 0)) > 0;) out.append(buf, n);
    return out;
  }

 private:
  int fd_ = -1;
};

// The status code of a raw request's answer, 0 when there was none.
int RawStatus(int port, const std::string& target, std::string* response = nullptr) {
  RawConnection c(port);
  if (!c.ok()) return 0;
  c.Send("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
  std::string r = c.ReadAll();
  if (response) *response = r;
  if (r.size() < 12 || !r.starts_with("HTTP/1.1 ")) return 0;
  return std::atoi(r.c_str() + 9);
}

std::string Header(const std::string& raw_response, const std::string& name) {
  std::string head = raw_response.substr(0, raw_response.find("\r\n\r\n"));
  std::string key = "\r\n" + name + ": ";
  auto at = head.find(key);
  if (at == std::string::npos) return "";
  at += key.size();
  return head.substr(at, head.find("\r\n", at) - at);
}

std::string EnglishGeneration() {
  std::string stub = ReadFile(Site() / "search/en/index.stub");  // "auto <generation>\n"
  return stub.substr(5, stub.find('\n') - 5);
}

}  // namespace

TEST_CASE("serve refuses control bytes in paths and never serves the index as HTML") {
  ServeProcess server(Site());
  REQUIRE(server.port() > 0);
  const std::string gen = EnglishGeneration();
  REQUIRE_FALSE(gen.empty());
  std::string response;
  CHECK(RawStatus(server.port(), "/search/en/" + gen + "/postlist.glass%00.html", &response) ==
        400);
  CHECK(Header(response, "Content-Type").find("text/html") == std::string::npos);
  for (const char* bad : {"/en/%00/", "/en/%01", "/en%0d%0aX-Injected:%20yes/", "/%7f/",
                          "/en/toolkit/%C2%85/"}) {
    CAPTURE(bad);
    CHECK(RawStatus(server.port(), bad, &response) == 400);
    CHECK(Header(response, "X-Injected").empty());
  }
  // The index files themselves: bytes, never a page a browser would run.
  CHECK(RawStatus(server.port(), "/search/en/" + gen + "/postlist.glass", &response) == 200);
  CHECK(Header(response, "Content-Type") == "application/octet-stream");
  CHECK(RawStatus(server.port(), "/search/en/index.stub", &response) == 200);
  CHECK(Header(response, "Content-Type") == "application/octet-stream");
  {
    RawConnection head(server.port());
    REQUIRE(head.ok());
    head.Send("HEAD /search/en/" + gen + "/postlist.glass HTTP/1.1\r\nHost: 127.0.0.1\r\n"
              "Connection: close\r\n\r\n");
    CHECK(Header(head.ReadAll(), "Content-Type") == "application/octet-stream");
  }
  // A missing index file is the site's 404 page, an HTML page of ours.
  CHECK(RawStatus(server.port(), "/search/en/nothing-here", &response) == 404);
  // Ordinary pages still are pages.
  CHECK(RawStatus(server.port(), "/en/toolkit/mapping/", &response) == 200);
  CHECK(Header(response, "Content-Type").starts_with("text/html"));
}

TEST_CASE("serve answers 400 to every search parameter out of range, unknown or repeated") {
  ServeProcess server(Site());
  REQUIRE(server.port() > 0);
  httplib::Client client("127.0.0.1", server.port());
  for (const char* bad :
       {"/api/search?q=x&page=1073741825&limit=100", "/api/search?q=x&page=101&limit=100",
        "/api/search?q=x&page=99999999999", "/api/search?q=x&limit=abc",
        "/api/search?q=x&limit=0", "/api/search?q=x&limit=101", "/api/search?q=x&page=-1",
        "/api/search?q=x&page=1e3", "/api/search?q=x&limit=%2010", "/api/search?q=x&lang=de",
        "/api/search?q=x&unknown=1", "/api/search?q=x&q=y", "/api/search?q=x&lang=en&lang=fr",
        "/api/search?q=a%00b", "/api/search?q=a%1bb", "/api/search?q=%FF",
        "/api/search?q=x&filter=region", "/api/search?q=x&filter=%00:x"}) {
    CAPTURE(bad);
    auto r = client.Get(bad);
    REQUIRE(r);
    CHECK(r->status == 400);
    CHECK(r->get_header_value("Content-Type") == "application/json; charset=utf-8");
  }
  auto deepest = client.Get("/api/search?q=x&page=100&limit=100");
  REQUIRE(deepest);
  CHECK(deepest->status == 200);
}

TEST_CASE("every response carries the security headers") {
  ServeProcess server(Site());
  REQUIRE(server.port() > 0);
  httplib::Client client("127.0.0.1", server.port());
  for (const char* path : {"/", "/en/toolkit/mapping/", "/css/kb.css", "/en/nowhere/",
                           "/api/search?q=mapping&lang=en", "/api/search?limit=abc"}) {
    CAPTURE(path);
    auto r = client.Get(path);
    REQUIRE(r);
    CHECK(r->get_header_value("X-Content-Type-Options") == "nosniff");
    CHECK(r->get_header_value("Referrer-Policy") == "strict-origin-when-cross-origin");
    std::string csp = r->get_header_value("Content-Security-Policy");
    CHECK(csp.find("default-src 'self'") != std::string::npos);
    auto script_src = csp.find("script-src 'self'");
    REQUIRE(script_src != std::string::npos);
    CHECK(csp.substr(script_src, csp.find(';', script_src) - script_src).find("unsafe-inline") ==
          std::string::npos);
    CHECK(csp.find("object-src 'none'") != std::string::npos);
  }
  // The theme works under that policy: no inline script in any page.
  for (const auto& [path, content] : Snapshot(Site())) {
    if (!path.ends_with(".html")) continue;
    CAPTURE(path);
    for (std::size_t at = content.find("<script"); at != std::string::npos;
         at = content.find("<script", at + 1)) {
      std::string tag = content.substr(at, content.find('>', at) - at);
      CHECK(tag.find(" src=") != std::string::npos);
    }
  }
}

TEST_CASE("slow clients holding connections open do not stop others being served") {
  ServeProcess server(Site());
  REQUIRE(server.port() > 0);
  // Slowloris: many connections that send half a request and wait.
  std::vector<std::unique_ptr<RawConnection>> slow;
  for (int i = 0; i < 24; ++i) {
    slow.push_back(std::make_unique<RawConnection>(server.port()));
    REQUIRE(slow.back()->ok());
    slow.back()->Send("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ");
  }
  httplib::Client client("127.0.0.1", server.port());
  client.set_connection_timeout(3);
  client.set_read_timeout(3);
  for (const char* path : {"/en/", "/api/search?q=mapping&lang=en", "/fr/"}) {
    CAPTURE(path);
    auto r = client.Get(path);
    REQUIRE(r);
    CHECK(r->status == 200);
  }
}
