// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Desk: options, creation, the step runner (commit with retries, queue
// statuses for events), matching of conversations and agents, and reads.
// The calls that change conversations are in desk_calls.cc, timers in
// desk_timers.cc.

#include "chatcart/desk.h"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "chatcart/limits.h"
#include "common/echo.h"
#include "common/mutex.h"
#include "common/status_macros.h"
#include "common/strings.h"
#include "desk/desk_rep.h"
#include "text/utf8.h"

namespace chatcart {

using desk_internal::Txn;
namespace di = desk_internal;

namespace {

constexpr int kMaxAttempts = 32;

absl::Status Positive(absl::Duration d, const char* name, bool zero_ok) {
  if (d < absl::ZeroDuration() || (!zero_ok && d == absl::ZeroDuration())) {
    return absl::InvalidArgumentError(absl::StrCat("DeskOptions.", name, " must be ",
                                                   zero_ok ? "at least 0" : "positive", ", not ",
                                                   absl::FormatDuration(d)));
  }
  return absl::OkStatus();
}

}  // namespace

namespace desk_internal {

absl::Status CheckKey(std::string_view key, std::string_view what) {
  if (key.size() > kMaxIdBytes) {
    return absl::InvalidArgumentError(
        absl::StrCat("desk: the ", ToAbsl(what), " \"", Echo(key), "\" is ", key.size(),
                     " bytes, over the limit of ", kMaxIdBytes, " (kMaxIdBytes)"));
  }
  if (text::IsValidUtf8(key)) return absl::OkStatus();
  return absl::InvalidArgumentError(absl::StrCat(
      "desk: the ", ToAbsl(what), " \"", Echo(key),
      "\" is not well-formed UTF-8 (shown with U+FFFD; the desk keeps ids, skills and languages "
      "as given, so it takes only well-formed ones)"));
}

std::string CleanText(std::string_view text) {
  return text::IsValidUtf8(text) ? std::string(text) : text::ScrubUtf8(text);
}

}  // namespace desk_internal

absl::Status DeskOptions::Validate() const {
  if (default_capacity < 1 || default_capacity > 20) {
    return absl::InvalidArgumentError(absl::StrCat(
        "DeskOptions.default_capacity must be 1 to 20, not ", default_capacity));
  }
  CHATCART_RETURN_IF_ERROR(Positive(presence_timeout, "presence_timeout", false));
  CHATCART_RETURN_IF_ERROR(Positive(offer_timeout, "offer_timeout", true));
  CHATCART_RETURN_IF_ERROR(Positive(max_queue_wait, "max_queue_wait", true));
  CHATCART_RETURN_IF_ERROR(Positive(position_update_interval, "position_update_interval", false));
  CHATCART_RETURN_IF_ERROR(
      Positive(busy_position_update_interval, "busy_position_update_interval", false));
  CHATCART_RETURN_IF_ERROR(Positive(stats_reset_after, "stats_reset_after", false));
  CHATCART_RETURN_IF_ERROR(Positive(show_wait_above, "show_wait_above", true));
  CHATCART_RETURN_IF_ERROR(Positive(clock_tolerance, "clock_tolerance", true));
  if (max_missed_offers < 1) {
    return absl::InvalidArgumentError(
        absl::StrCat("DeskOptions.max_missed_offers must be at least 1, not ", max_missed_offers));
  }
  if (max_queue_length < 0 || busy_queue_length < 0) {
    return absl::InvalidArgumentError("DeskOptions.max_queue_length and busy_queue_length must "
                                      "be at least 0");
  }
  if (!(wait_smoothing > 0 && wait_smoothing <= 1)) {
    return absl::InvalidArgumentError(
        absl::StrCat("DeskOptions.wait_smoothing must be in (0, 1], not ", wait_smoothing));
  }
  if (min_wait_samples < 1) {
    return absl::InvalidArgumentError(
        absl::StrCat("DeskOptions.min_wait_samples must be at least 1, not ", min_wait_samples));
  }
  return absl::OkStatus();
}

absl::StatusOr<DeskOptions> DeskOptions::FromPolicy(const v1::DeskPolicy& policy) {
  DeskOptions options;
  if (policy.default_capacity() != 0) options.default_capacity = policy.default_capacity();
  if (policy.routing() == "round_robin") {
    options.routing = DeskRouting::kRoundRobin;
  } else if (!policy.routing().empty() && policy.routing() != "balanced") {
    return absl::InvalidArgumentError(absl::StrCat(
        "desk policy: routing \"", policy.routing(), "\" is neither balanced nor round_robin"));
  }
  if (policy.offer_timeout_seconds() < 0 || policy.max_queue_length() < 0 ||
      policy.max_queue_wait_seconds() < 0) {
    return absl::InvalidArgumentError(
        "desk policy: offer_timeout_seconds, max_queue_length and max_queue_wait_seconds must "
        "be at least 0");
  }
  if (policy.offer_timeout_seconds() > 0) {
    options.offer_timeout = absl::Seconds(policy.offer_timeout_seconds());
  }
  options.max_queue_length = policy.max_queue_length();
  options.max_queue_wait = absl::Seconds(policy.max_queue_wait_seconds());
  absl::Status valid = options.Validate();
  if (!valid.ok()) {
    return absl::InvalidArgumentError(absl::StrCat("desk policy: ", valid.message()));
  }
  return options;
}

absl::StatusOr<std::unique_ptr<Desk>> Desk::Create(std::shared_ptr<DeskStore> store,
                                                   DeskOptions options) {
  if (store == nullptr) return absl::InvalidArgumentError("Desk::Create: the store is null");
  CHATCART_RETURN_IF_ERROR(options.Validate());
  auto rep = std::make_unique<Rep>();
  rep->store = std::move(store);
  rep->options = std::move(options);
  rep->options.store_name = di::CleanText(rep->options.store_name);  // in transcript subjects
  return std::unique_ptr<Desk>(new Desk(std::move(rep)));
}

Desk::Desk(std::unique_ptr<Rep> rep) : rep_(std::move(rep)) {}
Desk::~Desk() = default;

const DeskOptions& Desk::options() const { return rep_->options; }

DeskCounters Desk::counters() const {
  MutexLock lock(&rep_->mu);
  return rep_->counters;
}

// ---------------------------------------------------------------- Rep

absl::Status Desk::Rep::Run(int64_t now_ms, const std::function<absl::Status(Txn&)>& step,
                            google::protobuf::RepeatedPtrField<v1::DeskEvent>* events) {
  for (int attempt = 0; attempt < kMaxAttempts; ++attempt) {
    Txn txn(*store, options, now_ms);
    CHATCART_RETURN_IF_ERROR(step(txn));
    const int64_t at = txn.now();
    google::protobuf::RepeatedPtrField<v1::DeskEvent> emitted;
    emitted.Swap(&txn.events());
    absl::Status committed = txn.Commit();
    if (absl::IsAborted(committed)) {
      ++counters.conflicts;
      continue;
    }
    CHATCART_RETURN_IF_ERROR(committed);
    for (v1::DeskEvent& e : emitted) {
      if (e.kind() == v1::DeskEvent::QUEUE_POSITION || e.kind() == v1::DeskEvent::REQUEUED) {
        CHATCART_ASSIGN_OR_RETURN(std::optional<v1::DeskConversation> c,
                                  store->GetConversation(e.conversation_id()));
        if (c.has_value()) {
          CHATCART_ASSIGN_OR_RETURN(*e.mutable_queue(), Status(*c, at));
          e.set_text(e.text().empty() ? e.queue().text()
                                      : absl::StrCat(e.text(), " ", e.queue().text()));
        }
      }
      events->Add(std::move(e));
    }
    return absl::OkStatus();
  }
  return absl::AbortedError(absl::StrCat("desk: gave up after ", kMaxAttempts,
                                         " attempts: other desks kept changing the same records"));
}

absl::StatusOr<v1::DeskQueueStatus> Desk::Rep::Status(const v1::DeskConversation& c,
                                                      int64_t now_ms) const {
  v1::DeskQueueStatus status;
  if (c.status() != v1::DeskConversation::QUEUED) return status;
  const std::string queue = di::QueueOf(c);
  CHATCART_ASSIGN_OR_RETURN(std::optional<int64_t> rank,
                            store->Rank(di::WaitingSet(queue), c.id()));
  if (!rank.has_value()) return status;
  CHATCART_ASSIGN_OR_RETURN(int64_t waiting, store->Count(di::WaitingSet(queue)));
  CHATCART_ASSIGN_OR_RETURN(std::optional<v1::DeskQueueStats> stats, store->GetQueueStats(queue));
  const int position = static_cast<int>(*rank) + 1;
  status.set_position(position);
  status.set_ahead(position - 1);
  status.set_waiting(static_cast<int>(waiting));
  const int64_t waited_s = std::max<int64_t>(0, now_ms - c.queued_unix_ms()) / 1000;
  *status.mutable_wait() = di::EstimateWait(stats.value_or(v1::DeskQueueStats()), position,
                                            waited_s, options, c.language());
  status.set_text(di::PositionText(c.language(), position, status.wait().text()));
  return status;
}

absl::StatusOr<v1::DeskUpdate> Desk::Rep::Finish(
    std::string_view conversation_id,
    google::protobuf::RepeatedPtrField<v1::DeskEvent> events) const {
  v1::DeskUpdate update;
  if (!conversation_id.empty()) {
    CHATCART_ASSIGN_OR_RETURN(std::optional<v1::DeskConversation> c,
                              store->GetConversation(conversation_id));
    if (c.has_value()) *update.mutable_conversation() = *std::move(c);
  }
  update.mutable_events()->Swap(&events);
  return update;
}

absl::Status Desk::Rep::MatchConversation(int64_t now_ms, const std::string& conversation_id,
                                          google::protobuf::RepeatedPtrField<v1::DeskEvent>* events) {
  return Run(now_ms, [&](Txn& txn) -> absl::Status {
    CHATCART_ASSIGN_OR_RETURN(v1::DeskConversation * c, txn.FindConversation(conversation_id));
    if (c == nullptr || c->status() != v1::DeskConversation::QUEUED ||
        !c->offer_agent_id().empty()) {
      return absl::OkStatus();
    }
    const std::string queue = di::QueueOf(*c);
    // An agent changed later than this call (beyond the tolerance) is no
    // candidate now.
    auto find_agent = [&](const std::string& id) -> absl::StatusOr<v1::DeskAgent*> {
      absl::StatusOr<v1::DeskAgent*> a = txn.FindAgent(id);
      if (absl::IsOutOfRange(a.status())) return nullptr;
      return a;
    };
    auto free = [&](const v1::DeskAgent* a) {
      return a != nullptr && a->routable() && di::Present(*a, txn.now(), options) &&
             di::Load(*a) < di::Capacity(*a, options) && di::Serves(*a, queue);
    };
    v1::DeskAgent* pick = nullptr;
    // Sticky: back to the agent who helped before, when they are free.
    if (!c->last_agent_id().empty() && !di::Contains(c->missed_by(), c->last_agent_id())) {
      CHATCART_ASSIGN_OR_RETURN(v1::DeskAgent * a, find_agent(c->last_agent_id()));
      if (free(a)) pick = a;
    }
    // The routing order; agents who missed this conversation only when no
    // one else is free.
    const std::string set = di::AgentSet(queue);
    for (int pass = 0; pick == nullptr && pass < 2; ++pass) {
      if (pass == 1 && c->missed_by().empty()) break;
      constexpr int64_t kBatch = 16;
      for (int64_t start = 0; pick == nullptr; start += kBatch) {
        CHATCART_ASSIGN_OR_RETURN(std::vector<DeskSetEntry> batch,
                                  store->Range(set, start, kBatch));
        bool full = false;
        for (const DeskSetEntry& e : batch) {
          if ((e.score & di::kFullBit) != 0) {
            full = true;
            break;
          }
          if (pass == 0 && di::Contains(c->missed_by(), e.member)) continue;
          CHATCART_ASSIGN_OR_RETURN(v1::DeskAgent * a, find_agent(e.member));
          if (free(a)) {
            pick = a;
            break;
          }
        }
        if (full || static_cast<int64_t>(batch.size()) < kBatch) break;
      }
    }
    if (pick == nullptr) return absl::OkStatus();
    return di::Offer(txn, c, pick);
  }, events);
}

absl::Status Desk::Rep::MatchAgent(int64_t now_ms, const std::string& agent_id,
                                   google::protobuf::RepeatedPtrField<v1::DeskEvent>* events) {
  for (int round = 0; round < 64; ++round) {
    bool offered = false;
    CHATCART_RETURN_IF_ERROR(Run(now_ms, [&](Txn& txn) -> absl::Status {
      offered = false;
      CHATCART_ASSIGN_OR_RETURN(v1::DeskAgent * a, txn.FindAgent(agent_id));
      if (a == nullptr || !a->routable() || !di::Present(*a, txn.now(), options) ||
          di::Load(*a) >= di::Capacity(*a, options)) {
        return absl::OkStatus();
      }
      std::vector<DeskSetEntry> candidates;
      for (const std::string& q : a->queues()) {
        CHATCART_ASSIGN_OR_RETURN(std::vector<DeskSetEntry> head,
                                  store->Range(di::UnofferedSet(q), 0, 4));
        for (DeskSetEntry& e : head) candidates.push_back(std::move(e));
      }
      std::sort(candidates.begin(), candidates.end(),
                [](const DeskSetEntry& x, const DeskSetEntry& y) {
                  return x.score != y.score ? x.score < y.score : x.member < y.member;
                });
      v1::DeskConversation* pick = nullptr;
      v1::DeskConversation* missed = nullptr;
      for (const DeskSetEntry& e : candidates) {
        absl::StatusOr<v1::DeskConversation*> found = txn.FindConversation(e.member);
        if (absl::IsOutOfRange(found.status())) continue;  // changed later than this call
        CHATCART_ASSIGN_OR_RETURN(v1::DeskConversation * c, std::move(found));
        if (c == nullptr || c->status() != v1::DeskConversation::QUEUED ||
            !c->offer_agent_id().empty()) {
          continue;
        }
        if (di::Contains(c->missed_by(), agent_id)) {
          if (missed == nullptr) missed = c;
          continue;
        }
        pick = c;
        break;
      }
      if (pick == nullptr) pick = missed;
      if (pick == nullptr) return absl::OkStatus();
      offered = true;
      return di::Offer(txn, pick, a);
    }, events));
    if (!offered) break;
  }
  return absl::OkStatus();
}

// ---------------------------------------------------------------- reads

absl::StatusOr<v1::DeskConversation> Desk::Conversation(std::string_view conversation_id) const {
  CHATCART_RETURN_IF_ERROR(di::CheckKey(conversation_id, "conversation id"));
  MutexLock lock(&rep_->mu);
  CHATCART_ASSIGN_OR_RETURN(std::optional<v1::DeskConversation> c,
                            rep_->store->GetConversation(conversation_id));
  if (!c.has_value()) {
    return absl::NotFoundError(
        absl::StrCat("desk: no conversation \"", Echo(conversation_id), "\""));
  }
  return *std::move(c);
}

absl::StatusOr<v1::DeskAgent> Desk::Agent(std::string_view agent_id) const {
  CHATCART_RETURN_IF_ERROR(di::CheckKey(agent_id, "agent id"));
  MutexLock lock(&rep_->mu);
  CHATCART_ASSIGN_OR_RETURN(std::optional<v1::DeskAgent> a, rep_->store->GetAgent(agent_id));
  if (!a.has_value())
    return absl::NotFoundError(absl::StrCat("desk: no agent \"", Echo(agent_id), "\""));
  return *std::move(a);
}

absl::StatusOr<v1::DeskQueueStatus> Desk::QueueStatus(std::string_view conversation_id,
                                                      absl::Time now) const {
  CHATCART_RETURN_IF_ERROR(di::CheckKey(conversation_id, "conversation id"));
  MutexLock lock(&rep_->mu);
  CHATCART_ASSIGN_OR_RETURN(std::optional<v1::DeskConversation> c,
                            rep_->store->GetConversation(conversation_id));
  if (!c.has_value()) {
    return absl::NotFoundError(
        absl::StrCat("desk: no conversation \"", Echo(conversation_id), "\""));
  }
  return rep_->Status(*c, absl::ToUnixMillis(now));
}

absl::StatusOr<std::vector<v1::DeskConversation>> Desk::Waiting(std::string_view skill,
                                                                std::string_view language,
                                                                int from, int limit) const {
  CHATCART_RETURN_IF_ERROR(di::CheckKey(skill, "skill"));
  CHATCART_RETURN_IF_ERROR(di::CheckKey(language, "language"));
  if (from < 1 || limit < 0) {
    return absl::InvalidArgumentError(
        absl::StrCat("Desk::Waiting: positions start at 1 (from ", from, ", limit ", limit, ")"));
  }
  MutexLock lock(&rep_->mu);
  CHATCART_ASSIGN_OR_RETURN(
      std::vector<DeskSetEntry> entries,
      rep_->store->Range(di::WaitingSet(DeskQueueName(skill, language)), from - 1, limit));
  std::vector<v1::DeskConversation> out;
  for (const DeskSetEntry& e : entries) {
    CHATCART_ASSIGN_OR_RETURN(std::optional<v1::DeskConversation> c,
                              rep_->store->GetConversation(e.member));
    if (c.has_value()) out.push_back(*std::move(c));
  }
  return out;
}

absl::StatusOr<v1::DeskQueueStats> Desk::QueueStats(std::string_view skill,
                                                    std::string_view language) const {
  CHATCART_RETURN_IF_ERROR(di::CheckKey(skill, "skill"));
  CHATCART_RETURN_IF_ERROR(di::CheckKey(language, "language"));
  MutexLock lock(&rep_->mu);
  std::string queue = DeskQueueName(skill, language);
  CHATCART_ASSIGN_OR_RETURN(std::optional<v1::DeskQueueStats> stats,
                            rep_->store->GetQueueStats(queue));
  if (stats.has_value()) return *std::move(stats);
  v1::DeskQueueStats empty;
  empty.set_queue(queue);
  return empty;
}

absl::StatusOr<std::vector<v1::DeskMessage>> Desk::Messages(
    std::string_view conversation_id) const {
  CHATCART_RETURN_IF_ERROR(di::CheckKey(conversation_id, "conversation id"));
  MutexLock lock(&rep_->mu);
  CHATCART_ASSIGN_OR_RETURN(std::optional<v1::DeskConversation> c,
                            rep_->store->GetConversation(conversation_id));
  if (!c.has_value()) {
    return absl::NotFoundError(
        absl::StrCat("desk: no conversation \"", Echo(conversation_id), "\""));
  }
  return rep_->store->GetMessages(conversation_id);
}

absl::StatusOr<v1::DeskTranscript> Desk::Transcript(std::string_view conversation_id) const {
  CHATCART_RETURN_IF_ERROR(di::CheckKey(conversation_id, "conversation id"));
  MutexLock lock(&rep_->mu);
  CHATCART_ASSIGN_OR_RETURN(std::optional<v1::DeskConversation> c,
                            rep_->store->GetConversation(conversation_id));
  if (!c.has_value()) {
    return absl::NotFoundError(
        absl::StrCat("desk: no conversation \"", Echo(conversation_id), "\""));
  }
  CHATCART_ASSIGN_OR_RETURN(std::vector<v1::DeskMessage> messages,
                            rep_->store->GetMessages(conversation_id));
  v1::DeskTranscript transcript;
  *transcript.mutable_conversation() = *std::move(c);
  for (v1::DeskMessage& m : messages) {
    if (!m.note()) *transcript.add_messages() = std::move(m);
  }
  return transcript;
}

absl::StatusOr<v1::DeskTranscriptEmail> Desk::TranscriptEmail(
    std::string_view conversation_id, const TranscriptEmailOptions& options) const {
  CHATCART_ASSIGN_OR_RETURN(v1::DeskTranscript transcript, Transcript(conversation_id));
  return RenderTranscriptEmail(transcript, rep_->options.store_name, options);
}

}  // namespace chatcart
