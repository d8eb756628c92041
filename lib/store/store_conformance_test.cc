// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// The SessionStore contract, checked on every implementation: in memory,
// SQLite (a temporary file) and Redis (a real redis-server on a loopback
// port; these skip with one line when redis-server is not installed).

#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
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

using ::chatcart::testing::FakeClock;
using ::chatcart::testing::IncrementCounter;
using ::chatcart::testing::IsOkAndHolds;
using ::chatcart::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::Field;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

enum class Kind { kMemory, kSqlite, kRedis };

std::string KindName(const ::testing::TestParamInfo<Kind>& info) {
  switch (info.param) {
    case Kind::kMemory:
      return "Memory";
    case Kind::kSqlite:
      return "Sqlite";
    case Kind::kRedis:
      return "Redis";
  }
  return "?";
}

class StoreTest : public ::testing::TestWithParam<Kind> {
 protected:
  void SetUp() override {
    switch (GetParam()) {
      case Kind::kMemory:
        store_ = NewMemorySessionStore({.clock = clock_.AsStoreClock()});
        break;
      case Kind::kSqlite: {
        dir_ = std::filesystem::temp_directory_path() /
               absl::StrCat("chatcart-store-test-", getpid());
        std::filesystem::create_directories(dir_);
        auto opened = OpenSqliteSessionStore(
            {.path = (dir_ / "sessions.db").string(), .clock = clock_.AsStoreClock()});
        ASSERT_OK(opened);
        store_ = *std::move(opened);
        break;
      }
      case Kind::kRedis: {
        CHATCART_START_REDIS(redis);
        redis_ = std::move(redis);
        auto opened = OpenRedisSessionStore({.port = redis_->port()});
        ASSERT_OK(opened);
        store_ = *std::move(opened);
        break;
      }
    }
  }

  void TearDown() override {
    store_.reset();
    redis_.reset();
    if (!dir_.empty()) std::filesystem::remove_all(dir_);
  }

  // Redis judges expiry by its own clock; the others by the fake one.
  bool real_time() const { return GetParam() == Kind::kRedis; }
  int64_t now() const { return real_time() ? SystemClockMillis() : clock_.now(); }
  void Advance(int64_t ms) {
    if (real_time()) {
      std::this_thread::sleep_for(std::chrono::milliseconds(ms));
    } else {
      clock_.Advance(ms);
    }
  }

  FakeClock clock_;
  std::filesystem::path dir_;
  std::unique_ptr<testing::RedisServer> redis_;
  std::unique_ptr<SessionStore> store_;
};

TEST_P(StoreTest, ASavedSessionLoadsWithItsBytesShopperAndVersionOne) {
  std::string bytes("snap\0shot\xff", 10);
  EXPECT_THAT(store_->Save({.id = "web-42", .shopper = "cust-7", .value = bytes}),
              IsOkAndHolds(1));
  absl::StatusOr<StoredSession> loaded = store_->Load("web-42");
  ASSERT_OK(loaded);
  EXPECT_EQ(loaded->id, "web-42");
  EXPECT_EQ(loaded->shopper, "cust-7");
  EXPECT_EQ(loaded->value, bytes);
  EXPECT_EQ(loaded->version, 1);
  EXPECT_EQ(loaded->expires_at_ms, 0);
  EXPECT_GT(loaded->updated_at_ms, 0);
}

TEST_P(StoreTest, EachSaveOnTheStoredVersionAddsOne) {
  ASSERT_OK(store_->Save({.id = "a", .value = "1"}));
  EXPECT_THAT(store_->Save({.id = "a", .value = "2", .expected_version = 1}), IsOkAndHolds(2));
  EXPECT_THAT(store_->Save({.id = "a", .value = "3", .expected_version = 2}), IsOkAndHolds(3));
  EXPECT_THAT(store_->Load("a"), IsOkAndHolds(Field(&StoredSession::value, "3")));
}

TEST_P(StoreTest, AStaleSaveIsAbortedAndChangesNothing) {
  ASSERT_OK(store_->Save({.id = "a", .value = "first"}));
  ASSERT_OK(store_->Save({.id = "a", .value = "second", .expected_version = 1}));
  EXPECT_THAT(store_->Save({.id = "a", .value = "stale", .expected_version = 1}),
              StatusIs(absl::StatusCode::kAborted, HasSubstr("stored version is 2")));
  EXPECT_THAT(store_->Save({.id = "a", .value = "ahead", .expected_version = 7}),
              StatusIs(absl::StatusCode::kAborted));
  absl::StatusOr<StoredSession> loaded = store_->Load("a");
  ASSERT_OK(loaded);
  EXPECT_EQ(loaded->value, "second");
  EXPECT_EQ(loaded->version, 2);
}

