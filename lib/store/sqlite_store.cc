// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// The SQLite SessionStore. One table of conversations (id, shopper, version,
// value, expires_ms, updated_ms), one of leases, one of the format. Each save
// is one statement (INSERT ... ON CONFLICT ... WHERE expired, or UPDATE ...
// WHERE version = expected), so the compare-and-set is SQLite's own and holds
// across processes sharing the file. WAL mode: readers never wait for the
// writer.
//
// Threads: connections live in a small pool, each used by one thread at a
// time (SQLITE_OPEN_NOMUTEX); this process's writes take turns on write_mu_,
// so SQLite's busy timeout is only ever spent waiting for other processes.

#include <sqlite3.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <memory>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/functional/function_ref.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_replace.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "chatcart/store.h"
#include "common/mutex.h"
#include "common/status_macros.h"
#include "common/strings.h"
#include "store/store_internal.h"

namespace chatcart {
namespace {

using store_internal::CheckId;

// The format of the tables; a file with a higher one was written by a newer
// chatcart. Part of the persistent format.
constexpr int64_t kFormat = 1;

enum Statement {
  kLoad,
  kInsert,
  kUpdate,
  kVersion,
  kDelete,
  kList,
  kDeleteShopper,
  kLeaseAcquire,
  kLeaseRelease,
  kPurgeSessions,
  kPurgeLeases,
  kSetTimer,
  kCancelTimer,
  kDueTimers,
  kStatementCount,
};

// SQL per statement; T is the table, L its leases table, M its timers.
constexpr std::array<const char*, kStatementCount> kSql = {
    // kLoad(id, now)
    "SELECT shopper, version, value, expires_ms, updated_ms FROM T"
    " WHERE id = ?1 AND (expires_ms = 0 OR expires_ms > ?2)",
    // kInsert(id, shopper, value, expires, now): a new one, or over an expired one.
    "INSERT INTO T (id, shopper, version, value, expires_ms, updated_ms)"
    " VALUES (?1, ?2, 1, ?3, ?4, ?5)"
    " ON CONFLICT(id) DO UPDATE SET shopper = excluded.shopper, version = 1,"
    " value = excluded.value, expires_ms = excluded.expires_ms,"
    " updated_ms = excluded.updated_ms"
    " WHERE T.expires_ms != 0 AND T.expires_ms <= excluded.updated_ms",
    // kUpdate(id, shopper, value, expires, now, expected)
    "UPDATE T SET shopper = ?2, version = version + 1, value = ?3, expires_ms = ?4,"
    " updated_ms = ?5 WHERE id = ?1 AND version = ?6 AND (expires_ms = 0 OR expires_ms > ?5)",
    // kVersion(id, now)
    "SELECT version FROM T WHERE id = ?1 AND (expires_ms = 0 OR expires_ms > ?2)",
    // kDelete(id)
    "DELETE FROM T WHERE id = ?1",
    // kList(shopper, now)
    "SELECT id, version, expires_ms, updated_ms FROM T"
    " WHERE shopper = ?1 AND (expires_ms = 0 OR expires_ms > ?2) ORDER BY id",
    // kDeleteShopper(shopper, now): counts only the unexpired ones deleted.
    "DELETE FROM T WHERE shopper = ?1 RETURNING (expires_ms = 0 OR expires_ms > ?2)",
    // kLeaseAcquire(id, owner, until, now)
    "INSERT INTO L (id, owner, until_ms) VALUES (?1, ?2, ?3)"
    " ON CONFLICT(id) DO UPDATE SET owner = excluded.owner, until_ms = excluded.until_ms"
    " WHERE L.owner = excluded.owner OR L.until_ms <= ?4",
    // kLeaseRelease(id, owner)
    "DELETE FROM L WHERE id = ?1 AND owner = ?2",
    // kPurgeSessions(now)
    "DELETE FROM T WHERE expires_ms != 0 AND expires_ms <= ?1",
    // kPurgeLeases(now)
    "DELETE FROM L WHERE until_ms <= ?1",
    // kSetTimer(id, kind, due)
    "INSERT INTO M (id, kind, due_ms) VALUES (?1, ?2, ?3)"
    " ON CONFLICT(id, kind) DO UPDATE SET due_ms = excluded.due_ms",
    // kCancelTimer(id, kind)
    "DELETE FROM M WHERE id = ?1 AND kind = ?2",
    // kDueTimers(now, limit)
    "SELECT id, kind, due_ms FROM M WHERE due_ms <= ?1 ORDER BY due_ms, id, kind LIMIT ?2",
};

absl::StatusCode CodeOf(int rc) {
  switch (rc & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
    case SQLITE_PROTOCOL:
      return absl::StatusCode::kUnavailable;
    case SQLITE_FULL:
    case SQLITE_NOMEM:
      return absl::StatusCode::kResourceExhausted;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return absl::StatusCode::kDataLoss;
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_AUTH:
      return absl::StatusCode::kFailedPrecondition;
    default:
      return absl::StatusCode::kInternal;
  }
}

struct Connection {
  sqlite3* db = nullptr;
  std::array<sqlite3_stmt*, kStatementCount> statements{};
  // The result code of the last failed Exec or QueryText (SQLITE_OK: none
  // since it was cleared), kept past a ROLLBACK so a setup step can tell a
  // busy file from a broken one.
  int failed_rc = SQLITE_OK;

