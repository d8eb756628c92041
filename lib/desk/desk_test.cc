// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// The desk's behaviour: queue and positions, offers and routing, agents
// coming and going, the agent's side, timers, transcripts, bad input.

#include "chatcart/desk.h"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/strings/str_cat.h"
#include "chatcart/desk_store.h"
#include "chatcart/limits.h"
#include "common/testing/status_matchers.h"
#include "common/utf8_scrub.h"
#include "desk/desk_test_util.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace chatcart {
namespace {

using ::chatcart::testing::IsOk;
using ::chatcart::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using Conv = v1::DeskConversation;
using desk_testing::DeskFixture;
using desk_testing::Kinds;
using desk_testing::Of;
using desk_testing::T;

TEST_F(DeskFixture, PositionsAreOneBasedWithPriorityFirst) {
  for (const char* id : {"a", "b", "c"}) ASSERT_THAT(Queue(id), IsOk());
  ASSERT_THAT(
      desk_->RequestAgent(
          {.conversation_id = "vip", .language = "en", .priority = v1::PRIORITY_URGENT}, T(1)),
      IsOk());
  EXPECT_EQ(desk_->QueueStatus("vip", T(2))->position(), 1);
  EXPECT_EQ(desk_->QueueStatus("a", T(2))->position(), 2);
  EXPECT_EQ(desk_->QueueStatus("c", T(2))->position(), 4);
  EXPECT_EQ(desk_->QueueStatus("c", T(2))->text(), "People ahead of you: 3.");
  EXPECT_EQ(desk_->QueueStatus("vip", T(2))->text(), "You're next.");
  EXPECT_EQ(desk_->QueueStatus("c", T(2))->waiting(), 4);
}

TEST_F(DeskFixture, QueueingTellsTheShopperTheirPlace) {
  ASSERT_THAT(Queue("a"), IsOk());
  absl::StatusOr<v1::DeskUpdate> u = Queue("b");
  ASSERT_THAT(u, IsOk());
  ASSERT_EQ(u->events_size(), 1);
  EXPECT_EQ(u->events(0).kind(), v1::DeskEvent::QUEUE_POSITION);
  EXPECT_EQ(u->events(0).queue().position(), 2);
  EXPECT_EQ(u->events(0).text(), "People ahead of you: 1.");
  EXPECT_EQ(u->conversation().status(), Conv::QUEUED);
  // Asking again changes nothing and says where they are.
  u = Queue("b");
  ASSERT_THAT(u, IsOk());
  EXPECT_EQ(u->events(0).queue().position(), 2);
}

TEST_F(DeskFixture, AnOnlineAgentGetsAnOfferAndJoinsWithAReference) {
  Agent("nick", "Nick");
  absl::StatusOr<v1::DeskUpdate> u = Queue("web-1");
  ASSERT_THAT(u, IsOk());
  EXPECT_THAT(Kinds(*u), ElementsAre(v1::DeskEvent::QUEUE_POSITION, v1::DeskEvent::OFFER));
  EXPECT_EQ(u->events(1).agent_id(), "nick");
  EXPECT_EQ(u->events(1).expires_unix_ms(), absl::ToUnixMillis(T(30)));
  u = desk_->Accept("nick", "web-1", T(5));
  ASSERT_THAT(u, IsOk());
  EXPECT_EQ(u->conversation().status(), Conv::ASSIGNED);
  EXPECT_EQ(u->conversation().reference(), 1);
  ASSERT_EQ(u->events_size(), 1);
  EXPECT_EQ(u->events(0).text(), "Nick has joined. Your reference number for this chat is #1.");
  // Accepting again is a no-op.
  EXPECT_THAT(desk_->Accept("nick", "web-1", T(6)), IsOk());
  EXPECT_EQ(desk_->Agent("nick")->assigned_size(), 1);
  // References are sequential per store.
  ASSERT_THAT(Queue("web-2", 6), IsOk());
  EXPECT_EQ(desk_->Accept("nick", "web-2", T(7))->conversation().reference(), 2);
}

TEST_F(DeskFixture, BalancedRoutingPicksTheLeastLoadedThenTheLongestIdle) {
  Agent("a", "A", 0);
  Agent("b", "B", 1);
  ASSERT_THAT(Queue("c1"), IsOk());
  // a was seen first but both are idle since never: the tie goes by id order
  // of equal scores; accept whoever got it.
  std::string first = desk_->Conversation("c1")->offer_agent_id();
  ASSERT_THAT(desk_->Accept(first, "c1", T(3)), IsOk());
  ASSERT_THAT(Queue("c2", 4), IsOk());
  std::string second = desk_->Conversation("c2")->offer_agent_id();
  EXPECT_NE(second, first);  // the other one has fewer open conversations
}

TEST_F(DeskFixture, RoundRobinTakesAgentsInTurn) {
  Reset({.routing = DeskRouting::kRoundRobin});
  Agent("a", "A");
  Agent("b", "B");
  std::vector<std::string> got;
  for (int i = 0; i < 4; ++i) {
    std::string id = "c" + std::to_string(i);
    ASSERT_THAT(Queue(id, 10 + i), IsOk());
    got.push_back(desk_->Conversation(id)->offer_agent_id());
  }
  EXPECT_NE(got[0], got[1]);
  EXPECT_EQ(got[0], got[2]);
  EXPECT_EQ(got[1], got[3]);
}

TEST_F(DeskFixture, OffersStayWithinCapacity) {
  Agent("a", "A", 0, /*capacity=*/2);
  for (int i = 0; i < 3; ++i) ASSERT_THAT(Queue("c" + std::to_string(i), 1 + i), IsOk());
  EXPECT_EQ(desk_->Agent("a")->offered_size(), 2);
  EXPECT_EQ(desk_->Conversation("c2")->offer_agent_id(), "");
  // Claiming beyond capacity fails; a manual assignment may exceed it.
  EXPECT_THAT(desk_->Claim("a", "c2", T(5)),
              StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("capacity")));
  ASSERT_THAT(desk_->Assign("c2", "a", T(6)), IsOk());
  EXPECT_EQ(desk_->Agent("a")->assigned_size(), 1);
  EXPECT_EQ(desk_->Agent("a")->offered_size(), 2);
}

