// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// What only the SQLite store promises: the file survives a writer killed at
// any point, several processes share it, bad files fail clearly.

#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <climits>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "chatcart/store.h"
#include "common/testing/status_matchers.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "store/store_test_util.h"

namespace chatcart {
namespace {

using ::chatcart::testing::FakeClock;
using ::chatcart::testing::IncrementCounter;
using ::chatcart::testing::IsOkAndHolds;
using ::chatcart::testing::StatusIs;
using ::testing::HasSubstr;

class SqliteStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           absl::StrCat("chatcart-sqlite-test-", getpid(), "-",
                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    path_ = (dir_ / "sessions.db").string();
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  // One value per (id, version), so a stored value shows which save made it.
  static std::string ValueOf(std::string_view id, int64_t version) {
    return absl::StrCat(std::string(id), "@", version, ":", std::string(200 + version % 300, 'x'));
  }

  // "ok" or what PRAGMA integrity_check reports, from a connection of its own.
  std::string IntegrityCheck() {
    // A writer killed before it created the file wrote nothing: nothing to check.
    if (!std::filesystem::exists(path_)) return "ok";
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(path_.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
      std::string error = sqlite3_errmsg(db);
      sqlite3_close(db);
      return error;
    }
    std::string result;
    sqlite3_exec(
        db, "PRAGMA integrity_check",
        [](void* out, int, char** values, char**) {
          absl::StrAppend(static_cast<std::string*>(out), values[0] ? values[0] : "");
          return 0;
        },
        &result, nullptr);
    sqlite3_close(db);
    return result;
  }

  std::filesystem::path dir_;
  std::string path_;
};

// The writer of the SIGKILL test, in a child process: saves conversations
// s0..s7 round and round, each save the next version, and after each save
// that returned OK writes "id version\n" to `ack_fd` (one write(2) of a few
// bytes: atomic on a pipe). Never returns.
[[noreturn]] void Writer(const std::string& path, SqliteDurability durability, int ack_fd,
                         std::string (*value_of)(std::string_view, int64_t)) {
  auto store = OpenSqliteSessionStore({.path = path, .durability = durability});
  if (!store.ok()) _exit(3);
  std::map<std::string, int64_t> versions;
  for (int i = 0;; ++i) {
    std::string id = absl::StrCat("s", i % 8);
    auto [it, fresh] = versions.try_emplace(id, 0);
    if (fresh) {
      absl::StatusOr<StoredSession> loaded = (*store)->Load(id);
      if (loaded.ok()) it->second = loaded->version;
    }
    std::string value = value_of(id, it->second + 1);
    absl::StatusOr<int64_t> saved =
        (*store)->Save({.id = id, .value = value, .expected_version = it->second});
    if (!saved.ok()) _exit(4);
    it->second = *saved;
    std::string ack = absl::StrCat(id, " ", *saved, "\n");
    if (write(ack_fd, ack.data(), ack.size()) != static_cast<ssize_t>(ack.size())) _exit(5);
  }
}

// SIGKILL a writer at random points, 100 times, on one file: it always opens,
// passes integrity_check, and holds every save whose Save returned (the
// version acknowledged or a later one, with the bytes of that version).
TEST_F(SqliteStoreTest, AWriterKilledAtRandomPointsLosesNoAcknowledgedSave) {
  std::mt19937 random(20);
  std::map<std::string, int64_t> acknowledged;
  int64_t total_acks = 0;
  for (int round = 0; round < 100; ++round) {
    int fds[2];
    ASSERT_EQ(pipe(fds), 0);
    SqliteDurability durability =
        round % 2 == 0 ? SqliteDurability::kFull : SqliteDurability::kNormal;
    pid_t pid = fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
      close(fds[0]);
      Writer(path_, durability, fds[1], &ValueOf);
    }
    close(fds[1]);
    // Anywhere from before the open to deep into a burst of saves.
    std::this_thread::sleep_for(
        std::chrono::microseconds(std::uniform_int_distribution<int>(0, 40000)(random)));
    kill(pid, SIGKILL);
    int status = 0;
    waitpid(pid, &status, 0);
    ASSERT_TRUE(WIFSIGNALED(status))
        << "writer exited with " << WEXITSTATUS(status) << " in round " << round;
    std::string acks;
    char buffer[4096];
    for (ssize_t n; (n = read(fds[0], buffer, sizeof(buffer))) > 0;) acks.append(buffer, n);
    close(fds[0]);
    for (absl::string_view line : absl::StrSplit(acks, '\n', absl::SkipEmpty())) {
      std::pair<std::string, std::string> parts = absl::StrSplit(line, ' ');
      int64_t version = 0;
      ASSERT_TRUE(absl::SimpleAtoi(parts.second, &version)) << line;
      acknowledged[parts.first] = std::max(acknowledged[parts.first], version);
      ++total_acks;
    }

    ASSERT_EQ(IntegrityCheck(), "ok") << "round " << round;
    auto store = OpenSqliteSessionStore({.path = path_});
    ASSERT_OK(store) << "round " << round;
    for (const auto& [id, version] : acknowledged) {
      absl::StatusOr<StoredSession> loaded = (*store)->Load(id);
      ASSERT_OK(loaded) << id << " in round " << round;
      EXPECT_GE(loaded->version, version) << id << " lost an acknowledged save in round " << round;
      EXPECT_EQ(loaded->value, ValueOf(id, loaded->version)) << id << " in round " << round;
    }
  }
  ::testing::Test::RecordProperty("acknowledged_saves", total_acks);
  EXPECT_GT(total_acks, 100) << "the writers were killed too early to test anything";
}

// Two processes incrementing the same counters through their own stores on
// one file: the compare-and-set is SQLite's, so none is lost.
TEST_F(SqliteStoreTest, TwoProcessesSharingTheFileLoseNoIncrement) {
  constexpr int kEach = 150;
  std::vector<pid_t> children;
  for (int p = 0; p < 2; ++p) {
    pid_t pid = fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
      auto store = OpenSqliteSessionStore({.path = path_, .durability = SqliteDurability::kNormal});
      if (!store.ok()) _exit(3);
      for (int i = 0; i < kEach; ++i) {
        if (!IncrementCounter(**store, absl::StrCat("c", i % 3)).ok()) _exit(4);
      }
      _exit(0);
    }
    children.push_back(pid);
  }
  for (pid_t pid : children) {
    int status = 0;
    waitpid(pid, &status, 0);
    ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "child status " << status;
  }
  auto store = OpenSqliteSessionStore({.path = path_});
  ASSERT_OK(store);
  for (int c = 0; c < 3; ++c) {
    absl::StatusOr<StoredSession> loaded = (*store)->Load(absl::StrCat("c", c));
    ASSERT_OK(loaded);
    EXPECT_EQ(loaded->value, absl::StrCat(2 * kEach / 3));
    EXPECT_EQ(loaded->version, 2 * kEach / 3);
  }
}

