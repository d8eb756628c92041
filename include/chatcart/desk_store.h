// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// DeskStore: where a Desk (desk.h) keeps its state. The desk holds nothing
// between calls but its options: every conversation, agent, queue and timer
// lives in the store, so several processes sharing one store (Redis, #20)
// serve any conversation and any agent.
//
// The contract is small on purpose:
//   * three kinds of versioned records (conversations, agents, per-queue
//     statistics), protobuf messages of chatcart/v1/desk.proto, read by id;
//   * ordered sets of (member, score), ordered by score, then member bytes,
//     read by rank, by count below a score and by range (Redis ZSET
//     semantics: ZRANK, ZCOUNT, ZRANGE WITHSCORES);
//   * an append-only message list per conversation;
//   * atomic counters (INCR);
//   * one write, Commit(), that applies a batch atomically if and only if
//     every record it puts still has the version it was read with.
//
// A desk call reads what it needs, computes, and commits one batch; on
// ABORTED (another writer got there first) it reads again and retries. So a
// store is correct for several desks at once when each method is atomic and
// Commit checks all versions and applies everything, or nothing, in one step
// (Redis: one Lua script; SQLite: one transaction).
//
// The sets the desk uses, for implementers (names are opaque strings):
//   "q:<queue>"  conversations waiting in a queue, by queue score;
//   "u:<queue>"  those not offered to an agent yet;
//   "a:<queue>"  routable agents of a queue, by routing score;
//   "t"          timers ("o:", "p:", "w:", "s:" + conversation id, "h:" +
//                agent id), by due time in Unix ms;
//   "queues"     every queue name; "agents" every agent id.
// Scores are integers in [0, 2^53), exact in a double.
//
// Thread safety: a store is shared by every thread of its desks: its methods
// are safe for concurrent access from multiple threads without any external
// synchronization.

#ifndef CHATCART_DESK_STORE_H_
#define CHATCART_DESK_STORE_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "chatcart/v1/desk.pb.h"

namespace chatcart {

// One member of an ordered set with its score.
struct DeskSetEntry {
  std::string member;
  int64_t score = 0;
};

// A batch for DeskStore::Commit: applied entirely or not at all.
struct DeskWrite {
  // Records to store. Each carries its new version: the store checks that
  // the stored record has version - 1 (version 1: that none exists yet) and
  // aborts the whole batch otherwise.
  std::vector<v1::DeskConversation> conversations;
  std::vector<v1::DeskAgent> agents;
  std::vector<v1::DeskQueueStats> queue_stats;
  // Set changes, applied after the records, in order: an add inserts the
  // member or moves it to its new score (ZADD), a remove deletes it if
  // present (ZREM).
  struct SetOp {
    std::string set;
    std::string member;
    int64_t score = 0;
    bool remove = false;
  };
  std::vector<SetOp> set_ops;
  // Messages appended to their conversation's list (seq is the caller's).
  std::vector<v1::DeskMessage> messages;

  bool empty() const {
    return conversations.empty() && agents.empty() && queue_stats.empty() && set_ops.empty() &&
           messages.empty();
  }
};

class DeskStore {
 public:
  virtual ~DeskStore() = default;

  // The record with `id`, or nullopt when there is none. Errors are the
  // store's own (UNAVAILABLE when a server is unreachable).
  virtual absl::StatusOr<std::optional<v1::DeskConversation>> GetConversation(
      std::string_view id) const = 0;
  virtual absl::StatusOr<std::optional<v1::DeskAgent>> GetAgent(std::string_view id) const = 0;
  virtual absl::StatusOr<std::optional<v1::DeskQueueStats>> GetQueueStats(
      std::string_view queue) const = 0;

  // The messages of a conversation in the order appended (empty for an
  // unknown one).
  virtual absl::StatusOr<std::vector<v1::DeskMessage>> GetMessages(
      std::string_view conversation_id) const = 0;

  // The 0-based rank of `member` in `set`, or nullopt when absent. O(log n).
  virtual absl::StatusOr<std::optional<int64_t>> Rank(std::string_view set,
                                                      std::string_view member) const = 0;
  // The number of members of `set` (0 for a set never written).
  virtual absl::StatusOr<int64_t> Count(std::string_view set) const = 0;
  // The number of members of `set` whose score is below `score` (ZCOUNT
  // set -inf (score). O(log n).
  virtual absl::StatusOr<int64_t> CountBelow(std::string_view set, int64_t score) const = 0;
  // At most `limit` members from rank `start` on, in order.
  virtual absl::StatusOr<std::vector<DeskSetEntry>> Range(std::string_view set, int64_t start,
                                                          int64_t limit) const = 0;

  // Adds 1 to the counter `name` (absent: 0) and returns the new value.
  virtual absl::StatusOr<int64_t> Increment(std::string_view name) = 0;

  // Applies `write` atomically. ABORTED, with nothing applied, when a record
  // it puts does not have the expected version; INVALID_ARGUMENT for a record
  // without an id or with version 0.
  virtual absl::Status Commit(const DeskWrite& write) = 0;
};

// A store in this process's memory: ordered sets are order-statistic trees
// (rank in O(log n)), records are protobuf messages behind one mutex. It is
// lost with the process; use it for one server, tests and simulations.
std::shared_ptr<DeskStore> NewInMemoryDeskStore();

}  // namespace chatcart

#endif  // CHATCART_DESK_STORE_H_