TEST_F(DeskFixture, ALapsedOfferGoesToTheNextAgent) {
  Agent("a", "A");
  ASSERT_THAT(Queue("c"), IsOk());
  std::string first = desk_->Conversation("c")->offer_agent_id();
  Agent("b", "B", 1);
  absl::StatusOr<v1::DeskUpdate> u = desk_->Tick(T(31));
  ASSERT_THAT(u, IsOk());
  EXPECT_THAT(Kinds(*u), ElementsAre(v1::DeskEvent::OFFER_WITHDRAWN, v1::DeskEvent::OFFER));
  EXPECT_EQ(desk_->Conversation("c")->offer_agent_id(), "b");
  EXPECT_EQ(desk_->Agent("a")->missed_offers(), 1);
  // The lapsed offer cannot be accepted any more.
  EXPECT_THAT(desk_->Accept("a", "c", T(32)),
              StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("not offered")));
  (void)first;
}

// Tick fires each due timer in its own step. One whose records changed
// later than the Tick's time (time going back beyond the tolerance) failed
// the Tick with OUT_OF_RANGE after the timers before it had fired: a failed
// call that changed the desk, its events lost (#22, desk_operations_fuzzer:
// a Tick 17 s back withdrew a lapsed offer, offered it again, then failed on
// the agent of the next one). Such a timer now waits, unchanged, for a later
// Tick.
TEST_F(DeskFixture, Issue22ATickFiresWhatItCanAndLeavesATimerOfALaterChangedRecordDue) {
  Agent("a", "A", 0, /*capacity=*/1);
  Agent("b", "B", 0, /*capacity=*/1);
  ASSERT_THAT(Queue("c1", 1), IsOk());  // its offer lapses at 31
  ASSERT_THAT(Queue("c2", 2), IsOk());  // at 32, to the other agent
  const std::string first = desk_->Conversation("c1")->offer_agent_id();
  const std::string second = desk_->Conversation("c2")->offer_agent_id();
  ASSERT_FALSE(first.empty());
  ASSERT_FALSE(second.empty());
  ASSERT_NE(first, second);
  Agent(second, "Second", 60, 1);  // changed at 60: a Tick at 40 is 20 s back for it
  const std::string c2 = desk_->Conversation("c2")->SerializeAsString();
  const std::string agent = desk_->Agent(second)->SerializeAsString();

  absl::StatusOr<v1::DeskUpdate> u = desk_->Tick(T(40));
  ASSERT_THAT(u, IsOk());
  EXPECT_EQ(Of(*u, v1::DeskEvent::OFFER_WITHDRAWN).size(), 1u);
  EXPECT_EQ(desk_->Agent(first)->missed_offers(), 1);
  EXPECT_EQ(desk_->Conversation("c2")->SerializeAsString(), c2);
  EXPECT_EQ(desk_->Agent(second)->SerializeAsString(), agent);

  // Its time come, the timer fires.
  u = desk_->Tick(T(61));
  ASSERT_THAT(u, IsOk());
  std::vector<std::string> withdrawn;
  for (const v1::DeskEvent& e : Of(*u, v1::DeskEvent::OFFER_WITHDRAWN)) {
    withdrawn.push_back(e.conversation_id() + " " + e.agent_id());
  }
  EXPECT_THAT(withdrawn, ::testing::Contains("c2 " + second));
  EXPECT_EQ(desk_->Agent(second)->missed_offers(), 1);
}

TEST_F(DeskFixture, AcceptingAfterTheOfferLapsedFailsEvenWithoutATick) {
  Agent("a", "A");
  ASSERT_THAT(Queue("c"), IsOk());
  EXPECT_THAT(desk_->Accept("a", "c", T(45)),
              StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("lapsed")));
}

TEST_F(DeskFixture, FiveMissesInARowSetTheAgentAwayAndRequeueTheirChatsAtTheirPlace) {
  Agent("a", "A", 0, 3);
  Agent("b", "B", 0, 3);
  // a holds one conversation, accepted.
  ASSERT_THAT(Queue("held", 1), IsOk());
  std::string holder = desk_->Conversation("held")->offer_agent_id();
  ASSERT_THAT(desk_->Accept(holder, "held", T(2)), IsOk());
  std::string other = holder == "a" ? "b" : "a";
  // The other agent goes away; the holder keeps missing offers.
  ASSERT_THAT(desk_->SetAvailability(other, v1::DeskAgent::AWAY, T(3)), IsOk());
  int64_t t = 10;
  for (int miss = 0; miss < 5; ++miss) {
    std::string id = "m" + std::to_string(miss);
    ASSERT_THAT(Queue(id, t), IsOk());
    ASSERT_THAT(desk_->Heartbeat(holder, T(t)), IsOk());
    t += 31;
    ASSERT_THAT(desk_->Tick(T(t)), IsOk());
  }
  v1::DeskAgent agent = *desk_->Agent(holder);
  EXPECT_EQ(agent.availability(), v1::DeskAgent::AWAY);
  EXPECT_THAT(agent.away_reason(), HasSubstr("missed 5 offers"));
  // "held" is back in the queue at its old place: first (queued at T(1)).
  Conv held = *desk_->Conversation("held");
  EXPECT_EQ(held.status(), Conv::QUEUED);
  EXPECT_TRUE(held.requeued());
  EXPECT_EQ(desk_->QueueStatus("held", T(t))->position(), 1);
}

