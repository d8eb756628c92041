// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Conversations with an agent desk (ConversationsOptions::desk): a handoff
// queues the conversation, messages while queued are answered with the
// place and wait, messages while assigned are relayed to the agent, and the
// desk's events for shoppers (an agent joined, an agent's words, a resolve,
// a new place in the queue) run as event turns of their conversations,
// saved by compare-and-set and rendered for their channel.
//
// The desk is called after the shopper's turn is saved, once per applied
// message (never again on a save conflict, which would record a message
// twice): a process that dies between the two loses the desk's side of
// that one message (ConversationOutput::desk_status reports a desk that
// refused it).

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/time.h"
#include "chatcart/runtime.h"
#include "common/status_macros.h"
#include "common/strings.h"
#include "runtime/conversations_internal.h"
#include "store/store_internal.h"

namespace chatcart {

using runtime_internal::ConversationLease;
using runtime_internal::kRecordFormat;
using runtime_internal::Loaded;
using runtime_internal::LoadConversation;
using runtime_internal::MessageIdHash;
using runtime_internal::RememberApplied;

namespace {

std::string Param(const v1::HostActionRequest& action, std::string_view key) {
  auto it = action.param().find(std::string(key));
  return it == action.param().end() ? "" : it->second;
}

v1::TurnInput EventAt(std::string_view kind, int64_t now_ms) {
  v1::TurnInput turn;
  turn.mutable_event()->set_kind(std::string(kind));
  turn.mutable_time()->set_seconds(now_ms / 1000);
  turn.mutable_time()->set_nanos(static_cast<int32_t>(now_ms % 1000) * 1000000);
  return turn;
}

// Where a conversation HandleInbound made lives: "<channel>:<account>:<shopper>".
std::optional<channels::RenderRequest> RenderTargetOf(std::string_view id,
                                                      const v1::ChannelState& state) {
  if (state.channel().empty()) return std::nullopt;
  const size_t first = id.find(':');
  const size_t second = first == std::string_view::npos ? first : id.find(':', first + 1);
  if (second == std::string_view::npos) return std::nullopt;
  absl::StatusOr<channels::Channel> channel = channels::ParseChannel(id.substr(0, first));
  if (!channel.ok() || channels::ChannelName(*channel) != state.channel()) return std::nullopt;
  channels::RenderRequest render;
  render.channel = *channel;
  render.account = std::string(id.substr(first + 1, second - first - 1));
  render.shopper = std::string(id.substr(second + 1));
  return render;
}

void Append(v1::TurnResult& to, const v1::TurnResult& from) {
  for (const v1::Reply& r : from.replies()) *to.add_replies() = r;
  for (const v1::HostActionRequest& a : from.host_actions()) *to.add_host_actions() = a;
  for (const v1::AnalyticsEvent& e : from.events()) *to.add_events() = e;
  if (!from.language().empty()) to.set_language(from.language());
}

// The name the shopper sees for an agent (their id when unknown).
std::string AgentName(const Desk& desk, std::string_view agent_id) {
  if (agent_id.empty()) return "";
  absl::StatusOr<v1::DeskAgent> agent = desk.Agent(agent_id);
  if (!agent.ok() || agent->name().empty()) return std::string(agent_id);
  return agent->name();
}

void SetQueueParams(const v1::DeskQueueStatus& queue, v1::Event* event) {
  (*event->mutable_param())["ahead"] = absl::StrCat(std::max(0, queue.position() - 1));
  (*event->mutable_param())["wait"] = queue.wait().text();
}

// The turn a desk event for a shopper runs as; nullopt for one the session
// has nothing to say about.
std::optional<v1::TurnInput> TurnFor(const Desk& desk, const v1::DeskEvent& e, int64_t now_ms) {
  v1::TurnInput turn;
  switch (e.kind()) {
    case v1::DeskEvent::QUEUE_POSITION:
      turn = EventAt("queue_position", now_ms);
      SetQueueParams(e.queue(), turn.mutable_event());
      return turn;
    case v1::DeskEvent::REQUEUED:
      turn = EventAt("requeued", now_ms);
      (*turn.mutable_event()->mutable_param())["agent"] = AgentName(desk, e.agent_id());
      SetQueueParams(e.queue(), turn.mutable_event());
      return turn;
    case v1::DeskEvent::AGENT_JOINED:
      turn = EventAt("agent_joined", now_ms);
      (*turn.mutable_event()->mutable_param())["agent"] = AgentName(desk, e.agent_id());
      (*turn.mutable_event()->mutable_param())["agent_id"] = e.agent_id();
      if (e.reference() > 0) {
        (*turn.mutable_event()->mutable_param())["reference"] = absl::StrCat(e.reference());
      }
      return turn;
    case v1::DeskEvent::RESOLVED:
      turn = EventAt("handed_back", now_ms);
      (*turn.mutable_event()->mutable_param())["agent"] = AgentName(desk, e.agent_id());
      return turn;
    case v1::DeskEvent::AGENT_MESSAGE:
      turn.set_text(e.message().text().empty() ? e.text() : e.message().text());
      turn.set_actor(e.agent_id());
      turn.mutable_time()->set_seconds(now_ms / 1000);
      turn.mutable_time()->set_nanos(static_cast<int32_t>(now_ms % 1000) * 1000000);
      return turn;
    case v1::DeskEvent::QUEUE_FULL:
      return EventAt("queue_full", now_ms);
    case v1::DeskEvent::WAIT_EXCEEDED:
      return EventAt("wait_exceeded", now_ms);
    case v1::DeskEvent::MESSAGE_LEFT:
      return EventAt("message_left", now_ms);
    default:
      return std::nullopt;
  }
}

}  // namespace

absl::Status Conversations::NeedDesk() const {
  if (options_.desk != nullptr) return absl::OkStatus();
  return absl::FailedPreconditionError(
      "Conversations: no desk (set ConversationsOptions::desk to route to agents)");
}

void Conversations::RouteToDesk(const std::string& id, const v1::TurnInput& turn,
                                ConversationOutput* out) {
  Desk& desk = *options_.desk;
  const v1::HostActionRequest* handoff = nullptr;
  const v1::HostActionRequest* relay = nullptr;
  for (const v1::HostActionRequest& action : out->result.host_actions()) {
    if (action.kind() == "handoff") handoff = &action;
    if (action.kind() == "relay_to_agent") relay = &action;
  }
  if (handoff == nullptr && relay == nullptr) return;
  const int64_t now_ms = runtime_internal::TimeMillis(turn);
  const absl::Time now = absl::FromUnixMillis(now_ms);

  std::vector<v1::DeskEvent> events;
  v1::DeskConversation::Status status = v1::DeskConversation::BOT;
  auto take = [&](absl::StatusOr<v1::DeskUpdate> update) {
    if (!update.ok()) {
      out->desk_status = update.status();
      return false;
    }
    if (update->has_conversation()) status = update->conversation().status();
    for (v1::DeskEvent& e : *update->mutable_events()) events.push_back(std::move(e));
    return true;
  };
  // The transcript: the shopper's words (redacted by the desk on arrival)
  // and what the bot answered.
  const std::string shopper_text = relay != nullptr ? Param(*relay, "text") : turn.text();
  if (!shopper_text.empty() && !take(desk.ShopperMessage(id, shopper_text, now))) return;
  for (const v1::Reply& reply : out->result.replies()) {
    if (!reply.text().empty() && !take(desk.BotMessage(id, reply.text(), now))) return;
  }
  const bool waiting = status == v1::DeskConversation::QUEUED ||
                       status == v1::DeskConversation::ASSIGNED ||
                       status == v1::DeskConversation::SNOOZED;
  if (handoff != nullptr || !waiting) {
    // A handoff, or a session waiting for a person the desk does not know
    // of (a desk that lost it, a resolve that reached only the desk): queue.
    HandoffRequest request;
    request.conversation_id = id;
    request.skill = options_.desk_skill;
    request.language = out->result.language();
    request.reason = handoff != nullptr ? Param(*handoff, "reason") : "waiting for a person";
    request.title = std::string(ToAbsl(shopper_text).substr(0, 80));
    if (size_t colon = id.find(':'); colon != std::string::npos) {
      if (channels::ParseChannel(std::string_view(id).substr(0, colon)).ok()) {
        request.channel = id.substr(0, colon);
      }
    }
    if (!take(desk.RequestAgent(request, now))) return;
  } else if (status == v1::DeskConversation::QUEUED) {
    // Still waiting: where they stand now.
    absl::StatusOr<v1::DeskQueueStatus> queue = desk.QueueStatus(id, now);
    if (!queue.ok()) {
      out->desk_status = queue.status();
    } else if (queue->position() > 0) {
      v1::DeskEvent e;
      e.set_kind(v1::DeskEvent::QUEUE_POSITION);
      e.set_to(v1::DeskEvent::SHOPPER);
      e.set_conversation_id(id);
      e.set_text(queue->text());
      *e.mutable_queue() = *std::move(queue);
      events.push_back(std::move(e));
    }
  }

  std::vector<v1::TurnInput> turns;
  for (v1::DeskEvent& e : events) {
    if (e.to() == v1::DeskEvent::SHOPPER && e.conversation_id() == id) {
      if (std::optional<v1::TurnInput> t = TurnFor(desk, e, now_ms)) turns.push_back(*t);
    } else {
      out->desk_events.push_back(std::move(e));
    }
  }
  if (turns.empty()) return;
  absl::StatusOr<ConversationOutput> more = ApplyDeskTurns(id, turns, "", /*response=*/true, /*leased=*/true);
  if (!more.ok()) {
    out->desk_status = more.status();
    return;
  }
  Append(out->result, more->result);
  for (channels::OutboundMessage& m : more->outbound) out->outbound.push_back(std::move(m));
  if (out->render_status.ok()) out->render_status = more->render_status;
  out->version = more->version;
  out->applied_count = more->applied_count;
  out->conflicts += more->conflicts;
  for (const v1::Reply& reply : more->result.replies()) {
    if (!reply.text().empty()) desk.BotMessage(id, reply.text(), now).IgnoreError();
  }
}

absl::StatusOr<ConversationOutput> Conversations::ApplyDeskTurns(
    const std::string& id, const std::vector<v1::TurnInput>& turns, std::string_view message_id,
    bool response, bool leased) {
  const bool has_id = !message_id.empty();
  const uint64_t id_hash = has_id ? MessageIdHash(message_id) : 0;
  ConversationLease lease(*options_.store, id,
                          absl::StrCat(options_.owner, "#", calls_.fetch_add(1)));
  if (!leased) lease.Acquire(options_.lease_ttl, options_.lease_wait);
  ConversationOutput out;
  for (int attempt = 0; attempt <= options_.max_conflict_retries; ++attempt) {
    CHATCART_ASSIGN_OR_RETURN(Loaded loaded,
                              LoadConversation(*options_.engine, *options_.store, id, SeedFor(id)));
    v1::ConversationRecord& record = loaded.record;
    if (has_id && std::find(record.applied().begin(), record.applied().end(), id_hash) !=
                      record.applied().end()) {
      out.duplicate = true;
      out.version = loaded.version;
      out.applied_count = record.applied_count();
      return out;
    }
    out.result.Clear();
    out.outbound.clear();
    out.render_status = absl::OkStatus();
    for (const v1::TurnInput& turn : turns) {
      absl::StatusOr<v1::TurnResult> result = loaded.session->HandleTurn(turn);
      if (!result.ok()) return result.status();
      Append(out.result, *result);
    }
    if (std::optional<channels::RenderRequest> render = RenderTargetOf(id, record.channel())) {
      render->now_ms = runtime_internal::TimeMillis(turns.back());
      render->purpose = response ? channels::Purpose::kResponse : channels::Purpose::kHumanAgent;
      absl::StatusOr<std::vector<channels::OutboundMessage>> rendered =
          channels::Render(out.result, *render, options_.channel_policy, record.mutable_channel());
      out.render_status = rendered.status();
      if (rendered.ok()) out.outbound = *std::move(rendered);
    }
    out.restarted = !loaded.restart_reason.empty();
    record.set_format(kRecordFormat);
    record.set_snapshot(loaded.session->Snapshot());
    record.set_applied_count(record.applied_count() + 1);
    if (has_id) RememberApplied(record, id_hash, options_.remembered_messages);
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
    out.applied_count = record.applied_count();
    return out;
  }
  return absl::AbortedError(absl::StrFormat(
      "conversation \"%s\": %d saves in a row lost to concurrent ones; the desk's message was "
      "not delivered",
      id, out.conflicts));
}

absl::StatusOr<DeskOutput> Conversations::Deliver(const v1::DeskUpdate& update, int64_t now_ms) {
  CHATCART_RETURN_IF_ERROR(NeedDesk());
  DeskOutput out;
  out.update = update;
  std::vector<std::pair<std::string, std::vector<v1::TurnInput>>> turns;
  for (const v1::DeskEvent& e : update.events()) {
    std::optional<v1::TurnInput> turn;
    if (e.to() == v1::DeskEvent::SHOPPER && !e.conversation_id().empty()) {
      turn = TurnFor(*options_.desk, e, now_ms);
    }
    if (!turn.has_value()) {
      out.events.push_back(e);
      continue;
    }
    auto it = std::find_if(turns.begin(), turns.end(),
                           [&](const auto& t) { return t.first == e.conversation_id(); });
    if (it == turns.end()) it = turns.insert(turns.end(), {e.conversation_id(), {}});
    it->second.push_back(*std::move(turn));
  }
  for (auto& [id, inputs] : turns) {
    absl::StatusOr<ConversationOutput> delivered =
        ApplyDeskTurns(id, inputs, "", /*response=*/false);
    if (!delivered.ok()) {
      if (out.delivery_status.ok()) out.delivery_status = delivered.status();
      continue;
    }
    // Nothing is recorded at the desk here: it has its own lines for these
    // events ("Nick has joined", "Nick closed the conversation").
    out.shoppers.push_back({id, *std::move(delivered)});
  }
  return out;
}

absl::StatusOr<DeskOutput> Conversations::Accept(std::string_view agent_id,
                                                 std::string_view conversation_id,
                                                 int64_t now_ms) {
  CHATCART_RETURN_IF_ERROR(NeedDesk());
  CHATCART_ASSIGN_OR_RETURN(
      v1::DeskUpdate update,
      options_.desk->Accept(agent_id, conversation_id, absl::FromUnixMillis(now_ms)));
  return Deliver(update, now_ms);
}

absl::StatusOr<DeskOutput> Conversations::Resolve(std::string_view agent_id,
                                                  std::string_view conversation_id,
                                                  int64_t now_ms) {
  CHATCART_RETURN_IF_ERROR(NeedDesk());
  CHATCART_ASSIGN_OR_RETURN(
      v1::DeskUpdate update,
      options_.desk->Resolve(agent_id, conversation_id, absl::FromUnixMillis(now_ms)));
  return Deliver(update, now_ms);
}

absl::StatusOr<DeskOutput> Conversations::TickDesk(int64_t now_ms) {
  CHATCART_RETURN_IF_ERROR(NeedDesk());
  CHATCART_ASSIGN_OR_RETURN(v1::DeskUpdate update,
                            options_.desk->Tick(absl::FromUnixMillis(now_ms)));
  return Deliver(update, now_ms);
}

absl::StatusOr<DeskOutput> Conversations::AgentMessage(std::string_view agent_id,
                                                       std::string_view conversation_id,
                                                       std::string_view message_id,
                                                       std::string_view text, int64_t now_ms) {
  CHATCART_RETURN_IF_ERROR(NeedDesk());
  const std::string id(conversation_id);
  CHATCART_RETURN_IF_ERROR(store_internal::CheckNewId("conversation id", id));
  if (agent_id.empty() || text.empty()) {
    return absl::InvalidArgumentError(absl::StrFormat(
        "conversation \"%s\": an agent message needs an agent id and text", id));
  }
  CHATCART_ASSIGN_OR_RETURN(v1::DeskConversation held, options_.desk->Conversation(id));
  if (held.status() != v1::DeskConversation::ASSIGNED || held.agent_id() != agent_id) {
    return absl::FailedPreconditionError(absl::StrFormat(
        "conversation \"%s\" is not held by agent \"%s\" (it is %s%s%s)", id, agent_id,
        v1::DeskConversation::Status_Name(held.status()), held.agent_id().empty() ? "" : ", with ",
        held.agent_id()));
  }
  v1::TurnInput turn;
  turn.set_text(std::string(text));
  turn.set_actor(std::string(agent_id));
  turn.mutable_time()->set_seconds(now_ms / 1000);
  turn.mutable_time()->set_nanos(static_cast<int32_t>(now_ms % 1000) * 1000000);
  DeskOutput out;
  CHATCART_ASSIGN_OR_RETURN(ConversationOutput said,
                            ApplyDeskTurns(id, {turn}, message_id, /*response=*/false));
  if (!said.duplicate) {
    // For the transcript (redacted there); the shopper has the words.
    absl::StatusOr<v1::DeskUpdate> recorded =
        options_.desk->AgentMessage(agent_id, id, text, absl::FromUnixMillis(now_ms));
    if (recorded.ok()) {
      out.update = *std::move(recorded);
      for (const v1::DeskEvent& e : out.update.events()) {
        if (e.kind() != v1::DeskEvent::AGENT_MESSAGE) out.events.push_back(e);
      }
    } else {
      out.delivery_status = recorded.status();
    }
  }
  out.shoppers.push_back({id, std::move(said)});
  return out;
}

}  // namespace chatcart
