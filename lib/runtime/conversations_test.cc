// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Conversations in one process on the demo bundle: continuing, at most once
// per message id, conflicts, restarts of unreadable conversations, timers,
// forgetting.

#include <atomic>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "chatcart/runtime.h"
#include "chatcart/v1/runtime.pb.h"
#include "common/testing/status_matchers.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "runtime/runtime_test_util.h"

namespace chatcart {
namespace {

using ::chatcart::testing::Bytes;
using ::chatcart::testing::DemoEngine;
using ::chatcart::testing::IsOkAndHolds;
using ::chatcart::testing::Message;
using ::chatcart::testing::StatusIs;
using ::chatcart::testing::TextAt;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

std::string AllText(const v1::TurnResult& result) {
  std::string out;
  for (const auto& reply : result.replies()) absl::StrAppend(&out, reply.text(), "\n");
  return out;
}

class ConversationsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = NewMemorySessionStore();
    conversations_ = Make(store_);
  }

  // `remembered`: ConversationsOptions::remembered_messages, 0 for the default.
  std::unique_ptr<Conversations> Make(std::shared_ptr<SessionStore> store, int remembered = 0) {
    ConversationsOptions options;
    options.engine = DemoEngine();
    options.store = std::move(store);
    if (remembered > 0) options.remembered_messages = remembered;
    auto made = Conversations::Create(std::move(options));
    EXPECT_OK(made);
    return *std::move(made);
  }

  std::shared_ptr<SessionStore> store_;
  std::unique_ptr<Conversations> conversations_;
};

TEST_F(ConversationsTest, AConversationStartsAndContinuesFromTheStore) {
  auto first = conversations_->Handle(
      Message("web-42", "m1", "I need a gift for my 6 year old under 40 euros", 0));
  ASSERT_OK(first);
  EXPECT_THAT(AllText(first->result), ::testing::ContainsRegex("What (are they into|do they enjoy)"));
  EXPECT_EQ(first->version, 1);
  EXPECT_FALSE(first->duplicate);
  // A second runtime on the same store: nothing lives in the first.
  auto other = Make(store_);
  auto second = other->Handle(Message("web-42", "m2", "she loves lego", 1));
  ASSERT_OK(second);
  EXPECT_THAT(AllText(second->result), HasSubstr("ideas for a 6-year-old (lego, under 40 euros)"));
  EXPECT_EQ(second->version, 2);
  EXPECT_EQ(second->applied_count, 2u);
}

// The runtime adds nothing to a conversation: its results and snapshot are
// the bare Session's, byte for byte.
TEST_F(ConversationsTest, ResultsAreByteForByteThoseOfABareSession) {
  const char* texts[] = {"hi", "I need a gift for my 6 year old under 40 euros", "she loves lego",
                         "add the second one", "show my cart", "checkout"};
  std::unique_ptr<Session> bare =
      DemoEngine()->NewSession("web-7", conversations_->SeedFor("web-7"));
  for (int i = 0; i < 6; ++i) {
    auto out = conversations_->Handle(Message("web-7", absl::StrCat("m", i), texts[i], i));
    ASSERT_OK(out);
    auto expected = bare->HandleTurn(TextAt(texts[i], i));
    ASSERT_OK(expected);
    EXPECT_EQ(Bytes(out->result), Bytes(*expected)) << texts[i];
  }
  auto stored = conversations_->Load("web-7");
  ASSERT_OK(stored);
  EXPECT_EQ((*stored)->Snapshot(), bare->Snapshot());
}

TEST_F(ConversationsTest, ADuplicateMessageIsAppliedOnceAndReturnsTheFirstResult) {
  auto first = conversations_->Handle(
      Message("web-1", "wamid.1", "I need a gift for my 6 year old under 40 euros", 0));
  ASSERT_OK(first);
  auto again = conversations_->Handle(
      Message("web-1", "wamid.1", "I need a gift for my 6 year old under 40 euros", 3));
  ASSERT_OK(again);
  EXPECT_TRUE(again->duplicate);
  EXPECT_EQ(again->version, 1);
  EXPECT_EQ(again->applied_count, 1u);
  EXPECT_EQ(Bytes(again->result), Bytes(first->result));
}