TEST_F(DeskFixture, SkillsAndLanguagesRoute) {
  Agent("it", "Giulia", 0, 4, {"billing"}, {"it"});
  Agent("en", "Nick", 0, 4, {}, {"en"});
  ASSERT_THAT(
      desk_->RequestAgent({.conversation_id = "c1", .skill = "billing", .language = "it"}, T(1)),
      IsOk());
  EXPECT_EQ(desk_->Conversation("c1")->offer_agent_id(), "it");
  ASSERT_THAT(
      desk_->RequestAgent({.conversation_id = "c2", .skill = "billing", .language = "en"}, T(2)),
      IsOk());
  EXPECT_EQ(desk_->Conversation("c2")->offer_agent_id(), "");  // nobody does billing in English
  ASSERT_THAT(desk_->RequestAgent({.conversation_id = "c3", .language = "en"}, T(3)), IsOk());
  EXPECT_EQ(desk_->Conversation("c3")->offer_agent_id(), "en");
  // An agent who learns the skill picks the waiting conversation up.
  ASSERT_THAT(desk_->SetAgent(
                  {.id = "en", .name = "Nick", .skills = {"billing"}, .languages = {"en"}}, T(4)),
              IsOk());
  EXPECT_EQ(desk_->Conversation("c2")->offer_agent_id(), "en");
}

TEST_F(DeskFixture, AReturningShopperGoesBackToTheirAgent) {
  Agent("a", "A");
  Agent("b", "B");
  ASSERT_THAT(Queue("c", 1), IsOk());
  std::string first = desk_->Conversation("c")->offer_agent_id();
  ASSERT_THAT(desk_->Accept(first, "c", T(2)), IsOk());
  ASSERT_THAT(desk_->Resolve(first, "c", T(10)), IsOk());
  // The other agent is now the least recently idle one... but sticky wins.
  ASSERT_THAT(Queue("c", 20), IsOk());
  EXPECT_EQ(desk_->Conversation("c")->offer_agent_id(), first);
}

TEST_F(DeskFixture, AnAgentWhosePresenceLapsesLosesTheirConversationsToTheQueue) {
  Agent("a", "A");
  ASSERT_THAT(Queue("c", 1), IsOk());
  ASSERT_THAT(desk_->Accept("a", "c", T(2)), IsOk());
  ASSERT_THAT(desk_->Tick(T(50)), IsOk());
  EXPECT_EQ(desk_->Conversation("c")->status(), Conv::ASSIGNED);
  absl::StatusOr<v1::DeskUpdate> u = desk_->Tick(T(63));
  ASSERT_THAT(u, IsOk());
  EXPECT_THAT(Kinds(*u), ElementsAre(v1::DeskEvent::REQUEUED));
  EXPECT_THAT(u->events(0).text(), HasSubstr("A had to leave"));
  EXPECT_EQ(desk_->Conversation("c")->status(), Conv::QUEUED);
  // Back online, they get it offered again (sticky).
  u = desk_->Heartbeat("a", T(70));
  ASSERT_THAT(u, IsOk());
  EXPECT_EQ(desk_->Conversation("c")->offer_agent_id(), "a");
}

TEST_F(DeskFixture, PositionUpdatesArePushedOnChangeAtMostEvery30Seconds) {
  Agent("a", "A", 0, 1);
  ASSERT_THAT(Queue("first", 1), IsOk());   // offered to a
  ASSERT_THAT(Queue("second", 2), IsOk());  // waits at position 2
  ASSERT_THAT(desk_->Accept("a", "first", T(3)), IsOk());
  ASSERT_THAT(desk_->Resolve("a", "first", T(10)), IsOk());  // second moves up, offered to a
  // Nothing until 30 s after "second" queued; then one update.
  EXPECT_EQ(desk_->Tick(T(20))->events_size(), 0);
  absl::StatusOr<v1::DeskUpdate> u = desk_->Tick(T(32));
  ASSERT_THAT(u, IsOk());
  std::vector<v1::DeskEvent> positions = Of(*u, v1::DeskEvent::QUEUE_POSITION);
  ASSERT_EQ(positions.size(), 1u);
  EXPECT_EQ(positions[0].queue().position(), 1);
  EXPECT_EQ(positions[0].text(), "You're next.");
  // No change, no update.
  EXPECT_TRUE(Of(*desk_->Tick(T(63)), v1::DeskEvent::QUEUE_POSITION).empty());
}

TEST_F(DeskFixture, AFullQueueOffersAMessageOrACallback) {
  Reset({.max_queue_length = 1});
  ASSERT_THAT(Queue("a"), IsOk());
  absl::StatusOr<v1::DeskUpdate> u = Queue("b");
  ASSERT_THAT(u, IsOk());
  EXPECT_THAT(Kinds(*u), ElementsAre(v1::DeskEvent::QUEUE_FULL));
  EXPECT_THAT(u->events(0).options(), ElementsAre("leave_message", "callback"));
  EXPECT_EQ(u->conversation().status(), Conv::BOT);
  u = desk_->LeaveMessage("b", "please call me at 06 12 34 56 78", "+33612345678", T(2));
  ASSERT_THAT(u, IsOk());
  EXPECT_EQ(u->conversation().status(), Conv::PENDING);
  EXPECT_EQ(u->conversation().contact(), "+33612345678");
  EXPECT_EQ(desk_->Messages("b")->back().text(), "please call me at [phone]");
}

