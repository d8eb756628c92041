// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// The desk's machinery, shared by its files: set names and scores, the
// steps that move conversations and agents (queueing, offering, assigning,
// requeueing), matching, wait estimates, and Desk::Rep, which runs each step
// against the store with retries under the desk's mutex.

#ifndef CHATCART_DESK_DESK_REP_H_
#define CHATCART_DESK_DESK_REP_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "chatcart/desk.h"
#include "chatcart/desk_store.h"
#include "desk/txn.h"

namespace chatcart {

namespace desk_internal {

// ---- Sets and scores (see desk_store.h)

inline constexpr char kTimers[] = "t";
inline constexpr char kQueues[] = "queues";
inline constexpr char kAgents[] = "agents";
inline constexpr char kReferenceCounter[] = "reference";

inline std::string WaitingSet(std::string_view queue) { return "q:" + std::string(queue); }
inline std::string UnofferedSet(std::string_view queue) { return "u:" + std::string(queue); }
inline std::string AgentSet(std::string_view queue) { return "a:" + std::string(queue); }
// Timer kinds: 'o' offer lapses, 'p' position push, 'w' maximum wait,
// 's' snooze ends (conversations); 'h' presence lapses (agents).
inline std::string TimerMember(char kind, std::string_view id) {
  std::string m;
  m.reserve(id.size() + 2);
  m.push_back(kind);
  m.push_back(':');
  m.append(id);
  return m;
}

inline std::string QueueOf(const v1::DeskConversation& c) {
  return DeskQueueName(c.skill(), c.language());
}

// Priority first (urgent lowest), then the time queued.
int64_t QueueScore(v1::DeskPriority priority, int64_t queued_ms);

int Capacity(const v1::DeskAgent& agent, const DeskOptions& options);
inline int Load(const v1::DeskAgent& agent) { return agent.assigned_size() + agent.offered_size(); }
// Full agents last; then balanced: load, then idle longest; round robin:
// oldest assignment.
int64_t AgentScore(const v1::DeskAgent& agent, const DeskOptions& options);
inline constexpr int64_t kFullBit = int64_t{1} << 51;

bool Serves(const v1::DeskAgent& agent, std::string_view queue);
// ONLINE and seen within the presence timeout at now_ms.
bool Present(const v1::DeskAgent& agent, int64_t now_ms, const DeskOptions& options);

bool Contains(const google::protobuf::RepeatedPtrField<std::string>& list, std::string_view id);
void Erase(google::protobuf::RepeatedPtrField<std::string>* list, std::string_view id);

// ---- Text taken in (#22)

// OK, or INVALID_ARGUMENT naming `what` when `key` is over kMaxIdBytes (512,
// chatcart/limits.h) or not well-formed UTF-8. Keys are what the desk
// stores, finds and matches by their bytes (ids of conversations and agents,
// skills, languages): they are refused rather than scrubbed, since two ids
// that differ only in their ill-formed bytes would become one conversation
// (or agent). Every public call checks each id it takes, also those it only
// looks up. An empty key is the caller's to check.
absl::Status CheckKey(std::string_view key, std::string_view what);

// `text` as well-formed UTF-8, each ill-formed subsequence replaced with
// U+FFFD (text::ScrubUtf8), for the free text a desk record or event keeps
// (names, reasons, titles, channels, contacts, comments, messages): protobuf
// string fields must hold UTF-8, or the record does not round-trip through a
// store (DATA_LOSS) and protobuf logs an ERROR line each time it is
// serialized.
std::string CleanText(std::string_view text);

// ---- Steps (each inside one Txn)

// Puts `c` in its queue (a new stint, or back at its old place when
// `requeue`), with its timers.
absl::Status Enqueue(Txn& txn, v1::DeskConversation* c, bool requeue);
// Takes `c` out of its queue's sets and drops its timers.
void Dequeue(Txn& txn, const v1::DeskConversation& c);
// Withdraws the offer of `c` (back to the unoffered set); records a miss
// for the agent when `missed`. Sets *away when the agent reached the
// maximum of misses.
absl::Status WithdrawOffer(Txn& txn, v1::DeskConversation* c, bool missed, bool* away);
// Offers `c` to `agent` (or assigns it at once without an offer timeout).
absl::Status Offer(Txn& txn, v1::DeskConversation* c, v1::DeskAgent* agent);
// Assigns `c` to `agent` from any state (QUEUED, PENDING, ASSIGNED to
// another: a transfer), with the joined message and the reference.
absl::Status AssignTo(Txn& txn, v1::DeskConversation* c, v1::DeskAgent* agent);
// Releases `c` from its agent's lists (assigned, offered, snoozed).
absl::Status ReleaseFromAgent(Txn& txn, const v1::DeskConversation& c);
// Updates the agent's routing entries after a change of load, capacity or
// presence (routable agents in their queues' sets, slots in the stats).
absl::Status Reindex(Txn& txn, v1::DeskAgent* agent);
// Takes the agent out of their queues' routing sets and slot counts.
absl::Status Unindex(Txn& txn, v1::DeskAgent* agent);
// Wakes a snoozed conversation: back to its agent when present, else to
// the queue (appended to *to_match).
absl::Status Wake(Txn& txn, v1::DeskConversation* c, std::vector<std::string>* to_match);
// Marks the agent not routable (away, offline, lapsed) and, when `requeue`,
// sends their conversations back to their old places. Appends the ids of
// conversations needing a match to *to_match.
absl::Status MakeUnroutable(Txn& txn, v1::DeskAgent* agent, bool requeue,
                            std::vector<std::string>* to_match);
// The queues among those that exist that `agent` serves.
absl::StatusOr<std::vector<std::string>> QueuesServed(Txn& txn, const v1::DeskAgent& agent);
// Records the agent's presence at now (heartbeat timer).
void See(Txn& txn, v1::DeskAgent* agent);
// Registers a new queue: every routable agent serving it joins its index.
absl::Status RegisterQueue(Txn& txn, std::string_view queue);

// ---- Estimates

// The wait of a conversation at `position` that has waited `waited_s`.
v1::DeskWait EstimateWait(const v1::DeskQueueStats& stats, int position, int64_t waited_s,
                          const DeskOptions& options, std::string_view language);
void RecordWait(v1::DeskQueueStats* stats, const v1::DeskConversation& c, int64_t now_ms,
                const DeskOptions& options);
void RecordHandle(v1::DeskQueueStats* stats, int64_t handle_s, const DeskOptions& options);

// ---- Shopper-facing texts (desk_texts.cc), in en/it/fr (else en)

std::string WaitText(std::string_view language, int64_t seconds, const DeskOptions& options);
std::string PositionText(std::string_view language, int position, std::string_view wait_text);
std::string JoinedText(std::string_view language, std::string_view agent, int64_t reference);
std::string ResolvedText(std::string_view language, std::string_view agent);
std::string RequeuedText(std::string_view language, std::string_view agent);
std::string QueueFullText(std::string_view language);
std::string WaitExceededText(std::string_view language);
std::string MessageLeftText(std::string_view language);
std::string TranscriptSubject(std::string_view language, std::string_view store);

}  // namespace desk_internal

struct Desk::Rep {
  std::shared_ptr<DeskStore> store;
  DeskOptions options;

