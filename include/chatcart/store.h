// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// SessionStore: where conversations live between messages, as opaque bytes
// with a version. Every save is a compare-and-set on that version, so two
// servers that continue one conversation at once never silently overwrite
// each other: the second save fails with ABORTED and its caller reloads and
// applies its message again (chatcart/runtime.h does exactly that).
//
//   std::unique_ptr<chatcart::SessionStore> store =
//       *chatcart::OpenSqliteSessionStore({.path = "/var/lib/shop/chat.db"});
//   chatcart::SessionWrite write{.id = "web-42", .shopper = "cust-7",
//                                .value = session->Snapshot(),
//                                .expected_version = 0};   // 0: a new one
//   absl::StatusOr<int64_t> version = store->Save(write);  // 1
//   absl::StatusOr<chatcart::StoredSession> loaded = store->Load("web-42");
//
// Three implementations:
//   - in memory (NewMemorySessionStore): one process, tests, benchmarks;
//   - SQLite (OpenSqliteSessionStore): one machine, the default; several
//     processes may share the file;
//   - Redis (OpenRedisSessionStore): a fleet; any process continues any
//     conversation. Keys of one conversation share a hash tag, so they map to
//     one Redis Cluster slot.
//
// Error codes are part of the contract, the same for every implementation:
//   ABORTED            the expected version is not the stored one (a
//                      concurrent save won; reload and apply again). Stores
//                      use ABORTED for this and nothing else.
//   NOT_FOUND          Load of a conversation that does not exist or expired.
//   INVALID_ARGUMENT   a bad id, version or expiry (named in the message).
//   UNAVAILABLE        the store cannot be reached (Redis down past the retry
//                      deadline, a SQLite file locked past the busy timeout).
//   RESOURCE_EXHAUSTED a full disk or an out-of-memory Redis.
//   DATA_LOSS          a corrupt file or record.
// A failed Save or Delete changes nothing.
//
// Time: expiry is an absolute Unix time in milliseconds. The in-memory and
// SQLite stores judge it by their options' clock (the wall clock unless a
// test injects one); Redis judges it by its own clock (PEXPIREAT).
//
// Thread safety: every SessionStore is safe for concurrent access from
// multiple threads without any external synchronization (each says how in
// its options). The SQLite and Redis stores are also safe across processes:
// the compare-and-set is done by the database (one UPDATE ... WHERE version,
// one Lua script), never by reading and then writing.

