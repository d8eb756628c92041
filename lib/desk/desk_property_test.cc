// Copyright 2026 The chatcart Authors. Licensed under the Apache License
// 2.0.
//
// The desk under random operations: 100,000 calls of every kind (many of
// them wrong: unknown ids, stale offers, time going backwards), one thread,
// then several threads on one desk and two desks sharing one store. After
// them, and every few hundred calls, the store must be consistent: every
// conversation that entered the queue is queued, assigned, snoozed, pending
// or resolved (or back with the bot because the shopper left), queued ones
// are in their queue's sets at distinct 1-based positions, every agent's
// lists match the conversations, and a failed call changed nothing.

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <cstdlib>
#include <map>
#include <random>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "chatcart/desk.h"
#include "chatcart/desk_store.h"
#include "desk/desk_rep.h"
#include "desk/desk_test_util.h"
#include "gtest/gtest.h"

namespace chatcart {
namespace {

using desk_testing::T;
using Conv = v1::DeskConversation;
namespace di = desk_internal;

constexpr int kConversations = 160;
constexpr int kAgents = 10;
const char* const kSkills[] = {"", "billing"};
const char* const kLanguages[] = {"en", "it"};

std::string ConvId(int i) { return absl::StrCat("c", i); }
std::string AgentId(int i) { return absl::StrCat("a", i); }

std::set<std::string> Members(DeskStore& store, const std::string& set) {
  std::set<std::string> out;
  std::vector<DeskSetEntry> entries = *store.Range(set, 0, 1 << 20);
  for (const DeskSetEntry& e : entries) out.insert(e.member);
  return out;
}

// Every consistency rule of the store; failures name the record.
void CheckInvariants(DeskStore& store, const Desk& desk, const std::set<std::string>& may_be_bot,
                     absl::Time now) {
  std::vector<std::string> queues;
  std::vector<DeskSetEntry> queue_entries = *store.Range(di::kQueues, 0, 1 << 20);
  for (const DeskSetEntry& e : queue_entries) queues.push_back(e.member);
  std::map<std::string, std::set<std::string>> waiting, unoffered;
  for (const std::string& q : queues) {
    waiting[q] = Members(store, di::WaitingSet(q));
    unoffered[q] = Members(store, di::UnofferedSet(q));
  }
  std::map<std::string, v1::DeskAgent> agents;
  for (int i = 0; i < kAgents; ++i) {
    auto a = *store.GetAgent(AgentId(i));
    if (a.has_value()) agents[a->id()] = *a;
  }
  for (int i = 0; i < kConversations; ++i) {
    auto found = *store.GetConversation(ConvId(i));
    if (!found.has_value()) continue;
    const Conv& c = *found;
    SCOPED_TRACE(c.ShortDebugString());
    const std::string q = di::QueueOf(c);
    const bool queued = c.status() == Conv::QUEUED;
    for (const std::string& other : queues) {
      EXPECT_EQ(waiting[other].count(c.id()) > 0, queued && other == q) << "in q:" << other;
      EXPECT_EQ(unoffered[other].count(c.id()) > 0,
                queued && other == q && c.offer_agent_id().empty())
          << "in u:" << other;
    }
    switch (c.status()) {
      case Conv::QUEUED:
        if (!c.offer_agent_id().empty()) {
          ASSERT_TRUE(agents.count(c.offer_agent_id()));
          EXPECT_TRUE(di::Contains(agents[c.offer_agent_id()].offered(), c.id()));
        }
        EXPECT_TRUE(c.agent_id().empty());
        break;
      case Conv::ASSIGNED:
        ASSERT_TRUE(agents.count(c.agent_id()));
        EXPECT_TRUE(di::Contains(agents[c.agent_id()].assigned(), c.id()));
        EXPECT_GT(c.reference(), 0);
        break;
      case Conv::SNOOZED:
        ASSERT_TRUE(agents.count(c.agent_id()));
        EXPECT_TRUE(di::Contains(agents[c.agent_id()].snoozed(), c.id()));
        break;
      case Conv::BOT:
        // Never lost: only a shopper who left (or was never queued) is back
        // with the bot.
        EXPECT_TRUE(may_be_bot.count(c.id())) << "lost from the queue";
        break;
      case Conv::PENDING:
      case Conv::RESOLVED:
        EXPECT_TRUE(c.agent_id().empty());
        EXPECT_TRUE(c.offer_agent_id().empty());
        break;
      default:
        ADD_FAILURE() << "status unspecified";
    }
  }
  for (const auto& [id, a] : agents) {
    SCOPED_TRACE(a.ShortDebugString());
    std::set<std::string> seen;
    for (const std::string& c : a.assigned()) {
      EXPECT_TRUE(seen.insert(c).second) << "twice: " << c;
      auto conv = *store.GetConversation(c);
      ASSERT_TRUE(conv.has_value());
      EXPECT_EQ(conv->status(), Conv::ASSIGNED);
      EXPECT_EQ(conv->agent_id(), id);
    }
    for (const std::string& c : a.offered()) {
      EXPECT_TRUE(seen.insert(c).second) << "twice: " << c;
      auto conv = *store.GetConversation(c);
      ASSERT_TRUE(conv.has_value());
      EXPECT_EQ(conv->status(), Conv::QUEUED);
      EXPECT_EQ(conv->offer_agent_id(), id);
    }
    for (const std::string& c : a.snoozed()) {
      auto conv = *store.GetConversation(c);
      ASSERT_TRUE(conv.has_value());
      EXPECT_EQ(conv->status(), Conv::SNOOZED);
    }
    for (const std::string& q : queues) {
      bool indexed = store.Rank(di::AgentSet(q), id)->has_value();
      EXPECT_EQ(indexed, a.routable() && di::Contains(a.queues(), q)) << "in a:" << q;
    }
  }
  // Positions: 1..n, in score order.
  for (const std::string& q : queues) {
    std::vector<DeskSetEntry> entries = *store.Range(di::WaitingSet(q), 0, 1 << 20);
    for (size_t k = 0; k < entries.size(); ++k) {
      absl::StatusOr<v1::DeskQueueStatus> s = desk.QueueStatus(entries[k].member, now);
      ASSERT_TRUE(s.ok()) << s.status();
      EXPECT_EQ(s->position(), static_cast<int>(k) + 1);
      if (k > 0) {
        EXPECT_LE(entries[k - 1].score, entries[k].score);
      }
    }
  }
}

// One random call; updates the shared notion of which conversations may be
// with the bot. Returns whether it succeeded.
class Driver {
 public:
  // `check_unchanged`: compare records around failed calls (one thread
  // only: with several, others change them meanwhile).
  Driver(Desk& desk, DeskStore& store, uint64_t seed, std::atomic<int64_t>* clock,
         std::set<std::string>* bot, bool check_unchanged)
      : desk_(desk),
        store_(store),
        rng_(seed),
        clock_(clock),
        may_be_bot_(bot),
        check_unchanged_(check_unchanged) {}

