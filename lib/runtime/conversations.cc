// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Conversations::Handle: lease, load, deduplicate, turn, compare-and-set
// save, retry on conflict. The stored value is a v1::ConversationRecord
// (proto/chatcart/v1/runtime.proto).

#include <unistd.h>

#define XXH_INLINE_ALL
#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/io/zero_copy_stream_impl_lite.h>
#include <xxhash.h>

#include <algorithm>
#include <chrono>
#include <random>
#include <string>
#include <thread>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "chatcart/runtime.h"
#include "chatcart/session.h"
#include "chatcart/v1/runtime.pb.h"
#include "common/status_macros.h"
#include "common/strings.h"
#include "common/wire_utf8.h"
#include "runtime/conversations_internal.h"
#include "store/store_internal.h"

namespace chatcart {

using channels::Channel;
using channels::InboundMessage;
using channels::Observation;
using channels::OutboundMessage;
using channels::RenderRequest;

namespace {

uint64_t Fnv1a64(std::string_view s) {
  uint64_t h = 14695981039346656037ull;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

std::string DefaultOwner() {
  char host[256] = {0};
  if (gethostname(host, sizeof(host) - 1) != 0) host[0] = '\0';
  std::random_device random;
  return absl::StrFormat("%s:%d:%08x", host, getpid(), random());
}

}  // namespace

namespace runtime_internal {

uint64_t MessageIdHash(std::string_view id) { return XXH3_64bits(id.data(), id.size()); }

int64_t TimeMillis(const v1::TurnInput& turn) {
  return turn.time().seconds() * 1000 + turn.time().nanos() / 1000000;
}

std::string SerializeResult(const v1::TurnResult& result) {
  std::string bytes;
  google::protobuf::io::StringOutputStream stream(&bytes);
  google::protobuf::io::CodedOutputStream coded(&stream);
  coded.SetSerializationDeterministic(true);
  result.SerializeToCodedStream(&coded);
  coded.Trim();
  return bytes;
}

ConversationLease::~ConversationLease() {
  if (held_) store_.ReleaseLease(id_, owner_).IgnoreError();
}

bool ConversationLease::Acquire(std::chrono::milliseconds ttl, std::chrono::milliseconds wait) {
  auto deadline = std::chrono::steady_clock::now() + wait;
  std::chrono::microseconds pause(50);
  for (;;) {
    absl::StatusOr<bool> got = store_.TryAcquireLease(id_, owner_, ttl.count());
    if (!got.ok()) return false;
    if (*got) return held_ = true;
    if (std::chrono::steady_clock::now() + pause > deadline) return false;
    std::this_thread::sleep_for(pause);
    pause = std::min(pause * 2, std::chrono::microseconds(20000));
  }
}

void RememberApplied(v1::ConversationRecord& record, uint64_t id_hash, int keep) {
  auto* applied = record.mutable_applied();
  if (applied->size() >= keep) {
    int drop = applied->size() - keep + 1;
    std::copy(applied->begin() + drop, applied->end(), applied->begin());
    applied->Truncate(applied->size() - drop);
  }
  applied->Add(id_hash);
}

bool ParseStored(std::string_view bytes, google::protobuf::Message* message) {
  return IllFormedUtf8Field(*message->GetDescriptor(), bytes).empty() &&
         message->ParseFromArray(bytes.data(), static_cast<int>(bytes.size()));
}

absl::StatusOr<Loaded> LoadConversation(const Engine& engine, SessionStore& store,
                                        std::string_view id, uint64_t seed) {
  Loaded out;
  absl::StatusOr<StoredSession> stored = store.Load(id);
  if (!stored.ok() && !absl::IsNotFound(stored.status())) return stored.status();
  if (stored.ok()) {
    out.version = stored->version;
    out.shopper = std::move(stored->shopper);
    if (!ParseStored(stored->value, &out.record)) {
      out.record.Clear();
      out.restart_reason = "the stored record is not a ConversationRecord";
    } else if (out.record.format() > kRecordFormat) {
      out.restart_reason = absl::StrCat("the stored record has format ", out.record.format(),
                                        ", newer than this runtime's ", kRecordFormat);
      out.record.Clear();
    } else {
      absl::StatusOr<std::unique_ptr<Session>> restored =
          engine.RestoreSession(out.record.snapshot());
      if (restored.ok()) {
        out.session = *std::move(restored);
      } else {
        // The message ids stay: what was applied stays applied.
        out.restart_reason = std::string(restored.status().message());
      }
    }
  }
  if (out.session == nullptr) out.session = engine.NewSession(id, seed);
  return out;
}

}  // namespace runtime_internal

using runtime_internal::ConversationLease;
using runtime_internal::kCartAbandoned;
using runtime_internal::kRecordFormat;
using runtime_internal::LoadConversation;
using runtime_internal::Loaded;
using runtime_internal::MessageIdHash;
using runtime_internal::ParseStored;
using runtime_internal::RememberApplied;
using runtime_internal::SerializeResult;
using runtime_internal::TimeMillis;

Conversations::Conversations(ConversationsOptions options) : options_(std::move(options)) {}
Conversations::~Conversations() = default;

absl::StatusOr<std::unique_ptr<Conversations>> Conversations::Create(
    ConversationsOptions options) {
  if (options.engine == nullptr) return absl::InvalidArgumentError("Conversations: no engine");
  if (options.store == nullptr) return absl::InvalidArgumentError("Conversations: no store");
  if (options.remembered_messages < 1 || options.remembered_results < 0 ||
      options.remembered_results > options.remembered_messages) {
    return absl::InvalidArgumentError(absl::StrFormat(
        "Conversations: remembered_messages %d must be >= 1 and remembered_results %d in [0, "
        "remembered_messages]",
        options.remembered_messages, options.remembered_results));
  }
  if (options.max_conflict_retries < 0 || options.lease_ttl.count() <= 0 ||
      options.lease_wait.count() < 0 || options.idle_expiry.count() < 0 ||
      options.cart_abandoned_after.count() < 0) {
    return absl::InvalidArgumentError(
        "Conversations: max_conflict_retries, lease_wait, idle_expiry and cart_abandoned_after "
        "must not be negative, lease_ttl must be positive");
  }
  if (options.owner.empty()) options.owner = DefaultOwner();
  options.clock = store_internal::ClockOrSystem(std::move(options.clock));
  return std::unique_ptr<Conversations>(new Conversations(std::move(options)));
}

absl::StatusOr<ConversationOutput> Conversations::Handle(const ConversationInput& input) {
  return Apply(input, nullptr);
}

std::string Conversations::ConversationIdOf(const InboundMessage& message) {
  return absl::StrCat(ToAbsl(channels::ChannelName(message.channel)), ":", message.account, ":",
                      message.shopper);
}

absl::StatusOr<ConversationOutput> Conversations::HandleInbound(const InboundMessage& message) {
  ConversationInput input;
  input.conversation_id = ConversationIdOf(message);
  input.message_id = message.message_id;
  input.turn = message.input;
  if (!input.turn.has_time()) {
    input.turn.mutable_time()->set_seconds(message.time_ms / 1000);
    input.turn.mutable_time()->set_nanos(static_cast<int32_t>(message.time_ms % 1000) * 1000000);
  }
  return Apply(input, &message);
}

absl::StatusOr<ConversationOutput> Conversations::Apply(const ConversationInput& input,
                                                        const InboundMessage* inbound) {
  const std::string& id = input.conversation_id;
  // Up front (#22): an id that is not well-formed UTF-8 (or is too long)
  // reaches neither the store nor the desk.
  CHATCART_RETURN_IF_ERROR(store_internal::CheckNewId("conversation id", id));
  CHATCART_RETURN_IF_ERROR(store_internal::CheckNewShopper(input.shopper));
  if (!input.turn.has_time()) {
    return absl::InvalidArgumentError(
        absl::StrFormat("conversation \"%s\": the turn has no time", id));
  }
  const bool from_shopper = !input.turn.text().empty() || !input.turn.payload().empty();
  const uint64_t seed = SeedFor(id);
  const bool has_id = !input.message_id.empty();
  const uint64_t id_hash = has_id ? MessageIdHash(input.message_id) : 0;

  ConversationLease lease(*options_.store, id,
                          absl::StrCat(options_.owner, "#", calls_.fetch_add(1)));
  lease.Acquire(options_.lease_ttl, options_.lease_wait);

  ConversationOutput out;
  for (int attempt = 0; attempt <= options_.max_conflict_retries; ++attempt) {
    CHATCART_ASSIGN_OR_RETURN(Loaded loaded,
                              LoadConversation(*options_.engine, *options_.store, id, seed));
    v1::ConversationRecord& record = loaded.record;
    if (has_id && std::find(record.applied().begin(), record.applied().end(), id_hash) !=
                      record.applied().end()) {
      out.duplicate = true;
      out.version = loaded.version;
      out.applied_count = record.applied_count();
      for (const v1::RecentResult& recent : record.recent()) {
        if (recent.id() == id_hash && !ParseStored(recent.result(), &out.result)) {
          out.result.Clear();
        }
      }
      return out;
    }

    // The channel's rules first: the window, SMS keywords.
    const v1::TurnInput* turn = &input.turn;
    Observation observed;
    if (inbound != nullptr) {
      CHATCART_ASSIGN_OR_RETURN(observed, channels::Observe(*inbound, options_.channel_policy,
                                                  options_.store_name, record.mutable_channel()));
      if (observed.duplicate) {  // the channel state had seen the id
        out.duplicate = true;
        out.version = loaded.version;
        out.applied_count = record.applied_count();
        return out;
      }
      out.keyword = observed.keyword;
      if (observed.reply.has_value()) {
        out.outbound.push_back(inbound->channel == Channel::kSms
                                   ? channels::RenderSmsText(*observed.reply, inbound->shopper,
                                                   inbound->account)
                                   : OutboundMessage{.body = *observed.reply,
                                                     .content_type = "text/plain"});
      }
      turn = &observed.input;
    }
    const bool run_turn = inbound == nullptr || observed.forward;
    if (run_turn) {
      absl::StatusOr<v1::TurnResult> result = loaded.session->HandleTurn(*turn);
      if (!result.ok()) return result.status();
      out.result = *std::move(result);
    }
    if (inbound != nullptr && run_turn) {
      RenderRequest render;
      render.channel = inbound->channel;
      render.shopper = inbound->shopper;
      render.account = inbound->account;
      render.now_ms = inbound->time_ms;
      absl::StatusOr<std::vector<OutboundMessage>> rendered =
          channels::Render(out.result, render, options_.channel_policy, record.mutable_channel());
      out.render_status = rendered.status();
      if (rendered.ok()) {
        for (OutboundMessage& m : *rendered) out.outbound.push_back(std::move(m));
      }
    }
    out.restarted = !loaded.restart_reason.empty();
    if (out.restarted) {
      v1::AnalyticsEvent* event = out.result.add_events();
      event->set_kind("conversation_restarted");
      (*event->mutable_param())["reason"] = loaded.restart_reason;
      record.clear_timers();
    }

    record.set_format(kRecordFormat);
    record.set_snapshot(loaded.session->Snapshot());
    record.set_applied_count(record.applied_count() + 1);
    if (has_id) {
      RememberApplied(record, id_hash, options_.remembered_messages);
      if (options_.remembered_results > 0) {
        auto* recent = record.mutable_recent();
        if (recent->size() >= options_.remembered_results) {
          recent->DeleteSubrange(0, recent->size() - options_.remembered_results + 1);
        }
        v1::RecentResult* r = recent->Add();
        r->set_id(id_hash);
        r->set_result(SerializeResult(out.result));
      }
    }

    // An event turn is the timer of its kind that was due by then: done.
    if (input.turn.has_event()) {
      auto* timers = record.mutable_timers();
      for (int i = timers->size() - 1; i >= 0; --i) {
        if ((*timers)[i].kind() == input.turn.event().kind() &&
            (*timers)[i].due_unix_ms() <= TimeMillis(input.turn)) {
          timers->DeleteSubrange(i, 1);
        }
      }
    }
    // Timers: a shopper's message moves the abandoned-cart reminder (the
    // index first, so no saved timer is ever missing from it).
    bool cancel_abandoned = false;
    if (from_shopper && options_.cart_abandoned_after.count() > 0) {
      const Cart* cart = loaded.session->cart();
      bool has_lines = cart != nullptr && !cart->state().lines.empty();
      auto* timers = record.mutable_timers();
      for (int i = 0; i < timers->size(); ++i) {
        if ((*timers)[i].kind() == kCartAbandoned) {
          timers->DeleteSubrange(i, 1);
          cancel_abandoned = !has_lines;
          break;
        }
      }
      if (has_lines) {
        v1::ConversationTimer* timer = record.add_timers();
        timer->set_kind(std::string(kCartAbandoned));
        timer->set_due_unix_ms(TimeMillis(input.turn) + options_.cart_abandoned_after.count());
        CHATCART_RETURN_IF_ERROR(options_.store->SetTimer(
            {id, std::string(kCartAbandoned), timer->due_unix_ms()}));
      }
    }

    std::string value = record.SerializeAsString();
    int64_t expires =
        options_.idle_expiry.count() == 0 ? 0 : options_.clock() + options_.idle_expiry.count();
    absl::StatusOr<int64_t> saved = options_.store->Save(
        {.id = id,
         .shopper = input.shopper.empty() ? std::string_view(loaded.shopper) : input.shopper,
         .value = value,
         .expected_version = loaded.version,
         .expires_at_ms = expires});
    if (absl::IsAborted(saved.status())) {
      ++out.conflicts;
      out.outbound.clear();
      out.keyword.clear();
      continue;
    }
    if (!saved.ok()) return saved.status();
    if (cancel_abandoned) options_.store->CancelTimer(id, kCartAbandoned).IgnoreError();
    out.version = *saved;
    out.applied_count = record.applied_count();
    if (options_.desk != nullptr && run_turn) RouteToDesk(id, *turn, &out);
    return out;
  }
  return absl::AbortedError(absl::StrFormat(
      "conversation \"%s\": %d saves in a row lost to concurrent ones; nothing was applied", id,
      out.conflicts));
}

absl::StatusOr<CartCommandOutput> Conversations::ApplyCartCommand(
    std::string_view conversation_id, std::string_view message_id, const CartCommand& command) {
  const std::string id(conversation_id);
  CHATCART_RETURN_IF_ERROR(store_internal::CheckNewId("conversation id", id));
  const bool has_id = !message_id.empty();
  const uint64_t id_hash = has_id ? MessageIdHash(message_id) : 0;
  ConversationLease lease(*options_.store, id,
                          absl::StrCat(options_.owner, "#", calls_.fetch_add(1)));
  lease.Acquire(options_.lease_ttl, options_.lease_wait);

  CartCommandOutput out;
  for (int attempt = 0; attempt <= options_.max_conflict_retries; ++attempt) {
    CHATCART_ASSIGN_OR_RETURN(Loaded loaded,
                              LoadConversation(*options_.engine, *options_.store, id, SeedFor(id)));
    if (loaded.version == 0) {
      return absl::NotFoundError(absl::StrFormat("conversation \"%s\" does not exist", id));
    }
    if (!loaded.restart_reason.empty()) {
      return absl::FailedPreconditionError(absl::StrFormat(
          "conversation \"%s\" cannot be read (%s); its next message restarts it", id,
          loaded.restart_reason));
    }
    v1::ConversationRecord& record = loaded.record;
    if (has_id && std::find(record.applied().begin(), record.applied().end(), id_hash) !=
                      record.applied().end()) {
      out.duplicate = true;
      out.version = loaded.version;
      if (const Cart* cart = loaded.session->cart(); cart != nullptr) {
        ApplyResult stored;
        stored.version = cart->version();
        stored.replayed = true;
        CartApplyResponseToProto(*cart, stored, &out.response);
      }
      return out;
    }
    absl::StatusOr<ApplyResult> applied = loaded.session->ApplyCartCommand(command);
    if (!applied.ok()) return applied.status();
    out.response.Clear();
    CartApplyResponseToProto(*loaded.session->cart(), applied, &out.response);

    record.set_format(kRecordFormat);
    record.set_snapshot(loaded.session->Snapshot());
    record.set_applied_count(record.applied_count() + 1);
    if (has_id) {
      RememberApplied(record, id_hash, options_.remembered_messages);
    }
    std::string value = record.SerializeAsString();
    int64_t expires =
        options_.idle_expiry.count() == 0 ? 0 : options_.clock() + options_.idle_expiry.count();
    absl::StatusOr<int64_t> saved = options_.store->Save({.id = id,
                                                          .shopper = loaded.shopper,
                                                          .value = value,
                                                          .expected_version = loaded.version,
                                                          .expires_at_ms = expires});
    if (absl::IsAborted(saved.status())) {
      ++out.conflicts;
      continue;
    }
    if (!saved.ok()) return saved.status();
    out.version = *saved;
    return out;
  }
  return absl::AbortedError(absl::StrFormat(
      "conversation \"%s\": %d saves in a row lost to concurrent ones; the cart command was "
      "not applied",
      id, out.conflicts));
}

uint64_t Conversations::SeedFor(std::string_view conversation_id) const {
  return Fnv1a64(conversation_id) ^ options_.seed;
}

absl::StatusOr<std::vector<DueTimer>> Conversations::DueTimers(int64_t now_ms, int limit) {
  CHATCART_ASSIGN_OR_RETURN(std::vector<StoredTimer> due,
                            options_.store->DueTimers(now_ms, limit));
  std::vector<DueTimer> out;
  out.reserve(due.size());
  for (StoredTimer& t : due) out.push_back({std::move(t.id), std::move(t.kind), t.due_at_ms});
  return out;
}

absl::StatusOr<ConversationOutput> Conversations::FireTimer(const DueTimer& timer) {
  CHATCART_RETURN_IF_ERROR(store_internal::CheckNewId("conversation id", timer.conversation_id));
  CHATCART_RETURN_IF_ERROR(store_internal::CheckTimerKind(timer.kind));
  // Is it still awaited? (The index may be stale; the record decides, and
  // Handle's message id makes firing it twice apply it once.)
  absl::StatusOr<StoredSession> stored = options_.store->Load(timer.conversation_id);
  bool awaited = false;
  if (stored.ok()) {
    v1::ConversationRecord record;
    if (ParseStored(stored->value, &record)) {
      for (const v1::ConversationTimer& t : record.timers()) {
        awaited |= t.kind() == timer.kind && t.due_unix_ms() == timer.due_at_ms;
      }
    }
  } else if (!absl::IsNotFound(stored.status())) {
    return stored.status();
  }
  if (!awaited) {
    options_.store->CancelTimer(timer.conversation_id, timer.kind).IgnoreError();
    return absl::NotFoundError(absl::StrFormat(
        "conversation \"%s\" no longer waits for timer %s due at %d", timer.conversation_id,
        timer.kind, timer.due_at_ms));
  }
  ConversationInput input;
  input.conversation_id = timer.conversation_id;
  input.message_id = absl::StrCat("timer:", timer.kind, ":", timer.due_at_ms);
  input.turn.mutable_event()->set_kind(timer.kind);
  input.turn.mutable_time()->set_seconds(timer.due_at_ms / 1000);
  input.turn.mutable_time()->set_nanos(static_cast<int32_t>(timer.due_at_ms % 1000) * 1000000);
  absl::StatusOr<ConversationOutput> out = Handle(input);
  if (out.ok() || absl::IsInvalidArgument(out.status())) {
    // Fired, or an event the bundle does not route: either way it is done.
    // The record drops it on the next save; the index drops it now.
    options_.store->CancelTimer(timer.conversation_id, timer.kind).IgnoreError();
  }
  return out;
}

absl::StatusOr<std::unique_ptr<Session>> Conversations::Load(std::string_view conversation_id) {
  CHATCART_RETURN_IF_ERROR(store_internal::CheckId("conversation id", conversation_id));
  CHATCART_ASSIGN_OR_RETURN(StoredSession stored, options_.store->Load(conversation_id));
  v1::ConversationRecord record;
  if (!ParseStored(stored.value, &record)) {
    return absl::DataLossError(absl::StrFormat(
        "conversation \"%s\": the stored record is not a ConversationRecord", conversation_id));
  }
  return options_.engine->RestoreSession(record.snapshot());
}

absl::Status Conversations::Forget(std::string_view conversation_id) {
  CHATCART_RETURN_IF_ERROR(store_internal::CheckId("conversation id", conversation_id));
  options_.store->CancelTimer(conversation_id, kCartAbandoned).IgnoreError();
  return options_.store->Delete(conversation_id);
}

absl::StatusOr<int64_t> Conversations::ForgetShopper(std::string_view shopper) {
  CHATCART_ASSIGN_OR_RETURN(std::vector<StoredSessionInfo> sessions,
                            options_.store->ListByShopper(shopper));
  for (const StoredSessionInfo& s : sessions) {
    options_.store->CancelTimer(s.id, kCartAbandoned).IgnoreError();
  }
  return options_.store->DeleteShopper(shopper);
}

}  // namespace chatcart