// Opening a fresh file from several processes and threads at once: each
// must open (the first failed now and then with exit 3 in
// TwoProcessesSharingTheFileLoseNoIncrement under ASan: setting WAL mode and
// creating the tables can meet SQLITE_BUSY without the busy handler being
// called, when two connections holding a read lock both ask to write).
// Children wait on a pipe closed by the parent so they all start together;
// each reports its error, if any, on another pipe. Bounded: 15 rounds of 6
// processes with 4 threads each.
TEST_F(SqliteStoreTest, ProcessesAndThreadsOpeningOneFreshFileAtOnceAllOpen) {
  constexpr int kRounds = 15;
  constexpr int kProcesses = 6;
  constexpr int kThreads = 4;
  for (int round = 0; round < kRounds; ++round) {
    std::string path = (dir_ / absl::StrCat("fresh-", round, ".db")).string();
    int start[2];
    int errors[2];
    ASSERT_EQ(pipe(start), 0);
    ASSERT_EQ(pipe(errors), 0);
    std::vector<pid_t> children;
    for (int p = 0; p < kProcesses; ++p) {
      pid_t pid = fork();
      ASSERT_GE(pid, 0);
      if (pid == 0) {
        close(start[1]);
        close(errors[0]);
        char byte;
        while (read(start[0], &byte, 1) > 0) {
        }
        std::vector<std::thread> threads;
        std::vector<absl::Status> results(kThreads);
        for (int t = 0; t < kThreads; ++t) {
          threads.emplace_back([&, t] {
            auto store = OpenSqliteSessionStore({.path = path});
            results[t] = store.status();
            if (store.ok()) {
              // A first save on the file the others are setting up.
              results[t] = (*store)
                               ->Save({.id = absl::StrCat("p", getpid(), "t", t), .value = "v"})
                               .status();
            }
          });
        }
        for (std::thread& thread : threads) thread.join();
        std::string report;
        for (const absl::Status& status : results) {
          if (!status.ok()) absl::StrAppend(&report, status.ToString(), "\n");
        }
        if (!report.empty()) {
          (void)!write(errors[1], report.data(), std::min<size_t>(report.size(), PIPE_BUF));
          _exit(3);
        }
        _exit(0);
      }
      children.push_back(pid);
    }
    close(start[0]);
    close(errors[1]);
    close(start[1]);  // all children start now
    std::string reports;
    char buffer[4096];
    for (ssize_t n; (n = read(errors[0], buffer, sizeof(buffer))) > 0;) reports.append(buffer, n);
    close(errors[0]);
    for (pid_t pid : children) {
      int status = 0;
      waitpid(pid, &status, 0);
      ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0)
          << "round " << round << ": child status " << status << "\n"
          << reports;
    }
    auto store = OpenSqliteSessionStore({.path = path});
    ASSERT_OK(store);
    for (pid_t pid : children) {
      for (int t = 0; t < kThreads; ++t) {
        EXPECT_OK((*store)->Load(absl::StrCat("p", pid, "t", t))) << "round " << round;
      }
    }
  }
}

