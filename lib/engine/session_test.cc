// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Sessions of the demo store: every engine value a condition may read,
// snapshots that continue byte for byte and bad ones refused, bad input,
// bounded history, profiles, a host's cart commands, SMS choices, events.

#include "chatcart/session.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <variant>

#include "chatcart/cart.h"
#include "common/testing/status_matchers.h"
#include "dialogue/condition.h"
#include "engine/commerce.h"
#include "engine/demo_testing.h"
#include "engine/engine_rep.h"
#include "engine/shopper_testing.h"
#include "engine/wire.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#define XXH_INLINE_ALL
#include "xxhash.h"

namespace chatcart {
namespace {

using ::chatcart::testing::Conversation;
using ::chatcart::testing::Demo;
using ::chatcart::testing::StatusIs;
using ::chatcart::testing::Templates;
using ::testing::Contains;
using ::testing::HasSubstr;
using ::testing::Not;

// A snapshot edited by hand, framed as Session::Snapshot() frames one: the
// checksum field last, over the bytes before it.
std::string Reframe(v1::SessionSnapshot snapshot) {
  snapshot.clear_checksum();
  std::string bytes = snapshot.SerializeAsString();
  uint64_t hash = XXH3_64bits(bytes.data(), bytes.size());
  bytes.push_back(static_cast<char>((15 << 3) | 1));
  for (int i = 0; i < 8; ++i) bytes.push_back(static_cast<char>((hash >> (8 * i)) & 0xff));
  return bytes;
}

// The condition language's table of engine values (dialogue/condition.h) is
// what validation accepts; the executor must answer each with its kind.
TEST(Session, AnswersEveryEngineValueOfTheConditionTable) {
  Conversation c;
  c.Say("a gift for my 6 year old who loves lego, under 80 euros");
  c.Say("add the first one");
  c.Say("checkout");
  c.Say("ok");
  c.Say("add the second one");
  engine_internal::SessionRep& session = engine_internal::Access::Rep(c.session());
  ASSERT_EQ(session.commerce.orders.size(), 1u);
  v1::TurnInput input;
  input.mutable_time()->set_seconds(c.now_);
  input.mutable_event()->set_kind("order_paid");
  (*input.mutable_event()->mutable_param())["reference"] = session.commerce.orders[0].reference();
  engine::CommerceExecutor executor(engine_internal::Access::Rep(*Demo()), session.commerce, input);
  int asked = 0;
  for (const dialogue::EngineValue& value : dialogue::EngineValues()) {
    // The runtime answers these two (dialogue's tests); profile.<key> has
    // its slot's kind.
    if (value.name == "session.turns" || value.name == "state.fresh" || value.name == "profile.") {
      continue;
    }
    std::optional<dialogue::ConditionValue> v = executor.Lookup(value.name);
    ASSERT_TRUE(v.has_value()) << value.name;
    EXPECT_EQ(v->index(), static_cast<size_t>(value.kind)) << value.name;
    if (!value.words.empty()) {
      EXPECT_THAT(value.words, Contains(std::get<std::string>(*v))) << value.name;
    }
    ++asked;
  }
  EXPECT_EQ(asked, static_cast<int>(dialogue::EngineValues().size()) - 3);
  EXPECT_FALSE(executor.Lookup("cart.line").has_value());
}

TEST(Session, SnapshotsContinueAnywhereByteForByte) {
  Conversation a(5);
  a.Say("a gift for my 6 year old who loves lego, under 80 euros");
  a.Say("add the first one");
  std::string bytes = a.session().Snapshot();
  absl::StatusOr<std::unique_ptr<Session>> restored = Demo()->RestoreSession(bytes);
  ASSERT_OK(restored);
  EXPECT_EQ((*restored)->Snapshot(), bytes);
  v1::TurnInput input;
  input.set_text("add the second one");
  input.mutable_time()->set_seconds(a.now_ + 60);
  absl::StatusOr<v1::TurnResult> original = a.session().HandleTurn(input);
  absl::StatusOr<v1::TurnResult> continued = (*restored)->HandleTurn(input);
  ASSERT_OK(original);
  ASSERT_OK(continued);
  EXPECT_EQ(engine::DeterministicBytes(*original), engine::DeterministicBytes(*continued));
  EXPECT_EQ(a.session().Snapshot(), (*restored)->Snapshot());
}

TEST(Session, TheSameInputsGiveTheSameBytes) {
  auto run = [] {
    Conversation c(9);
    std::string bytes;
    for (const char* text :
         {"hi", "I need a gift", "6", "40", "lego", "add the first one", "what?", "show my cart"}) {
      bytes += engine::DeterministicBytes(c.Say(text));
    }
    return bytes + c.session().Snapshot();
  };
  EXPECT_EQ(run(), run());
}

TEST(Session, BadSnapshotsFailClearly) {
  Conversation c;
  c.Say("hi");
  std::string bytes = c.session().Snapshot();
  EXPECT_THAT(Demo()->RestoreSession(bytes.substr(0, bytes.size() / 2)),
              StatusIs(absl::StatusCode::kDataLoss));
  EXPECT_THAT(Demo()->RestoreSession("\xff\xff\xff garbage"),
              StatusIs(absl::StatusCode::kDataLoss));
  v1::SessionSnapshot other;
  ASSERT_TRUE(other.ParseFromString(bytes));
  // Reframed unchanged, it restores; the framing is right.
  EXPECT_OK(Demo()->RestoreSession(Reframe(other)));
  // One flipped byte, or a stale checksum, is corruption.
  std::string flipped = bytes;
  flipped[flipped.size() / 2] ^= 0x40;
  EXPECT_THAT(Demo()->RestoreSession(flipped), StatusIs(absl::StatusCode::kDataLoss));
  other.mutable_bundle()->set_name("another-store");
  EXPECT_THAT(Demo()->RestoreSession(other.SerializeAsString()),
              StatusIs(absl::StatusCode::kDataLoss));
  EXPECT_THAT(Demo()->RestoreSession(Reframe(other)),
              StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("another-store")));
  other.mutable_bundle()->set_name("demo");
  other.set_format(99);
  EXPECT_THAT(Demo()->RestoreSession(Reframe(other)),
              StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("format 99")));
}