  std::string last;
  bool Step() {
    std::uniform_int_distribution<int> pick(0, 99);
    const int op = pick(rng_);
    int64_t t = clock_->fetch_add(std::uniform_int_distribution<int>(0, 4)(rng_)) ;
    const bool backwards = pick(rng_) == 0;
    if (backwards) t -= 120;  // beyond the tolerance: must fail, change nothing
    const std::string c = ConvId(std::uniform_int_distribution<int>(0, kConversations - 1)(rng_));
    const std::string a = AgentId(std::uniform_int_distribution<int>(0, kAgents - 1)(rng_));
    auto before_c = *store_.GetConversation(c);
    auto before_a = *store_.GetAgent(a);
    absl::Status status;
    auto track = [&](const absl::StatusOr<v1::DeskUpdate>& u) {
      status = u.status();
      if (debug_) last = absl::StrCat("op ", op, " c ", c, " a ", a, " t ", t, " -> ", status.ToString(), " ", u.ok() ? u->ShortDebugString() : "");
      if (u.ok() && u->has_conversation() && u->conversation().status() == Conv::BOT) {
        may_be_bot_->insert(u->conversation().id());
      }
    };
    auto offered = [&]() -> std::string {
      auto conv = *store_.GetConversation(c);
      return conv.has_value() ? conv->offer_agent_id() : "";
    };
    auto holder = [&]() -> std::string {
      auto conv = *store_.GetConversation(c);
      return conv.has_value() ? conv->agent_id() : "";
    };
    if (op < 14) {
      HandoffRequest r{.conversation_id = c,
                       .skill = kSkills[pick(rng_) % 2],
                       .language = kLanguages[pick(rng_) % 2],
                       .priority = static_cast<v1::DeskPriority>(pick(rng_) % 5)};
      // Creating the conversation with the bot counts as "may be bot".
      if (!before_c.has_value()) may_be_bot_->insert(c);
      track(desk_.RequestAgent(r, T(t)));
    } else if (op < 22) {
      if (!before_c.has_value()) may_be_bot_->insert(c);
      track(desk_.ShopperMessage(c, "card 4111 1111 1111 1111 please", T(t)));
    } else if (op < 26) {
      track(desk_.LeaveQueue(c, T(t)));
    } else if (op < 28) {
      if (!before_c.has_value()) may_be_bot_->insert(c);
      track(desk_.LeaveMessage(c, "call me", "me@example.com", T(t)));
    } else if (op < 40) {
      std::string to = offered();
      track(desk_.Accept(to.empty() || pick(rng_) < 10 ? a : to, c, T(t)));
    } else if (op < 43) {
      track(desk_.Decline(offered().empty() ? a : offered(), c, T(t)));
    } else if (op < 46) {
      track(desk_.Claim(a, c, T(t)));
    } else if (op < 48) {
      track(desk_.Assign(c, a, T(t)));
    } else if (op < 54) {
      std::string h = holder();
      track(desk_.AgentMessage(h.empty() ? a : h, c, "on it", T(t)));
    } else if (op < 62) {
      std::string h = holder();
      track(desk_.Resolve(pick(rng_) < 20 ? "" : (h.empty() ? a : h), c, T(t)));
    } else if (op < 64) {
      std::string h = holder();
      track(desk_.Snooze(h.empty() ? a : h, c, T(t + 40), T(t)));
    } else if (op < 70) {
      static const v1::DeskAgent::Availability kAvail[] = {
          v1::DeskAgent::ONLINE, v1::DeskAgent::ONLINE, v1::DeskAgent::AWAY,
          v1::DeskAgent::OFFLINE};
      track(desk_.SetAvailability(a, kAvail[pick(rng_) % 4], T(t)));
    } else if (op < 82) {
      track(desk_.Heartbeat(a, T(t)));
    } else if (op < 84) {
      track(desk_.SetAgent({.id = a,
                            .name = "Agent " + a,
                            .skills = pick(rng_) < 50 ? std::vector<std::string>{"billing"}
                                                      : std::vector<std::string>{},
                            .languages = pick(rng_) < 50 ? std::vector<std::string>{"en"}
                                                         : std::vector<std::string>{},
                            .capacity = pick(rng_) % 5},
                           T(t)));
    } else if (op < 86) {
      track(desk_.Rate(c, 1 + pick(rng_) % 5, "", T(t)));
    } else if (op < 87) {
      track(desk_.AddNote(a, c, "note", T(t)));
    } else {
      track(desk_.Tick(T(t)));
    }
    if (!status.ok() && check_unchanged_) {
      EXPECT_NE(status.code(), absl::StatusCode::kInternal) << status;
      EXPECT_NE(status.code(), absl::StatusCode::kAborted) << status;
      auto after_c = *store_.GetConversation(c);
      auto after_a = *store_.GetAgent(a);
      EXPECT_EQ(before_c.has_value(), after_c.has_value());
      if (before_c.has_value() && after_c.has_value()) {
        EXPECT_EQ(before_c->SerializeAsString(), after_c->SerializeAsString()) << status;
      }
      if (before_a.has_value() && after_a.has_value()) {
        EXPECT_EQ(before_a->SerializeAsString(), after_a->SerializeAsString()) << status;
      }
    }
    return status.ok();
  }

