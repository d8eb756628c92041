// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// A real redis-server for tests and benchmarks: started on a free loopback
// port in its own temporary directory, with append-only persistence, and
// killed with its directory when the object goes (or, through
// PR_SET_PDEATHSIG, when the test process dies). Restart() stops it
// gracefully and starts it again on the same port and data.
//
//   TEST(Redis, Works) {
//     CHATCART_START_REDIS(redis);   // skips, with one line, without redis-server
//     RedisStoreOptions options{.port = redis->port()};
//   }
//
// Not thread-safe: one thread drives a server.

#ifndef CHATCART_STORE_TESTING_REDIS_SERVER_H_
#define CHATCART_STORE_TESTING_REDIS_SERVER_H_

#include <sys/types.h>

#include <memory>
#include <string>

#include "absl/status/statusor.h"

namespace chatcart::testing {

class RedisServer {
 public:
  struct Options {
    // appendfsync: "always" (no acknowledged write lost even to a SIGKILL of
    // Redis), "everysec" (Redis's default) or "no".
    std::string appendfsync = "everysec";
  };

  // The redis-server binary ($CHATCART_REDIS_SERVER, else redis-server on
  // PATH, else /usr/bin/redis-server), or "" when there is none.
  static std::string Binary();

  // NOT_FOUND when redis-server is not installed; UNAVAILABLE when it does
  // not start.
  static absl::StatusOr<std::unique_ptr<RedisServer>> Start(Options options);
  static absl::StatusOr<std::unique_ptr<RedisServer>> Start() { return Start(Options()); }

  ~RedisServer();
  RedisServer(const RedisServer&) = delete;
  RedisServer& operator=(const RedisServer&) = delete;

  int port() const { return port_; }
  const std::string& dir() const { return dir_; }

  // SIGTERM (Redis writes its append-only file and exits), then waits.
  absl::Status Stop();
  // SIGKILL, then waits.
  absl::Status Kill();
  // Starts it again after Stop or Kill, on the same port and directory.
  absl::Status Resume();
  // Stop, then Resume.
  absl::Status Restart();

 private:
  RedisServer(Options options, std::string dir) : options_(std::move(options)), dir_(std::move(dir)) {}
  absl::Status Spawn();
  absl::Status WaitReady();

  Options options_;
  std::string dir_;
  int port_ = 0;
  pid_t pid_ = -1;
};

}  // namespace chatcart::testing

// Declares `var`, a std::unique_ptr<RedisServer> running; skips the test
// with one line when redis-server is not installed, fails it when it does
// not start.
#define CHATCART_START_REDIS(var, ...)                                                  \
  auto var##_started_ = ::chatcart::testing::RedisServer::Start(__VA_ARGS__);          \
  if (var##_started_.status().code() == absl::StatusCode::kNotFound) {                  \
    GTEST_SKIP() << var##_started_.status().message();                                  \
  }                                                                                     \
  ASSERT_TRUE(var##_started_.ok()) << var##_started_.status();                          \
  std::unique_ptr<::chatcart::testing::RedisServer> var = *std::move(var##_started_)

#endif  // CHATCART_STORE_TESTING_REDIS_SERVER_H_
