// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Issue #22's thread stress, for the agent desk and the conversation runtime
// (the shared mutable objects a host's request threads call at once).
//
// DeskStress: two Desks over one in-memory DeskStore (two processes' worth
// of desks, each shared by its threads) and 8 threads that queue shoppers,
// write, and act as agents: accept and decline offers, answer, transfer
// chats to another agent, resolve, go away and come back, tick. Every call
// must succeed or fail with the codes races allow (a chat taken, resolved
// or moved by another thread first); afterwards the store must be
// consistent: each assigned or offered chat in exactly its agent's lists,
// message sequence numbers 1..n, the queue's positions 1..n.
//
// RuntimeStress: one Conversations (demo engine, in-memory session store,
// a desk) shared by 8 threads: shoppers hand off to a person, agent threads
// accept, write and resolve through the runtime, and every message is sent
// by two threads at once (a webhook's retry racing its original): exactly
// one of the two is applied, the other a duplicate, and every conversation
// loads afterwards with as many messages applied as were sent.
//
// Built and run under ThreadSanitizer by scripts/test.sh (build-tsan/, with
// engine_stress_test). Size: CHATCART_STRESS_DESK_OPS (calls per thread,
// default 2000) and CHATCART_STRESS_RUNTIME_CONVERSATIONS (default 48).

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>
#include <mutex>
#include <random>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "chatcart/desk.h"
#include "chatcart/desk_store.h"
#include "chatcart/engine.h"
#include "chatcart/runtime.h"
#include "chatcart/store.h"
#include "common/testing/data.h"
#include "gtest/gtest.h"

