// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// What only the Redis store promises, against a real redis-server on a
// loopback port: restarts and crashes of Redis cost retries, not saves; a
// save whose reply is lost is applied once; keys of one conversation share a
// Cluster slot; a Redis that stays down fails calls clearly and in time.
// Each test skips with one line when redis-server is not installed.

#include <arpa/inet.h>
#include <hiredis/hiredis.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "chatcart/store.h"
#include "common/testing/status_matchers.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "store/store_test_util.h"
#include "store/testing/redis_server.h"

namespace chatcart {
namespace {

using ::chatcart::testing::IncrementCounter;
using ::chatcart::testing::IsOkAndHolds;
using ::chatcart::testing::StatusIs;
using ::testing::HasSubstr;

// A raw connection for looking behind the store's back.
class Raw {
 public:
  explicit Raw(int port) : c_(redisConnect("127.0.0.1", port)) {}
  ~Raw() { redisFree(c_); }
  // The reply as text: a string, a status, an error or an integer.
  std::string Command(std::vector<std::string> argv) {
    std::vector<const char*> args;
    std::vector<size_t> lengths;
    for (const std::string& a : argv) {
      args.push_back(a.data());
      lengths.push_back(a.size());
    }
    auto* r = static_cast<redisReply*>(
        redisCommandArgv(c_, static_cast<int>(args.size()), args.data(), lengths.data()));
    if (r == nullptr) return "(no reply)";
    std::string out = r->type == REDIS_REPLY_INTEGER ? absl::StrCat(r->integer)
                      : r->str != nullptr            ? std::string(r->str, r->len)
                                                     : "";
    freeReplyObject(r);
    return out;
  }
  std::vector<std::string> Keys(std::string_view pattern) {
    auto* r = static_cast<redisReply*>(redisCommand(c_, "KEYS %b", pattern.data(), pattern.size()));
    std::vector<std::string> out;
    for (size_t i = 0; r != nullptr && i < r->elements; ++i) {
      out.emplace_back(r->element[i]->str, r->element[i]->len);
    }
    if (r != nullptr) freeReplyObject(r);
    return out;
  }

 private:
  redisContext* c_;
};

// Redis Cluster's key slot: CRC16 (XMODEM) of the hash tag, mod 16384.
int KeySlot(std::string_view key) {
  if (size_t open = key.find('{'); open != std::string_view::npos) {
    size_t close = key.find('}', open + 1);
    if (close != std::string_view::npos && close > open + 1) {
      key = key.substr(open + 1, close - open - 1);
    }
  }
  uint16_t crc = 0;
  for (unsigned char byte : key) {
    crc ^= static_cast<uint16_t>(byte) << 8;
    for (int i = 0; i < 8; ++i) crc = (crc & 0x8000) ? (crc << 1) ^ 0x1021 : crc << 1;
  }
  return crc % 16384;
}

// A TCP proxy in front of Redis that can swallow the next reply and cut the
// connection: the request reached Redis and ran, its caller never heard.
class ReplyDroppingProxy {
 public:
  explicit ReplyDroppingProxy(int upstream) : upstream_(upstream) {
    listener_ = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof(addr);
    bind(listener_, reinterpret_cast<sockaddr*>(&addr), sizeof(addr));
    getsockname(listener_, reinterpret_cast<sockaddr*>(&addr), &len);
    port_ = ntohs(addr.sin_port);
    listen(listener_, 16);
    acceptor_ = std::thread([this] { Accept(); });
  }
  ~ReplyDroppingProxy() {
    stop_ = true;
    shutdown(listener_, SHUT_RDWR);
    close(listener_);
    acceptor_.join();
    for (std::thread& t : pumps_) t.join();
  }
  int port() const { return port_; }
  void DropNextReply() { drop_ = true; }
  int dropped() const { return dropped_; }

 private:
  void Accept() {
    for (;;) {
      int client = accept(listener_, nullptr, nullptr);
      if (client < 0 || stop_) {
        if (client >= 0) close(client);
        return;
      }
      int server = socket(AF_INET, SOCK_STREAM, 0);
      sockaddr_in addr{};
      addr.sin_family = AF_INET;
      addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
      addr.sin_port = htons(upstream_);
      if (connect(server, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) != 0) {
        close(client);
        close(server);
        continue;
      }
      pumps_.emplace_back([this, client, server] { Pump(client, server); });
    }
  }
  void Pump(int client, int server) {
    char buffer[65536];
    while (!stop_) {
      pollfd fds[2] = {{client, POLLIN, 0}, {server, POLLIN, 0}};
      if (poll(fds, 2, 50) <= 0) continue;
      if (fds[0].revents != 0) {
        ssize_t n = read(client, buffer, sizeof(buffer));
        if (n <= 0 || write(server, buffer, n) != n) break;
      }
      if (fds[1].revents != 0) {
        ssize_t n = read(server, buffer, sizeof(buffer));
        if (n <= 0) break;
        if (drop_.exchange(false)) {
          ++dropped_;
          break;
        }
        if (write(client, buffer, n) != n) break;
      }
    }
    close(client);
    close(server);
  }