TEST_F(ConversationsTest, OldDuplicatesStayDuplicatesAfterTheirResultsAreForgotten) {
  for (int i = 0; i < 10; ++i) {
    ASSERT_OK(conversations_->Handle(Message("web-1", absl::StrCat("m", i), "hi", i)));
  }
  auto old = conversations_->Handle(Message("web-1", "m0", "hi", 20));
  ASSERT_OK(old);
  EXPECT_TRUE(old->duplicate);
  EXPECT_EQ(old->result.replies_size(), 0);  // only the last 4 keep results
  EXPECT_EQ(old->version, 10);
  auto recent = conversations_->Handle(Message("web-1", "m9", "hi", 21));
  ASSERT_OK(recent);
  EXPECT_GT(recent->result.replies_size(), 0);
}

// Eight threads, one conversation, distinct messages: every one applied,
// none twice; the version counts them.
TEST_F(ConversationsTest, ConcurrentMessagesOfOneConversationAreAllAppliedOnce) {
  constexpr int kThreads = 8, kEach = 25;
  // Every id remembered: with the default 64, a thread descheduled between a
  // message and its redelivery on a loaded machine let the others push the
  // id out of the window, and the redelivery was applied (a documented
  // limit, not what this test is about).
  std::vector<std::unique_ptr<Conversations>> runtimes;
  for (int t = 0; t < kThreads; ++t) runtimes.push_back(Make(store_, kThreads * kEach));
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kEach; ++i) {
        std::string id = absl::StrCat("t", t, "-", i);
        ASSERT_OK(runtimes[t]->Handle(Message("web-1", id, "hi", t * kEach + i)));
        // Every tenth one delivered twice.
        if (i % 10 == 0) {
          auto dup = runtimes[(t + 1) % kThreads]->Handle(Message("web-1", id, "hi", 0));
          ASSERT_OK(dup);
          EXPECT_TRUE(dup->duplicate);
        }
      }
    });
  }
  for (std::thread& t : threads) t.join();
  auto stored = store_->Load("web-1");
  ASSERT_OK(stored);
  EXPECT_EQ(stored->version, kThreads * kEach);
  v1::ConversationRecord record;
  ASSERT_TRUE(record.ParseFromString(stored->value));
  EXPECT_EQ(record.applied_count(), static_cast<uint64_t>(kThreads * kEach));
}

TEST_F(ConversationsTest, AnUnreadableConversationRestartsWithATraceEntry) {
  ASSERT_OK(store_->Save({.id = "web-1", .value = "\xff\xff not a record"}));
  auto out = conversations_->Handle(Message("web-1", "m1", "hi", 0));
  ASSERT_OK(out);
  EXPECT_TRUE(out->restarted);
  ASSERT_GE(out->result.events_size(), 1);
  const v1::AnalyticsEvent& event = out->result.events(out->result.events_size() - 1);
  EXPECT_EQ(event.kind(), "conversation_restarted");
  EXPECT_THAT(event.param().at("reason"), HasSubstr("not a ConversationRecord"));
  EXPECT_EQ(out->version, 2);
  // The restarted one continues normally.
  auto next = conversations_->Handle(Message("web-1", "m2", "hi", 1));
  ASSERT_OK(next);
  EXPECT_FALSE(next->restarted);
}

// Issue #22: a stored record whose strings are not UTF-8 (a timer's kind,
// the channel state's channel: a corrupted value) is unreadable like any
// other corruption, and protobuf, which logged an ERROR line for each such
// string before refusing it, is never handed it.
TEST_F(ConversationsTest, Issue22AStoredRecordWithIllFormedTextRestartsWithoutAProtobufLogLine) {
  ASSERT_OK(conversations_->Handle(Message("web-1", "m1", "hi", 0)));
  auto stored = store_->Load("web-1");
  ASSERT_OK(stored);
  v1::ConversationRecord record;
  ASSERT_TRUE(record.ParseFromString(stored->value));
  record.add_timers()->set_kind("reminderX");
  record.mutable_channel()->set_channel("webY");
  std::string bytes = record.SerializeAsString();
  bytes[bytes.find("reminderX") + 8] = '\xff';
  bytes[bytes.find("webY") + 3] = '\xc3';
  ASSERT_OK(store_->Save({.id = "web-1", .value = bytes, .expected_version = 1}));

  ::testing::internal::CaptureStderr();
  EXPECT_THAT(conversations_->Load("web-1"),
              StatusIs(absl::StatusCode::kDataLoss, HasSubstr("not a ConversationRecord")));
  EXPECT_THAT(conversations_->FireTimer({"web-1", "reminder", 1}),
              StatusIs(absl::StatusCode::kNotFound));
  auto out = conversations_->Handle(Message("web-1", "m2", "hi", 1));
  const std::string err = ::testing::internal::GetCapturedStderr();
  ASSERT_OK(out);
  EXPECT_TRUE(out->restarted);
  EXPECT_THAT(err, ::testing::Not(HasSubstr("UTF-8"))) << err;
  EXPECT_THAT(err, ::testing::Not(HasSubstr("libprotobuf"))) << err;
  EXPECT_OK(conversations_->Load("web-1"));
}