namespace chatcart {
namespace {

int EnvInt(const char* name, int fallback) {
  const char* value = std::getenv(name);
  int n = 0;
  return value != nullptr && absl::SimpleAtoi(value, &n) && n > 0 ? n : fallback;
}

constexpr int kThreads = 8;
constexpr int kAgents = 6;
constexpr int64_t kStartMs = int64_t{1795000000} * 1000;

std::string AgentId(int i) { return absl::StrCat("agent-", i); }

// Milliseconds since the first call, on a steady clock.
int64_t Elapsed() {
  static const std::chrono::steady_clock::time_point start = std::chrono::steady_clock::now();
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() -
                                                               start)
      .count();
}

// Codes a call may fail with when another thread changed the chat first.
bool RaceCode(const absl::Status& s) {
  return absl::IsFailedPrecondition(s) || absl::IsNotFound(s);
}

// ---------------------------------------------------------------- desk

class DeskStress : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = NewInMemoryDeskStore();
    DeskOptions options;
    options.offer_timeout = absl::Seconds(5);
    options.default_capacity = 3;
    for (auto& desk : desks_) {
      auto created = Desk::Create(store_, options);
      ASSERT_TRUE(created.ok()) << created.status();
      desk = *std::move(created);
    }
    for (int i = 0; i < kAgents; ++i) {
      ASSERT_TRUE(
          desks_[0]->SetAgent({.id = AgentId(i), .name = absl::StrCat("Agent ", i)}, Now()).ok());
      ASSERT_TRUE(desks_[0]->SetAvailability(AgentId(i), v1::DeskAgent::ONLINE, Now()).ok());
    }
  }

  // Each call's time, as a host reads it: a fixed start plus the real time
  // elapsed (a steady clock), so threads racing with their clock reads call
  // within the desk's tolerance (a counter of calls ran far ahead of a
  // thread descheduled for a few milliseconds).
  absl::Time Now() { return absl::FromUnixMillis(kStartMs + Elapsed()); }

  // Records an unexpected failure (a race may only refuse, never break).
  void Check(const absl::Status& s, const char* call) {
    if (s.ok() || RaceCode(s)) return;
    std::lock_guard<std::mutex> lock(mu_);
    failures_.push_back(absl::StrCat(call, ": ", s.ToString()));
  }

  void Worker(int thread, int ops) {
    Desk& desk = *desks_[thread % 2];
    std::mt19937 random(thread + 1);
    auto pick = [&](int n) { return static_cast<int>(random() % n); };
    std::vector<std::string> mine;
    for (int op = 0; op < ops; ++op) {
      const std::string agent = AgentId(pick(kAgents));
      switch (pick(10)) {
        case 0: {  // a shopper asks for a person (at most 30 new ones a thread)
          if (mine.size() >= 30) {
            Check(desk.RequestAgent({.conversation_id = mine[pick(30)], .language = "en"}, Now())
                      .status(),
                  "request_agent");
            break;
          }
          std::string id = absl::StrCat("c-", thread, "-", mine.size());
          Check(desk.RequestAgent({.conversation_id = id, .language = "en"}, Now()).status(),
                "request_agent");
          mine.push_back(id);
          {
            std::lock_guard<std::mutex> lock(mu_);
            conversations_.insert(id);
          }
          break;
        }
        case 1:  // a shopper writes (reopening a resolved chat)
          if (!mine.empty()) {
            Check(desk.ShopperMessage(mine[pick(static_cast<int>(mine.size()))], "still there?",
                                      Now())
                      .status(),
                  "shopper_message");
          }
          break;
        case 2:
        case 3: {  // the agent takes or declines their offers
          absl::StatusOr<v1::DeskAgent> a = desk.Agent(agent);
          Check(a.status(), "agent");
          if (!a.ok()) break;
          for (const std::string& c : a->offered()) {
            Check(pick(5) == 0 ? desk.Decline(agent, c, Now()).status()
                               : desk.Accept(agent, c, Now()).status(),
                  "accept/decline");
          }
          break;
        }
        case 4:
        case 5: {  // the agent answers, transfers or resolves a chat they hold
          absl::StatusOr<v1::DeskAgent> a = desk.Agent(agent);
          Check(a.status(), "agent");
          if (!a.ok() || a->assigned().empty()) break;
          const std::string c = a->assigned(pick(a->assigned_size()));
          switch (pick(4)) {
            case 0:
              Check(desk.Assign(c, AgentId(pick(kAgents)), Now()).status(), "assign");
              break;
            case 1:
              Check(desk.Resolve(agent, c, Now()).status(), "resolve");
              break;
            default:
              Check(desk.AgentMessage(agent, c, "on its way", Now()).status(), "agent_message");
          }
          break;
        }
        case 6:  // a note, from any agent
          if (!mine.empty()) {
            Check(desk.AddNote(agent, mine[pick(static_cast<int>(mine.size()))], "vip", Now())
                      .status(),
                  "note");
          }
          break;
        case 7:  // away and back, sending chats back to the queue
          Check(desk.SetAvailability(
                        agent, pick(2) == 0 ? v1::DeskAgent::AWAY : v1::DeskAgent::ONLINE, Now())
                    .status(),
                "set_availability");
          break;
        case 8:
          Check(desk.Tick(Now()).status(), "tick");
          break;
        default:
          Check(desk.Heartbeat(agent, Now()).status(), "heartbeat");
          if (!mine.empty()) {
            Check(desk.QueueStatus(mine[pick(static_cast<int>(mine.size()))], Now()).status(),
                  "queue_status");
          }
      }
    }
  }

  std::shared_ptr<DeskStore> store_;
  std::unique_ptr<Desk> desks_[2];
  std::mutex mu_;
  std::vector<std::string> failures_;
  std::set<std::string> conversations_;
};

