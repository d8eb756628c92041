// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Desk::Tick: the timers due at a time, in due order, each in its own step:
// offers that lapse (to the next agent; five misses set the agent away),
// presence that expires, position updates, the maximum wait, snoozes. A
// timer whose records changed later than the Tick's time waits for a later
// Tick.

#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "chatcart/desk.h"
#include "common/mutex.h"
#include "common/status_macros.h"
#include "desk/desk_rep.h"

namespace chatcart {

using desk_internal::Txn;
namespace di = desk_internal;
using Events = google::protobuf::RepeatedPtrField<v1::DeskEvent>;
using Conv = v1::DeskConversation;

absl::Status Desk::Rep::FireTimer(int64_t now_ms, const DeskSetEntry& timer, Events* events) {
  const char kind = timer.member.empty() ? '?' : timer.member[0];
  const std::string id = timer.member.size() > 2 ? timer.member.substr(2) : "";
  std::vector<std::string> to_match;
  std::string free_agent;
  CHATCART_RETURN_IF_ERROR(Run(
      now_ms,
      [&](Txn& txn) -> absl::Status {
        to_match.clear();
        free_agent.clear();
        txn.Remove(di::kTimers, timer.member);
        const DeskOptions& o = txn.options();
        if (kind == 'h') {
          CHATCART_ASSIGN_OR_RETURN(v1::DeskAgent * a, txn.FindAgent(id));
          if (a == nullptr || di::Present(*a, txn.now(), o)) return absl::OkStatus();
          return di::MakeUnroutable(txn, a, o.requeue_when_offline, &to_match);
        }
        CHATCART_ASSIGN_OR_RETURN(Conv * c, txn.FindConversation(id));
        if (c == nullptr) return absl::OkStatus();
        switch (kind) {
          case 'o': {
            if (c->status() != Conv::QUEUED || c->offer_agent_id().empty() ||
                c->offer_expires_unix_ms() > txn.now()) {
              return absl::OkStatus();
            }
            const std::string agent_id = c->offer_agent_id();
            bool away = false;
            CHATCART_RETURN_IF_ERROR(di::WithdrawOffer(txn, c, /*missed=*/true, &away));
            to_match.push_back(c->id());
            if (away) {
              CHATCART_ASSIGN_OR_RETURN(v1::DeskAgent * a, txn.Agent(agent_id));
              a->set_availability(v1::DeskAgent::AWAY);
              a->set_away_reason(absl::StrCat("missed ", a->missed_offers(), " offers in a row"));
              CHATCART_RETURN_IF_ERROR(di::MakeUnroutable(txn, a, /*requeue=*/true, &to_match));
              v1::DeskEvent* e = txn.Emit();
              e->set_kind(v1::DeskEvent::AGENT_AWAY);
              e->set_to(v1::DeskEvent::HOST);
              e->set_agent_id(agent_id);
              e->set_text(a->away_reason());
            } else {
              free_agent = agent_id;
            }
            return absl::OkStatus();
          }
          case 'p': {
            if (c->status() != Conv::QUEUED) return absl::OkStatus();
            const std::string waiting = di::WaitingSet(di::QueueOf(*c));
            CHATCART_ASSIGN_OR_RETURN(std::optional<int64_t> rank,
                                      txn.store().Rank(waiting, c->id()));
            CHATCART_ASSIGN_OR_RETURN(int64_t count, txn.store().Count(waiting));
            if (rank.has_value() && *rank + 1 != c->position_sent()) {
              c->set_position_sent(static_cast<int32_t>(*rank + 1));
              c->set_position_pushed_unix_ms(txn.now());
              txn.Touch(c);
              v1::DeskEvent* e = txn.Emit();
              e->set_kind(v1::DeskEvent::QUEUE_POSITION);
              e->set_to(v1::DeskEvent::SHOPPER);
              e->set_conversation_id(c->id());
            }
            // The periodic push doubles as a retry of a match that failed.
            if (c->offer_agent_id().empty()) to_match.push_back(c->id());
            absl::Duration every = count > o.busy_queue_length ? o.busy_position_update_interval
                                                               : o.position_update_interval;
            txn.Add(di::kTimers, timer.member, txn.now() + absl::ToInt64Milliseconds(every));
            return absl::OkStatus();
          }
          case 'w': {
            if (c->status() != Conv::QUEUED || c->wait_exceeded()) return absl::OkStatus();
            c->set_wait_exceeded(true);
            txn.Touch(c);
            v1::DeskEvent* e = txn.Emit();
            e->set_kind(v1::DeskEvent::WAIT_EXCEEDED);
            e->set_to(v1::DeskEvent::SHOPPER);
            e->set_conversation_id(c->id());
            e->set_text(di::WaitExceededText(c->language()));
            e->add_options("leave_message");
            e->add_options("callback");
            return absl::OkStatus();
          }
          case 's': {
            if (c->status() != Conv::SNOOZED || c->snoozed_until_unix_ms() > txn.now()) {
              return absl::OkStatus();
            }
            return di::Wake(txn, c, &to_match);
          }
          default:
            return absl::OkStatus();
        }
      },
      events));
  for (const std::string& c : to_match) Follow(MatchConversation(now_ms, c, events));
  if (!free_agent.empty()) Follow(MatchAgent(now_ms, free_agent, events));
  return absl::OkStatus();
}

absl::StatusOr<v1::DeskUpdate> Desk::Tick(absl::Time now) {
  MutexLock lock(&rep_->mu);
  ++rep_->counters.calls;
  const int64_t ms = absl::ToUnixMillis(now);
  Events events;
  constexpr int64_t kBatch = 64;
  // A timer whose step finds a record changed later than `now` by more than
  // the clock tolerance (OUT_OF_RANGE: time went backwards for that record)
  // stays due, unchanged, for a later Tick, as a match skips such a record:
  // failing the Tick there would leave the timers before it fired, their
  // events unreported, from a call that failed (#22, desk_operations_fuzzer).
  // Those timers are passed over by rank.
  absl::flat_hash_set<std::string> deferred;
  // Each timer is fired and so removed or moved past now, or deferred, so
  // the loop ends; the bound guards against a store that does not apply
  // removals.
  for (int64_t rounds = 0; rounds < (int64_t{1} << 24); ++rounds) {
    CHATCART_ASSIGN_OR_RETURN(
        std::vector<DeskSetEntry> due,
        rep_->store->Range(di::kTimers, static_cast<int64_t>(deferred.size()), kBatch));
    bool progress = false;
    for (const DeskSetEntry& timer : due) {
      if (timer.score > ms) break;
      if (deferred.contains(timer.member)) continue;
      absl::Status fired = rep_->FireTimer(ms, timer, &events);
      if (absl::IsOutOfRange(fired)) {
        deferred.insert(timer.member);
      } else {
        CHATCART_RETURN_IF_ERROR(fired);
      }
      progress = true;
    }
    if (!progress) break;
  }
  return rep_->Finish("", std::move(events));
}

}  // namespace chatcart