TEST_F(ConversationsTest, ACorruptSnapshotRestartsButKeepsTheAppliedMessageIds) {
  ASSERT_OK(conversations_->Handle(Message("web-1", "m1", "hi", 0)));
  auto stored = store_->Load("web-1");
  ASSERT_OK(stored);
  v1::ConversationRecord record;
  ASSERT_TRUE(record.ParseFromString(stored->value));
  std::string snapshot = record.snapshot();
  snapshot[snapshot.size() / 2] ^= 0x5a;
  record.set_snapshot(snapshot);
  ASSERT_OK(store_->Save(
      {.id = "web-1", .value = record.SerializeAsString(), .expected_version = 1}));
  auto dup = conversations_->Handle(Message("web-1", "m1", "hi", 1));
  ASSERT_OK(dup);
  EXPECT_TRUE(dup->duplicate);
  auto out = conversations_->Handle(Message("web-1", "m2", "hi", 2));
  ASSERT_OK(out);
  EXPECT_TRUE(out->restarted);
  EXPECT_EQ(out->applied_count, 2u);
}

TEST_F(ConversationsTest, AnAbandonedCartRemindsOnceWhenItsTimerFires) {
  ASSERT_OK(conversations_->Handle(
      Message("web-1", "m1", "I need a gift for my 6 year old under 40 euros", 0)));
  ASSERT_OK(conversations_->Handle(Message("web-1", "m2", "she loves lego", 1)));
  auto added = conversations_->Handle(Message("web-1", "m3", "add the second one", 2));
  ASSERT_OK(added);
  int64_t due = (int64_t{1795428000} + 60) * 1000 + 3600 * 1000;
  EXPECT_THAT(conversations_->DueTimers(due - 1, 10), IsOkAndHolds(IsEmpty()));
  auto timers = conversations_->DueTimers(due, 10);
  ASSERT_OK(timers);
  ASSERT_EQ(timers->size(), 1u);
  EXPECT_EQ((*timers)[0].kind, "cart_abandoned");
  EXPECT_EQ((*timers)[0].due_at_ms, due);
  auto fired = conversations_->FireTimer((*timers)[0]);
  ASSERT_OK(fired);
  EXPECT_THAT(AllText(fired->result), HasSubstr("You left a few things in your cart"));
  EXPECT_THAT(conversations_->DueTimers(due, 10), IsOkAndHolds(IsEmpty()));
  // Fired twice (two pollers): the second finds nothing to do.
  EXPECT_THAT(conversations_->FireTimer((*timers)[0]), StatusIs(absl::StatusCode::kNotFound));
}

TEST_F(ConversationsTest, AShopperMessageMovesTheAbandonedCartTimer) {
  ASSERT_OK(conversations_->Handle(
      Message("web-1", "m1", "I need a gift for my 6 year old under 40 euros", 0)));
  ASSERT_OK(conversations_->Handle(Message("web-1", "m2", "she loves lego", 1)));
  ASSERT_OK(conversations_->Handle(Message("web-1", "m3", "add the second one", 2)));
  ASSERT_OK(conversations_->Handle(Message("web-1", "m4", "show my cart", 100)));
  int64_t first_due = (int64_t{1795428000} + 60) * 1000 + 3600 * 1000;
  EXPECT_THAT(conversations_->DueTimers(first_due, 10), IsOkAndHolds(IsEmpty()));
  auto later = conversations_->DueTimers(first_due + 3000 * 1000, 10);
  ASSERT_OK(later);
  ASSERT_EQ(later->size(), 1u);
  EXPECT_EQ((*later)[0].due_at_ms, (int64_t{1795428000} + 3000) * 1000 + 3600 * 1000);
  // A stale index entry (the old due time) is refused and dropped.
  EXPECT_THAT(conversations_->FireTimer({"web-1", "cart_abandoned", first_due}),
              StatusIs(absl::StatusCode::kNotFound));
}