  ~Connection() {
    for (sqlite3_stmt* s : statements) sqlite3_finalize(s);
    sqlite3_close(db);
  }
};

class SqliteSessionStore final : public SessionStore {
 public:
  static absl::StatusOr<std::unique_ptr<SqliteSessionStore>> Open(
      const SqliteStoreOptions& options) {
    if (options.path.empty()) return absl::InvalidArgumentError("SQLite store: path is empty");
    if (options.table.empty() || !IsIdentifier(options.table)) {
      return absl::FailedPreconditionError(
          absl::StrFormat("SQLite store %s: table name \"%s\" is not letters, digits and '_'",
                          options.path, options.table));
    }
    if (options.pool_size < 1) {
      return absl::InvalidArgumentError(
          absl::StrFormat("SQLite store %s: pool_size %d < 1", options.path, options.pool_size));
    }
    std::unique_ptr<SqliteSessionStore> store(new SqliteSessionStore(options));
    CHATCART_ASSIGN_OR_RETURN(std::unique_ptr<Connection> first, store->Connect());
    CHATCART_RETURN_IF_ERROR(
        store->RetryWhileBusy(*first, [&] { return store->CreateSchema(*first); }));
    CHATCART_RETURN_IF_ERROR(store->RetryWhileBusy(*first, [&] { return store->Prepare(*first); }));
    store->Release(std::move(first));
    return store;
  }

  absl::StatusOr<StoredSession> Load(std::string_view id) override {
    CHATCART_RETURN_IF_ERROR(CheckId("session id", id));
    CHATCART_ASSIGN_OR_RETURN(Lent c, Borrow());
    sqlite3_stmt* s = c->statements[kLoad];
    Bind(s, 1, id);
    sqlite3_bind_int64(s, 2, clock_());
    int rc = sqlite3_step(s);
    if (rc == SQLITE_DONE) {
      sqlite3_reset(s);
      return absl::NotFoundError(absl::StrFormat("session \"%s\" not found", id));
    }
    if (rc != SQLITE_ROW) return Error(*c, rc, s, "loading session", id);
    StoredSession out;
    out.id = std::string(id);
    out.shopper = Text(s, 0);
    out.version = sqlite3_column_int64(s, 1);
    out.value = Text(s, 2);
    out.expires_at_ms = sqlite3_column_int64(s, 3);
    out.updated_at_ms = sqlite3_column_int64(s, 4);
    sqlite3_reset(s);
    return out;
  }

