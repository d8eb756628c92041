// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Conversations shared by processes through a real redis-server (skipped,
// with one line, when redis-server is not installed):
//   - two processes continue one conversation alternately, byte for byte as
//     one session would;
//   - 16 threads in two processes send messages for 1,000 shoppers, 10 % of
//     them delivered twice, while Redis restarts: no turn lost, none applied
//     twice, every conversation's version equals its applied turns.
// The processes are forked from the test after the engine is loaded.

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <random>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "chatcart/runtime.h"
#include "chatcart/v1/runtime.pb.h"
#include "common/testing/status_matchers.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "runtime/runtime_test_util.h"
#include "store/testing/redis_server.h"

namespace chatcart {
namespace {

using ::chatcart::testing::Bytes;
using ::chatcart::testing::DemoEngine;
using ::chatcart::testing::Message;
using ::chatcart::testing::TextAt;

constexpr const char* kTexts[] = {
    "hi", "I need a gift for my 6 year old under 40 euros", "she loves lego",
    "add the second one", "show my cart", "what can you do?", "add another one",
    "show my cart", "checkout"};
constexpr int kTextCount = sizeof(kTexts) / sizeof(kTexts[0]);

std::unique_ptr<Conversations> Runtime(int port, int pool_size) {
  auto store = OpenRedisSessionStore({.port = port, .pool_size = pool_size});
  if (!store.ok()) return nullptr;
  ConversationsOptions options;
  options.engine = DemoEngine();
  options.store = *std::move(store);
  auto made = Conversations::Create(std::move(options));
  return made.ok() ? *std::move(made) : nullptr;
}

bool ReadAll(int fd, void* data, size_t size) {
  auto* p = static_cast<char*>(data);
  while (size > 0) {
    ssize_t n = read(fd, p, size);
    if (n <= 0) return false;
    p += n;
    size -= n;
  }
  return true;
}

bool WriteAll(int fd, const void* data, size_t size) {
  auto* p = static_cast<const char*>(data);
  while (size > 0) {
    ssize_t n = write(fd, p, size);
    if (n <= 0) return false;
    p += n;
    size -= n;
  }
  return true;
}

struct Child {
  pid_t pid = -1;
  int to = -1;    // the parent writes here
  int from = -1;  // and reads here
};

// Forks a child running `body(in, out)`; it exits with body's return value.
template <typename Body>
Child Fork(Body body) {
  int down[2], up[2];
  if (pipe(down) != 0 || pipe(up) != 0) return {};
  pid_t pid = fork();
  if (pid == 0) {
    // Only its own pipe ends: another child's inherited write end would keep
    // that child from ever reading end-of-file.
    for (int fd = 3; fd < 1024; ++fd) {
      if (fd != down[0] && fd != up[1]) close(fd);
    }
    _exit(body(down[0], up[1]));
  }
  close(down[0]);
  close(up[1]);
  return {pid, down[1], up[0]};
}

int Wait(const Child& child) {
  close(child.to);
  close(child.from);
  int status = 0;
  waitpid(child.pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

TEST(RuntimeOnRedis, TwoProcessesContinueOneConversationAlternatelyByteForByte) {
  CHATCART_START_REDIS(redis);
  DemoEngine();  // loaded once, before the fork
  int port = redis->port();
  auto serve = [port](int in, int out) {
    std::unique_ptr<Conversations> runtime = Runtime(port, 2);
    if (runtime == nullptr) return 2;
    for (int i; ReadAll(in, &i, sizeof(i));) {
      auto handled =
          runtime->Handle(Message("web-9", absl::StrCat("m", i), kTexts[i], i));
      std::string bytes = handled.ok() ? Bytes(handled->result)
                                       : absl::StrCat("error: ", handled.status().ToString());
      uint32_t size = bytes.size();
      if (!WriteAll(out, &size, sizeof(size)) || !WriteAll(out, bytes.data(), size)) return 3;
    }
    return 0;
  };
  Child children[2] = {Fork(serve), Fork(serve)};
  ASSERT_GT(children[0].pid, 0);
  ASSERT_GT(children[1].pid, 0);

  std::unique_ptr<Conversations> here = Runtime(port, 1);
  ASSERT_NE(here, nullptr);
  std::unique_ptr<Session> one = DemoEngine()->NewSession("web-9", here->SeedFor("web-9"));
  for (int i = 0; i < kTextCount; ++i) {
    const Child& child = children[i % 2];
    ASSERT_TRUE(WriteAll(child.to, &i, sizeof(i)));
    uint32_t size = 0;
    ASSERT_TRUE(ReadAll(child.from, &size, sizeof(size)));
    std::string bytes(size, '\0');
    ASSERT_TRUE(ReadAll(child.from, bytes.data(), size));
    auto expected = one->HandleTurn(TextAt(kTexts[i], i));
    ASSERT_OK(expected);
    EXPECT_EQ(bytes, Bytes(*expected)) << "message " << i << " (" << kTexts[i]
                                       << ") in process " << i % 2;
  }
  for (const Child& child : children) EXPECT_EQ(Wait(child), 0);
  auto stored = here->Load("web-9");
  ASSERT_OK(stored);
  EXPECT_EQ((*stored)->Snapshot(), one->Snapshot());
}

TEST(RuntimeOnRedis, SixteenThreadsInTwoProcessesThroughARedisRestartApplyEachTurnOnce) {
  constexpr int kShoppers = 1000;
  constexpr int kMessagesEach = 4;
  constexpr int kThreadsPerProcess = 8;
  constexpr int kProgressEvery = 100;
  CHATCART_START_REDIS(redis);
  DemoEngine();
  const int port = redis->port();

  // Every message once, one in ten twice; shuffled; each delivery to either
  // process. A delivery is shopper * kMessagesEach + message.
  std::mt19937 random(2026);
  std::vector<int> deliveries[2];
  {
    std::vector<int> all;
    for (int m = 0; m < kShoppers * kMessagesEach; ++m) {
      all.push_back(m);
      if (random() % 10 == 0) all.push_back(m);
    }
    std::shuffle(all.begin(), all.end(), random);
    for (int d : all) deliveries[random() % 2].push_back(d);
  }
  const size_t total = deliveries[0].size() + deliveries[1].size();

  auto process = [&](int which) {
    return [&, which, port](int in, int out) {
      std::unique_ptr<Conversations> runtime = Runtime(port, kThreadsPerProcess);
      if (runtime == nullptr) return 2;
      const std::vector<int>& mine = deliveries[which];
      std::atomic<size_t> next{0};
      std::atomic<int> applied{0}, failures{0};
      std::vector<std::thread> threads;
      for (int t = 0; t < kThreadsPerProcess; ++t) {
        threads.emplace_back([&] {
          for (size_t k; (k = next.fetch_add(1)) < mine.size();) {
            int d = mine[k];
            int shopper = d / kMessagesEach, message = d % kMessagesEach;
            ConversationInput in = Message(absl::StrCat("web-", shopper),
                                           absl::StrCat("wamid.", d), kTexts[message % 2 == 0 ? 0 : 5],
                                           message);
            in.shopper = absl::StrCat("cust-", shopper);
            auto handled = runtime->Handle(in);
            if (!handled.ok()) {
              fprintf(stderr, "process %d: %s\n", which, handled.status().ToString().c_str());
              ++failures;
            } else if (!handled->duplicate) {
              ++applied;
            }
            if (k % kProgressEvery == 0) {
              char byte = 1;
              if (write(out, &byte, 1) != 1) ++failures;
            }
          }
        });
      }
      for (std::thread& t : threads) t.join();
      int counts[2] = {applied.load(), failures.load()};
      char end = 0;
      if (!WriteAll(out, &end, 1) || !WriteAll(out, counts, sizeof(counts))) return 3;
      return failures.load() == 0 ? 0 : 1;
    };
  };
  Child children[2] = {Fork(process(0)), Fork(process(1))};
  ASSERT_GT(children[0].pid, 0);
  ASSERT_GT(children[1].pid, 0);

  // Restart Redis once half the deliveries are in, then collect the counts.
  size_t progressed = 0;
  bool restarted = false;
  int applied = 0, failures = 0;
  for (const Child& child : children) {
    for (char byte; ReadAll(child.from, &byte, 1);) {
      if (byte == 0) {
        int counts[2];
        ASSERT_TRUE(ReadAll(child.from, counts, sizeof(counts)));
        applied += counts[0];
        failures += counts[1];
        break;
      }
      progressed += kProgressEvery;
      // A quarter of all deliveries, from the first process: about half of its share.
      if (!restarted && progressed >= total / 4) {
        ASSERT_OK(redis->Restart());
        restarted = true;
      }
    }
  }
  for (const Child& child : children) EXPECT_EQ(Wait(child), 0);
  EXPECT_TRUE(restarted);
  EXPECT_EQ(failures, 0);
  EXPECT_EQ(applied, kShoppers * kMessagesEach) << "turns applied, summed over both processes";

  auto store = OpenRedisSessionStore({.port = port});
  ASSERT_OK(store);
  for (int shopper = 0; shopper < kShoppers; ++shopper) {
    std::string id = absl::StrCat("web-", shopper);
    auto stored = (*store)->Load(id);
    ASSERT_OK(stored) << id;
    v1::ConversationRecord record;
    ASSERT_TRUE(record.ParseFromString(stored->value)) << id;
    EXPECT_EQ(stored->version, kMessagesEach) << id;
    EXPECT_EQ(record.applied_count(), static_cast<uint64_t>(kMessagesEach)) << id;
    std::set<uint64_t> ids(record.applied().begin(), record.applied().end());
    EXPECT_EQ(ids.size(), static_cast<size_t>(kMessagesEach)) << id;
    EXPECT_EQ(stored->shopper, absl::StrCat("cust-", shopper));
  }
}

}  // namespace
}  // namespace chatcart