  mutable absl::Mutex mu;
  DeskCounters counters ABSL_GUARDED_BY(mu);

  // Runs `step` in a fresh Txn at `now_ms` and commits it, retrying from
  // scratch when another desk won a race; appends the step's events, with
  // queue statuses filled in, to *events. REQUIRES: mu held.
  absl::Status Run(int64_t now_ms, const std::function<absl::Status(desk_internal::Txn&)>& step,
                   google::protobuf::RepeatedPtrField<v1::DeskEvent>* events)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu);

  // Offers `conversation_id` to the best free agent, if any.
  absl::Status MatchConversation(int64_t now_ms, const std::string& conversation_id,
                                 google::protobuf::RepeatedPtrField<v1::DeskEvent>* events)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu);
  // Fills the agent's free slots from the queues they serve.
  absl::Status MatchAgent(int64_t now_ms, const std::string& agent_id,
                          google::protobuf::RepeatedPtrField<v1::DeskEvent>* events)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu);

  // Matching after a change is best effort: the change is committed, and a
  // conversation or agent a match step failed on (a store error, a record
  // changed later than this call) is matched by a later call or tick.
  void Follow(const absl::Status& match) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu) {
    if (!match.ok()) ++counters.match_errors;
  }

  // The position and wait of a conversation, read from the store.
  absl::StatusOr<v1::DeskQueueStatus> Status(const v1::DeskConversation& c, int64_t now_ms) const;

  // The update of a call: the conversation as stored now (when not empty)
  // and the events.
  absl::StatusOr<v1::DeskUpdate> Finish(std::string_view conversation_id,
                                        google::protobuf::RepeatedPtrField<v1::DeskEvent> events)
      const;

  absl::Status FireTimer(int64_t now_ms, const DeskSetEntry& timer,
                         google::protobuf::RepeatedPtrField<v1::DeskEvent>* events)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu);
};

}  // namespace chatcart

#endif  // CHATCART_DESK_DESK_REP_H_