  absl::StatusOr<int64_t> Save(const SessionWrite& write) override {
    CHATCART_RETURN_IF_ERROR(store_internal::CheckWrite(write));
    CHATCART_ASSIGN_OR_RETURN(Lent c, Borrow());
    int64_t now = clock_();
    sqlite3_stmt* s = c->statements[write.expected_version == 0 ? kInsert : kUpdate];
    Bind(s, 1, write.id);
    Bind(s, 2, write.shopper);
    BindBlob(s, 3, write.value);
    sqlite3_bind_int64(s, 4, write.expires_at_ms);
    sqlite3_bind_int64(s, 5, now);
    if (write.expected_version != 0) sqlite3_bind_int64(s, 6, write.expected_version);
    int changes = 0;
    {
      MutexLock lock(&write_mu_);
      int rc = sqlite3_step(s);
      if (rc != SQLITE_DONE) return Error(*c, rc, s, "saving session", write.id);
      changes = sqlite3_changes(c->db);
    }
    sqlite3_reset(s);
    if (changes == 1) return write.expected_version + 1;
    // Lost the compare-and-set: say what is stored (read after the fact,
    // for the message only).
    sqlite3_stmt* v = c->statements[kVersion];
    Bind(v, 1, write.id);
    sqlite3_bind_int64(v, 2, now);
    int64_t stored = sqlite3_step(v) == SQLITE_ROW ? sqlite3_column_int64(v, 0) : 0;
    sqlite3_reset(v);
    return store_internal::Conflict(write.id, write.expected_version, stored);
  }

  absl::Status Delete(std::string_view id) override {
    CHATCART_RETURN_IF_ERROR(CheckId("session id", id));
    CHATCART_ASSIGN_OR_RETURN(Lent c, Borrow());
    sqlite3_stmt* s = c->statements[kDelete];
    Bind(s, 1, id);
    MutexLock lock(&write_mu_);
    int rc = sqlite3_step(s);
    if (rc != SQLITE_DONE) return Error(*c, rc, s, "deleting session", id);
    sqlite3_reset(s);
    return absl::OkStatus();
  }

  absl::StatusOr<std::vector<StoredSessionInfo>> ListByShopper(std::string_view shopper) override {
    CHATCART_RETURN_IF_ERROR(CheckId("shopper", shopper));
    CHATCART_ASSIGN_OR_RETURN(Lent c, Borrow());
    sqlite3_stmt* s = c->statements[kList];
    Bind(s, 1, shopper);
    sqlite3_bind_int64(s, 2, clock_());
    std::vector<StoredSessionInfo> out;
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
      out.push_back({Text(s, 0), sqlite3_column_int64(s, 1), sqlite3_column_int64(s, 2),
                     sqlite3_column_int64(s, 3)});
    }
    if (rc != SQLITE_DONE) return Error(*c, rc, s, "listing the sessions of shopper", shopper);
    sqlite3_reset(s);
    return out;
  }

  absl::StatusOr<int64_t> DeleteShopper(std::string_view shopper) override {
    CHATCART_RETURN_IF_ERROR(CheckId("shopper", shopper));
    CHATCART_ASSIGN_OR_RETURN(Lent c, Borrow());
    sqlite3_stmt* s = c->statements[kDeleteShopper];
    Bind(s, 1, shopper);
    sqlite3_bind_int64(s, 2, clock_());
    int64_t live = 0;
    MutexLock lock(&write_mu_);
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) live += sqlite3_column_int64(s, 0);
    if (rc != SQLITE_DONE) return Error(*c, rc, s, "deleting the sessions of shopper", shopper);
    sqlite3_reset(s);
    return live;
  }

  absl::StatusOr<bool> TryAcquireLease(std::string_view id, std::string_view owner,
                                       int64_t ttl_ms) override {
    CHATCART_RETURN_IF_ERROR(store_internal::CheckLease(id, owner, ttl_ms));
    CHATCART_ASSIGN_OR_RETURN(Lent c, Borrow());
    int64_t now = clock_();
    sqlite3_stmt* s = c->statements[kLeaseAcquire];
    Bind(s, 1, id);
    Bind(s, 2, owner);
    sqlite3_bind_int64(s, 3, now + ttl_ms);
    sqlite3_bind_int64(s, 4, now);
    MutexLock lock(&write_mu_);
    int rc = sqlite3_step(s);
    if (rc != SQLITE_DONE) return Error(*c, rc, s, "leasing session", id);
    sqlite3_reset(s);
    return sqlite3_changes(c->db) == 1;
  }