TEST_F(DeskFixture, TheMaximumWaitOffersToLeaveAMessage) {
  Reset({.max_queue_wait = absl::Minutes(5)});
  ASSERT_THAT(Queue("a"), IsOk());
  EXPECT_TRUE(Of(*desk_->Tick(T(299)), v1::DeskEvent::WAIT_EXCEEDED).empty());
  std::vector<v1::DeskEvent> e = Of(*desk_->Tick(T(300)), v1::DeskEvent::WAIT_EXCEEDED);
  ASSERT_EQ(e.size(), 1u);
  EXPECT_THAT(e[0].text(), HasSubstr("leave a message"));
  EXPECT_EQ(desk_->Conversation("a")->status(), Conv::QUEUED);  // still waiting
}

TEST_F(DeskFixture, MessagesAreRedactedOnArrivalAndRelayed) {
  Agent("nick", "Nick");
  ASSERT_THAT(Queue("c"), IsOk());
  ASSERT_THAT(desk_->Accept("nick", "c", T(2)), IsOk());
  absl::StatusOr<v1::DeskUpdate> u =
      desk_->ShopperMessage("c", "my card is 4111 1111 1111 1111, mail me at jo@example.com", T(3));
  ASSERT_THAT(u, IsOk());
  ASSERT_EQ(u->events_size(), 1);
  EXPECT_EQ(u->events(0).kind(), v1::DeskEvent::SHOPPER_MESSAGE);
  EXPECT_EQ(u->events(0).to(), v1::DeskEvent::AGENT);
  EXPECT_EQ(u->events(0).text(),
            "my card is \xE2\x80\xA2\xE2\x80\xA2\xE2\x80\xA2\xE2\x80\xA2 1111, mail me at [email]");
  EXPECT_THAT(u->events(0).message().redacted(), ElementsAre("card", "email"));
  u = desk_->AgentMessage("nick", "c", "Thanks! Adding the farm set now.", T(4));
  ASSERT_THAT(u, IsOk());
  EXPECT_EQ(u->events(0).kind(), v1::DeskEvent::AGENT_MESSAGE);
  EXPECT_EQ(u->events(0).to(), v1::DeskEvent::SHOPPER);
  // Only the holder may write to the shopper.
  Agent("anna", "Anna");
  EXPECT_THAT(desk_->AgentMessage("anna", "c", "hi", T(5)),
              StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("does not hold")));
}

TEST_F(DeskFixture, TranscriptsLeaveNotesOutAndMailWithTheReference) {
  Reset({.store_name = "Toyland & Tech"});
  Agent("nick", "Nick");
  ASSERT_THAT(desk_->BotMessage("c", "Hi! How can I help?", T(0)), IsOk());
  ASSERT_THAT(desk_->ShopperMessage("c", "a person please <now>", T(1)), IsOk());
  ASSERT_THAT(Queue("c", 1), IsOk());
  ASSERT_THAT(desk_->Accept("nick", "c", T(2)), IsOk());
  ASSERT_THAT(desk_->AddNote("nick", "c", "VIP customer, tel 333 123 4567", T(3)), IsOk());
  ASSERT_THAT(desk_->AgentMessage("nick", "c", "Hello, I'm Nick.", T(4)), IsOk());
  ASSERT_THAT(desk_->Resolve("nick", "c", T(5)), IsOk());
  absl::StatusOr<v1::DeskTranscript> t = desk_->Transcript("c");
  ASSERT_THAT(t, IsOk());
  ASSERT_EQ(t->messages_size(), 5);  // bot, shopper, joined, agent, closed
  for (const v1::DeskMessage& m : t->messages()) EXPECT_FALSE(m.note());
  EXPECT_EQ(desk_->Messages("c")->at(3).text(), "VIP customer, tel [phone]");
  absl::StatusOr<v1::DeskTranscriptEmail> mail =
      desk_->TranscriptEmail("c", {.reply_to = "help@toyland.example"});
  ASSERT_THAT(mail, IsOk());
  EXPECT_EQ(mail->subject(), "[#1] Your chat with Toyland & Tech");
  ASSERT_EQ(mail->headers_size(), 3);
  EXPECT_EQ(mail->headers(1).name(), "Auto-Submitted");
  EXPECT_EQ(mail->headers(1).value(), "auto-generated");
  EXPECT_EQ(mail->headers(2).value(), "help@toyland.example");
  EXPECT_THAT(mail->text(), HasSubstr("] You: a person please <now>\n"));
  EXPECT_THAT(mail->text(), HasSubstr("] Nick: Hello, I'm Nick.\n"));
  EXPECT_THAT(mail->text(),
              HasSubstr("(Nick closed the conversation. I will continue assisting you.)"));
  EXPECT_THAT(mail->html(), HasSubstr("a person please &lt;now&gt;"));
  EXPECT_THAT(mail->html(), HasSubstr("Toyland &amp; Tech"));
  EXPECT_THAT(mail->text(), ::testing::Not(HasSubstr("VIP")));
}

TEST_F(DeskFixture, AShopperMessageReopensAResolvedConversation) {
  Agent("a", "A");
  ASSERT_THAT(Queue("c"), IsOk());
  ASSERT_THAT(desk_->Accept("a", "c", T(2)), IsOk());
  ASSERT_THAT(desk_->Resolve("a", "c", T(3)), IsOk());
  absl::StatusOr<v1::DeskUpdate> u = desk_->ShopperMessage("c", "one more thing", T(4));
  ASSERT_THAT(u, IsOk());
  EXPECT_EQ(u->conversation().status(), Conv::BOT);
  EXPECT_EQ(u->conversation().reopened(), 1);
  EXPECT_THAT(Kinds(*u), ElementsAre(v1::DeskEvent::REOPENED));
}