TEST_F(DeskStress, AgentsTakeAnswerAndTransferChatsFromManyThreadsOnSharedDesks) {
  const int ops = EnvInt("CHATCART_STRESS_DESK_OPS", 2000);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) threads.emplace_back([this, t, ops] { Worker(t, ops); });
  for (std::thread& t : threads) t.join();
  for (const std::string& f : failures_) ADD_FAILURE() << f;
  ASSERT_FALSE(conversations_.empty());

  // Every agent's lists agree with the chats', and each chat is in at most
  // one agent's lists.
  std::map<std::string, int> held;
  for (int i = 0; i < kAgents; ++i) {
    absl::StatusOr<v1::DeskAgent> a = desks_[0]->Agent(AgentId(i));
    ASSERT_TRUE(a.ok()) << a.status();
    for (const std::string& c : a->assigned()) {
      ++held[c];
      absl::StatusOr<v1::DeskConversation> conv = desks_[0]->Conversation(c);
      ASSERT_TRUE(conv.ok()) << conv.status();
      EXPECT_EQ(conv->status(), v1::DeskConversation::ASSIGNED) << c;
      EXPECT_EQ(conv->agent_id(), a->id()) << c;
    }
    for (const std::string& c : a->offered()) {
      ++held[c];
      absl::StatusOr<v1::DeskConversation> conv = desks_[0]->Conversation(c);
      ASSERT_TRUE(conv.ok()) << conv.status();
      EXPECT_EQ(conv->status(), v1::DeskConversation::QUEUED) << c;
      EXPECT_EQ(conv->offer_agent_id(), a->id()) << c;
    }
  }
  int queued = 0, assigned = 0, resolved = 0;
  for (const std::string& c : conversations_) {
    absl::StatusOr<v1::DeskConversation> conv = desks_[1]->Conversation(c);
    ASSERT_TRUE(conv.ok()) << conv.status();
    EXPECT_LE(held[c], 1) << c;
    if (conv->status() == v1::DeskConversation::ASSIGNED) {
      ++assigned;
      EXPECT_EQ(held[c], 1) << c << " is assigned but in no agent's list";
    }
    if (conv->status() == v1::DeskConversation::QUEUED) {
      ++queued;
      absl::StatusOr<v1::DeskQueueStatus> status = desks_[1]->QueueStatus(c, Now());
      ASSERT_TRUE(status.ok()) << status.status();
      EXPECT_GE(status->position(), 1) << c;
    }
    if (conv->status() == v1::DeskConversation::RESOLVED) ++resolved;
    // Messages are numbered 1..n with no gap or repeat, whichever desk and
    // thread appended them.
    absl::StatusOr<std::vector<v1::DeskMessage>> messages = desks_[0]->Messages(c);
    ASSERT_TRUE(messages.ok()) << messages.status();
    ASSERT_EQ(static_cast<int64_t>(messages->size()), conv->messages()) << c;
    for (size_t i = 0; i < messages->size(); ++i) EXPECT_EQ((*messages)[i].seq(), i + 1) << c;
  }
  // The queue's positions are 1..queued.
  absl::StatusOr<std::vector<v1::DeskConversation>> waiting =
      desks_[0]->Waiting("", "en", 1, 1 << 20);
  ASSERT_TRUE(waiting.ok()) << waiting.status();
  EXPECT_EQ(static_cast<int>(waiting->size()), queued);
  for (size_t i = 0; i < waiting->size(); ++i) {
    EXPECT_EQ(desks_[0]->QueueStatus((*waiting)[i].id(), Now())->position(),
              static_cast<int>(i + 1));
  }
  const int64_t calls = desks_[0]->counters().calls + desks_[1]->counters().calls;
  std::printf(
      "desk stress: %d threads, %lld calls, %zu chats (%d queued, %d assigned, %d "
      "resolved), %lld commits retried\n",
      kThreads, static_cast<long long>(calls), conversations_.size(), queued, assigned, resolved,
      static_cast<long long>(desks_[0]->counters().conflicts + desks_[1]->counters().conflicts));
  EXPECT_GT(assigned + resolved, 0);
}

// ---------------------------------------------------------------- runtime