  absl::Status ReleaseLease(std::string_view id, std::string_view owner) override {
    CHATCART_RETURN_IF_ERROR(CheckId("session id", id));
    CHATCART_ASSIGN_OR_RETURN(Lent c, Borrow());
    sqlite3_stmt* s = c->statements[kLeaseRelease];
    Bind(s, 1, id);
    Bind(s, 2, owner);
    MutexLock lock(&write_mu_);
    int rc = sqlite3_step(s);
    if (rc != SQLITE_DONE) return Error(*c, rc, s, "releasing the lease on session", id);
    sqlite3_reset(s);
    return absl::OkStatus();
  }

  absl::Status SetTimer(const StoredTimer& timer) override {
    CHATCART_RETURN_IF_ERROR(store_internal::CheckTimer(timer));
    CHATCART_ASSIGN_OR_RETURN(Lent c, Borrow());
    sqlite3_stmt* s = c->statements[kSetTimer];
    Bind(s, 1, timer.id);
    Bind(s, 2, timer.kind);
    sqlite3_bind_int64(s, 3, timer.due_at_ms);
    MutexLock lock(&write_mu_);
    int rc = sqlite3_step(s);
    if (rc != SQLITE_DONE) return Error(*c, rc, s, "setting a timer of session", timer.id);
    sqlite3_reset(s);
    return absl::OkStatus();
  }

  absl::Status CancelTimer(std::string_view id, std::string_view kind) override {
    CHATCART_RETURN_IF_ERROR(CheckId("session id", id));
    CHATCART_RETURN_IF_ERROR(store_internal::CheckTimerKind(kind));
    CHATCART_ASSIGN_OR_RETURN(Lent c, Borrow());
    sqlite3_stmt* s = c->statements[kCancelTimer];
    Bind(s, 1, id);
    Bind(s, 2, kind);
    MutexLock lock(&write_mu_);
    int rc = sqlite3_step(s);
    if (rc != SQLITE_DONE) return Error(*c, rc, s, "cancelling a timer of session", id);
    sqlite3_reset(s);
    return absl::OkStatus();
  }