#ifndef CHATCART_STORE_H_
#define CHATCART_STORE_H_

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace chatcart {

// One conversation as a store holds it.
struct StoredSession {
  std::string id;
  // Who the conversation belongs to (an account or channel user id), for
  // ListByShopper and DeleteShopper; may be empty.
  std::string shopper;
  // The bytes saved (a session snapshot, or the runtime's record around one).
  std::string value;
  // 1 after the first save, one more after each.
  int64_t version = 0;
  // Unix milliseconds: when it expires (0: never) and when it was saved.
  int64_t expires_at_ms = 0;
  int64_t updated_at_ms = 0;
};

// What ListByShopper returns: a conversation without its bytes.
struct StoredSessionInfo {
  std::string id;
  int64_t version = 0;
  int64_t expires_at_ms = 0;
  int64_t updated_at_ms = 0;
};

// A compare-and-set save. The views must stay valid during the call.
struct SessionWrite {
  // 1 to 512 bytes of well-formed UTF-8, without '{' or '}' (they delimit
  // Redis hash tags) or NUL; the shopper too when not empty. Leases and
  // timers take the same ids (and lease owners). Load, Delete,
  // ListByShopper, DeleteShopper, ReleaseLease and CancelTimer take any
  // bytes of that length without those three, so a session saved before
  // ids had to be UTF-8 can still be read and deleted.
  std::string_view id = {};
  std::string_view shopper = {};
  std::string_view value = {};
  // The version the caller loaded; 0 for a conversation that must not exist
  // yet (or has expired).
  int64_t expected_version = 0;
  // Unix milliseconds; 0: never expires.
  int64_t expires_at_ms = 0;
};

// A timer a conversation waits for (a reminder, an abandoned cart): the
// store keeps an index of them by due time that hosts poll (DueTimers).
struct StoredTimer {
  std::string id;    // the conversation
  std::string kind;  // 1 to 64 of [a-z0-9_] ("cart_abandoned")
  int64_t due_at_ms = 0;
};

// The clock of the in-memory and SQLite stores: Unix milliseconds.
using StoreClock = std::function<int64_t()>;

// The wall clock (std::chrono::system_clock) in Unix milliseconds.
int64_t SystemClockMillis();

class SessionStore {
 public:
  SessionStore() = default;
  SessionStore(const SessionStore&) = delete;
  SessionStore& operator=(const SessionStore&) = delete;
  virtual ~SessionStore();

  // The stored conversation `id`. NOT_FOUND when there is none or it expired.
  virtual absl::StatusOr<StoredSession> Load(std::string_view id) = 0;

  // Saves write.value as the conversation write.id if its stored version is
  // write.expected_version (0: none stored), and returns the new version
  // (expected_version + 1). ABORTED when another version is stored; nothing
  // is written then. A save whose reply was lost (a dropped connection) and
  // is retried by the store itself is applied once.
  virtual absl::StatusOr<int64_t> Save(const SessionWrite& write) = 0;

  // Deletes the conversation `id` (the shopper's right to be forgotten).
  // OK also when there was none.
  virtual absl::Status Delete(std::string_view id) = 0;

  // The conversations of `shopper` that have not expired, ordered by id.
  virtual absl::StatusOr<std::vector<StoredSessionInfo>> ListByShopper(
      std::string_view shopper) = 0;

  // Deletes every conversation of `shopper` and the index that named them;
  // returns how many conversations were deleted.
  virtual absl::StatusOr<int64_t> DeleteShopper(std::string_view shopper);

  // A short lease on conversation `id` for `owner` (a unique string per
  // process or call): true when `owner` holds it now (taken or renewed),
  // false when another owner holds an unexpired one. It orders the messages
  // of one conversation across processes; the compare-and-set on save keeps
  // data safe even when a lease expires early. ttl_ms > 0.
  virtual absl::StatusOr<bool> TryAcquireLease(std::string_view id, std::string_view owner,
                                               int64_t ttl_ms) = 0;
  // Releases `owner`'s lease on `id`; OK also when it was not held (it may
  // have expired and gone to another owner, whose lease stays).
  virtual absl::Status ReleaseLease(std::string_view id, std::string_view owner) = 0;

  // The timer index: one due time per (conversation, kind). SetTimer adds or
  // moves it; CancelTimer removes it (OK when absent); DueTimers returns at
  // most `limit` timers due at or before now_ms, earliest first, without
  // removing them. The index is a hint for polling: whoever fires a timer
  // checks it against the conversation itself (chatcart/runtime.h does).
  virtual absl::Status SetTimer(const StoredTimer& timer) = 0;
  virtual absl::Status CancelTimer(std::string_view id, std::string_view kind) = 0;
  virtual absl::StatusOr<std::vector<StoredTimer>> DueTimers(int64_t now_ms, int limit) = 0;
};

// ---- In memory

struct MemoryStoreOptions {
  // Default: SystemClockMillis.
  StoreClock clock = {};
};

// A store in this process's memory, guarded by one mutex. Expired
// conversations are dropped when touched.
std::unique_ptr<SessionStore> NewMemorySessionStore(MemoryStoreOptions options = {});

// ---- SQLite (one machine)

// How much a returned Save is worth if the machine fails (PRAGMA synchronous
// in WAL mode). Part of the persistent format: values never change.
enum class SqliteDurability {
  // A Save that returned survives a process crash and an OS crash or power
  // loss (the WAL is fsynced at every commit). The default.
  kFull = 0,
  // A Save that returned survives a process crash (SIGKILL); an OS crash or
  // power loss may lose the last saves, never the file. Faster: fsync only
  // at checkpoints.
  kNormal = 1,
};

struct SqliteStoreOptions {
  // The database file; created when missing. Required.
  std::string path = {};
  // The table; created when missing, so a host may keep it in its own
  // database. Letters, digits and '_'. Default: "chatcart_sessions" (leases
  // go in "<table>_leases", timers in "<table>_timers").
  std::string table = "chatcart_sessions";
  SqliteDurability durability = SqliteDurability::kFull;
  // How long a statement waits for another process's write lock before
  // UNAVAILABLE; also how long opening retries its setup (WAL mode, tables)
  // while another process sets up the same file. Default: 5 s.
  std::chrono::milliseconds busy_timeout{5000};
  // Connections kept open (readers run in parallel in WAL mode; writes of
  // this process take turns on a mutex). Default: 4.
  int pool_size = 4;
  // Default: SystemClockMillis.
  StoreClock clock = {};
};

// Opens (creating if needed) a SQLite store in WAL mode. FAILED_PRECONDITION
// for a file written by a newer chatcart or a bad table name; DATA_LOSS for a
// file that is not a database; UNAVAILABLE when it cannot be opened.
absl::StatusOr<std::unique_ptr<SessionStore>> OpenSqliteSessionStore(
    const SqliteStoreOptions& options);

// Deletes the SQLite store's expired conversations and leases (the store
// itself only hides them). Returns how many conversations were deleted.
// REQUIRES: `store` was opened by OpenSqliteSessionStore.
absl::StatusOr<int64_t> PurgeExpiredSqliteSessions(SessionStore& store);

// ---- Redis (a fleet)

struct RedisStoreOptions {
  // Where Redis listens (TCP). Default: 127.0.0.1:6379.
  std::string host = "127.0.0.1";
  int port = 6379;
  // AUTH password (empty: none) and database number (SELECT).
  std::string password = {};
  int database = 0;
  // Prefix of every key. Keys are <prefix>{<id>}:s for a conversation,
  // <prefix>{<id>}:lease for its lease, <prefix>shopper:{<shopper>} for the
  // shopper index, <prefix>timers for the timer index (one sorted set).
  // Default: "chatcart:".
  std::string key_prefix = "chatcart:";
  // Connections kept open; a call waits for a free one. Default: 4.
  int pool_size = 4;
  // Timeouts of one connect and of one command's reply. Default: 1 s each.
  std::chrono::milliseconds connect_timeout{1000};
  std::chrono::milliseconds command_timeout{1000};
  // How long one call keeps retrying through lost connections (reconnecting
  // with exponential backoff from backoff_initial to backoff_max, with
  // jitter) before UNAVAILABLE. Covers a Redis restart. Default: 10 s.
  std::chrono::milliseconds retry_deadline{10000};
  std::chrono::milliseconds backoff_initial{5};
  std::chrono::milliseconds backoff_max{500};
};

// A Redis store: a conversation is a hash {v: version, d: bytes, s: shopper,
// u: updated, e: expires, w: last write's token} saved by one Lua
// compare-and-set script. Connects lazily: a Redis that is down at open
// makes calls retry, not the open fail. INVALID_ARGUMENT for bad options.
// Durability is Redis's own: run it with appendonly yes (appendfsync
// everysec loses at most a second of saves if the Redis machine fails;
// always loses none). A restart of Redis costs the calls in flight their
// retries, never a save that returned.
absl::StatusOr<std::unique_ptr<SessionStore>> OpenRedisSessionStore(
    const RedisStoreOptions& options);

// ---- The agent desk's state in Redis

class DeskStore;  // chatcart/desk_store.h

// The agent desk's DeskStore (chatcart/desk_store.h) in Redis, so that any
// process serves any agent and any shopper: records as hashes with a
// version, queues and presence as sorted sets (position by ZRANK), message
// lists, counters; each desk commit is one Lua script that checks every
// record's version and applies the whole batch or nothing. Every key shares
// the hash tag {desk} (<key_prefix>{desk}:...), so on Redis Cluster the desk
// lives in one slot. Connects lazily, retries like the session store.
absl::StatusOr<std::shared_ptr<DeskStore>> OpenRedisDeskStore(const RedisStoreOptions& options);

// ---- By URL (for configuration files, the C API and Python)

// Opens a store named by a URL:
//   memory:
//   sqlite:PATH[?durability=full|normal&busy_timeout_ms=N&table=NAME&pool=N]
//   redis://[:PASSWORD@]HOST[:PORT][/DB][?prefix=P&pool=N&connect_timeout_ms=N
//           &command_timeout_ms=N&retry_deadline_ms=N]
// Unset parameters take the options' defaults. INVALID_ARGUMENT naming the
// part of the URL that is wrong; otherwise the Open* function's errors.
absl::StatusOr<std::unique_ptr<SessionStore>> OpenSessionStore(std::string_view url);

}  // namespace chatcart

#endif  // CHATCART_STORE_H_