TEST_P(StoreTest, CreatingOneThatExistsIsAborted) {
  ASSERT_OK(store_->Save({.id = "a", .value = "mine"}));
  EXPECT_THAT(store_->Save({.id = "a", .value = "theirs"}),
              StatusIs(absl::StatusCode::kAborted));
  EXPECT_THAT(store_->Save({.id = "b", .value = "x", .expected_version = 1}),
              StatusIs(absl::StatusCode::kAborted, HasSubstr("none is stored")));
  EXPECT_THAT(store_->Load("a"), IsOkAndHolds(Field(&StoredSession::value, "mine")));
}

TEST_P(StoreTest, LoadingAnUnknownSessionIsNotFound) {
  EXPECT_THAT(store_->Load("nobody"),
              StatusIs(absl::StatusCode::kNotFound, HasSubstr("\"nobody\"")));
}

TEST_P(StoreTest, DeleteForgetsTheSessionAndIsIdempotent) {
  ASSERT_OK(store_->Save({.id = "a", .shopper = "cust-7", .value = "x"}));
  ASSERT_OK(store_->Delete("a"));
  EXPECT_THAT(store_->Load("a"), StatusIs(absl::StatusCode::kNotFound));
  EXPECT_THAT(store_->ListByShopper("cust-7"), IsOkAndHolds(IsEmpty()));
  EXPECT_OK(store_->Delete("a"));
  EXPECT_THAT(store_->Save({.id = "a", .value = "again"}), IsOkAndHolds(1));
}

TEST_P(StoreTest, ListByShopperNamesTheShoppersSessionsInOrder) {
  ASSERT_OK(store_->Save({.id = "web-2", .shopper = "cust-7", .value = "x"}));
  ASSERT_OK(store_->Save({.id = "sms-1", .shopper = "cust-7", .value = "x"}));
  ASSERT_OK(store_->Save({.id = "web-3", .shopper = "cust-8", .value = "x"}));
  ASSERT_OK(store_->Save({.id = "anon", .value = "x"}));
  ASSERT_OK(store_->Save({.id = "sms-1", .shopper = "cust-7", .value = "y",
                          .expected_version = 1}));
  auto listed = store_->ListByShopper("cust-7");
  ASSERT_OK(listed);
  EXPECT_THAT(*listed, ElementsAre(Field(&StoredSessionInfo::id, "sms-1"),
                                   Field(&StoredSessionInfo::id, "web-2")));
  EXPECT_EQ((*listed)[0].version, 2);
  EXPECT_THAT(store_->ListByShopper("cust-9"), IsOkAndHolds(IsEmpty()));
}

TEST_P(StoreTest, ASessionThatChangesShopperMovesBetweenLists) {
  ASSERT_OK(store_->Save({.id = "web-1", .shopper = "guest-1", .value = "x"}));
  ASSERT_OK(store_->Save({.id = "web-1", .shopper = "cust-7", .value = "x",
                          .expected_version = 1}));
  EXPECT_THAT(store_->ListByShopper("guest-1"), IsOkAndHolds(IsEmpty()));
  EXPECT_THAT(store_->ListByShopper("cust-7"),
              IsOkAndHolds(ElementsAre(Field(&StoredSessionInfo::id, "web-1"))));
}

TEST_P(StoreTest, DeleteShopperForgetsAllOfTheShoppersSessionsAndNoOthers) {
  ASSERT_OK(store_->Save({.id = "web-2", .shopper = "cust-7", .value = "x"}));
  ASSERT_OK(store_->Save({.id = "sms-1", .shopper = "cust-7", .value = "x"}));
  ASSERT_OK(store_->Save({.id = "web-3", .shopper = "cust-8", .value = "x"}));
  EXPECT_THAT(store_->DeleteShopper("cust-7"), IsOkAndHolds(2));
  EXPECT_THAT(store_->Load("web-2"), StatusIs(absl::StatusCode::kNotFound));
  EXPECT_THAT(store_->Load("sms-1"), StatusIs(absl::StatusCode::kNotFound));
  EXPECT_OK(store_->Load("web-3"));
  EXPECT_THAT(store_->ListByShopper("cust-7"), IsOkAndHolds(IsEmpty()));
  EXPECT_THAT(store_->DeleteShopper("cust-7"), IsOkAndHolds(0));
}