  absl::StatusOr<std::vector<StoredTimer>> DueTimers(int64_t now_ms, int limit) override {
    CHATCART_RETURN_IF_ERROR(store_internal::CheckDueTimers(limit));
    CHATCART_ASSIGN_OR_RETURN(Lent c, Borrow());
    sqlite3_stmt* s = c->statements[kDueTimers];
    sqlite3_bind_int64(s, 1, now_ms);
    sqlite3_bind_int64(s, 2, limit);
    std::vector<StoredTimer> out;
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
      out.push_back({Text(s, 0), Text(s, 1), sqlite3_column_int64(s, 2)});
    }
    if (rc != SQLITE_DONE) return Error(*c, rc, s, "listing due timers", "");
    sqlite3_reset(s);
    return out;
  }

  absl::StatusOr<int64_t> PurgeExpired() {
    CHATCART_ASSIGN_OR_RETURN(Lent c, Borrow());
    int64_t now = clock_();
    MutexLock lock(&write_mu_);
    int64_t purged = 0;
    for (Statement which : {kPurgeSessions, kPurgeLeases}) {
      sqlite3_stmt* s = c->statements[which];
      sqlite3_bind_int64(s, 1, now);
      int rc = sqlite3_step(s);
      if (rc != SQLITE_DONE) return Error(*c, rc, s, "purging expired sessions", "");
      sqlite3_reset(s);
      if (which == kPurgeSessions) purged = sqlite3_changes(c->db);
    }
    return purged;
  }

 private:
  // A connection lent by the pool, returned when it goes out of scope.
  class Lent {
   public:
    Lent(SqliteSessionStore* store, std::unique_ptr<Connection> c)
        : store_(store), c_(std::move(c)) {}
    Lent(Lent&&) = default;
    ~Lent() {
      if (c_ != nullptr) store_->Release(std::move(c_));
    }
    Connection* operator->() { return c_.get(); }
    Connection& operator*() { return *c_; }

   private:
    SqliteSessionStore* store_;
    std::unique_ptr<Connection> c_;
  };

  explicit SqliteSessionStore(const SqliteStoreOptions& options)
      : options_(options), clock_(store_internal::ClockOrSystem(options.clock)) {}

  static bool IsIdentifier(std::string_view name) {
    for (char ch : name) {
      if (!(ch == '_' || (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'z') ||
            (ch >= 'A' && ch <= 'Z'))) {
        return false;
      }
    }
    return !(name[0] >= '0' && name[0] <= '9');
  }

  // A null pointer would bind NULL; an empty view binds "".
  static void Bind(sqlite3_stmt* s, int index, std::string_view text) {
    sqlite3_bind_text64(s, index, text.data() == nullptr ? "" : text.data(), text.size(),
                        SQLITE_STATIC, SQLITE_UTF8);
  }
  static void BindBlob(sqlite3_stmt* s, int index, std::string_view bytes) {
    sqlite3_bind_blob64(s, index, bytes.data() == nullptr ? "" : bytes.data(), bytes.size(),
                        SQLITE_STATIC);
  }

  static std::string Text(sqlite3_stmt* s, int column) {
    const void* data = sqlite3_column_blob(s, column);
    int size = sqlite3_column_bytes(s, column);
    return data == nullptr ? std::string() : std::string(static_cast<const char*>(data), size);
  }

  // An error of `rc` on `s` (reset, so the connection stays usable).
  absl::Status Error(Connection& c, int rc, sqlite3_stmt* s, std::string_view what,
                     std::string_view id) const {
    std::string message = sqlite3_errmsg(c.db);
    if (s != nullptr) sqlite3_reset(s);
    std::string subject = id.empty() ? std::string(what) : absl::StrFormat("%s \"%s\"", what, id);
    if ((rc & 0xff) == SQLITE_BUSY) {
      absl::StrAppend(&message, " (locked by another process for more than the busy timeout, ",
                      options_.busy_timeout.count(), " ms)");
    }
    return absl::Status(
        CodeOf(rc), absl::StrFormat("SQLite store %s: %s: %s", options_.path, subject, message));
  }

  absl::StatusOr<std::unique_ptr<Connection>> Connect() {
    auto c = std::make_unique<Connection>();
    int rc =
        sqlite3_open_v2(options_.path.c_str(), &c->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK) {
      return absl::Status(
          CodeOf(rc), absl::StrFormat("SQLite store %s: cannot open: %s", options_.path,
                                      c->db == nullptr ? "out of memory" : sqlite3_errmsg(c->db)));
    }
    sqlite3_extended_result_codes(c->db, 1);
    // Before the first statement: every later one waits for other processes.
    sqlite3_busy_timeout(c->db, static_cast<int>(options_.busy_timeout.count()));
    CHATCART_RETURN_IF_ERROR(RetryWhileBusy(*c, [&]() -> absl::Status {
      // WAL first: it reads the file, so a file that is no database fails here.
      CHATCART_ASSIGN_OR_RETURN(std::string mode, QueryText(*c, "PRAGMA journal_mode=WAL"));
      if (mode != "wal") {
        return absl::FailedPreconditionError(absl::StrFormat(
            "SQLite store %s: cannot use WAL mode (journal mode is \"%s\")", options_.path, mode));
      }
      return Exec(*c, options_.durability == SqliteDurability::kNormal ? "PRAGMA synchronous=NORMAL"
                                                                       : "PRAGMA synchronous=FULL");
    }));
    return c;
  }

  // Runs a setup step (WAL mode, the tables) again while it fails with
  // SQLITE_BUSY or SQLITE_LOCKED, until the busy timeout has passed in all.
  // The busy handler alone is not enough there: SQLite returns BUSY at once,
  // without calling it, when two connections that both read the file both
  // ask to write it (changing the journal mode of a fresh file, or a
  // transaction meeting another's recovery of the WAL index), which is what
  // several processes opening one new file do. The pauses grow with a
  // random part so that two such connections do not meet again.
  absl::Status RetryWhileBusy(Connection& c, absl::FunctionRef<absl::Status()> step) {
    const absl::Time deadline = absl::Now() + absl::FromChrono(options_.busy_timeout);
    std::minstd_rand random(static_cast<uint32_t>(absl::ToUnixNanos(absl::Now())) ^
                            static_cast<uint32_t>(reinterpret_cast<uintptr_t>(&c)));
    int64_t pause_us = 500;
    for (;;) {
      c.failed_rc = SQLITE_OK;
      absl::Status status = step();
      int primary = c.failed_rc & 0xff;
      if (status.ok() || (primary != SQLITE_BUSY && primary != SQLITE_LOCKED)) return status;
      absl::Time now = absl::Now();
      if (now >= deadline) {
        return absl::Status(status.code(),
                            absl::StrCat(status.message(),
                                         " (locked by another process for more than the busy "
                                         "timeout, ",
                                         options_.busy_timeout.count(), " ms)"));
      }
      absl::Duration pause = absl::Microseconds(
          std::uniform_int_distribution<int64_t>(pause_us / 2, pause_us)(random));
      absl::SleepFor(std::min(pause, deadline - now));
      pause_us = std::min<int64_t>(pause_us * 2, 50'000);
    }
  }

  absl::Status Prepare(Connection& c) {
    for (int i = 0; i < kStatementCount; ++i) {
      std::string sql =
          absl::StrReplaceAll(kSql[i], {{" T ", absl::StrCat(" ", options_.table, " ")},
                                        {" T.", absl::StrCat(" ", options_.table, ".")},
                                        {" L ", absl::StrCat(" ", options_.table, "_leases ")},
                                        {" L.", absl::StrCat(" ", options_.table, "_leases.")},
                                        {" M ", absl::StrCat(" ", options_.table, "_timers ")}});
      // Again after a busy attempt: the statements of that one are dropped.
      sqlite3_finalize(c.statements[i]);
      c.statements[i] = nullptr;
      int rc = sqlite3_prepare_v3(c.db, sql.c_str(), -1, SQLITE_PREPARE_PERSISTENT,
                                  &c.statements[i], nullptr);
      if (rc != SQLITE_OK) {
        c.failed_rc = rc;
        return Error(c, rc, nullptr, "preparing", sql);
      }
    }
    return absl::OkStatus();
  }

  absl::Status CreateSchema(Connection& c) {
    const std::string& t = options_.table;
    CHATCART_RETURN_IF_ERROR(Exec(c, "BEGIN IMMEDIATE"));
    absl::Status status = [&]() -> absl::Status {
      CHATCART_RETURN_IF_ERROR(Exec(
          c, absl::StrCat("CREATE TABLE IF NOT EXISTS ", t,
                          "_format (name TEXT PRIMARY KEY NOT NULL, value INTEGER NOT NULL)")));
      CHATCART_ASSIGN_OR_RETURN(
          std::string format,
          QueryText(c, absl::StrCat("SELECT value FROM ", t, "_format WHERE name = 'format'")));
      int64_t stored_format = 0;
      if (!format.empty() &&
          (!absl::SimpleAtoi(format, &stored_format) || stored_format > kFormat)) {
        return absl::FailedPreconditionError(absl::StrFormat(
            "SQLite store %s: table %s has format %s, written by a newer chatcart (this one "
            "reads format %d)",
            options_.path, t, format, kFormat));
      }
      CHATCART_RETURN_IF_ERROR(
          Exec(c, absl::StrCat("CREATE TABLE IF NOT EXISTS ", t,
                               " (id TEXT PRIMARY KEY NOT NULL, shopper TEXT NOT NULL,"
                               " version INTEGER NOT NULL, value BLOB NOT NULL,"
                               " expires_ms INTEGER NOT NULL, updated_ms INTEGER NOT NULL)")));
      CHATCART_RETURN_IF_ERROR(
          Exec(c, absl::StrCat("CREATE INDEX IF NOT EXISTS ", t, "_by_shopper ON ", t,
                               " (shopper) WHERE shopper != ''")));
      CHATCART_RETURN_IF_ERROR(
          Exec(c, absl::StrCat("CREATE TABLE IF NOT EXISTS ", t,
                               "_leases (id TEXT PRIMARY KEY NOT NULL, owner TEXT NOT NULL,"
                               " until_ms INTEGER NOT NULL) WITHOUT ROWID")));
      CHATCART_RETURN_IF_ERROR(
          Exec(c, absl::StrCat("CREATE TABLE IF NOT EXISTS ", t,
                               "_timers (id TEXT NOT NULL, kind TEXT NOT NULL,"
                               " due_ms INTEGER NOT NULL, PRIMARY KEY (id, kind)) WITHOUT ROWID")));
      CHATCART_RETURN_IF_ERROR(Exec(c, absl::StrCat("CREATE INDEX IF NOT EXISTS ", t,
                                                    "_timers_by_due ON ", t, "_timers (due_ms)")));
      return Exec(
          c, absl::StrCat("INSERT OR IGNORE INTO ", t, "_format VALUES ('format', ", kFormat, ")"));
    }();
    if (status.ok()) status = Exec(c, "COMMIT");
    if (!status.ok()) {
      // Also after a busy COMMIT, which leaves the transaction open: the
      // next attempt begins a new one. The failure's code is kept for
      // RetryWhileBusy.
      const int failed_rc = c.failed_rc;
      Exec(c, "ROLLBACK").IgnoreError();
      c.failed_rc = failed_rc;
    }
    return status;
  }

  absl::Status Exec(Connection& c, const std::string& sql) const {
    char* message = nullptr;
    int rc = sqlite3_exec(c.db, sql.c_str(), nullptr, nullptr, &message);
    if (rc == SQLITE_OK) return absl::OkStatus();
    c.failed_rc = rc;
    std::string text = message != nullptr ? message : sqlite3_errstr(rc);
    sqlite3_free(message);
    return absl::Status(CodeOf(rc),
                        absl::StrFormat("SQLite store %s: %s: %s", options_.path, sql, text));
  }

  // The first column of the first row of `sql` as text ("" for no row).
  absl::StatusOr<std::string> QueryText(Connection& c, const std::string& sql) const {
    sqlite3_stmt* s = nullptr;
    int rc = sqlite3_prepare_v2(c.db, sql.c_str(), -1, &s, nullptr);
    std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> guard(s, sqlite3_finalize);
    if (rc == SQLITE_OK) rc = sqlite3_step(s);
    if (rc == SQLITE_ROW) return Text(s, 0);
    if (rc == SQLITE_DONE) return std::string();
    c.failed_rc = rc;
    return absl::Status(CodeOf(rc), absl::StrFormat("SQLite store %s: %s: %s", options_.path, sql,
                                                    sqlite3_errmsg(c.db)));
  }

  absl::StatusOr<Lent> Borrow() {
    {
      MutexLock lock(&pool_mu_);
      auto ready = [this]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(pool_mu_) {
        return !idle_.empty() || open_ < options_.pool_size;
      };
      Await(&pool_mu_, absl::Condition(&ready));
      if (!idle_.empty()) {
        std::unique_ptr<Connection> c = std::move(idle_.back());
        idle_.pop_back();
        return Lent(this, std::move(c));
      }
      ++open_;
    }
    absl::StatusOr<std::unique_ptr<Connection>> c = Connect();
    if (c.ok()) {
      absl::Status prepared = RetryWhileBusy(**c, [&] { return Prepare(**c); });
      if (!prepared.ok()) c = prepared;
    }
    if (!c.ok()) {
      MutexLock lock(&pool_mu_);
      --open_;
      return c.status();
    }
    return Lent(this, *std::move(c));
  }

  void Release(std::unique_ptr<Connection> c) {
    MutexLock lock(&pool_mu_);
    idle_.push_back(std::move(c));
  }

  const SqliteStoreOptions options_;
  const StoreClock clock_;
  absl::Mutex write_mu_;
  absl::Mutex pool_mu_;
  std::vector<std::unique_ptr<Connection>> idle_ ABSL_GUARDED_BY(pool_mu_);
  int open_ ABSL_GUARDED_BY(pool_mu_) = 1;  // the first, opened by Open
};

}  // namespace

absl::StatusOr<std::unique_ptr<SessionStore>> OpenSqliteSessionStore(
    const SqliteStoreOptions& options) {
  CHATCART_ASSIGN_OR_RETURN(std::unique_ptr<SqliteSessionStore> store,
                            SqliteSessionStore::Open(options));
  return std::unique_ptr<SessionStore>(std::move(store));
}

absl::StatusOr<int64_t> PurgeExpiredSqliteSessions(SessionStore& store) {
  auto* sqlite = dynamic_cast<SqliteSessionStore*>(&store);
  if (sqlite == nullptr) {
    return absl::InvalidArgumentError("PurgeExpiredSqliteSessions: not a SQLite store");
  }
  return sqlite->PurgeExpired();
}

}  // namespace chatcart
