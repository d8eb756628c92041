// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// The recommend action's ladder and probing question, reached from a flow: a
// copy of the demo bundle whose laptop finder turns them on.

#include <filesystem>
#include <fstream>
#include <string>

#include "chatcart/engine.h"
#include "common/testing/data.h"
#include "common/testing/status_matchers.h"
#include "engine/demo_testing.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace chatcart {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

// The demo bundle with its laptop finder's `prefer: "rating"` replaced by
// `options` and a text slot "need" for the probing question's answer.
std::shared_ptr<const Engine> LaptopFinderWith(const std::string& name,
                                               const std::string& options) {
  const std::filesystem::path dir = ::chatcart::testing::CopyOfDemo(name);
  std::string flows = ::chatcart::testing::ReadText(dir / "flows.textproto");
  const std::string prefer = "prefer: \"rating\"";
  const size_t at = flows.find(prefer, flows.find("id: \"laptop\""));
  EXPECT_NE(at, std::string::npos);
  if (at == std::string::npos) return nullptr;
  flows.replace(at, prefer.size(), options);
  const std::string slot = "slot {\n    name: \"budget\"";
  const size_t slot_at = flows.find(slot, flows.find("id: \"laptop\""));
  flows.insert(slot_at, "slot { name: \"need\" type: \"text\" prompt: \"ask_laptop_budget\" }\n  ");
  std::ofstream(dir / "flows.textproto", std::ios::trunc) << flows;
  absl::StatusOr<std::shared_ptr<const Engine>> engine = Engine::Create(dir.string());
  EXPECT_OK(engine);
  return engine.ok() ? *engine : nullptr;
}

class Chat {
 public:
  explicit Chat(const std::shared_ptr<const Engine>& engine)
      : session_(engine->NewSession("test", 1)) {}
  v1::TurnResult Say(const std::string& text) {
    v1::TurnInput input;
    input.set_text(text);
    return Run(input);
  }
  v1::TurnResult Pick(const std::string& payload) {
    v1::TurnInput input;
    input.set_payload(payload);
    return Run(input);
  }

 private:
  v1::TurnResult Run(v1::TurnInput& input) {
    input.mutable_time()->set_seconds(now_ += 60);
    absl::StatusOr<v1::TurnResult> result = session_->HandleTurn(input);
    EXPECT_OK(result) << input.ShortDebugString();
    return result.ok() ? *result : v1::TurnResult();
  }
  std::unique_ptr<Session> session_;
  int64_t now_ = 1795428000;
};

const v1::Reply* ReplyWithProducts(const v1::TurnResult& r) {
  for (const v1::Reply& reply : r.replies()) {
    if (reply.products_size() > 0) return &reply;
  }
  return nullptr;
}

TEST(RecommendFlow, TheLadderShowsWhatTheBudgetBuysWithEachStepsReason) {
  std::shared_ptr<const Engine> engine = LaptopFinderWith("ladder", "ladder: LADDER_ON");
  ASSERT_NE(engine, nullptr);
  Chat chat(engine);
  chat.Say("I need a laptop");
  v1::TurnResult r = chat.Say("up to 1500 euros");
  const v1::Reply* picks = ReplyWithProducts(r);
  ASSERT_NE(picks, nullptr) << r.ShortDebugString();
  ASSERT_GE(picks->products_size(), 2);
  // The dearest step first, its reasons leading with the ladder's claim.
  EXPECT_THAT(picks->products(0).reasons(0), StartsWith("top of your budget"));
  EXPECT_THAT(picks->products(0).reasons(), ::testing::Contains(HasSubstr("Memory: 32 GB")));
}

TEST(RecommendFlow, ABroadRequestIsAskedAboutThenNarrowedByTheAnswer) {
  std::shared_ptr<const Engine> engine =
      LaptopFinderWith("probe", "probe_at: 3 probe_slot: \"need\"");
  ASSERT_NE(engine, nullptr);
  Chat chat(engine);
  chat.Say("I need a laptop");
  v1::TurnResult r = chat.Say("up to 1500 euros");
  ASSERT_GE(r.replies_size(), 1);
  const v1::Reply& asked = r.replies(r.replies_size() - 1);
  EXPECT_EQ(asked.template_id(), "chatcart.probe");
  EXPECT_THAT(asked.text(), StartsWith("To narrow down the 4 that fit: which"));
  EXPECT_EQ(ReplyWithProducts(r), nullptr);  // a question instead of a list
  ASSERT_GE(asked.quick_replies_size(), 2);
  const std::string payload = asked.quick_replies(0).payload();
  EXPECT_THAT(payload, StartsWith("need="));

  // The answer fills the slot and the state runs again, narrowed.
  r = chat.Pick(payload);
  const v1::Reply* picks = ReplyWithProducts(r);
  ASSERT_NE(picks, nullptr) << r.ShortDebugString();
  EXPECT_LT(picks->products_size(), 4);
  for (const v1::Reply& reply : r.replies()) EXPECT_NE(reply.template_id(), "chatcart.probe");
}

}  // namespace
}  // namespace chatcart
