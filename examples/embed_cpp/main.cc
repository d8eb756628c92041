// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// embed_cpp: a C++ host that keeps conversations as session snapshot bytes in
// SQLite, the embedded store a single-machine storefront would use. Each run
// loads the session of --session from the database (or starts it), handles
// the shopper's messages (the arguments after the flags, else one per line on
// stdin), and stores the snapshot after every turn in one transaction with
// the turn count. Stop the program between two messages and run it again: the
// conversation continues where it was.
//
//   embed_cpp --bundle examples/bundles/demo --db /tmp/shop.db --session web-42
//       "I need a gift for my 6 year old under 40 euros"
//   embed_cpp --bundle examples/bundles/demo --db /tmp/shop.db --session web-42
//       "she loves lego"        (resumes: remembers the age and the budget)
//
// The engine reads no clock: the host passes each turn's time (here the
// wall clock, or --now for a reproducible run).

#include <sqlite3.h>

#include <cstdint>
#include <cstdio>
#include <ctime>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "chatcart/engine.h"
#include "chatcart/session.h"

namespace {

// The sessions table: one row per conversation, its snapshot as a BLOB.
class SessionStore {
 public:
  static absl::StatusOr<std::unique_ptr<SessionStore>> Open(const std::string& path) {
    sqlite3* db = nullptr;
    int rc =
        sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    std::unique_ptr<SessionStore> store(new SessionStore(db, path));
    if (rc != SQLITE_OK) return store->Error("open");
    absl::Status status = store->Exec(
        "CREATE TABLE IF NOT EXISTS sessions ("
        "  id TEXT PRIMARY KEY,"
        "  snapshot BLOB NOT NULL,"
        "  turns INTEGER NOT NULL,"
        "  updated INTEGER NOT NULL)");
    if (!status.ok()) return status;
    return store;
  }

  ~SessionStore() { sqlite3_close(db_); }

  // The stored snapshot of `id` and its turn count, or nullopt.
  absl::StatusOr<std::optional<std::pair<std::string, int64_t>>> Load(const std::string& id) {
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db_, "SELECT snapshot, turns FROM sessions WHERE id = ?", -1, &stmt,
                           nullptr) != SQLITE_OK) {
      return Error("prepare SELECT");
    }
    std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> guard(stmt, sqlite3_finalize);
    sqlite3_bind_text(stmt, 1, id.data(), static_cast<int>(id.size()), SQLITE_TRANSIENT);
    int rc = sqlite3_step(stmt);
    if (rc == SQLITE_DONE) return std::nullopt;
    if (rc != SQLITE_ROW) return Error("SELECT");
    const char* blob = static_cast<const char*>(sqlite3_column_blob(stmt, 0));
    std::string bytes(blob == nullptr ? "" : std::string(blob, sqlite3_column_bytes(stmt, 0)));
    return std::make_pair(std::move(bytes), static_cast<int64_t>(sqlite3_column_int64(stmt, 1)));
  }

  // Inserts or replaces `id`'s snapshot (one statement: atomic).
  absl::Status Save(const std::string& id, const std::string& snapshot, int64_t turns,
                    int64_t now) {
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db_,
                           "INSERT INTO sessions (id, snapshot, turns, updated) VALUES (?, ?, ?, ?)"
                           " ON CONFLICT(id) DO UPDATE SET snapshot = excluded.snapshot,"
                           " turns = excluded.turns, updated = excluded.updated",
                           -1, &stmt, nullptr) != SQLITE_OK) {
      return Error("prepare INSERT");
    }
    std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> guard(stmt, sqlite3_finalize);
    sqlite3_bind_text(stmt, 1, id.data(), static_cast<int>(id.size()), SQLITE_TRANSIENT);
    sqlite3_bind_blob(stmt, 2, snapshot.data(), static_cast<int>(snapshot.size()),
                      SQLITE_TRANSIENT);
    sqlite3_bind_int64(stmt, 3, turns);
    sqlite3_bind_int64(stmt, 4, now);
    if (sqlite3_step(stmt) != SQLITE_DONE) return Error("INSERT");
    return absl::OkStatus();
  }

 private:
  SessionStore(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}

  absl::Status Exec(const char* sql) {
    char* message = nullptr;
    if (sqlite3_exec(db_, sql, nullptr, nullptr, &message) != SQLITE_OK) {
      std::string text = message == nullptr ? "unknown error" : message;
      sqlite3_free(message);
      return absl::InternalError(path_ + ": " + text);
    }
    return absl::OkStatus();
  }

  absl::Status Error(std::string_view what) const {
    return absl::InternalError(path_ + ": " + std::string(what) + ": " +
                               (db_ == nullptr ? "out of memory" : sqlite3_errmsg(db_)));
  }

  sqlite3* db_;
  std::string path_;
};

