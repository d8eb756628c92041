// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Ill-formed input a host hands a session: text that is not UTF-8, times a
// snapshot cannot hold, a huge product id.
//
// Issue #22: whatever a session accepted, its snapshot restores. Ill-formed
// UTF-8 in the session id, a buyer id, a region, a line title, the profile's
// language or an event's params was kept as is and the snapshot came back
// DATA_LOSS; a turn far in the future with a cart confirmation wrote an expiry
// with nanos -1.

#include <cstdint>
#include <limits>
#include <memory>
#include <random>
#include <string>
#include <string_view>

#include "chatcart/cart.h"
#include "chatcart/session.h"
#include "common/testing/status_matchers.h"
#include "engine/demo_testing.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace chatcart {
namespace {

using ::chatcart::testing::Conversation;
using ::chatcart::testing::Demo;
using ::chatcart::testing::StatusIs;
using ::testing::HasSubstr;

void ExpectSnapshotRestores(const Session& session) {
  const std::string bytes = session.Snapshot();
  absl::StatusOr<std::unique_ptr<Session>> restored = Demo()->RestoreSession(bytes);
  ASSERT_OK(restored);
  EXPECT_EQ((*restored)->Snapshot(), bytes);
}

TEST(Issue22SessionSnapshot, IllFormedTextTakenInStillRestores) {
  std::unique_ptr<Session> session = Demo()->NewSession("s\xff\xfe-1", 3);
  EXPECT_EQ(session->id(), "s\xEF\xBF\xBD\xEF\xBF\xBD-1");

  v1::ShopperProfile profile;
  profile.set_consent(true);
  profile.set_language("it\xc3");
  v1::ProfileEntry* entry = profile.add_entries();
  entry->set_key("phone\xff");
  entry->mutable_value()->set_text("and\xe2\x82roid");
  ASSERT_OK(session->ImportProfile(profile));

  auto apply = [&](CartAction action) {
    CartCommand command;
    command.action = std::move(action);
    command.actor = Actor::Agent("nick\xff");
    command.time = absl::FromUnixSeconds(1795428000);
    return session->ApplyCartCommand(command);
  };
  ASSERT_OK(apply(commands::SetBuyer{{"", "cust\xff\xff", false}}));
  ASSERT_OK(apply(commands::SetRegion{"IT\xc0"}));
  commands::AddLine fox;
  fox.product_id = "toy-fox";
  fox.title = "Fox \xed\xa0\x80";  // a surrogate: ill-formed
  ASSERT_OK(apply(fox));
  ASSERT_NE(session->cart(), nullptr);
  EXPECT_EQ(session->cart()->state().buyer.customer_id, "cust\xEF\xBF\xBD\xEF\xBF\xBD");

  v1::TurnInput joined;
  joined.mutable_event()->set_kind("agent_joined");
  (*joined.mutable_event()->mutable_param())["agent"] = "Nick\xff";
  (*joined.mutable_event()->mutable_param())["agent_id"] = "nick\xfe";
  joined.set_channel("web\xff");
  joined.set_locale_hint("en\xff");
  joined.mutable_time()->set_seconds(1795428060);
  ASSERT_OK(session->HandleTurn(joined));
  v1::TurnInput text;
  text.set_text("show my cart \xff");
  text.mutable_time()->set_seconds(1795428120);
  ASSERT_OK(session->HandleTurn(text));
  ExpectSnapshotRestores(*session);
}

TEST(Issue22SessionSnapshot, TurnsAtTimesASnapshotCannotHoldAreRefusedAndChangeNothing) {
  Conversation c;
  c.Say("a gift for my 6 year old who loves lego, under 80 euros");
  c.Say("add the first one");
  const std::string before = c.session().Snapshot();
  for (int64_t seconds : {std::numeric_limits<int64_t>::max() - 5,
                          std::numeric_limits<int64_t>::min(), int64_t{253402300800}}) {
    v1::TurnInput checkout;
    checkout.set_text("checkout");
    checkout.mutable_time()->set_seconds(seconds);
    EXPECT_THAT(c.session().HandleTurn(checkout),
                StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("time")))
        << seconds;
    EXPECT_EQ(c.session().Snapshot(), before);
  }
  // The last moment a Timestamp holds is a time like any other.
  v1::TurnInput checkout;
  checkout.set_text("checkout");
  checkout.mutable_time()->set_seconds(253402300799 - 3600);
  absl::StatusOr<v1::TurnResult> r = c.session().HandleTurn(checkout);
  ASSERT_OK(r);
  ExpectSnapshotRestores(c.session());
}

// Issue #22: a 10 MB product id gave a 20 MB message.
TEST(Issue22Echo, AHugeProductIdGivesAShortMessage) {
  std::unique_ptr<Session> session = Demo()->NewSession("echo", 1);
  CartCommand command;
  commands::AddLine add;
  add.product_id = std::string(10 << 20, 'x');
  command.action = add;
  command.time = absl::FromUnixSeconds(1795428000);
  absl::StatusOr<ApplyResult> result = session->ApplyCartCommand(command);
  EXPECT_THAT(result, StatusIs(absl::StatusCode::kNotFound, HasSubstr("xxxx\xE2\x80\xA6")));
  EXPECT_LT(result.status().message().size(), 400u);
}

// Random ill-formed bytes in every text field a host can hand a session.
TEST(Issue22SessionSnapshot, RandomIllFormedTextAlwaysRestores) {
  std::mt19937_64 rng(22);
  auto noise = [&](std::string_view prefix) {
    std::string s(prefix);
    const int n = static_cast<int>(rng() % 6);
    for (int i = 0; i < n; ++i) s.push_back(static_cast<char>(0x80 + rng() % 0x80));
    return s;
  };
  for (int round = 0; round < 200; ++round) {
    std::unique_ptr<Session> session = Demo()->NewSession(noise("s"), round);
    v1::ShopperProfile profile;
    profile.set_language(noise("en"));
    ASSERT_OK(session->ImportProfile(profile));
    CartCommand command;
    command.time = absl::FromUnixSeconds(1795428000);
    command.actor = Actor::Agent(noise("a"));
    command.action = commands::SetBuyer{{noise("anon"), "", false}};
    ASSERT_OK(session->ApplyCartCommand(command));
    command.action = commands::SetRegion{noise("IT")};
    ASSERT_OK(session->ApplyCartCommand(command));
    commands::AddLine fox;
    fox.product_id = "toy-fox";
    fox.title = noise("Fox");
    command.action = fox;
    ASSERT_OK(session->ApplyCartCommand(command));
    v1::TurnInput input;
    input.set_text(noise("hello"));
    input.set_channel(noise("web"));
    input.set_actor(noise("shopper"));
    (*input.mutable_event()->mutable_param())[noise("k")] = noise("v");
    input.mutable_time()->set_seconds(1795428060);
    (void)session->HandleTurn(input);  // the event has no kind: text decides
    ExpectSnapshotRestores(*session);
    if (::testing::Test::HasFatalFailure()) return;
  }
}

}  // namespace
}  // namespace chatcart