TEST_F(DeskFixture, SnoozedConversationsFreeASlotAndWakeUp) {
  Agent("a", "A", 0, 1);
  ASSERT_THAT(Queue("c1", 1), IsOk());
  ASSERT_THAT(desk_->Accept("a", "c1", T(2)), IsOk());
  ASSERT_THAT(Queue("c2", 3), IsOk());
  EXPECT_EQ(desk_->Conversation("c2")->offer_agent_id(), "");
  ASSERT_THAT(desk_->Snooze("a", "c1", T(40), T(4)), IsOk());
  EXPECT_EQ(desk_->Conversation("c2")->offer_agent_id(), "a");
  ASSERT_THAT(desk_->Accept("a", "c2", T(5)), IsOk());
  ASSERT_THAT(desk_->Heartbeat("a", T(39)), IsOk());
  absl::StatusOr<v1::DeskUpdate> u = desk_->Tick(T(40));
  ASSERT_THAT(u, IsOk());
  EXPECT_THAT(Kinds(*u), ElementsAre(v1::DeskEvent::WOKE));
  EXPECT_EQ(desk_->Conversation("c1")->status(), Conv::ASSIGNED);
  EXPECT_EQ(desk_->Agent("a")->assigned_size(), 2);  // waking may exceed capacity
}

TEST_F(DeskFixture, RatingsAreOneToFiveAndLinkedToTheAgent) {
  Agent("a", "A");
  ASSERT_THAT(Queue("c"), IsOk());
  EXPECT_THAT(desk_->Rate("c", 5, "", T(1)), StatusIs(absl::StatusCode::kFailedPrecondition));
  ASSERT_THAT(desk_->Accept("a", "c", T(2)), IsOk());
  EXPECT_THAT(desk_->Rate("c", 6, "", T(3)), StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(desk_->Rate("c", 0, "", T(3)), StatusIs(absl::StatusCode::kInvalidArgument));
  absl::StatusOr<v1::DeskUpdate> u = desk_->Rate("c", 4, "quick! call 0612345678", T(3));
  ASSERT_THAT(u, IsOk());
  EXPECT_EQ(u->conversation().rating().score(), 4);
  EXPECT_EQ(u->conversation().rating().agent_id(), "a");
  EXPECT_EQ(u->conversation().rating().comment(), "quick! call [phone]");
}

TEST_F(DeskFixture, BadInputIsAClearErrorAndChangesNothing) {
  Agent("a", "A");
  ASSERT_THAT(Queue("c"), IsOk());
  v1::DeskConversation before = *desk_->Conversation("c");
  EXPECT_THAT(desk_->Accept("nobody", "c", T(2)),
              StatusIs(absl::StatusCode::kNotFound, HasSubstr("nobody")));
  EXPECT_THAT(desk_->Accept("a", "nowhere", T(2)),
              StatusIs(absl::StatusCode::kNotFound, HasSubstr("nowhere")));
  EXPECT_THAT(desk_->Resolve("a", "c", T(2)),
              StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("QUEUED")));
  EXPECT_THAT(desk_->SetAgent({.id = "x", .capacity = 21}, T(2)),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("1 to 20")));
  EXPECT_THAT(desk_->SetAgent({.id = ""}, T(2)), StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(desk_->LeaveQueue("c", T(-60)),
              StatusIs(absl::StatusCode::kOutOfRange, HasSubstr("time went backwards")));
  EXPECT_THAT(desk_->Heartbeat("a", T(-60)), StatusIs(absl::StatusCode::kOutOfRange));
  EXPECT_THAT(desk_->Snooze("a", "c", T(1), T(2)), StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(desk_->SetAvailability("a", v1::DeskAgent::AVAILABILITY_UNSPECIFIED, T(2)),
              StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_EQ(desk_->Conversation("c")->SerializeAsString(), before.SerializeAsString());
  // A second agent cannot accept what was offered to the first.
  Agent("b", "B");
  EXPECT_THAT(desk_->Accept("b", "c", T(3)),
              StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("someone else")));
  // A heartbeat a little in the past (threads racing) is harmless.
  EXPECT_THAT(desk_->Heartbeat("a", T(2)), IsOk());
  EXPECT_THAT(desk_->Heartbeat("a", T(1)), IsOk());
  EXPECT_EQ(desk_->Agent("a")->last_seen_unix_ms(), absl::ToUnixMillis(T(2)));
}

TEST_F(DeskFixture, LeavingTheQueueFreesTheOfferAndCountsAsAbandoned) {
  Agent("a", "A", 0, 1);
  ASSERT_THAT(Queue("c1", 1), IsOk());
  ASSERT_THAT(Queue("c2", 2), IsOk());
  ASSERT_THAT(desk_->LeaveQueue("c1", T(3)), IsOk());
  EXPECT_EQ(desk_->Conversation("c1")->status(), Conv::BOT);
  EXPECT_EQ(desk_->Conversation("c2")->offer_agent_id(), "a");
  EXPECT_EQ(desk_->QueueStats("", "en")->abandoned(), 1);
  EXPECT_THAT(desk_->LeaveQueue("c1", T(4)), StatusIs(absl::StatusCode::kFailedPrecondition));
}

TEST_F(DeskFixture, TransfersMoveTheConversationBetweenAgents) {
  Agent("a", "A");
  ASSERT_THAT(Queue("c"), IsOk());
  ASSERT_THAT(desk_->Accept("a", "c", T(2)), IsOk());
  Agent("b", "Bea");
  absl::StatusOr<v1::DeskUpdate> u = desk_->Assign("c", "b", T(3));
  ASSERT_THAT(u, IsOk());
  EXPECT_EQ(u->conversation().agent_id(), "b");
  EXPECT_THAT(u->conversation().agents(), ElementsAre("a", "b"));
  EXPECT_EQ(u->conversation().reference(), 1);
  EXPECT_EQ(desk_->Agent("a")->assigned_size(), 0);
  EXPECT_THAT(u->events(0).text(), HasSubstr("Bea has joined"));
}

// Issue #22: a desk call's JSON over the limits of chatcart/limits.h is
// refused before it is parsed.
TEST_F(DeskFixture, Issue22DeskCallJsonOverTheLimitsIsRefused) {
  std::string huge =
      R"({"call":"heartbeat","agent_id":")" + std::string(kMaxJsonBytes, 'a') + "\"}";
  EXPECT_THAT(desk_->CallJson(huge, T(1)),
              StatusIs(absl::StatusCode::kResourceExhausted,
                       HasSubstr("desk call JSON: 1048610 bytes, over the limit of 1048576")));
  std::string deep = R"({"call":"heartbeat","x":)" + std::string(kMaxJsonDepth, '[') +
                     std::string(kMaxJsonDepth, ']') + "}";
  EXPECT_THAT(desk_->CallJson(deep, T(1)),
              StatusIs(absl::StatusCode::kResourceExhausted, HasSubstr("kMaxJsonDepth")));
}

