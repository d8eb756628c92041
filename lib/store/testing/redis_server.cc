// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "store/testing/redis_server.h"

#include <hiredis/hiredis.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <filesystem>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"

namespace chatcart::testing {
namespace {

int FreeLoopbackPort() {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return 0;
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  socklen_t len = sizeof(addr);
  int port = 0;
  if (bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) == 0 &&
      getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) == 0) {
    port = ntohs(addr.sin_port);
  }
  close(fd);
  return port;
}

bool Executable(const std::string& path) { return access(path.c_str(), X_OK) == 0; }

}  // namespace

std::string RedisServer::Binary() {
  if (const char* env = getenv("CHATCART_REDIS_SERVER"); env != nullptr && *env != '\0') {
    return Executable(env) ? std::string(env) : std::string();
  }
  if (const char* path = getenv("PATH"); path != nullptr) {
    for (absl::string_view dir : absl::StrSplit(path, ':')) {
      std::string candidate = absl::StrCat(dir, "/redis-server");
      if (!dir.empty() && Executable(candidate)) return candidate;
    }
  }
  return Executable("/usr/bin/redis-server") ? "/usr/bin/redis-server" : "";
}

absl::StatusOr<std::unique_ptr<RedisServer>> RedisServer::Start(Options options) {
  if (Binary().empty()) {
    return absl::NotFoundError(
        "redis-server is not installed (Debian package redis-server; scripts/install-deps.sh "
        "installs it): skipping this Redis test");
  }
  std::string pattern =
      (std::filesystem::temp_directory_path() / "chatcart-redis-XXXXXX").string();
  std::vector<char> buffer(pattern.begin(), pattern.end());
  buffer.push_back('\0');
  if (mkdtemp(buffer.data()) == nullptr) {
    return absl::UnavailableError(absl::StrCat("mkdtemp: ", strerror(errno)));
  }
  std::unique_ptr<RedisServer> server(new RedisServer(std::move(options), buffer.data()));
  absl::Status last;
  for (int attempt = 0; attempt < 5; ++attempt) {
    server->port_ = FreeLoopbackPort();
    last = server->Spawn();
    if (last.ok()) return server;
  }
  return last;
}

RedisServer::~RedisServer() {
  Kill().IgnoreError();
  std::error_code ignored;
  std::filesystem::remove_all(dir_, ignored);
}

absl::Status RedisServer::Spawn() {
  std::string binary = Binary();
  std::string port = std::to_string(port_);
  std::string log = dir_ + "/redis.log";
  std::vector<std::string> args = {binary,        "--port",          port,
                                   "--bind",      "127.0.0.1",       "--dir",
                                   dir_,          "--save",          "",
                                   "--appendonly", "yes",            "--appendfsync",
                                   options_.appendfsync, "--logfile", log,
                                   "--daemonize", "no"};
  // Everything the child needs is built before fork: a test may run threads,
  // and the child may only call async-signal-safe functions.
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t parent = getpid();
  pid_t pid = fork();
  if (pid < 0) return absl::UnavailableError(absl::StrCat("fork: ", strerror(errno)));
  if (pid == 0) {
    // Dies with the test, however the test ends.
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != parent) _exit(1);
    execv(argv[0], argv.data());
    _exit(127);
  }
  pid_ = pid;
  absl::Status ready = WaitReady();
  if (!ready.ok()) Kill().IgnoreError();
  return ready;
}

absl::Status RedisServer::WaitReady() {
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (std::chrono::steady_clock::now() < deadline) {
    int status = 0;
    if (waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      return absl::UnavailableError(
          absl::StrCat("redis-server exited during start (port ", port_, "; log in ", dir_, ")"));
    }
    timeval tv{0, 200000};
    if (redisContext* c = redisConnectWithTimeout("127.0.0.1", port_, tv); c != nullptr) {
      bool pong = false;
      if (c->err == 0) {
        if (auto* r = static_cast<redisReply*>(redisCommand(c, "PING")); r != nullptr) {
          pong = r->type == REDIS_REPLY_STATUS && std::string_view(r->str, r->len) == "PONG";
          freeReplyObject(r);
        }
      }
      redisFree(c);
      if (pong) return absl::OkStatus();
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return absl::UnavailableError(absl::StrCat("redis-server did not answer on port ", port_));
}

absl::Status RedisServer::Stop() {
  if (pid_ <= 0) return absl::OkStatus();
  kill(pid_, SIGTERM);
  int status = 0;
  waitpid(pid_, &status, 0);
  pid_ = -1;
  return absl::OkStatus();
}

absl::Status RedisServer::Kill() {
  if (pid_ <= 0) return absl::OkStatus();
  kill(pid_, SIGKILL);
  int status = 0;
  waitpid(pid_, &status, 0);
  pid_ = -1;
  return absl::OkStatus();
}

absl::Status RedisServer::Resume() {
  if (pid_ > 0) return absl::FailedPreconditionError("redis-server is running");
  return Spawn();
}

absl::Status RedisServer::Restart() {
  if (absl::Status s = Stop(); !s.ok()) return s;
  return Resume();
}

}  // namespace chatcart::testing
