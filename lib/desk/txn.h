// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// One desk step against the store: records read (and checked against the
// call's time), changed in place, and committed in one DeskStore::Commit
// with the versions they were read at; set changes, messages and events
// buffered until then. A step that fails or loses a race leaves nothing
// behind; the caller (Desk::Rep::Run) retries a lost race from scratch.

#ifndef CHATCART_DESK_TXN_H_
#define CHATCART_DESK_TXN_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "chatcart/desk.h"
#include "chatcart/desk_store.h"
#include "chatcart/v1/desk.pb.h"

namespace chatcart::desk_internal {

class Txn {
 public:
  Txn(DeskStore& store, const DeskOptions& options, int64_t now_ms)
      : store_(store), options_(options), now_(now_ms) {}

  Txn(const Txn&) = delete;
  Txn& operator=(const Txn&) = delete;

  // The call's time in Unix ms, raised to the last change of each record
  // read (within the clock tolerance).
  int64_t now() const { return now_; }
  const DeskOptions& options() const { return options_; }
  DeskStore& store() { return store_; }

  // The conversation, NOT_FOUND when unknown; null from FindConversation.
  // The pointer stays valid for the step. Changed records must be Touch()ed.
  absl::StatusOr<v1::DeskConversation*> Conversation(std::string_view id);
  absl::StatusOr<v1::DeskConversation*> FindConversation(std::string_view id);
  // A new conversation (version 0 until committed).
  v1::DeskConversation* NewConversation(std::string_view id);
  absl::StatusOr<v1::DeskAgent*> Agent(std::string_view id);
  absl::StatusOr<v1::DeskAgent*> FindAgent(std::string_view id);
  v1::DeskAgent* NewAgent(std::string_view id);
  // The queue's statistics (created empty when absent: a new queue).
  absl::StatusOr<v1::DeskQueueStats*> Stats(std::string_view queue);
  // Whether Stats(queue) found no record (the queue is new in this step).
  bool IsNewQueue(std::string_view queue) const;

  void Touch(const v1::DeskConversation* c) { Mark(c->id(), &conversations_); }
  void Touch(const v1::DeskAgent* a) { Mark(a->id(), &agents_); }
  void Touch(const v1::DeskQueueStats* s) { Mark(s->queue(), &stats_); }

  // Set changes, applied in order at commit.
  void Add(std::string set, std::string member, int64_t score) {
    write_.set_ops.push_back({std::move(set), std::move(member), score, false});
  }
  void Remove(std::string set, std::string member) {
    write_.set_ops.push_back({std::move(set), std::move(member), 0, true});
  }
  // Appends a message to conversation `c` (its seq assigned from c).
  v1::DeskMessage* Append(v1::DeskConversation* c);
  v1::DeskEvent* Emit() { return events_.Add(); }

  // Commits every touched record (version + 1, updated at now), the set
  // changes and the messages. ABORTED when another writer changed one of
  // the records first. The records are moved out: read nothing after.
  absl::Status Commit();

  google::protobuf::RepeatedPtrField<v1::DeskEvent>& events() { return events_; }

 private:
  template <typename T>
  struct Entry {
    std::unique_ptr<T> record;
    bool touched = false;
    bool found = false;  // read from the store (else new)
  };
  template <typename T>
  void Mark(const std::string& id, absl::flat_hash_map<std::string, Entry<T>>* map) {
    auto it = map->find(id);
    if (it != map->end()) it->second.touched = true;
  }
  // Raises now_ to `updated_ms`, or OUT_OF_RANGE beyond the tolerance.
  absl::Status Observe(int64_t updated_ms, std::string_view what, std::string_view id);

  DeskStore& store_;
  const DeskOptions& options_;
  int64_t now_;
  absl::flat_hash_map<std::string, Entry<v1::DeskConversation>> conversations_;
  absl::flat_hash_map<std::string, Entry<v1::DeskAgent>> agents_;
  absl::flat_hash_map<std::string, Entry<v1::DeskQueueStats>> stats_;
  DeskWrite write_;
  google::protobuf::RepeatedPtrField<v1::DeskEvent> events_;
};

}  // namespace chatcart::desk_internal

#endif  // CHATCART_DESK_TXN_H_