TEST(RuntimeStress, ShoppersAgentsAndRetriedMessagesShareOneConversationsObject) {
  auto engine = Engine::Create(testing::SourceDir() + "/examples/bundles/demo");
  ASSERT_TRUE(engine.ok()) << engine.status();
  auto desk_created = Desk::Create(NewInMemoryDeskStore(), {});
  ASSERT_TRUE(desk_created.ok()) << desk_created.status();
  std::shared_ptr<Desk> desk = *std::move(desk_created);
  for (int i = 0; i < kAgents; ++i) {
    ASSERT_TRUE(desk->SetAgent({.id = AgentId(i), .name = absl::StrCat("Agent ", i)},
                               absl::FromUnixMillis(kStartMs))
                    .ok());
    ASSERT_TRUE(
        desk->SetAvailability(AgentId(i), v1::DeskAgent::ONLINE, absl::FromUnixMillis(kStartMs))
            .ok());
  }
  ConversationsOptions options;
  options.engine = *engine;
  options.store = NewMemorySessionStore();
  options.desk = desk;
  auto made = Conversations::Create(std::move(options));
  ASSERT_TRUE(made.ok()) << made.status();
  Conversations& conversations = **made;

  const int count = EnvInt("CHATCART_STRESS_RUNTIME_CONVERSATIONS", 48);
  const std::vector<std::string> texts = {"hi", "a gift for my 6 year old under 40 euros",
                                          "I want to talk to a person", "are you still there?"};
  auto now_ms = [] { return kStartMs + 1000 + Elapsed(); };
  std::mutex mu;
  std::vector<std::string> failures;
  // (conversation, message id) -> how many of the two sends were applied.
  std::map<std::pair<int, int>, int> applied;
  auto fail = [&](std::string what) {
    std::lock_guard<std::mutex> lock(mu);
    failures.push_back(std::move(what));
  };
  std::atomic<int> shoppers_left{kThreads - 2};
  std::atomic<int> accepted{0}, answered{0};

  std::vector<std::thread> threads;
  // Shopper threads, in pairs: both of a pair send the same messages of the
  // same conversations, a webhook and its retry.
  for (int t = 0; t < kThreads - 2; ++t) {
    threads.emplace_back([&, t] {
      const int pair = t / 2;
      for (int c = pair; c < count; c += (kThreads - 2) / 2) {
        for (int m = 0; m < static_cast<int>(texts.size()); ++m) {
          ConversationInput in;
          in.conversation_id = absl::StrCat("web:", c);
          in.message_id = absl::StrCat("m", m);
          in.turn.set_text(texts[m]);
          const int64_t ms = now_ms();
          in.turn.mutable_time()->set_seconds(ms / 1000);
          in.turn.mutable_time()->set_nanos(static_cast<int32_t>(ms % 1000) * 1000000);
          absl::StatusOr<ConversationOutput> out = conversations.Handle(in);
          if (!out.ok()) {
            fail(absl::StrCat(in.conversation_id, " ", in.message_id, ": ",
                              out.status().ToString()));
            continue;
          }
          if (!out->desk_status.ok() && !RaceCode(out->desk_status)) {
            fail(absl::StrCat(in.conversation_id, " desk: ", out->desk_status.ToString()));
          }
          if (!out->duplicate) {
            std::lock_guard<std::mutex> lock(mu);
            ++applied[{c, m}];
          }
        }
      }
      --shoppers_left;
    });
  }
  // Agent threads: accept offers, write, resolve, through the runtime.
  for (int t = 0; t < 2; ++t) {
    threads.emplace_back([&, t] {
      std::mt19937 random(100 + t);
      int round = 0;
      while (shoppers_left.load() > 0 || round < 3) {
        if (shoppers_left.load() == 0) ++round;
        for (int i = t; i < kAgents; i += 2) {
          const std::string agent = AgentId(i);
          absl::StatusOr<v1::DeskAgent> a = desk->Agent(agent);
          if (!a.ok()) {
            fail(a.status().ToString());
            continue;
          }
          for (const std::string& c : a->offered()) {
            absl::StatusOr<DeskOutput> out = conversations.Accept(agent, c, now_ms());
            if (out.ok()) ++accepted;
            if (!out.ok() && !RaceCode(out.status())) fail(out.status().ToString());
          }
          for (const std::string& c : a->assigned()) {
            absl::StatusOr<DeskOutput> out =
                random() % 3 == 0
                    ? conversations.Resolve(agent, c, now_ms())
                    : conversations.AgentMessage(agent, c, absl::StrCat("a", random()),
                                                 "It ships tomorrow.", now_ms());
            if (out.ok()) ++answered;
            if (!out.ok() && !RaceCode(out.status())) fail(out.status().ToString());
          }
        }
        if (!conversations.TickDesk(now_ms()).ok()) fail("tick");
      }
    });
  }
  for (std::thread& t : threads) t.join();
  for (const std::string& f : failures) ADD_FAILURE() << f;

  // Each message was applied once, whichever of its two sends came first.
  for (int c = 0; c < count; ++c) {
    for (int m = 0; m < static_cast<int>(texts.size()); ++m) {
      EXPECT_EQ((applied[{c, m}]), 1) << "web:" << c << " m" << m;
    }
    absl::StatusOr<std::unique_ptr<Session>> session = conversations.Load(absl::StrCat("web:", c));
    EXPECT_TRUE(session.ok()) << session.status();
  }
  std::printf(
      "runtime stress: %d conversations, %zu messages sent twice each, %d chats accepted, "
      "%d answered or resolved, %lld desk calls\n",
      count, applied.size(), accepted.load(), answered.load(),
      static_cast<long long>(desk->counters().calls));
  EXPECT_GT(accepted.load(), 0);
  EXPECT_GT(answered.load(), 0);
}

}  // namespace
}  // namespace chatcart
