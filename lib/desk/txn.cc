// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "desk/txn.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "common/echo.h"
#include "common/status_macros.h"
#include "common/strings.h"

namespace chatcart::desk_internal {

absl::Status Txn::Observe(int64_t updated_ms, std::string_view what, std::string_view id) {
  if (updated_ms <= now_) return absl::OkStatus();
  int64_t tolerance = absl::ToInt64Milliseconds(options_.clock_tolerance);
  if (updated_ms - now_ > tolerance) {
    return absl::OutOfRangeError(absl::StrCat(
        "desk: time went backwards: ", ToAbsl(what), " \"", Echo(id), "\" last changed at ",
        absl::FormatTime(absl::FromUnixMillis(updated_ms), absl::UTCTimeZone()),
        ", this call is at ", absl::FormatTime(absl::FromUnixMillis(now_), absl::UTCTimeZone())));
  }
  now_ = updated_ms;
  return absl::OkStatus();
}

absl::StatusOr<v1::DeskConversation*> Txn::FindConversation(std::string_view id) {
  auto it = conversations_.find(ToAbsl(id));
  if (it != conversations_.end()) return it->second.record.get();
  CHATCART_ASSIGN_OR_RETURN(std::optional<v1::DeskConversation> stored,
                            store_.GetConversation(id));
  if (!stored.has_value()) return nullptr;
  CHATCART_RETURN_IF_ERROR(Observe(stored->updated_unix_ms(), "conversation", id));
  Entry<v1::DeskConversation>& e = conversations_[std::string(id)];
  e.record = std::make_unique<v1::DeskConversation>(*std::move(stored));
  e.found = true;
  return e.record.get();
}

absl::StatusOr<v1::DeskConversation*> Txn::Conversation(std::string_view id) {
  CHATCART_ASSIGN_OR_RETURN(v1::DeskConversation * c, FindConversation(id));
  if (c == nullptr) {
    return absl::NotFoundError(absl::StrCat("desk: no conversation \"", Echo(id), "\""));
  }
  return c;
}

v1::DeskConversation* Txn::NewConversation(std::string_view id) {
  Entry<v1::DeskConversation>& e = conversations_[std::string(id)];
  e.record = std::make_unique<v1::DeskConversation>();
  e.record->set_id(std::string(id));
  e.record->set_created_unix_ms(now_);
  e.touched = true;
  return e.record.get();
}

absl::StatusOr<v1::DeskAgent*> Txn::FindAgent(std::string_view id) {
  auto it = agents_.find(ToAbsl(id));
  if (it != agents_.end()) return it->second.record.get();
  CHATCART_ASSIGN_OR_RETURN(std::optional<v1::DeskAgent> stored, store_.GetAgent(id));
  if (!stored.has_value()) return nullptr;
  CHATCART_RETURN_IF_ERROR(Observe(stored->updated_unix_ms(), "agent", id));
  Entry<v1::DeskAgent>& e = agents_[std::string(id)];
  e.record = std::make_unique<v1::DeskAgent>(*std::move(stored));
  e.found = true;
  return e.record.get();
}

absl::StatusOr<v1::DeskAgent*> Txn::Agent(std::string_view id) {
  CHATCART_ASSIGN_OR_RETURN(v1::DeskAgent * a, FindAgent(id));
  if (a == nullptr) return absl::NotFoundError(absl::StrCat("desk: no agent \"", Echo(id), "\""));
  return a;
}

v1::DeskAgent* Txn::NewAgent(std::string_view id) {
  Entry<v1::DeskAgent>& e = agents_[std::string(id)];
  e.record = std::make_unique<v1::DeskAgent>();
  e.record->set_id(std::string(id));
  e.touched = true;
  return e.record.get();
}

absl::StatusOr<v1::DeskQueueStats*> Txn::Stats(std::string_view queue) {
  auto it = stats_.find(ToAbsl(queue));
  if (it != stats_.end()) return it->second.record.get();
  CHATCART_ASSIGN_OR_RETURN(std::optional<v1::DeskQueueStats> stored, store_.GetQueueStats(queue));
  Entry<v1::DeskQueueStats>& e = stats_[std::string(queue)];
  if (stored.has_value()) {
    // Statistics are shared by every conversation of a queue: a stale clock
    // elsewhere must not fail this call, so their time is not checked.
    e.record = std::make_unique<v1::DeskQueueStats>(*std::move(stored));
    e.found = true;
  } else {
    e.record = std::make_unique<v1::DeskQueueStats>();
    e.record->set_queue(std::string(queue));
  }
  return e.record.get();
}

bool Txn::IsNewQueue(std::string_view queue) const {
  auto it = stats_.find(ToAbsl(queue));
  return it != stats_.end() && !it->second.found;
}

v1::DeskMessage* Txn::Append(v1::DeskConversation* c) {
  c->set_messages(c->messages() + 1);
  Touch(c);
  v1::DeskMessage* m = &write_.messages.emplace_back();
  m->set_conversation_id(c->id());
  m->set_seq(c->messages());
  m->set_unix_ms(now_);
  return m;
}

absl::Status Txn::Commit() {
  for (auto& [id, e] : conversations_) {
    if (!e.touched) continue;
    e.record->set_version(e.record->version() + 1);
    e.record->set_updated_unix_ms(std::max(e.record->updated_unix_ms(), now_));
    write_.conversations.push_back(std::move(*e.record));
  }
  for (auto& [id, e] : agents_) {
    if (!e.touched) continue;
    e.record->set_version(e.record->version() + 1);
    e.record->set_updated_unix_ms(std::max(e.record->updated_unix_ms(), now_));
    write_.agents.push_back(std::move(*e.record));
  }
  for (auto& [id, e] : stats_) {
    if (!e.touched) continue;
    e.record->set_version(e.record->version() + 1);
    e.record->set_updated_unix_ms(std::max(e.record->updated_unix_ms(), now_));
    write_.queue_stats.push_back(std::move(*e.record));
  }
  if (write_.empty()) return absl::OkStatus();
  return store_.Commit(write_);
}

}  // namespace chatcart::desk_internal