TEST(Session, BadInputGetsADefinedResult) {
  Conversation c;
  v1::TurnInput empty;
  empty.mutable_time()->set_seconds(1795428000);
  EXPECT_THAT(c.session().HandleTurn(empty), StatusIs(absl::StatusCode::kInvalidArgument));
  v1::TurnResult r = c.Say(std::string("caf\xc3\x28 \xff hello"));  // invalid UTF-8
  EXPECT_GT(r.replies_size(), 0);
  r = c.Say(std::string(100 * 1024, 'a'));
  EXPECT_TRUE(r.trace().truncated());
  r = c.Say("🎁🎁🎁");
  EXPECT_GT(r.replies_size(), 0);
  r = c.Pick("no-such-payload");
  EXPECT_THAT(Templates(r), Contains("chatcart.not_understood"));
  v1::TurnInput meteor;
  meteor.mutable_event()->set_kind("meteor");
  meteor.mutable_time()->set_seconds(1795429000);
  std::string before = c.session().Snapshot();
  EXPECT_THAT(c.session().HandleTurn(meteor), StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_EQ(c.session().Snapshot(), before);  // a failed turn changes nothing
}

TEST(Session, TenThousandTurnsStayBounded) {
  Conversation c;
  for (int i = 0; i < 1000; ++i) c.Say(i % 2 ? "what?" : "hello");
  size_t after_1000 = c.session().Snapshot().size();
  for (int i = 0; i < 9000; ++i) c.Say(i % 2 ? "what?" : "hello");
  // History is capped: 9,000 more turns add only wider counters and times.
  EXPECT_LT(c.session().Snapshot().size(), after_1000 + 16);
}

TEST(Session, ProfilesCarryKnownAnswersToTheNextConversation) {
  Conversation first;
  first.Say("how can I print photos from my phone?");
  first.Say("android");
  // The demo bundle remembers slots with a profile_key only through a
  // remember action; export what the session holds and import it elsewhere.
  v1::ShopperProfile profile;
  profile.set_consent(true);
  v1::ProfileEntry* entry = profile.add_entries();
  entry->set_key("phone");
  entry->mutable_value()->set_name("phone");
  entry->mutable_value()->set_type("compatibility");
  entry->mutable_value()->set_text("android");
  Conversation next;
  ASSERT_OK(next.session().ImportProfile(profile));
  v1::TurnResult r = next.Say("how can I print photos from my phone?");
  EXPECT_THAT(Templates(r), Not(Contains("ask_phone")));
  EXPECT_THAT(Templates(r), Contains("printer_picks"));
  r = next.Say("forget me");
  EXPECT_THAT(Templates(r), Contains("chatcart.forgotten"));
  EXPECT_FALSE(next.session().ExportProfile().consent());
}

TEST(Session, HostCartCommandsJoinTheConversation) {
  Conversation c;
  EXPECT_EQ(c.session().cart(), nullptr);
  CartCommand add;
  commands::AddLine two_foxes;
  two_foxes.product_id = "toy-fox";
  two_foxes.quantity = 2;
  add.action = two_foxes;
  add.actor = Actor::Agent("nick-42");
  add.time = absl::FromUnixSeconds(c.now_);
  add.idempotency_key = "agent-1";
  absl::StatusOr<ApplyResult> applied = c.session().ApplyCartCommand(add);
  ASSERT_OK(applied);
  ASSERT_NE(c.session().cart(), nullptr);
  EXPECT_EQ(c.session().cart()->state().lines.size(), 1u);
  // A retry applies nothing; the shopper sees the agent's line in the chat.
  ASSERT_OK(c.session().ApplyCartCommand(add));
  EXPECT_EQ(c.session().cart()->state().lines[0].quantity, 2);
  v1::TurnResult r = c.Say("show my cart");
  EXPECT_THAT(Templates(r), Contains("chatcart.cart_summary"));
  EXPECT_THAT(r.replies(0).text(), HasSubstr("2 × Plush Fox"));

  // A refused command leaves the session byte for byte as it was.
  std::string before = c.session().Snapshot();
  CartCommand too_many = add;
  too_many.idempotency_key.clear();
  commands::AddLine thousand_foxes;
  thousand_foxes.product_id = "toy-fox";
  thousand_foxes.quantity = 1000;
  too_many.action = thousand_foxes;
  EXPECT_FALSE(c.session().ApplyCartCommand(too_many).ok());
  EXPECT_EQ(c.session().Snapshot(), before);
}

TEST(Session, SmsGetsNumberedChoicesThatANumberPicks) {
  Conversation c;
  v1::TurnInput hi;
  hi.set_text("hi");
  hi.set_channel("sms");
  v1::TurnResult r = c.Run(hi);
  ASSERT_GT(r.replies_size(), 0);
  EXPECT_THAT(r.replies(0).text(), HasSubstr("\n1. Find a gift\n2. Print photos"));
  v1::TurnInput two;
  two.set_text("2");
  two.set_channel("sms");
  r = c.Run(two);
  EXPECT_EQ(r.trace().state(), "photo/ask");
  // Other channels keep buttons only.
  EXPECT_THAT(Conversation().Say("hi").replies(0).text(), Not(HasSubstr("\n1. ")));
}

TEST(Session, AnEventLackingATemplatesParamFailsTheTurnAndChangesNothing) {
  Conversation c;
  c.Say("hi");
  std::string before = c.session().Snapshot();
  v1::TurnInput shipped;
  shipped.mutable_event()->set_kind("order_shipped");
  (*shipped.mutable_event()->mutable_param())["reference"] = "ABC-1234";  // no tracking_url
  shipped.mutable_time()->set_seconds(c.now_ + 60);
  EXPECT_THAT(c.session().HandleTurn(shipped),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("tracking_url")));
  EXPECT_EQ(c.session().Snapshot(), before);
}

}  // namespace
}  // namespace chatcart
