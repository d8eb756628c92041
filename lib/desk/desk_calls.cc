// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// The desk's calls that change conversations and agents: each runs its step
// under the desk's mutex, then matches what the step freed or queued.

#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "chatcart/desk.h"
#include "chatcart/redact.h"
#include "common/echo.h"
#include "common/mutex.h"
#include "common/status_macros.h"
#include "common/strings.h"
#include "desk/desk_rep.h"
#include "text/utf8.h"

namespace chatcart {

using desk_internal::Txn;
namespace di = desk_internal;
using Events = google::protobuf::RepeatedPtrField<v1::DeskEvent>;
using Conv = v1::DeskConversation;

namespace {

absl::Status NonEmpty(std::string_view value, const char* what) {
  if (value.empty()) return absl::InvalidArgumentError(absl::StrCat("desk: the ", ToAbsl(what), " is empty"));
  return absl::OkStatus();
}

// The id of a record a call may create: not empty, well-formed UTF-8.
absl::Status NewId(std::string_view id, const char* what) {
  CHATCART_RETURN_IF_ERROR(NonEmpty(id, what));
  return di::CheckKey(id, what);
}

const std::string& StatusName(Conv::Status s) { return Conv::Status_Name(s); }

absl::Status WrongState(const Conv& c, std::string_view wanted) {
  return absl::FailedPreconditionError(absl::StrCat("desk: conversation \"", Echo(c.id()), "\" is ",
                                                    StatusName(c.status()), ", not ",
                                                    ToAbsl(wanted)));
}

// Redacts `text` (scrubbed to valid UTF-8) into message `m`.
void SetText(v1::DeskMessage* m, std::string_view text, std::string_view language) {
  Redacted r = Redact(di::CleanText(text), language);
  m->set_text(std::move(r.text));
  for (const PersonalDataSpan& s : r.spans) m->add_redacted(std::string(PersonalDataName(s.kind)));
}

std::string NameOf(const v1::DeskAgent& a) { return a.name().empty() ? a.id() : a.name(); }

}  // namespace

// ---------------------------------------------------------------- shopper

absl::StatusOr<v1::DeskUpdate> Desk::RequestAgent(const HandoffRequest& request, absl::Time now) {
  CHATCART_RETURN_IF_ERROR(NewId(request.conversation_id, "conversation id"));
  CHATCART_RETURN_IF_ERROR(di::CheckKey(request.skill, "skill"));
  CHATCART_RETURN_IF_ERROR(di::CheckKey(request.language, "language"));
  MutexLock lock(&rep_->mu);
  ++rep_->counters.calls;
  const int64_t ms = absl::ToUnixMillis(now);
  Events events;
  bool queued = false;
  CHATCART_RETURN_IF_ERROR(rep_->Run(ms, [&](Txn& txn) -> absl::Status {
    queued = false;
    CHATCART_ASSIGN_OR_RETURN(Conv * c, txn.FindConversation(request.conversation_id));
    if (c == nullptr) {
      c = txn.NewConversation(request.conversation_id);
      c->set_status(Conv::BOT);
    }
    switch (c->status()) {
      case Conv::QUEUED: {
        v1::DeskEvent* e = txn.Emit();
        e->set_kind(v1::DeskEvent::QUEUE_POSITION);
        e->set_to(v1::DeskEvent::SHOPPER);
        e->set_conversation_id(c->id());
        return absl::OkStatus();
      }
      case Conv::ASSIGNED:
      case Conv::SNOOZED:
        return absl::OkStatus();
      default:
        break;
    }
    c->set_skill(request.skill);
    if (!request.language.empty()) c->set_language(request.language);
    c->set_priority(request.priority);
    c->set_reason(di::CleanText(request.reason));
    c->set_title(di::CleanText(request.title));
    if (!request.channel.empty()) c->set_channel(di::CleanText(request.channel));
    txn.Touch(c);
    const DeskOptions& o = txn.options();
    if (o.max_queue_length > 0) {
      CHATCART_ASSIGN_OR_RETURN(int64_t waiting,
                                txn.store().Count(di::WaitingSet(di::QueueOf(*c))));
      if (waiting >= o.max_queue_length) {
        if (c->status() != Conv::PENDING) c->set_status(Conv::BOT);
        v1::DeskEvent* e = txn.Emit();
        e->set_kind(v1::DeskEvent::QUEUE_FULL);
        e->set_to(v1::DeskEvent::SHOPPER);
        e->set_conversation_id(c->id());
        e->set_text(di::QueueFullText(c->language()));
        e->add_options("leave_message");
        e->add_options("callback");
        return absl::OkStatus();
      }
    }
    CHATCART_RETURN_IF_ERROR(di::Enqueue(txn, c, /*requeue=*/false));
    v1::DeskEvent* e = txn.Emit();
    e->set_kind(v1::DeskEvent::QUEUE_POSITION);
    e->set_to(v1::DeskEvent::SHOPPER);
    e->set_conversation_id(c->id());
    queued = true;
    return absl::OkStatus();
  }, &events));
  if (queued) rep_->Follow(rep_->MatchConversation(ms, request.conversation_id, &events));
  return rep_->Finish(request.conversation_id, std::move(events));
}

absl::StatusOr<v1::DeskUpdate> Desk::ShopperMessage(std::string_view conversation_id,
                                                    std::string_view text, absl::Time now) {
  CHATCART_RETURN_IF_ERROR(NewId(conversation_id, "conversation id"));
  MutexLock lock(&rep_->mu);
  ++rep_->counters.calls;
  const int64_t ms = absl::ToUnixMillis(now);
  Events events;
  std::vector<std::string> to_match;
  CHATCART_RETURN_IF_ERROR(rep_->Run(ms, [&](Txn& txn) -> absl::Status {
    to_match.clear();
    CHATCART_ASSIGN_OR_RETURN(Conv * c, txn.FindConversation(conversation_id));
    if (c == nullptr) {
      c = txn.NewConversation(conversation_id);
      c->set_status(Conv::BOT);
    }
    v1::DeskMessage* m = txn.Append(c);
    m->set_author(v1::DeskMessage::SHOPPER);
    SetText(m, text, c->language());
    switch (c->status()) {
      case Conv::RESOLVED: {
        c->set_status(Conv::BOT);
        c->set_reopened(c->reopened() + 1);
        v1::DeskEvent* e = txn.Emit();
        e->set_kind(v1::DeskEvent::REOPENED);
        e->set_to(v1::DeskEvent::HOST);
        e->set_conversation_id(c->id());
        break;
      }
      case Conv::SNOOZED:
        CHATCART_RETURN_IF_ERROR(di::Wake(txn, c, &to_match));
        break;
      default:
        break;
    }
    if (c->status() == Conv::ASSIGNED || c->status() == Conv::PENDING) {
      v1::DeskEvent* e = txn.Emit();
      e->set_kind(v1::DeskEvent::SHOPPER_MESSAGE);
      e->set_to(c->status() == Conv::ASSIGNED ? v1::DeskEvent::AGENT : v1::DeskEvent::HOST);
      e->set_conversation_id(c->id());
      e->set_agent_id(c->agent_id());
      e->set_text(m->text());
      *e->mutable_message() = *m;
    }
    return absl::OkStatus();
  }, &events));
  for (const std::string& id : to_match) {
    rep_->Follow(rep_->MatchConversation(ms, id, &events));
  }
  return rep_->Finish(conversation_id, std::move(events));
}

absl::StatusOr<v1::DeskUpdate> Desk::BotMessage(std::string_view conversation_id,
                                                std::string_view text, absl::Time now) {
  CHATCART_RETURN_IF_ERROR(NewId(conversation_id, "conversation id"));
  MutexLock lock(&rep_->mu);
  ++rep_->counters.calls;
  Events events;
  CHATCART_RETURN_IF_ERROR(rep_->Run(absl::ToUnixMillis(now), [&](Txn& txn) -> absl::Status {
    CHATCART_ASSIGN_OR_RETURN(Conv * c, txn.FindConversation(conversation_id));
    if (c == nullptr) {
      c = txn.NewConversation(conversation_id);
      c->set_status(Conv::BOT);
    }
    v1::DeskMessage* m = txn.Append(c);
    m->set_author(v1::DeskMessage::BOT);
    SetText(m, text, c->language());
    return absl::OkStatus();
  }, &events));
  return rep_->Finish(conversation_id, std::move(events));
}

absl::StatusOr<v1::DeskUpdate> Desk::LeaveQueue(std::string_view conversation_id, absl::Time now) {
  CHATCART_RETURN_IF_ERROR(di::CheckKey(conversation_id, "conversation id"));
  MutexLock lock(&rep_->mu);
  ++rep_->counters.calls;
  const int64_t ms = absl::ToUnixMillis(now);
  Events events;
  std::string offered_to;
  CHATCART_RETURN_IF_ERROR(rep_->Run(ms, [&](Txn& txn) -> absl::Status {
    CHATCART_ASSIGN_OR_RETURN(Conv * c, txn.Conversation(conversation_id));
    if (c->status() != Conv::QUEUED) return WrongState(*c, "QUEUED");
    offered_to = c->offer_agent_id();
    CHATCART_RETURN_IF_ERROR(di::ReleaseFromAgent(txn, *c));
    di::Dequeue(txn, *c);
    c->clear_offer_agent_id();
    c->set_offer_expires_unix_ms(0);
    c->set_status(Conv::BOT);
    c->set_abandoned(c->abandoned() + 1);
    txn.Touch(c);
    CHATCART_ASSIGN_OR_RETURN(v1::DeskQueueStats * stats, txn.Stats(di::QueueOf(*c)));
    stats->set_abandoned(stats->abandoned() + 1);
    txn.Touch(stats);
    v1::DeskEvent* e = txn.Emit();
    e->set_kind(v1::DeskEvent::LEFT_QUEUE);
    e->set_to(v1::DeskEvent::HOST);
    e->set_conversation_id(c->id());
    return absl::OkStatus();
  }, &events));
  if (!offered_to.empty()) rep_->Follow(rep_->MatchAgent(ms, offered_to, &events));
  return rep_->Finish(conversation_id, std::move(events));
}

absl::StatusOr<v1::DeskUpdate> Desk::LeaveMessage(std::string_view conversation_id,
                                                  std::string_view text,
                                                  std::string_view contact, absl::Time now) {
  CHATCART_RETURN_IF_ERROR(NewId(conversation_id, "conversation id"));
  MutexLock lock(&rep_->mu);
  ++rep_->counters.calls;
  const int64_t ms = absl::ToUnixMillis(now);
  Events events;
  std::string offered_to;
  CHATCART_RETURN_IF_ERROR(rep_->Run(ms, [&](Txn& txn) -> absl::Status {
    offered_to.clear();
    CHATCART_ASSIGN_OR_RETURN(Conv * c, txn.FindConversation(conversation_id));
    if (c == nullptr) {
      c = txn.NewConversation(conversation_id);
      c->set_status(Conv::BOT);
    }
    if (c->status() == Conv::QUEUED) {
      offered_to = c->offer_agent_id();
      CHATCART_RETURN_IF_ERROR(di::ReleaseFromAgent(txn, *c));
      di::Dequeue(txn, *c);
      c->clear_offer_agent_id();
      c->set_offer_expires_unix_ms(0);
      v1::DeskEvent* e = txn.Emit();
      e->set_kind(v1::DeskEvent::LEFT_QUEUE);
      e->set_to(v1::DeskEvent::HOST);
      e->set_conversation_id(c->id());
    } else if (c->status() != Conv::BOT && c->status() != Conv::PENDING &&
               c->status() != Conv::RESOLVED) {
      return WrongState(*c, "with the bot or queued");
    }
    c->set_status(Conv::PENDING);
    if (!contact.empty()) c->set_contact(di::CleanText(contact));
    if (!text.empty()) {
      v1::DeskMessage* m = txn.Append(c);
      m->set_author(v1::DeskMessage::SHOPPER);
      SetText(m, text, c->language());
    }
    txn.Touch(c);
    v1::DeskEvent* e = txn.Emit();
    e->set_kind(v1::DeskEvent::MESSAGE_LEFT);
    e->set_to(v1::DeskEvent::SHOPPER);
    e->set_conversation_id(c->id());
    e->set_text(di::MessageLeftText(c->language()));
    return absl::OkStatus();
  }, &events));
  if (!offered_to.empty()) rep_->Follow(rep_->MatchAgent(ms, offered_to, &events));
  return rep_->Finish(conversation_id, std::move(events));
}

absl::StatusOr<v1::DeskUpdate> Desk::Rate(std::string_view conversation_id, int score,
                                          std::string_view comment, absl::Time now) {
  CHATCART_RETURN_IF_ERROR(di::CheckKey(conversation_id, "conversation id"));
  if (score < 1 || score > 5) {
    return absl::InvalidArgumentError(absl::StrCat("desk: a rating is 1 to 5, not ", score,
                                                   " (conversation \"", Echo(conversation_id),
                                                   "\")"));
  }
  MutexLock lock(&rep_->mu);
  ++rep_->counters.calls;
  Events events;
  CHATCART_RETURN_IF_ERROR(rep_->Run(absl::ToUnixMillis(now), [&](Txn& txn) -> absl::Status {
    CHATCART_ASSIGN_OR_RETURN(Conv * c, txn.Conversation(conversation_id));
    if (c->last_agent_id().empty()) {
      return absl::FailedPreconditionError(absl::StrCat(
          "desk: conversation \"", Echo(c->id()), "\" was never with an agent: nothing to rate"));
    }
    v1::DeskRating* r = c->mutable_rating();
    r->set_score(score);
    r->set_comment(Redact(di::CleanText(comment), c->language()).text);
    r->set_agent_id(c->last_agent_id());
    r->set_unix_ms(txn.now());
    txn.Touch(c);
    return absl::OkStatus();
  }, &events));
  return rep_->Finish(conversation_id, std::move(events));
}

// ---------------------------------------------------------------- agents

absl::StatusOr<v1::DeskUpdate> Desk::SetAgent(const AgentProfile& profile, absl::Time now) {
  CHATCART_RETURN_IF_ERROR(NewId(profile.id, "agent id"));
  for (const std::string& skill : profile.skills)
    CHATCART_RETURN_IF_ERROR(di::CheckKey(skill, "skill"));
  for (const std::string& language : profile.languages) {
    CHATCART_RETURN_IF_ERROR(di::CheckKey(language, "language"));
  }
  if (profile.capacity < 0 || profile.capacity > 20) {
    return absl::InvalidArgumentError(absl::StrCat("desk: agent \"", Echo(profile.id),
                                                   "\": capacity must be 1 to 20 (0 for the "
                                                   "desk's default), not ",
                                                   profile.capacity));
  }
  MutexLock lock(&rep_->mu);
  ++rep_->counters.calls;
  const int64_t ms = absl::ToUnixMillis(now);
  Events events;
  CHATCART_RETURN_IF_ERROR(rep_->Run(ms, [&](Txn& txn) -> absl::Status {
    CHATCART_ASSIGN_OR_RETURN(v1::DeskAgent * a, txn.FindAgent(profile.id));
    if (a == nullptr) {
      a = txn.NewAgent(profile.id);
      a->set_availability(v1::DeskAgent::OFFLINE);
      txn.Add(di::kAgents, profile.id, 0);
    }
    CHATCART_RETURN_IF_ERROR(di::Unindex(txn, a));
    a->set_name(di::CleanText(profile.name));
    a->mutable_skills()->Assign(profile.skills.begin(), profile.skills.end());
    a->mutable_languages()->Assign(profile.languages.begin(), profile.languages.end());
    a->set_capacity(profile.capacity);
    CHATCART_ASSIGN_OR_RETURN(std::vector<std::string> queues, di::QueuesServed(txn, *a));
    a->mutable_queues()->Assign(queues.begin(), queues.end());
    txn.Touch(a);
    return di::Reindex(txn, a);
  }, &events));
  rep_->Follow(rep_->MatchAgent(ms, profile.id, &events));
  return rep_->Finish("", std::move(events));
}

absl::StatusOr<v1::DeskUpdate> Desk::Heartbeat(std::string_view agent_id, absl::Time now) {
  CHATCART_RETURN_IF_ERROR(di::CheckKey(agent_id, "agent id"));
  MutexLock lock(&rep_->mu);
  ++rep_->counters.calls;
  const int64_t ms = absl::ToUnixMillis(now);
  Events events;
  bool joined = false;
  CHATCART_RETURN_IF_ERROR(rep_->Run(ms, [&](Txn& txn) -> absl::Status {
    CHATCART_ASSIGN_OR_RETURN(v1::DeskAgent * a, txn.Agent(agent_id));
    const bool was = a->routable();
    di::See(txn, a);
    CHATCART_RETURN_IF_ERROR(di::Reindex(txn, a));
    joined = !was && a->routable();
    return absl::OkStatus();
  }, &events));
  if (joined) rep_->Follow(rep_->MatchAgent(ms, std::string(agent_id), &events));
  return rep_->Finish("", std::move(events));
}

absl::StatusOr<v1::DeskUpdate> Desk::SetAvailability(std::string_view agent_id,
                                                     v1::DeskAgent::Availability availability,
                                                     absl::Time now) {
  CHATCART_RETURN_IF_ERROR(di::CheckKey(agent_id, "agent id"));
  if (availability != v1::DeskAgent::ONLINE && availability != v1::DeskAgent::AWAY &&
      availability != v1::DeskAgent::OFFLINE) {
    return absl::InvalidArgumentError(absl::StrCat(
        "desk: agent \"", Echo(agent_id), "\": availability must be ONLINE, AWAY or OFFLINE, not ",
        static_cast<int>(availability)));
  }
  MutexLock lock(&rep_->mu);
  ++rep_->counters.calls;
  const int64_t ms = absl::ToUnixMillis(now);
  Events events;
  std::vector<std::string> to_match;
  CHATCART_RETURN_IF_ERROR(rep_->Run(ms, [&](Txn& txn) -> absl::Status {
    to_match.clear();
    CHATCART_ASSIGN_OR_RETURN(v1::DeskAgent * a, txn.Agent(agent_id));
    a->set_availability(availability);
    di::See(txn, a);
    txn.Touch(a);
    if (availability == v1::DeskAgent::ONLINE) {
      a->clear_away_reason();
      a->set_missed_offers(0);
      return di::Reindex(txn, a);
    }
    return di::MakeUnroutable(txn, a, /*requeue=*/true, &to_match);
  }, &events));
  if (availability == v1::DeskAgent::ONLINE) {
    rep_->Follow(rep_->MatchAgent(ms, std::string(agent_id), &events));
  }
  for (const std::string& id : to_match) {
    rep_->Follow(rep_->MatchConversation(ms, id, &events));
  }
  return rep_->Finish("", std::move(events));
}

absl::StatusOr<v1::DeskUpdate> Desk::Accept(std::string_view agent_id,
                                            std::string_view conversation_id, absl::Time now) {
  CHATCART_RETURN_IF_ERROR(di::CheckKey(agent_id, "agent id"));
  CHATCART_RETURN_IF_ERROR(di::CheckKey(conversation_id, "conversation id"));
  MutexLock lock(&rep_->mu);
  ++rep_->counters.calls;
  Events events;
  CHATCART_RETURN_IF_ERROR(rep_->Run(absl::ToUnixMillis(now), [&](Txn& txn) -> absl::Status {
    CHATCART_ASSIGN_OR_RETURN(v1::DeskAgent * a, txn.Agent(agent_id));
    CHATCART_ASSIGN_OR_RETURN(Conv * c, txn.Conversation(conversation_id));
    if (c->status() == Conv::ASSIGNED && c->agent_id() == agent_id) return absl::OkStatus();
    if (c->status() != Conv::QUEUED) return WrongState(*c, "QUEUED");
    if (c->offer_agent_id() != agent_id) {
      return absl::FailedPreconditionError(absl::StrCat(
          "desk: conversation \"", Echo(c->id()), "\" is not offered to agent \"", Echo(agent_id),
          "\"", c->offer_agent_id().empty() ? "" : " (it is offered to someone else)"));
    }
    if (c->offer_expires_unix_ms() < txn.now()) {
      return absl::FailedPreconditionError(absl::StrCat(
          "desk: the offer of conversation \"", Echo(c->id()), "\" to agent \"", Echo(agent_id),
          "\" lapsed ", (txn.now() - c->offer_expires_unix_ms()) / 1000, " s ago"));
    }
    di::See(txn, a);
    a->set_missed_offers(0);
    return di::AssignTo(txn, c, a);
  }, &events));
  return rep_->Finish(conversation_id, std::move(events));
}

absl::StatusOr<v1::DeskUpdate> Desk::Decline(std::string_view agent_id,
                                             std::string_view conversation_id, absl::Time now) {
  CHATCART_RETURN_IF_ERROR(di::CheckKey(agent_id, "agent id"));
  CHATCART_RETURN_IF_ERROR(di::CheckKey(conversation_id, "conversation id"));
  MutexLock lock(&rep_->mu);
  ++rep_->counters.calls;
  const int64_t ms = absl::ToUnixMillis(now);
  Events events;
  CHATCART_RETURN_IF_ERROR(rep_->Run(ms, [&](Txn& txn) -> absl::Status {
    CHATCART_ASSIGN_OR_RETURN(v1::DeskAgent * a, txn.Agent(agent_id));
    CHATCART_ASSIGN_OR_RETURN(Conv * c, txn.Conversation(conversation_id));
    if (c->status() != Conv::QUEUED || c->offer_agent_id() != agent_id) {
      return absl::FailedPreconditionError(absl::StrCat("desk: conversation \"", Echo(c->id()),
                                                        "\" is not offered to agent \"",
                                                        Echo(agent_id), "\""));
    }
    di::See(txn, a);
    return di::WithdrawOffer(txn, c, /*missed=*/false, nullptr);
  }, &events));
  rep_->Follow(rep_->MatchConversation(ms, std::string(conversation_id), &events));
  return rep_->Finish(conversation_id, std::move(events));
}

absl::StatusOr<v1::DeskUpdate> Desk::Claim(std::string_view agent_id,
                                           std::string_view conversation_id, absl::Time now) {
  CHATCART_RETURN_IF_ERROR(di::CheckKey(agent_id, "agent id"));
  CHATCART_RETURN_IF_ERROR(di::CheckKey(conversation_id, "conversation id"));
  MutexLock lock(&rep_->mu);
  ++rep_->counters.calls;
  const int64_t ms = absl::ToUnixMillis(now);
  Events events;
  std::string offered_to;
  CHATCART_RETURN_IF_ERROR(rep_->Run(ms, [&](Txn& txn) -> absl::Status {
    CHATCART_ASSIGN_OR_RETURN(v1::DeskAgent * a, txn.Agent(agent_id));
    CHATCART_ASSIGN_OR_RETURN(Conv * c, txn.Conversation(conversation_id));
    if (c->status() != Conv::QUEUED && c->status() != Conv::PENDING) {
      return WrongState(*c, "QUEUED or PENDING");
    }
    const bool own_offer = c->offer_agent_id() == agent_id;
    const int load = di::Load(*a) - (own_offer ? 1 : 0);
    if (load >= di::Capacity(*a, txn.options())) {
      return absl::FailedPreconditionError(
          absl::StrCat("desk: agent \"", Echo(agent_id), "\" is at capacity (", load, " of ",
                       di::Capacity(*a, txn.options()), "): only a manual assignment exceeds it"));
    }
    offered_to = own_offer ? "" : c->offer_agent_id();
    di::See(txn, a);
    return di::AssignTo(txn, c, a);
  }, &events));
  if (!offered_to.empty()) rep_->Follow(rep_->MatchAgent(ms, offered_to, &events));
  return rep_->Finish(conversation_id, std::move(events));
}

absl::StatusOr<v1::DeskUpdate> Desk::Assign(std::string_view conversation_id,
                                            std::string_view agent_id, absl::Time now) {
  CHATCART_RETURN_IF_ERROR(di::CheckKey(conversation_id, "conversation id"));
  CHATCART_RETURN_IF_ERROR(di::CheckKey(agent_id, "agent id"));
  MutexLock lock(&rep_->mu);
  ++rep_->counters.calls;
  const int64_t ms = absl::ToUnixMillis(now);
  Events events;
  std::vector<std::string> freed;
  CHATCART_RETURN_IF_ERROR(rep_->Run(ms, [&](Txn& txn) -> absl::Status {
    freed.clear();
    CHATCART_ASSIGN_OR_RETURN(v1::DeskAgent * a, txn.Agent(agent_id));
    CHATCART_ASSIGN_OR_RETURN(Conv * c, txn.Conversation(conversation_id));
    if (c->status() == Conv::RESOLVED) {
      return WrongState(*c, "open (a shopper message reopens a resolved conversation)");
    }
    for (const std::string& other : {c->agent_id(), c->offer_agent_id()}) {
      if (!other.empty() && other != agent_id) freed.push_back(other);
    }
    if (c->status() == Conv::SNOOZED) {
      txn.Remove(di::kTimers, di::TimerMember('s', c->id()));
      c->set_snoozed_until_unix_ms(0);
      if (c->agent_id() == agent_id) {  // back from the snooze, as assigned
        c->set_status(Conv::ASSIGNED);
        txn.Touch(c);
        di::Erase(a->mutable_snoozed(), c->id());
        a->add_assigned(c->id());
        return di::Reindex(txn, a);
      }
    }
    return di::AssignTo(txn, c, a);
  }, &events));
  for (const std::string& id : freed) rep_->Follow(rep_->MatchAgent(ms, id, &events));
  return rep_->Finish(conversation_id, std::move(events));
}

absl::StatusOr<v1::DeskUpdate> Desk::AgentMessage(std::string_view agent_id,
                                                  std::string_view conversation_id,
                                                  std::string_view text, absl::Time now) {
  CHATCART_RETURN_IF_ERROR(di::CheckKey(agent_id, "agent id"));
  CHATCART_RETURN_IF_ERROR(di::CheckKey(conversation_id, "conversation id"));
  MutexLock lock(&rep_->mu);
  ++rep_->counters.calls;
  Events events;
  std::vector<std::string> unused;
  CHATCART_RETURN_IF_ERROR(rep_->Run(absl::ToUnixMillis(now), [&](Txn& txn) -> absl::Status {
    CHATCART_ASSIGN_OR_RETURN(v1::DeskAgent * a, txn.Agent(agent_id));
    CHATCART_ASSIGN_OR_RETURN(Conv * c, txn.Conversation(conversation_id));
    if ((c->status() != Conv::ASSIGNED && c->status() != Conv::SNOOZED) ||
        c->agent_id() != agent_id) {
      return absl::FailedPreconditionError(
          absl::StrCat("desk: agent \"", Echo(agent_id), "\" does not hold conversation \"",
                       Echo(c->id()), "\" (it is ", StatusName(c->status()),
                       c->agent_id().empty() ? "" : " with another agent", ")"));
    }
    di::See(txn, a);
    if (c->status() == Conv::SNOOZED) CHATCART_RETURN_IF_ERROR(di::Wake(txn, c, &unused));
    v1::DeskMessage* m = txn.Append(c);
    m->set_author(v1::DeskMessage::AGENT);
    m->set_agent_id(a->id());
    m->set_agent_name(NameOf(*a));
    SetText(m, text, c->language());
    v1::DeskEvent* e = txn.Emit();
    e->set_kind(v1::DeskEvent::AGENT_MESSAGE);
    e->set_to(v1::DeskEvent::SHOPPER);
    e->set_conversation_id(c->id());
    e->set_agent_id(a->id());
    e->set_text(m->text());
    *e->mutable_message() = *m;
    return absl::OkStatus();
  }, &events));
  return rep_->Finish(conversation_id, std::move(events));
}

absl::StatusOr<v1::DeskUpdate> Desk::AddNote(std::string_view agent_id,
                                             std::string_view conversation_id,
                                             std::string_view text, absl::Time now) {
  CHATCART_RETURN_IF_ERROR(di::CheckKey(agent_id, "agent id"));
  CHATCART_RETURN_IF_ERROR(di::CheckKey(conversation_id, "conversation id"));
  CHATCART_RETURN_IF_ERROR(NonEmpty(text, "note"));
  MutexLock lock(&rep_->mu);
  ++rep_->counters.calls;
  Events events;
  CHATCART_RETURN_IF_ERROR(rep_->Run(absl::ToUnixMillis(now), [&](Txn& txn) -> absl::Status {
    CHATCART_ASSIGN_OR_RETURN(v1::DeskAgent * a, txn.Agent(agent_id));
    CHATCART_ASSIGN_OR_RETURN(Conv * c, txn.Conversation(conversation_id));
    v1::DeskMessage* m = txn.Append(c);
    m->set_author(v1::DeskMessage::AGENT);
    m->set_agent_id(a->id());
    m->set_agent_name(NameOf(*a));
    m->set_note(true);
    SetText(m, text, c->language());
    return absl::OkStatus();
  }, &events));
  return rep_->Finish(conversation_id, std::move(events));
}

absl::StatusOr<v1::DeskUpdate> Desk::Snooze(std::string_view agent_id,
                                            std::string_view conversation_id, absl::Time until,
                                            absl::Time now) {
  CHATCART_RETURN_IF_ERROR(di::CheckKey(agent_id, "agent id"));
  CHATCART_RETURN_IF_ERROR(di::CheckKey(conversation_id, "conversation id"));
  if (until <= now) {
    return absl::InvalidArgumentError(
        absl::StrCat("desk: snooze of conversation \"", Echo(conversation_id), "\" until ",
                     absl::FormatTime(until, absl::UTCTimeZone()), ", which is not after now"));
  }
  MutexLock lock(&rep_->mu);
  ++rep_->counters.calls;
  const int64_t ms = absl::ToUnixMillis(now);
  Events events;
  CHATCART_RETURN_IF_ERROR(rep_->Run(ms, [&](Txn& txn) -> absl::Status {
    CHATCART_ASSIGN_OR_RETURN(v1::DeskAgent * a, txn.Agent(agent_id));
    CHATCART_ASSIGN_OR_RETURN(Conv * c, txn.Conversation(conversation_id));
    if (c->status() != Conv::ASSIGNED || c->agent_id() != agent_id) {
      return absl::FailedPreconditionError(absl::StrCat("desk: agent \"", Echo(agent_id),
                                                        "\" does not hold conversation \"",
                                                        Echo(c->id()), "\""));
    }
    const int64_t until_ms = absl::ToUnixMillis(until);
    c->set_status(Conv::SNOOZED);
    c->set_snoozed_until_unix_ms(until_ms);
    txn.Touch(c);
    di::Erase(a->mutable_assigned(), c->id());
    a->add_snoozed(c->id());
    di::See(txn, a);
    CHATCART_RETURN_IF_ERROR(di::Reindex(txn, a));
    txn.Add(di::kTimers, di::TimerMember('s', c->id()), until_ms);
    return absl::OkStatus();
  }, &events));
  rep_->Follow(rep_->MatchAgent(ms, std::string(agent_id), &events));
  return rep_->Finish(conversation_id, std::move(events));
}

absl::StatusOr<v1::DeskUpdate> Desk::Resolve(std::string_view agent_id,
                                             std::string_view conversation_id, absl::Time now) {
  CHATCART_RETURN_IF_ERROR(di::CheckKey(agent_id, "agent id"));
  CHATCART_RETURN_IF_ERROR(di::CheckKey(conversation_id, "conversation id"));
  MutexLock lock(&rep_->mu);
  ++rep_->counters.calls;
  const int64_t ms = absl::ToUnixMillis(now);
  Events events;
  std::string holder;
  CHATCART_RETURN_IF_ERROR(rep_->Run(ms, [&](Txn& txn) -> absl::Status {
    CHATCART_ASSIGN_OR_RETURN(Conv * c, txn.Conversation(conversation_id));
    if (c->status() == Conv::QUEUED) {
      return absl::FailedPreconditionError(absl::StrCat(
          "desk: conversation \"", Echo(c->id()),
          "\" is QUEUED: no agent holds it to resolve it (LeaveQueue takes it out of the queue)"));
    }
    if (c->status() != Conv::ASSIGNED && c->status() != Conv::SNOOZED &&
        c->status() != Conv::PENDING) {
      return WrongState(*c, "ASSIGNED, SNOOZED or PENDING");
    }
    v1::DeskAgent* resolver = nullptr;
    if (!agent_id.empty()) {
      CHATCART_ASSIGN_OR_RETURN(resolver, txn.Agent(agent_id));
      if (c->status() != Conv::PENDING && c->agent_id() != agent_id) {
        return absl::FailedPreconditionError(absl::StrCat("desk: agent \"", Echo(agent_id),
                                                          "\" does not hold conversation \"",
                                                          Echo(c->id()), "\""));
      }
      di::See(txn, resolver);
    }
    holder = c->agent_id();
    std::string name;
    if (!holder.empty()) {
      CHATCART_ASSIGN_OR_RETURN(v1::DeskAgent * h, txn.FindAgent(holder));
      if (h != nullptr) name = NameOf(*h);
      if (c->assigned_unix_ms() > 0) {
        CHATCART_ASSIGN_OR_RETURN(v1::DeskQueueStats * stats, txn.Stats(di::QueueOf(*c)));
        di::RecordHandle(stats, (txn.now() - c->assigned_unix_ms()) / 1000, txn.options());
        txn.Touch(stats);
      }
    } else if (resolver != nullptr) {
      name = NameOf(*resolver);
    }
    CHATCART_RETURN_IF_ERROR(di::ReleaseFromAgent(txn, *c));
    txn.Remove(di::kTimers, di::TimerMember('s', c->id()));
    c->set_status(Conv::RESOLVED);
    c->set_resolved_unix_ms(txn.now());
    c->clear_agent_id();
    c->set_snoozed_until_unix_ms(0);
    txn.Touch(c);
    v1::DeskMessage* m = txn.Append(c);
    m->set_author(v1::DeskMessage::DESK);
    m->set_agent_id(holder);
    m->set_agent_name(name);
    m->set_text(di::ResolvedText(c->language(), name));
    v1::DeskEvent* e = txn.Emit();
    e->set_kind(v1::DeskEvent::RESOLVED);
    e->set_to(v1::DeskEvent::SHOPPER);
    e->set_conversation_id(c->id());
    e->set_agent_id(holder);
    e->set_text(m->text());
    return absl::OkStatus();
  }, &events));
  if (!holder.empty()) rep_->Follow(rep_->MatchAgent(ms, holder, &events));
  return rep_->Finish(conversation_id, std::move(events));
}

}  // namespace chatcart