struct Flags {
  std::string bundle, db, session = "web-1";
  std::optional<int64_t> now;
  std::vector<std::string> messages;
};

bool ParseFlags(int argc, char** argv, Flags* flags) {
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    auto value = [&](std::string* out) {
      if (i + 1 >= argc) return false;
      *out = argv[++i];
      return true;
    };
    std::string now;
    if (arg == "--bundle") {
      if (!value(&flags->bundle)) return false;
    } else if (arg == "--db") {
      if (!value(&flags->db)) return false;
    } else if (arg == "--session") {
      if (!value(&flags->session)) return false;
    } else if (arg == "--now") {
      if (!value(&now)) return false;
      flags->now = std::stoll(now);
    } else if (arg.starts_with("--")) {
      return false;
    } else {
      flags->messages.emplace_back(arg);
    }
  }
  return !flags->bundle.empty() && !flags->db.empty();
}

int Fail(const absl::Status& status) {
  std::cerr << "embed_cpp: " << status << "\n";
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  Flags flags;
  if (!ParseFlags(argc, argv, &flags)) {
    std::cerr << "usage: embed_cpp --bundle DIR --db FILE [--session ID] [--now SECONDS] "
                 "[message...]\n";
    return 2;
  }
  absl::StatusOr<std::shared_ptr<const chatcart::Engine>> engine =
      chatcart::Engine::Create(flags.bundle);
  if (!engine.ok()) return Fail(engine.status());
  absl::StatusOr<std::unique_ptr<SessionStore>> store = SessionStore::Open(flags.db);
  if (!store.ok()) return Fail(store.status());

  // Resume the stored conversation, or start one.
  auto stored = (*store)->Load(flags.session);
  if (!stored.ok()) return Fail(stored.status());
  std::unique_ptr<chatcart::Session> session;
  int64_t turns = 0;
  if (stored->has_value()) {
    auto restored = (*engine)->RestoreSession((*stored)->first);
    if (!restored.ok()) return Fail(restored.status());
    session = *std::move(restored);
    turns = (*stored)->second;
    std::cout << "[resumed " << flags.session << ": " << turns << " turns, "
              << (*stored)->first.size() << " bytes]\n";
  } else {
    session = (*engine)->NewSession(flags.session, /*seed=*/42);
    std::cout << "[new session " << flags.session << "]\n";
  }

  auto handle = [&](const std::string& text) -> absl::Status {
    // A reproducible clock for tests: --now plus ten seconds a turn.
    int64_t now = flags.now ? *flags.now + 10 * turns : static_cast<int64_t>(std::time(nullptr));
    chatcart::v1::TurnInput input;
    input.set_text(text);
    input.mutable_time()->set_seconds(now);
    absl::StatusOr<chatcart::v1::TurnResult> result = session->HandleTurn(input);
    if (!result.ok()) return result.status();
    ++turns;
    std::cout << "> " << text << "\n";
    for (const auto& reply : result->replies()) {
      std::cout << "  " << reply.text() << "\n";
      for (const auto& card : reply.products()) {
        std::cout << "    - " << card.name() << " (" << card.price_text() << ")\n";
      }
    }
    for (const auto& action : result->host_actions()) {
      std::cout << "  [host action: " << action.kind() << "]\n";
    }
    // Store after every turn: a crash loses at most the turn in flight.
    return (*store)->Save(flags.session, session->Snapshot(), turns, now);
  };

  if (!flags.messages.empty()) {
    for (const std::string& text : flags.messages) {
      if (absl::Status s = handle(text); !s.ok()) return Fail(s);
    }
  } else {
    std::string line;
    while (std::getline(std::cin, line)) {
      if (line.empty()) continue;
      if (absl::Status s = handle(line); !s.ok()) return Fail(s);
    }
  }
  return 0;
}