// ---------------------------------------------------------------- #22: UTF-8

// Bytes that are not UTF-8: a Latin-1 "è", two bytes never valid, an
// overlong '/'.
constexpr char kIllFormed[] = "caff\xe8 \xff\xfe \xc0\xaf";

// Whether `m` reads back from its bytes as itself: a string field holding
// ill-formed UTF-8 makes the parse fail, as a store reading it would.
::testing::AssertionResult RoundTrips(const google::protobuf::Message& m) {
  std::string bytes = m.SerializeAsString();
  std::unique_ptr<google::protobuf::Message> back(m.New());
  if (!back->ParseFromString(bytes)) {
    return ::testing::AssertionFailure() << m.GetTypeName() << " does not parse back";
  }
  if (back->SerializeAsString() != bytes) {
    return ::testing::AssertionFailure() << m.GetTypeName() << " reads back different";
  }
  return ::testing::AssertionSuccess();
}

// Issue #22: ill-formed UTF-8 in every free text a desk call takes is kept
// with U+FFFD, so every record, message, update and transcript the desk
// stores or returns serializes and parses back.
TEST_F(DeskFixture, Issue22IllFormedFreeTextIsKeptWellFormedAndEverythingRoundTrips) {
  DeskOptions options;
  options.store_name = kIllFormed;
  Reset(options);
  std::vector<v1::DeskUpdate> updates;
  auto keep = [&](absl::StatusOr<v1::DeskUpdate> u) {
    ASSERT_THAT(u, IsOk());
    updates.push_back(*std::move(u));
  };
  keep(desk_->SetAgent({.id = "nick", .name = kIllFormed, .languages = {"en"}}, T(0)));
  keep(desk_->SetAvailability("nick", v1::DeskAgent::ONLINE, T(0)));
  keep(desk_->RequestAgent({.conversation_id = "web-1",
                            .language = "en",
                            .reason = kIllFormed,
                            .title = kIllFormed,
                            .channel = kIllFormed},
                           T(1)));
  keep(desk_->Accept("nick", "web-1", T(2)));
  keep(desk_->ShopperMessage("web-1", kIllFormed, T(3)));
  keep(desk_->BotMessage("web-1", kIllFormed, T(4)));
  keep(desk_->AgentMessage("nick", "web-1", kIllFormed, T(5)));
  keep(desk_->AddNote("nick", "web-1", kIllFormed, T(6)));
  keep(desk_->Resolve("nick", "web-1", T(7)));
  keep(desk_->Rate("web-1", 4, kIllFormed, T(8)));
  keep(desk_->LeaveMessage("web-2", kIllFormed, kIllFormed, T(9)));
  for (const v1::DeskUpdate& u : updates) EXPECT_TRUE(RoundTrips(u)) << u.DebugString();

  absl::StatusOr<v1::DeskConversation> c = desk_->Conversation("web-1");
  ASSERT_THAT(c, IsOk());
  EXPECT_TRUE(RoundTrips(*c));
  EXPECT_THAT(c->reason(), HasSubstr("caff\uFFFD \uFFFD"));
  EXPECT_THAT(c->title(), HasSubstr("caff\uFFFD"));
  EXPECT_THAT(c->channel(), HasSubstr("caff\uFFFD"));
  EXPECT_THAT(c->rating().comment(), HasSubstr("caff\uFFFD"));
  absl::StatusOr<v1::DeskConversation> left = desk_->Conversation("web-2");
  ASSERT_THAT(left, IsOk());
  EXPECT_TRUE(RoundTrips(*left));
  EXPECT_THAT(left->contact(), HasSubstr("caff\uFFFD"));
  absl::StatusOr<v1::DeskAgent> a = desk_->Agent("nick");
  ASSERT_THAT(a, IsOk());
  EXPECT_TRUE(RoundTrips(*a));
  EXPECT_THAT(a->name(), HasSubstr("caff\uFFFD"));
  for (const char* id : {"web-1", "web-2"}) {
    absl::StatusOr<std::vector<v1::DeskMessage>> messages = desk_->Messages(id);
    ASSERT_THAT(messages, IsOk());
    EXPECT_FALSE(messages->empty());
    for (const v1::DeskMessage& m : *messages) EXPECT_TRUE(RoundTrips(m)) << m.DebugString();
  }
  absl::StatusOr<v1::DeskTranscript> transcript = desk_->Transcript("web-1");
  ASSERT_THAT(transcript, IsOk());
  EXPECT_TRUE(RoundTrips(*transcript));
  // The subject from the store name, then from the options; a Reply-To.
  for (const std::string& subject : {std::string(), std::string(kIllFormed)}) {
    absl::StatusOr<v1::DeskTranscriptEmail> email =
        desk_->TranscriptEmail("web-1", {.subject = subject, .reply_to = kIllFormed});
    ASSERT_THAT(email, IsOk());
    EXPECT_TRUE(RoundTrips(*email)) << email->subject();
    EXPECT_THAT(email->subject(), HasSubstr("caff\uFFFD"));
  }
  // A transcript a host built itself is mailed well-formed too.
  v1::DeskTranscript raw;
  raw.mutable_conversation()->set_language("en");
  v1::DeskMessage* m = raw.add_messages();
  m->set_author(v1::DeskMessage::SHOPPER);
  m->set_text(kIllFormed);
  EXPECT_TRUE(RoundTrips(RenderTranscriptEmail(raw, kIllFormed, {.reply_to = kIllFormed})));
  // The JSON face reads the same well-formed text.
  absl::StatusOr<std::string> json =
      desk_->CallJson(R"({"call":"transcript","conversation":"web-1"})", T(10));
  ASSERT_THAT(json, IsOk());
  EXPECT_THAT(*json, HasSubstr("caff\uFFFD"));
}