TEST_F(ConversationsTest, ForgettingAShopperDeletesTheirConversations) {
  auto in = Message("web-1", "m1", "hi", 0);
  in.shopper = "cust-7";
  ASSERT_OK(conversations_->Handle(in));
  in.conversation_id = "sms-1";
  ASSERT_OK(conversations_->Handle(in));
  in.conversation_id = "web-2";
  in.shopper = "cust-8";
  ASSERT_OK(conversations_->Handle(in));
  // A message without a shopper keeps the stored one.
  ASSERT_OK(conversations_->Handle(Message("web-1", "m2", "hi", 1)));
  EXPECT_THAT(conversations_->ForgetShopper("cust-7"), IsOkAndHolds(2));
  EXPECT_THAT(conversations_->Load("web-1"), StatusIs(absl::StatusCode::kNotFound));
  EXPECT_OK(conversations_->Load("web-2"));
  ASSERT_OK(conversations_->Forget("web-2"));
  EXPECT_THAT(conversations_->Load("web-2"), StatusIs(absl::StatusCode::kNotFound));
}

TEST_F(ConversationsTest, BadInputsAreRefusedAndSaveNothing) {
  ConversationInput no_time;
  no_time.conversation_id = "web-1";
  no_time.turn.set_text("hi");
  EXPECT_THAT(conversations_->Handle(no_time),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("no time")));
  EXPECT_THAT(conversations_->Handle(Message("", "m1", "hi", 0)),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("conversation id")));
  ConversationInput empty = Message("web-1", "m1", "", 0);
  EXPECT_THAT(conversations_->Handle(empty), StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(store_->Load("web-1"), StatusIs(absl::StatusCode::kNotFound));
  EXPECT_THAT(Conversations::Create({}), StatusIs(absl::StatusCode::kInvalidArgument));
  ConversationsOptions bad;
  bad.engine = DemoEngine();
  bad.store = store_;
  bad.remembered_results = 100;
  EXPECT_THAT(Conversations::Create(bad), StatusIs(absl::StatusCode::kInvalidArgument));
}

// An agent adds to the shopper's cart outside a turn: the cart is the
// session's (the shopper's next turn sees it), attributed to the agent,
// applied once per message id, and nothing is saved when the cart refuses.
TEST_F(ConversationsTest, AnAgentsCartCommandIsAppliedOnceAndTheShopperSeesIt) {
  ASSERT_OK(conversations_->Handle(Message("web-7", "m1", "hi", 0)));
  commands::AddLine line;
  line.product_id = "toy-fox";
  line.sku = "toy-fox";
  line.quantity = 2;
  line.title = "Plush Fox, 30 cm";
  CartCommand add;
  add.action = line;
  add.actor = Actor::Agent("nick");
  add.time = absl::FromUnixSeconds(1795428000 + 45);
  auto added = conversations_->ApplyCartCommand("web-7", "agent-1", add);
  ASSERT_OK(added);
  EXPECT_FALSE(added->duplicate);
  EXPECT_EQ(added->version, 2);
  ASSERT_EQ(added->response.cart().lines_size(), 1);
  EXPECT_EQ(added->response.cart().lines(0).quantity(), 2);
  EXPECT_EQ(added->response.event().actor().agent_id(), "nick");

  auto again = conversations_->ApplyCartCommand("web-7", "agent-1", add);
  ASSERT_OK(again);
  EXPECT_TRUE(again->duplicate);
  EXPECT_EQ(again->version, 2);
  EXPECT_EQ(again->response.cart().lines(0).quantity(), 2);

  auto shown = conversations_->Handle(Message("web-7", "m2", "show my cart", 2));
  ASSERT_OK(shown);
  EXPECT_THAT(AllText(shown->result), HasSubstr("Plush Fox"));
  EXPECT_EQ(shown->version, 3);

  CartCommand bad;
  bad.action = commands::ChangeQuantity{.line_id = 99, .quantity = 1};
  bad.actor = Actor::Agent("nick");
  EXPECT_FALSE(conversations_->ApplyCartCommand("web-7", "agent-2", bad).ok());
  auto stored = store_->Load("web-7");
  ASSERT_OK(stored);
  EXPECT_EQ(stored->version, 3);
  EXPECT_THAT(conversations_->ApplyCartCommand("web-none", "agent-3", add),
              StatusIs(absl::StatusCode::kNotFound));
}

// A store that fails: the error reaches the host; nothing is half-done.
TEST_F(ConversationsTest, AStoreThatIsDownIsUnavailableForTheHost) {
  auto redis = OpenRedisSessionStore(
      {.port = 1, .retry_deadline = std::chrono::milliseconds(50)});
  ASSERT_OK(redis);
  auto down = Make(std::shared_ptr<SessionStore>(*std::move(redis)));
  EXPECT_THAT(down->Handle(Message("web-1", "m1", "hi", 0)),
              StatusIs(absl::StatusCode::kUnavailable));
}

}  // namespace
}  // namespace chatcart