TEST_P(StoreTest, AnExpiredSessionIsGoneAndMayStartAgain) {
  int64_t expires = now() + 300;
  ASSERT_OK(store_->Save({.id = "a", .shopper = "cust-7", .value = "x", .expires_at_ms = expires}));
  EXPECT_THAT(store_->Load("a"), IsOkAndHolds(Field(&StoredSession::expires_at_ms, expires)));
  Advance(600);
  EXPECT_THAT(store_->Load("a"), StatusIs(absl::StatusCode::kNotFound));
  EXPECT_THAT(store_->ListByShopper("cust-7"), IsOkAndHolds(IsEmpty()));
  EXPECT_THAT(store_->Save({.id = "a", .value = "y", .expected_version = 1}),
              StatusIs(absl::StatusCode::kAborted));
  EXPECT_THAT(store_->Save({.id = "a", .value = "y"}), IsOkAndHolds(1));
}

TEST_P(StoreTest, ASaveWithoutExpiryClearsAnEarlierOne) {
  ASSERT_OK(store_->Save({.id = "a", .value = "x", .expires_at_ms = now() + 300}));
  ASSERT_OK(store_->Save({.id = "a", .value = "y", .expected_version = 1}));
  Advance(600);
  EXPECT_THAT(store_->Load("a"), IsOkAndHolds(Field(&StoredSession::value, "y")));
}

TEST_P(StoreTest, BadArgumentsAreInvalidAndNamed) {
  EXPECT_THAT(store_->Save({.id = "", .value = "x"}),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("session id is empty")));
  EXPECT_THAT(store_->Save({.id = "a{b}", .value = "x"}),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("byte 1 is '{'")));
  EXPECT_THAT(store_->Load(std::string(513, 'x')),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("513 bytes")));
  EXPECT_THAT(store_->Save({.id = "a", .value = "x", .expected_version = -1}),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("expected_version")));
  EXPECT_THAT(store_->Save({.id = "a", .value = "x", .expires_at_ms = -5}),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("expires_at_ms")));
  EXPECT_THAT(store_->Save({.id = "a", .shopper = "}", .value = "x"}),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("shopper")));
  EXPECT_THAT(store_->TryAcquireLease("a", "p1", 0),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("ttl_ms")));
  EXPECT_THAT(store_->Load("a"), StatusIs(absl::StatusCode::kNotFound));
}

// Issue #22: a session, a lease or a timer is created only under a
// well-formed UTF-8 id (the runtime takes the same conversation ids); reads
// and deletes take any bytes, for sessions saved before the rule.
TEST_P(StoreTest, Issue22IdsThatAreNotUtf8AreRefusedForWritesAndTakenForReads) {
  const std::string bad = "web:\xc3(";  // a lead byte without its continuation
  EXPECT_THAT(store_->Save({.id = bad, .value = "x"}),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("session id \"web:\xEF\xBF\xBD(\" is not well-formed UTF-8")));
  EXPECT_THAT(store_->Save({.id = "a", .shopper = "ann\xff", .value = "x"}),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("shopper")));
  EXPECT_THAT(store_->TryAcquireLease(bad, "p1", 400),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("not well-formed UTF-8")));
  EXPECT_THAT(store_->TryAcquireLease("a", "p\xed\xa0\x80", 400),  // a surrogate
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("lease owner")));
  EXPECT_THAT(store_->SetTimer({bad, "cart_abandoned", 1}),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("not well-formed UTF-8")));
  EXPECT_THAT(store_->Load(bad), StatusIs(absl::StatusCode::kNotFound));
  EXPECT_OK(store_->Delete(bad));
  EXPECT_OK(store_->ReleaseLease(bad, "p1"));
  EXPECT_OK(store_->CancelTimer(bad, "cart_abandoned"));
  EXPECT_THAT(store_->ListByShopper("ann\xff"), IsOkAndHolds(IsEmpty()));
  // At the length limit in two-byte letters, and one byte beyond.
  std::string at_limit;
  for (int i = 0; i < 256; ++i) at_limit += "\xc3\xa9";  // é
  ASSERT_EQ(at_limit.size(), 512u);
  EXPECT_THAT(store_->Save({.id = at_limit, .shopper = at_limit, .value = "x"}), IsOkAndHolds(1));
  EXPECT_THAT(store_->Save({.id = at_limit + "x", .value = "x"}),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("513 bytes")));
  EXPECT_THAT(store_->Load(at_limit), IsOkAndHolds(Field(&StoredSession::value, "x")));
}