// Issue #22: the keys the desk stores and matches by their bytes are
// refused when ill-formed (scrubbed, "a\xff" and "a\xfe" would be one
// conversation), and nothing is created.
TEST_F(DeskFixture, Issue22IllFormedIdsSkillsAndLanguagesAreRefused) {
  const std::string bad_id = "web-\xff";
  auto refused = [](std::string_view what) {
    return StatusIs(absl::StatusCode::kInvalidArgument,
                    ::testing::AllOf(HasSubstr(what), HasSubstr("not well-formed UTF-8")));
  };
  EXPECT_THAT(desk_->RequestAgent({.conversation_id = bad_id, .language = "en"}, T(1)),
              refused("conversation id"));
  EXPECT_THAT(desk_->RequestAgent({.conversation_id = "c", .skill = "toys\xe8"}, T(1)),
              refused("skill"));
  EXPECT_THAT(desk_->RequestAgent({.conversation_id = "c", .language = "e\xffn"}, T(1)),
              refused("language"));
  EXPECT_THAT(desk_->ShopperMessage(bad_id, "hi", T(1)), refused("conversation id"));
  EXPECT_THAT(desk_->BotMessage(bad_id, "hi", T(1)), refused("conversation id"));
  EXPECT_THAT(desk_->LeaveMessage(bad_id, "hi", "", T(1)), refused("conversation id"));
  EXPECT_THAT(desk_->SetAgent({.id = "nick\xc0\xaf"}, T(1)), refused("agent id"));
  EXPECT_THAT(desk_->SetAgent({.id = "nick", .skills = {"toys", "\xe8"}}, T(1)), refused("skill"));
  EXPECT_THAT(desk_->SetAgent({.id = "nick", .languages = {"\xff"}}, T(1)), refused("language"));
  EXPECT_THAT(desk_->QueueStats("\xff", "en"), refused("skill"));
  EXPECT_THAT(desk_->Waiting("", "\xff", 1, 10), refused("language"));
  // Looking one up is refused the same way (none can exist).
  EXPECT_THAT(desk_->Conversation(bad_id), refused("conversation id"));
  EXPECT_THAT(desk_->Accept("nick", bad_id, T(1)), refused("conversation id"));
  EXPECT_THAT(desk_->Conversation("c"), StatusIs(absl::StatusCode::kNotFound));
  EXPECT_THAT(desk_->Agent("nick"), StatusIs(absl::StatusCode::kNotFound));
  EXPECT_EQ(desk_->counters().calls, 0);
}