TEST_F(SqliteStoreTest, TheFileIsInWalMode) {
  ASSERT_OK(OpenSqliteSessionStore({.path = path_}));
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
  std::string mode;
  sqlite3_exec(
      db, "PRAGMA journal_mode",
      [](void* out, int, char** values, char**) {
        *static_cast<std::string*>(out) = values[0];
        return 0;
      },
      &mode, nullptr);
  sqlite3_close(db);
  EXPECT_EQ(mode, "wal");
}

TEST_F(SqliteStoreTest, AFileThatIsNoDatabaseIsDataLoss) {
  std::ofstream(path_) << std::string(8192, 'z');
  EXPECT_THAT(OpenSqliteSessionStore({.path = path_}),
              StatusIs(absl::StatusCode::kDataLoss, HasSubstr(path_)));
}

TEST_F(SqliteStoreTest, ATableFromANewerChatcartIsRefused) {
  ASSERT_OK(OpenSqliteSessionStore({.path = path_}));
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(
      sqlite3_exec(db, "UPDATE chatcart_sessions_format SET value = 99", nullptr, nullptr, nullptr),
      SQLITE_OK);
  sqlite3_close(db);
  EXPECT_THAT(OpenSqliteSessionStore({.path = path_}),
              StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("format 99")));
}

TEST_F(SqliteStoreTest, BadOptionsAreRefused) {
  EXPECT_THAT(OpenSqliteSessionStore({}), StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(OpenSqliteSessionStore({.path = path_, .table = "x; DROP TABLE y"}),
              StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("table name")));
  EXPECT_THAT(OpenSqliteSessionStore({.path = (dir_ / "no/such/dir/x.db").string()}),
              StatusIs(absl::StatusCode::kUnavailable, HasSubstr("cannot open")));
}

TEST_F(SqliteStoreTest, TwoTablesInOneFileAreSeparateStores) {
  auto a = OpenSqliteSessionStore({.path = path_, .table = "shop_a"});
  auto b = OpenSqliteSessionStore({.path = path_, .table = "shop_b"});
  ASSERT_OK(a);
  ASSERT_OK(b);
  ASSERT_OK((*a)->Save({.id = "s", .value = "a"}));
  EXPECT_THAT((*b)->Load("s"), StatusIs(absl::StatusCode::kNotFound));
}

TEST_F(SqliteStoreTest, PurgeDeletesOnlyExpiredRows) {
  FakeClock clock;
  auto store = OpenSqliteSessionStore({.path = path_, .clock = clock.AsStoreClock()});
  ASSERT_OK(store);
  ASSERT_OK((*store)->Save({.id = "old", .value = "x", .expires_at_ms = clock.now() + 10}));
  ASSERT_OK((*store)->Save({.id = "kept", .value = "x", .expires_at_ms = clock.now() + 10000}));
  ASSERT_OK((*store)->Save({.id = "forever", .value = "x"}));
  clock.Advance(100);
  EXPECT_THAT(PurgeExpiredSqliteSessions(**store), IsOkAndHolds(1));
  EXPECT_OK((*store)->Load("kept"));
  EXPECT_OK((*store)->Load("forever"));
  auto memory = NewMemorySessionStore();
  EXPECT_THAT(PurgeExpiredSqliteSessions(*memory), StatusIs(absl::StatusCode::kInvalidArgument));
}

// Another process holding the write lock past the busy timeout: the save
// waits that long, then fails as UNAVAILABLE and changes nothing.
TEST_F(SqliteStoreTest, ASaveBlockedPastTheBusyTimeoutIsUnavailable) {
  auto store =
      OpenSqliteSessionStore({.path = path_, .busy_timeout = std::chrono::milliseconds(100)});
  ASSERT_OK(store);
  ASSERT_OK((*store)->Save({.id = "a", .value = "x"}));
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr), SQLITE_OK);
  EXPECT_THAT((*store)->Save({.id = "a", .value = "y", .expected_version = 1}),
              StatusIs(absl::StatusCode::kUnavailable, HasSubstr("busy timeout")));
  sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
  sqlite3_close(db);
  EXPECT_THAT((*store)->Load("a"), IsOkAndHolds(::testing::Field(&StoredSession::value, "x")));
  EXPECT_THAT((*store)->Save({.id = "a", .value = "y", .expected_version = 1}), IsOkAndHolds(2));
}

}  // namespace
}  // namespace chatcart