TEST_P(StoreTest, ALeaseExcludesOtherOwnersUntilReleasedOrExpired) {
  EXPECT_THAT(store_->TryAcquireLease("a", "p1", 400), IsOkAndHolds(true));
  EXPECT_THAT(store_->TryAcquireLease("a", "p2", 400), IsOkAndHolds(false));
  EXPECT_THAT(store_->TryAcquireLease("a", "p1", 400), IsOkAndHolds(true));  // renewed
  EXPECT_THAT(store_->TryAcquireLease("b", "p2", 400), IsOkAndHolds(true));
  ASSERT_OK(store_->ReleaseLease("a", "p2"));  // not p2's: stays p1's
  EXPECT_THAT(store_->TryAcquireLease("a", "p2", 400), IsOkAndHolds(false));
  ASSERT_OK(store_->ReleaseLease("a", "p1"));
  EXPECT_THAT(store_->TryAcquireLease("a", "p2", 400), IsOkAndHolds(true));
  Advance(800);
  EXPECT_THAT(store_->TryAcquireLease("a", "p3", 400), IsOkAndHolds(true));
}

TEST_P(StoreTest, LargeBinaryValuesRoundTrip) {
  std::string big(1 << 20, '\0');
  for (size_t i = 0; i < big.size(); ++i) big[i] = static_cast<char>(i * 131 % 251);
  ASSERT_OK(store_->Save({.id = "big", .value = big}));
  EXPECT_THAT(store_->Load("big"), IsOkAndHolds(Field(&StoredSession::value, big)));
}

// The compare-and-set under contention: 8 threads increment one counter; no
// increment is lost or applied twice, and the version counts them.
TEST_P(StoreTest, ConcurrentIncrementsOfOneSessionAreAllKept) {
  constexpr int kThreads = 8;
  constexpr int kEach = 50;
  std::vector<std::thread> threads;
  std::atomic<int> conflicts{0};
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&] {
      int mine = 0;
      for (int i = 0; i < kEach; ++i) {
        absl::StatusOr<int64_t> saved = IncrementCounter(*store_, "counter", "", &mine);
        ASSERT_OK(saved);
      }
      conflicts += mine;
    });
  }
  for (std::thread& t : threads) t.join();
  absl::StatusOr<StoredSession> loaded = store_->Load("counter");
  ASSERT_OK(loaded);
  EXPECT_EQ(loaded->value, absl::StrCat(kThreads * kEach));
  EXPECT_EQ(loaded->version, kThreads * kEach);
  ::testing::Test::RecordProperty("conflicts", conflicts.load());
}

TEST_P(StoreTest, DueTimersComeEarliestFirstAndMoveOrGoWhenSetOrCancelled) {
  ASSERT_OK(store_->SetTimer({"web-1", "cart_abandoned", 5000}));
  ASSERT_OK(store_->SetTimer({"web-2", "cart_abandoned", 3000}));
  ASSERT_OK(store_->SetTimer({"web-1", "reminder", 4000}));
  ASSERT_OK(store_->SetTimer({"web-3", "reminder", 9000}));
  auto due = store_->DueTimers(5000, 10);
  ASSERT_OK(due);
  ASSERT_EQ(due->size(), 3u);
  EXPECT_EQ((*due)[0].id, "web-2");
  EXPECT_EQ((*due)[1].kind, "reminder");
  EXPECT_EQ((*due)[2].due_at_ms, 5000);
  EXPECT_THAT(store_->DueTimers(5000, 1), IsOkAndHolds(::testing::SizeIs(1)));
  ASSERT_OK(store_->SetTimer({"web-2", "cart_abandoned", 8000}));  // moved
  ASSERT_OK(store_->CancelTimer("web-1", "reminder"));
  ASSERT_OK(store_->CancelTimer("web-1", "reminder"));
  due = store_->DueTimers(5000, 10);
  ASSERT_OK(due);
  ASSERT_EQ(due->size(), 1u);
  EXPECT_EQ((*due)[0].id, "web-1");
  EXPECT_EQ((*due)[0].kind, "cart_abandoned");
  EXPECT_THAT(store_->SetTimer({"web-1", "Bad-Kind", 1}),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("timer kind")));
  EXPECT_THAT(store_->DueTimers(5000, 0), StatusIs(absl::StatusCode::kInvalidArgument));
}

INSTANTIATE_TEST_SUITE_P(AllStores, StoreTest,
                         ::testing::Values(Kind::kMemory, Kind::kSqlite, Kind::kRedis), KindName);

}  // namespace
}  // namespace chatcart
