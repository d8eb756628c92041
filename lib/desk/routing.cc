// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// The steps that move conversations and agents: queueing and dequeueing,
// offers and their withdrawal, assignment (also transfers), routing indexes
// and presence. Each runs inside one Txn (desk_rep.h).

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "common/status_macros.h"
#include "common/strings.h"
#include "desk/desk_rep.h"

namespace chatcart {

std::string DeskQueueName(std::string_view skill, std::string_view language) {
  return absl::StrCat(ToAbsl(skill), "|", ToAbsl(language));
}

namespace desk_internal {
namespace {

int64_t Ms(absl::Duration d) { return absl::ToInt64Milliseconds(d); }

int Rank(v1::DeskPriority p) {
  switch (p) {
    case v1::PRIORITY_URGENT:
      return 0;
    case v1::PRIORITY_HIGH:
      return 1;
    case v1::PRIORITY_LOW:
      return 3;
    default:
      return 2;  // medium and unspecified
  }
}

void AddUnique(google::protobuf::RepeatedPtrField<std::string>* list, std::string_view id) {
  if (!Contains(*list, id)) list->Add(std::string(id));
}

}  // namespace

absl::Status Unindex(Txn& txn, v1::DeskAgent* agent) {
  if (!agent->routable()) return absl::OkStatus();
  const int capacity = Capacity(*agent, txn.options());
  for (const std::string& q : agent->queues()) {
    txn.Remove(AgentSet(q), agent->id());
    CHATCART_ASSIGN_OR_RETURN(v1::DeskQueueStats * stats, txn.Stats(q));
    stats->set_slots(std::max<int64_t>(0, stats->slots() - capacity));
    txn.Touch(stats);
  }
  agent->set_routable(false);
  txn.Touch(agent);
  return absl::OkStatus();
}

int64_t QueueScore(v1::DeskPriority priority, int64_t queued_ms) {
  return (static_cast<int64_t>(Rank(priority)) << 43) | std::max<int64_t>(0, queued_ms);
}

int Capacity(const v1::DeskAgent& agent, const DeskOptions& options) {
  return agent.capacity() > 0 ? agent.capacity() : options.default_capacity;
}

int64_t AgentScore(const v1::DeskAgent& agent, const DeskOptions& options) {
  const int load = Load(agent);
  int64_t score = load >= Capacity(agent, options) ? kFullBit : 0;
  int64_t idle_since = std::clamp<int64_t>(agent.last_assigned_unix_ms(), 0, (int64_t{1} << 43) - 1);
  if (options.routing == DeskRouting::kBalanced) {
    score |= static_cast<int64_t>(std::min(load, 255)) << 43;
  }
  return score | idle_since;
}

bool Serves(const v1::DeskAgent& agent, std::string_view queue) {
  size_t bar = queue.rfind('|');
  std::string_view skill = bar == std::string_view::npos ? queue : queue.substr(0, bar);
  std::string_view language = bar == std::string_view::npos ? "" : queue.substr(bar + 1);
  if (!skill.empty() && !Contains(agent.skills(), skill)) return false;
  if (!language.empty() && !agent.languages().empty() && !Contains(agent.languages(), language)) {
    return false;
  }
  return true;
}

bool Present(const v1::DeskAgent& agent, int64_t now_ms, const DeskOptions& options) {
  return agent.availability() == v1::DeskAgent::ONLINE &&
         now_ms - agent.last_seen_unix_ms() <= Ms(options.presence_timeout);
}

bool Contains(const google::protobuf::RepeatedPtrField<std::string>& list, std::string_view id) {
  for (const std::string& s : list) {
    if (s == id) return true;
  }
  return false;
}

void Erase(google::protobuf::RepeatedPtrField<std::string>* list, std::string_view id) {
  for (int i = 0; i < list->size(); ++i) {
    if ((*list)[i] == id) {
      list->DeleteSubrange(i, 1);
      return;
    }
  }
}

void See(Txn& txn, v1::DeskAgent* agent) {
  if (txn.now() <= agent->last_seen_unix_ms()) return;
  agent->set_last_seen_unix_ms(txn.now());
  // Due just after presence ends: at the due time itself the agent is still
  // present (seen within the timeout).
  txn.Add(kTimers, TimerMember('h', agent->id()),
          txn.now() + Ms(txn.options().presence_timeout) + 1);
  txn.Touch(agent);
}

absl::StatusOr<std::vector<std::string>> QueuesServed(Txn& txn, const v1::DeskAgent& agent) {
  CHATCART_ASSIGN_OR_RETURN(std::vector<DeskSetEntry> queues,
                            txn.store().Range(kQueues, 0, int64_t{1} << 20));
  std::vector<std::string> out;
  for (DeskSetEntry& q : queues) {
    if (Serves(agent, q.member)) out.push_back(std::move(q.member));
  }
  return out;
}

absl::Status Reindex(Txn& txn, v1::DeskAgent* agent) {
  txn.Touch(agent);  // callers change the agent before they call this
  const bool routable = Present(*agent, txn.now(), txn.options());
  if (!routable) return Unindex(txn, agent);
  if (!agent->routable()) {
    CHATCART_ASSIGN_OR_RETURN(std::vector<std::string> queues, QueuesServed(txn, *agent));
    agent->clear_queues();
    const int capacity = Capacity(*agent, txn.options());
    for (std::string& q : queues) {
      CHATCART_ASSIGN_OR_RETURN(v1::DeskQueueStats * stats, txn.Stats(q));
      stats->set_slots(stats->slots() + capacity);
      txn.Touch(stats);
      agent->add_queues(std::move(q));
    }
    agent->set_routable(true);
  }
  const int64_t score = AgentScore(*agent, txn.options());
  for (const std::string& q : agent->queues()) txn.Add(AgentSet(q), agent->id(), score);
  txn.Touch(agent);
  return absl::OkStatus();
}

absl::Status RegisterQueue(Txn& txn, std::string_view queue) {
  txn.Add(kQueues, std::string(queue), 0);
  CHATCART_ASSIGN_OR_RETURN(v1::DeskQueueStats * stats, txn.Stats(queue));
  txn.Touch(stats);
  CHATCART_ASSIGN_OR_RETURN(std::vector<DeskSetEntry> agents,
                            txn.store().Range(kAgents, 0, int64_t{1} << 20));
  for (const DeskSetEntry& entry : agents) {
    CHATCART_ASSIGN_OR_RETURN(v1::DeskAgent * agent, txn.FindAgent(entry.member));
    if (agent == nullptr || !Serves(*agent, queue) || Contains(agent->queues(), queue)) continue;
    agent->add_queues(std::string(queue));
    if (agent->routable()) {
      stats->set_slots(stats->slots() + Capacity(*agent, txn.options()));
      txn.Add(AgentSet(queue), agent->id(), AgentScore(*agent, txn.options()));
    }
    txn.Touch(agent);
  }
  return absl::OkStatus();
}

absl::Status Enqueue(Txn& txn, v1::DeskConversation* c, bool requeue) {
  const std::string queue = QueueOf(*c);
  CHATCART_ASSIGN_OR_RETURN(v1::DeskQueueStats * stats, txn.Stats(queue));
  if (txn.IsNewQueue(queue)) CHATCART_RETURN_IF_ERROR(RegisterQueue(txn, queue));
  const int64_t now = txn.now();
  if (!requeue || c->queued_unix_ms() == 0) {
    c->set_queued_unix_ms(now);
    c->set_requeued(false);
    c->clear_missed_by();
    c->set_wait_exceeded(false);
  } else {
    c->set_requeued(true);
  }
  c->set_status(v1::DeskConversation::QUEUED);
  c->clear_agent_id();
  c->clear_offer_agent_id();
  c->set_offer_expires_unix_ms(0);
  c->set_assigned_unix_ms(0);
  c->set_queue_score(QueueScore(c->priority(), c->queued_unix_ms()));
  const std::string waiting = WaitingSet(queue);
  CHATCART_ASSIGN_OR_RETURN(int64_t ahead, txn.store().CountBelow(waiting, c->queue_score()));
  CHATCART_ASSIGN_OR_RETURN(int64_t count, txn.store().Count(waiting));
  const int position = static_cast<int>(ahead) + 1;
  c->set_position_sent(position);
  c->set_position_pushed_unix_ms(now);
  if (!requeue) {
    v1::DeskWait wait = EstimateWait(*stats, position, 0, txn.options(), c->language());
    c->set_naive_estimate_s(wait.position_seconds());
    c->set_shown_estimate_s(wait.seconds());
  }
  txn.Add(waiting, c->id(), c->queue_score());
  txn.Add(UnofferedSet(queue), c->id(), c->queue_score());
  const DeskOptions& o = txn.options();
  absl::Duration interval =
      count + 1 > o.busy_queue_length ? o.busy_position_update_interval : o.position_update_interval;
  txn.Add(kTimers, TimerMember('p', c->id()), now + Ms(interval));
  if (o.max_queue_wait > absl::ZeroDuration() && !c->wait_exceeded()) {
    txn.Add(kTimers, TimerMember('w', c->id()), c->queued_unix_ms() + Ms(o.max_queue_wait));
  }
  txn.Touch(c);
  return absl::OkStatus();
}

void Dequeue(Txn& txn, const v1::DeskConversation& c) {
  const std::string queue = QueueOf(c);
  txn.Remove(WaitingSet(queue), c.id());
  txn.Remove(UnofferedSet(queue), c.id());
  txn.Remove(kTimers, TimerMember('p', c.id()));
  txn.Remove(kTimers, TimerMember('w', c.id()));
  txn.Remove(kTimers, TimerMember('o', c.id()));
}

absl::Status WithdrawOffer(Txn& txn, v1::DeskConversation* c, bool missed, bool* away) {
  const std::string agent_id = c->offer_agent_id();
  if (agent_id.empty()) return absl::OkStatus();
  CHATCART_ASSIGN_OR_RETURN(v1::DeskAgent * agent, txn.FindAgent(agent_id));
  if (agent != nullptr) {
    Erase(agent->mutable_offered(), c->id());
    if (missed) {
      agent->set_missed_offers(agent->missed_offers() + 1);
      if (away != nullptr && agent->missed_offers() >= txn.options().max_missed_offers) {
        *away = true;
      }
    }
    CHATCART_RETURN_IF_ERROR(Reindex(txn, agent));
  }
  AddUnique(c->mutable_missed_by(), agent_id);
  c->clear_offer_agent_id();
  c->set_offer_expires_unix_ms(0);
  txn.Add(UnofferedSet(QueueOf(*c)), c->id(), c->queue_score());
  txn.Remove(kTimers, TimerMember('o', c->id()));
  txn.Touch(c);
  v1::DeskEvent* e = txn.Emit();
  e->set_kind(v1::DeskEvent::OFFER_WITHDRAWN);
  e->set_to(v1::DeskEvent::AGENT);
  e->set_conversation_id(c->id());
  e->set_agent_id(agent_id);
  e->set_text(missed ? "offer lapsed" : "offer declined");
  return absl::OkStatus();
}

absl::Status Offer(Txn& txn, v1::DeskConversation* c, v1::DeskAgent* agent) {
  if (txn.options().offer_timeout <= absl::ZeroDuration()) return AssignTo(txn, c, agent);
  const int64_t expires = txn.now() + Ms(txn.options().offer_timeout);
  c->set_offer_agent_id(agent->id());
  c->set_offer_expires_unix_ms(expires);
  txn.Touch(c);
  AddUnique(agent->mutable_offered(), c->id());
  agent->set_last_assigned_unix_ms(txn.now());
  CHATCART_RETURN_IF_ERROR(Reindex(txn, agent));
  txn.Remove(UnofferedSet(QueueOf(*c)), c->id());
  txn.Add(kTimers, TimerMember('o', c->id()), expires);
  v1::DeskEvent* e = txn.Emit();
  e->set_kind(v1::DeskEvent::OFFER);
  e->set_to(v1::DeskEvent::AGENT);
  e->set_conversation_id(c->id());
  e->set_agent_id(agent->id());
  e->set_expires_unix_ms(expires);
  e->set_text(c->title().empty() ? c->reason() : c->title());
  return absl::OkStatus();
}

absl::Status ReleaseFromAgent(Txn& txn, const v1::DeskConversation& c) {
  for (const std::string* id : {&c.agent_id(), &c.offer_agent_id()}) {
    if (id->empty()) continue;
    CHATCART_ASSIGN_OR_RETURN(v1::DeskAgent * agent, txn.FindAgent(*id));
    if (agent == nullptr) continue;
    Erase(agent->mutable_assigned(), c.id());
    Erase(agent->mutable_offered(), c.id());
    Erase(agent->mutable_snoozed(), c.id());
    if (id == &c.agent_id()) agent->set_last_assigned_unix_ms(txn.now());
    CHATCART_RETURN_IF_ERROR(Reindex(txn, agent));
  }
  return absl::OkStatus();
}

absl::Status AssignTo(Txn& txn, v1::DeskConversation* c, v1::DeskAgent* agent) {
  if (c->status() == v1::DeskConversation::ASSIGNED && c->agent_id() == agent->id()) {
    return absl::OkStatus();
  }
  if (c->status() == v1::DeskConversation::QUEUED) {
    if (!c->requeued()) {
      CHATCART_ASSIGN_OR_RETURN(v1::DeskQueueStats * stats, txn.Stats(QueueOf(*c)));
      RecordWait(stats, *c, txn.now(), txn.options());
      txn.Touch(stats);
    }
    Dequeue(txn, *c);
  }
  // Whoever held or was offered it before lets go (a transfer, or an offer
  // overtaken by a manual assignment).
  if (c->offer_agent_id() != agent->id() || c->agent_id() != agent->id()) {
    v1::DeskConversation others = *c;
    if (others.agent_id() == agent->id()) others.clear_agent_id();
    if (others.offer_agent_id() == agent->id()) others.clear_offer_agent_id();
    CHATCART_RETURN_IF_ERROR(ReleaseFromAgent(txn, others));
  }
  Erase(agent->mutable_offered(), c->id());
  Erase(agent->mutable_snoozed(), c->id());
  AddUnique(agent->mutable_assigned(), c->id());
  agent->set_last_assigned_unix_ms(txn.now());
  CHATCART_RETURN_IF_ERROR(Reindex(txn, agent));

  c->set_status(v1::DeskConversation::ASSIGNED);
  c->set_agent_id(agent->id());
  c->set_assigned_unix_ms(txn.now());
  c->set_last_agent_id(agent->id());
  AddUnique(c->mutable_agents(), agent->id());
  c->clear_offer_agent_id();
  c->set_offer_expires_unix_ms(0);
  c->set_snoozed_until_unix_ms(0);
  if (c->reference() == 0) {
    CHATCART_ASSIGN_OR_RETURN(int64_t reference, txn.store().Increment(kReferenceCounter));
    c->set_reference(reference);
  }
  const std::string name = agent->name().empty() ? agent->id() : agent->name();
  v1::DeskMessage* m = txn.Append(c);
  m->set_author(v1::DeskMessage::DESK);
  m->set_agent_id(agent->id());
  m->set_agent_name(name);
  m->set_text(JoinedText(c->language(), name, c->reference()));
  v1::DeskEvent* e = txn.Emit();
  e->set_kind(v1::DeskEvent::AGENT_JOINED);
  e->set_to(v1::DeskEvent::SHOPPER);
  e->set_conversation_id(c->id());
  e->set_agent_id(agent->id());
  e->set_reference(c->reference());
  e->set_text(m->text());
  txn.Touch(c);
  return absl::OkStatus();
}

absl::Status Wake(Txn& txn, v1::DeskConversation* c, std::vector<std::string>* to_match) {
  txn.Remove(kTimers, TimerMember('s', c->id()));
  c->set_snoozed_until_unix_ms(0);
  txn.Touch(c);
  CHATCART_ASSIGN_OR_RETURN(v1::DeskAgent * agent, txn.FindAgent(c->agent_id()));
  if (agent != nullptr && Present(*agent, txn.now(), txn.options())) {
    c->set_status(v1::DeskConversation::ASSIGNED);
    Erase(agent->mutable_snoozed(), c->id());
    AddUnique(agent->mutable_assigned(), c->id());
    CHATCART_RETURN_IF_ERROR(Reindex(txn, agent));
    v1::DeskEvent* e = txn.Emit();
    e->set_kind(v1::DeskEvent::WOKE);
    e->set_to(v1::DeskEvent::AGENT);
    e->set_conversation_id(c->id());
    e->set_agent_id(agent->id());
    return absl::OkStatus();
  }
  CHATCART_RETURN_IF_ERROR(ReleaseFromAgent(txn, *c));
  CHATCART_RETURN_IF_ERROR(Enqueue(txn, c, /*requeue=*/true));
  v1::DeskEvent* e = txn.Emit();
  e->set_kind(v1::DeskEvent::QUEUE_POSITION);
  e->set_to(v1::DeskEvent::SHOPPER);
  e->set_conversation_id(c->id());
  to_match->push_back(c->id());
  return absl::OkStatus();
}

absl::Status MakeUnroutable(Txn& txn, v1::DeskAgent* agent, bool requeue,
                            std::vector<std::string>* to_match) {
  CHATCART_RETURN_IF_ERROR(Unindex(txn, agent));
  std::vector<std::string> offered(agent->offered().begin(), agent->offered().end());
  for (const std::string& id : offered) {
    CHATCART_ASSIGN_OR_RETURN(v1::DeskConversation * c, txn.FindConversation(id));
    if (c == nullptr || c->status() != v1::DeskConversation::QUEUED ||
        c->offer_agent_id() != agent->id()) {
      continue;
    }
    CHATCART_RETURN_IF_ERROR(WithdrawOffer(txn, c, /*missed=*/false, nullptr));
    to_match->push_back(id);
  }
  agent->clear_offered();
  if (requeue) {
    std::vector<std::string> assigned(agent->assigned().begin(), agent->assigned().end());
    for (const std::string& id : assigned) {
      CHATCART_ASSIGN_OR_RETURN(v1::DeskConversation * c, txn.FindConversation(id));
      if (c == nullptr || c->status() != v1::DeskConversation::ASSIGNED ||
          c->agent_id() != agent->id()) {
        continue;
      }
      CHATCART_RETURN_IF_ERROR(Enqueue(txn, c, /*requeue=*/true));
      const std::string name = agent->name().empty() ? agent->id() : agent->name();
      v1::DeskEvent* e = txn.Emit();
      e->set_kind(v1::DeskEvent::REQUEUED);
      e->set_to(v1::DeskEvent::SHOPPER);
      e->set_conversation_id(id);
      e->set_agent_id(agent->id());
      e->set_text(RequeuedText(c->language(), name));
      to_match->push_back(id);
    }
    agent->clear_assigned();
  }
  txn.Touch(agent);
  return absl::OkStatus();
}

}  // namespace desk_internal
}  // namespace chatcart