  int upstream_;
  int listener_ = -1;
  int port_ = 0;
  std::atomic<bool> stop_{false};
  std::atomic<bool> drop_{false};
  std::atomic<int> dropped_{0};
  std::thread acceptor_;
  std::vector<std::thread> pumps_;
};

absl::StatusOr<std::unique_ptr<SessionStore>> Open(int port, int pool_size = 4) {
  return OpenRedisSessionStore({.port = port, .pool_size = pool_size});
}

// Counters incremented by `threads` threads, `each` times each, over
// `sessions` conversations, while `disrupt` runs on this thread.
void IncrementDuring(SessionStore& store, int threads, int each, int sessions,
                     const std::function<void()>& disrupt) {
  std::vector<std::thread> workers;
  for (int t = 0; t < threads; ++t) {
    workers.emplace_back([&, t] {
      for (int i = 0; i < each; ++i) {
        ASSERT_OK(IncrementCounter(store, absl::StrCat("c", (t + i) % sessions)));
      }
    });
  }
  disrupt();
  for (std::thread& w : workers) w.join();
}

void ExpectCounters(SessionStore& store, int sessions, int64_t total) {
  int64_t sum = 0;
  for (int s = 0; s < sessions; ++s) {
    absl::StatusOr<StoredSession> loaded = store.Load(absl::StrCat("c", s));
    ASSERT_OK(loaded);
    EXPECT_EQ(loaded->value, absl::StrCat(loaded->version)) << "c" << s;
    sum += loaded->version;
  }
  EXPECT_EQ(sum, total);
}

TEST(RedisStore, ARestartMidRunCostsRetriesNotSaves) {
  CHATCART_START_REDIS(redis);
  auto store = Open(redis->port());
  ASSERT_OK(store);
  IncrementDuring(**store, 8, 100, 20, [&] {
    for (int restart = 0; restart < 2; ++restart) {
      std::this_thread::sleep_for(std::chrono::milliseconds(150));
      ASSERT_OK(redis->Restart());
    }
  });
  ExpectCounters(**store, 20, 800);
}

// With appendfsync always, even a SIGKILL of Redis loses no save that
// returned: the counters count every increment.
TEST(RedisStore, AKilledRedisWithAppendfsyncAlwaysLosesNoAcknowledgedSave) {
  CHATCART_START_REDIS(redis, {.appendfsync = "always"});
  auto store = Open(redis->port());
  ASSERT_OK(store);
  IncrementDuring(**store, 4, 100, 8, [&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(150));
    ASSERT_OK(redis->Kill());
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    ASSERT_OK(redis->Resume());
  });
  ExpectCounters(**store, 8, 400);
}

TEST(RedisStore, ASaveWhoseReplyWasLostIsAppliedOnce) {
  CHATCART_START_REDIS(redis);
  ReplyDroppingProxy proxy(redis->port());
  auto store = Open(proxy.port(), 1);
  ASSERT_OK(store);
  ASSERT_OK((*store)->Load("warm").status().code() == absl::StatusCode::kNotFound
                ? absl::OkStatus()
                : absl::InternalError("warm-up"));
  proxy.DropNextReply();
  EXPECT_THAT((*store)->Save({.id = "a", .value = "x"}), IsOkAndHolds(1));
  EXPECT_EQ(proxy.dropped(), 1);
  proxy.DropNextReply();
  EXPECT_THAT((*store)->Save({.id = "a", .value = "y", .expected_version = 1}), IsOkAndHolds(2));
  EXPECT_EQ(proxy.dropped(), 2);
  Raw raw(redis->port());
  EXPECT_EQ(raw.Command({"HGET", "chatcart:{a}:s", "v"}), "2");
  EXPECT_EQ(raw.Command({"HGET", "chatcart:{a}:s", "d"}), "y");
  // A stale save is still refused after a lost reply.
  proxy.DropNextReply();
  EXPECT_THAT((*store)->Save({.id = "a", .value = "z", .expected_version = 1}),
              StatusIs(absl::StatusCode::kAborted));
}

// A save whose reply was lost while other saves came after it: its retry
// still finds it was applied (the conflict would make its caller apply the
// same message twice).
TEST(RedisStore, ALostReplyIsRecognizedAfterLaterSaves) {
  CHATCART_START_REDIS(redis);
  ReplyDroppingProxy proxy(redis->port());
  auto via_proxy = OpenRedisSessionStore({.port = proxy.port(),
                                          .pool_size = 1,
                                          .backoff_initial = std::chrono::milliseconds(300),
                                          .backoff_max = std::chrono::milliseconds(300)});
  auto direct = Open(redis->port());
  ASSERT_OK(via_proxy);
  ASSERT_OK(direct);
  ASSERT_OK((*direct)->Save({.id = "a", .value = "1"}));
  proxy.DropNextReply();
  std::thread late([&] {
    // Saved, reply lost; retried 150 to 300 ms later, after the other save.
    EXPECT_THAT((*via_proxy)->Save({.id = "a", .value = "2", .expected_version = 1}),
                IsOkAndHolds(2));
  });
  while (proxy.dropped() == 0) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  EXPECT_THAT((*direct)->Save({.id = "a", .value = "3", .expected_version = 2}), IsOkAndHolds(3));
  late.join();
  EXPECT_THAT((*direct)->Load("a"), IsOkAndHolds(::testing::Field(&StoredSession::version, 3)));
}

TEST(RedisStore, KeysOfOneConversationShareAClusterSlot) {
  CHATCART_START_REDIS(redis);
  auto store = Open(redis->port());
  ASSERT_OK(store);
  ASSERT_OK((*store)->Save({.id = "web-42", .shopper = "cust-7", .value = "x"}));
  ASSERT_OK((*store)->TryAcquireLease("web-42", "p1", 10000));
  Raw raw(redis->port());
  std::vector<std::string> keys = raw.Keys("chatcart:{web-42}*");
  ASSERT_EQ(keys.size(), 3u);  // the session, its lease, the last save's token
  for (const std::string& key : keys) EXPECT_EQ(KeySlot(key), KeySlot("web-42")) << key;
  // The examples of Redis's CLUSTER KEYSLOT documentation.
  EXPECT_EQ(KeySlot("somekey"), 11058);
  EXPECT_EQ(KeySlot("foo{hash_tag}"), 2515);
  EXPECT_EQ(raw.Keys("chatcart:shopper:{cust-7}").size(), 1u);
}

TEST(RedisStore, ARedisThatStaysDownIsUnavailableAfterTheRetryDeadline) {
  int port;
  {
    CHATCART_START_REDIS(redis);
    port = redis->port();
  }  // stopped: nothing listens there now
  auto store = OpenRedisSessionStore({.port = port,
                                      .retry_deadline = std::chrono::milliseconds(300)});
  ASSERT_OK(store);  // connects lazily
  auto start = std::chrono::steady_clock::now();
  EXPECT_THAT((*store)->Load("a"),
              StatusIs(absl::StatusCode::kUnavailable,
                       HasSubstr(absl::StrCat("127.0.0.1:", port, ": cannot connect"))));
  auto took = std::chrono::steady_clock::now() - start;
  EXPECT_GE(took, std::chrono::milliseconds(150));
  EXPECT_LT(took, std::chrono::seconds(3));
}

TEST(RedisStore, CorruptRecordsAreDataLoss) {
  CHATCART_START_REDIS(redis);
  auto store = Open(redis->port());
  ASSERT_OK(store);
  Raw raw(redis->port());
  raw.Command({"HSET", "chatcart:{bad}:s", "v", "abc", "d", "x", "s", "", "u", "1", "e", "0"});
  EXPECT_THAT((*store)->Load("bad"), StatusIs(absl::StatusCode::kDataLoss, HasSubstr("\"bad\"")));
  EXPECT_THAT((*store)->Save({.id = "bad", .value = "y"}),
              StatusIs(absl::StatusCode::kDataLoss));
  EXPECT_EQ(raw.Command({"HGET", "chatcart:{bad}:s", "d"}), "x");
  raw.Command({"SET", "chatcart:{str}:s", "not a hash"});
  EXPECT_THAT((*store)->Load("str"), StatusIs(absl::StatusCode::kDataLoss, HasSubstr("WRONGTYPE")));
}

TEST(RedisStore, AWrongPasswordFailsAtOnce) {
  CHATCART_START_REDIS(redis);
  Raw raw(redis->port());
  ASSERT_EQ(raw.Command({"CONFIG", "SET", "requirepass", "sesame"}), "OK");
  auto wrong = OpenRedisSessionStore({.port = redis->port(), .password = "guess"});
  ASSERT_OK(wrong);
  EXPECT_THAT((*wrong)->Load("a"), StatusIs(absl::StatusCode::kFailedPrecondition,
                                            HasSubstr("AUTH")));
  auto right = OpenRedisSessionStore({.port = redis->port(), .password = "sesame", .database = 3});
  ASSERT_OK(right);
  EXPECT_THAT((*right)->Save({.id = "a", .value = "x"}), IsOkAndHolds(1));
}

TEST(RedisStore, SixteenThreadsShareAPoolOfTwo) {
  CHATCART_START_REDIS(redis);
  auto store = Open(redis->port(), 2);
  ASSERT_OK(store);
  IncrementDuring(**store, 16, 40, 16, [] {});
  ExpectCounters(**store, 16, 640);
}

TEST(RedisStore, BadOptionsAreInvalid) {
  EXPECT_THAT(OpenRedisSessionStore({.port = 0}), StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(OpenRedisSessionStore({.pool_size = 0}),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("pool_size")));
  EXPECT_THAT(OpenRedisSessionStore({.key_prefix = "{x}"}),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("hash tag")));
}

}  // namespace
}  // namespace chatcart
