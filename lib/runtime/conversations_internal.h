// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Shared by the runtime's files (conversations.cc, desk_routing.cc): the
// stored record, loading a conversation, the per-conversation lease.

#ifndef CHATCART_RUNTIME_CONVERSATIONS_INTERNAL_H_
#define CHATCART_RUNTIME_CONVERSATIONS_INTERNAL_H_

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "chatcart/engine.h"
#include "chatcart/session.h"
#include "chatcart/store.h"
#include "chatcart/v1/runtime.pb.h"
#include "chatcart/v1/turn.pb.h"

namespace chatcart::runtime_internal {

// The record format; a newer one restarts the conversation (it cannot be
// read). Part of the persistent format.
constexpr uint32_t kRecordFormat = 1;
constexpr std::string_view kCartAbandoned = "cart_abandoned";

uint64_t MessageIdHash(std::string_view id);
int64_t TimeMillis(const v1::TurnInput& turn);
// Deterministic bytes of a result.
std::string SerializeResult(const v1::TurnResult& result);

// A conversation as loaded from the store.
struct Loaded {
  int64_t version = 0;  // 0: none stored
  std::string shopper;
  v1::ConversationRecord record;
  std::unique_ptr<Session> session;
  // Why a stored conversation could not be read and was restarted ("" when
  // it was read, or new).
  std::string restart_reason;
};

// The lease on one conversation for one call, released when it goes.
class ConversationLease {
 public:
  ConversationLease(SessionStore& store, std::string_view id, std::string owner)
      : store_(store), id_(id), owner_(std::move(owner)) {}
  ~ConversationLease();
  ConversationLease(const ConversationLease&) = delete;
  ConversationLease& operator=(const ConversationLease&) = delete;

  // Waits up to `wait` for the lease. Returns whether it is held; store
  // errors go ahead without it (the compare-and-set keeps data safe).
  bool Acquire(std::chrono::milliseconds ttl, std::chrono::milliseconds wait);

 private:
  SessionStore& store_;
  std::string_view id_;
  std::string owner_;
  bool held_ = false;
};

// Parses bytes a store handed back into `message`; false for bytes that
// are not one, among them a string field that is not well-formed UTF-8 (a
// corrupted value), checked before protobuf would log an ERROR line (#22).
bool ParseStored(std::string_view bytes, google::protobuf::Message* message);

// Loads `id` (a new session when absent; restarted when unreadable).
absl::StatusOr<Loaded> LoadConversation(const Engine& engine, SessionStore& store,
                                        std::string_view id, uint64_t seed);

// Adds `id_hash` to the record's applied ids, keeping the last `keep`.
void RememberApplied(v1::ConversationRecord& record, uint64_t id_hash, int keep);

}  // namespace chatcart::runtime_internal

#endif  // CHATCART_RUNTIME_CONVERSATIONS_INTERNAL_H_