 private:
  Desk& desk_;
  DeskStore& store_;
  std::mt19937_64 rng_;
  std::atomic<int64_t>* clock_;
  std::set<std::string>* may_be_bot_;
  bool check_unchanged_;
  // DESK_DEBUG=1: check everything after each of the first 3,000 calls and
  // name the call that broke a rule.
  const bool debug_ = getenv("DESK_DEBUG") != nullptr;
};

DeskOptions RandomOptions() {
  DeskOptions o;
  o.max_queue_wait = absl::Minutes(10);
  o.max_queue_length = 40;
  o.default_capacity = 3;
  return o;
}

void AddAgents(Desk& desk) {
  for (int i = 0; i < kAgents; ++i) {
    ASSERT_TRUE(desk.SetAgent({.id = AgentId(i), .name = absl::StrCat("Agent ", i),
                               .skills = i % 3 == 0 ? std::vector<std::string>{"billing"}
                                                    : std::vector<std::string>{},
                               .languages = i % 2 == 0 ? std::vector<std::string>{"en"}
                                                       : std::vector<std::string>{}},
                              T(0))
                    .ok());
  }
}

TEST(DeskProperty, HundredThousandRandomCallsLoseNoShopper) {
  std::shared_ptr<DeskStore> store = NewInMemoryDeskStore();
  std::unique_ptr<Desk> desk = *Desk::Create(store, RandomOptions());
  AddAgents(*desk);
  std::atomic<int64_t> clock{1};
  std::set<std::string> may_be_bot;
  Driver driver(*desk, *store, 20261118, &clock, &may_be_bot, /*check_unchanged=*/true);
  int ok = 0;
  constexpr int kCalls = 100000;
  for (int i = 1; i <= kCalls; ++i) {
    ok += driver.Step();
    if (i % 2500 == 0 || (getenv("DESK_DEBUG") && i < 3000)) {
      CheckInvariants(*store, *desk, may_be_bot, T(clock.load()));
      if (::testing::Test::HasFailure()) FAIL() << "after call " << i << ": " << driver.last;
    }
  }
  CheckInvariants(*store, *desk, may_be_bot, T(clock.load()));
  // The mix must exercise the desk, not only its errors.
  EXPECT_GT(ok, kCalls / 3);
  std::printf("%d of %d random calls succeeded\n", ok, kCalls);
}

TEST(DeskProperty, ThreadsOnOneDeskAndTwoDesksOnOneStoreStayConsistent) {
  std::shared_ptr<DeskStore> store = NewInMemoryDeskStore();
  std::unique_ptr<Desk> one = *Desk::Create(store, RandomOptions());
  std::unique_ptr<Desk> two = *Desk::Create(store, RandomOptions());
  AddAgents(*one);
  // One clock for all threads: each reads it and advances it, so calls
  // reach the desk slightly out of order, as with real threads.
  std::atomic<int64_t> clock{1};
  std::set<std::string> may_be_bot[4];
  std::vector<std::thread> threads;
  for (int k = 0; k < 4; ++k) {
    threads.emplace_back([&, k] {
      Driver driver(k % 2 == 0 ? *one : *two, *store, 7 + k, &clock, &may_be_bot[k],
                    /*check_unchanged=*/false);
      for (int i = 0; i < 5000; ++i) driver.Step();
    });
  }
  for (std::thread& t : threads) t.join();
  std::set<std::string> all;
  for (auto& s : may_be_bot) all.insert(s.begin(), s.end());
  CheckInvariants(*store, *one, all, T(clock.load()));
  std::printf("conflicts retried: %lld + %lld\n",
              static_cast<long long>(one->counters().conflicts),
              static_cast<long long>(two->counters().conflicts));
}

}  // namespace
}  // namespace chatcart