// Issue #22: every id the desk takes (conversations, agents, skills,
// languages), whether a call may create it or only looks it up, is at most
// kMaxIdBytes (512, the runtime's limit too): at the limit it is taken, one
// byte beyond it is INVALID_ARGUMENT naming the id and the limit, and
// nothing is created.
TEST_F(DeskFixture, Issue22IdsOverTheLengthLimitAreRefused) {
  std::string at_limit;
  while (at_limit.size() < kMaxIdBytes) at_limit += "\xc3\xa9";  // é
  ASSERT_EQ(at_limit.size(), 512u);
  const std::string beyond = at_limit + "x";
  auto too_long = [](std::string_view what) {
    return StatusIs(
        absl::StatusCode::kInvalidArgument,
        ::testing::AllOf(HasSubstr(std::string(what) + " \""),
                         HasSubstr("\" is 513 bytes, over the limit of 512 (kMaxIdBytes)")));
  };
  // Beyond: refused, whatever the call.
  EXPECT_THAT(desk_->RequestAgent({.conversation_id = beyond, .language = "en"}, T(1)),
              too_long("conversation id"));
  EXPECT_THAT(desk_->RequestAgent({.conversation_id = "c", .skill = beyond}, T(1)),
              too_long("skill"));
  EXPECT_THAT(desk_->RequestAgent({.conversation_id = "c", .language = beyond}, T(1)),
              too_long("language"));
  EXPECT_THAT(desk_->ShopperMessage(beyond, "hi", T(1)), too_long("conversation id"));
  EXPECT_THAT(desk_->SetAgent({.id = beyond}, T(1)), too_long("agent id"));
  EXPECT_THAT(desk_->SetAgent({.id = "a", .skills = {beyond}}, T(1)), too_long("skill"));
  EXPECT_THAT(desk_->SetAgent({.id = "a", .languages = {beyond}}, T(1)), too_long("language"));
  EXPECT_THAT(desk_->Heartbeat(beyond, T(1)), too_long("agent id"));
  EXPECT_THAT(desk_->SetAvailability(beyond, v1::DeskAgent::ONLINE, T(1)), too_long("agent id"));
  EXPECT_THAT(desk_->Accept(beyond, "c", T(1)), too_long("agent id"));
  EXPECT_THAT(desk_->Accept("a", beyond, T(1)), too_long("conversation id"));
  EXPECT_THAT(desk_->Claim("a", beyond, T(1)), too_long("conversation id"));
  EXPECT_THAT(desk_->Assign(beyond, "a", T(1)), too_long("conversation id"));
  EXPECT_THAT(desk_->AgentMessage("a", beyond, "hi", T(1)), too_long("conversation id"));
  EXPECT_THAT(desk_->AddNote(beyond, "c", "note", T(1)), too_long("agent id"));
  EXPECT_THAT(desk_->Resolve("a", beyond, T(1)), too_long("conversation id"));
  EXPECT_THAT(desk_->LeaveQueue(beyond, T(1)), too_long("conversation id"));
  EXPECT_THAT(desk_->Rate(beyond, 5, "", T(1)), too_long("conversation id"));
  EXPECT_THAT(desk_->Conversation(beyond), too_long("conversation id"));
  EXPECT_THAT(desk_->Agent(beyond), too_long("agent id"));
  EXPECT_THAT(desk_->Transcript(beyond), too_long("conversation id"));
  EXPECT_THAT(desk_->QueueStats(beyond, "en"), too_long("skill"));
  EXPECT_THAT(desk_->Waiting("", beyond, 1, 10), too_long("language"));
  EXPECT_THAT(
      desk_->CallJson(
          absl::StrCat(R"({"call": "request_agent", "conversation": ")", beyond, R"("})"), T(1)),
      StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("513 bytes")));
  EXPECT_EQ(desk_->counters().calls, 0);
  EXPECT_THAT(desk_->Agent("a"), StatusIs(absl::StatusCode::kNotFound));

  // At the limit: an agent with such an id, skill and language takes a
  // conversation with such an id from that queue, writes and resolves it.
  ASSERT_THAT(
      desk_->SetAgent({.id = at_limit, .skills = {at_limit}, .languages = {at_limit}}, T(1)),
      IsOk());
  ASSERT_THAT(desk_->SetAvailability(at_limit, v1::DeskAgent::ONLINE, T(1)), IsOk());
  ASSERT_THAT(desk_->RequestAgent(
                  {.conversation_id = at_limit, .skill = at_limit, .language = at_limit}, T(2)),
              IsOk());
  EXPECT_THAT(desk_->QueueStats(at_limit, at_limit), IsOk());
  EXPECT_THAT(desk_->Accept(at_limit, at_limit, T(3)), IsOk());
  EXPECT_THAT(desk_->AgentMessage(at_limit, at_limit, "hi", T(4)), IsOk());
  EXPECT_THAT(desk_->Resolve(at_limit, at_limit, T(5)), IsOk());
  auto c = desk_->Conversation(at_limit);
  ASSERT_THAT(c, IsOk());
  EXPECT_EQ(c->id(), at_limit);
  EXPECT_EQ(c->status(), Conv::RESOLVED);
  EXPECT_THAT(desk_->Transcript(at_limit), IsOk());
}

// Issue #22 (found by desk_operations_fuzzer's seed corpus): JSON with
// ill-formed UTF-8 given to CallJson failed with protobuf's parser message,
// which quotes the input around the error, bad bytes included, so the
// error was not well-formed UTF-8 (and could not go into a protobuf string
// field or JSON). It is echoed now: U+FFFD, at most kMaxJsonErrorBytes.
TEST_F(DeskFixture, Issue22CallJsonWithIllFormedTextFailsWithAWellFormedMessage) {
  auto refused = desk_->CallJson(
      "{\"call\":\"shopper_message\",\"conversation\":\"c4\","
      "\"text\":\"x\xff\"}",
      T(1));
  ASSERT_THAT(refused,
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("not a JSON object")));
  const std::string message(refused.status().message());
  EXPECT_TRUE(IsWellFormedUtf8(message)) << message;
  EXPECT_LT(message.size(), 700u);
}

// Issue #22: ids quoted in errors are cut (a 10 MB id made a 10 MB message).
TEST_F(DeskFixture, Issue22ErrorsEchoAShortPrefixOfALongId) {
  Agent("a", "A");
  ASSERT_THAT(Queue("c"), IsOk());
  const std::string huge(10 << 20, 'x');
  std::vector<absl::Status> errors = {
      desk_->Conversation(huge).status(),
      desk_->Agent(huge).status(),
      desk_->Accept("a", huge, T(2)).status(),
      desk_->Accept(huge, "c", T(2)).status(),
      desk_->Transcript(huge).status(),
      desk_->QueueStatus(huge, T(2)).status(),
      desk_->AgentMessage(huge, "c", "hi", T(2)).status(),
      desk_->Snooze("a", huge, T(1), T(2)).status(),
      desk_->SetAgent({.id = huge, .capacity = 99}, T(2)).status(),
      desk_->Rate(huge, 9, "", T(2)).status(),
      desk_->CallJson(R"({"call":")" + std::string(1000, 'y') + R"("})", T(2)).status()};
  for (const absl::Status& e : errors) {
    EXPECT_FALSE(e.ok());
    EXPECT_LT(e.message().size(), 400u) << e.message().substr(0, 200);
  }
}

}  // namespace
}  // namespace chatcart
