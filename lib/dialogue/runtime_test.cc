// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "dialogue/runtime.h"

#include <limits>
#include <string>
#include <vector>

#include "common/testing/status_matchers.h"
#include "dialogue/dialogue_snapshot.h"
#include "dialogue/slot_filler.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace chatcart::dialogue {
namespace {

using ::chatcart::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

// clang-format off
constexpr char kBundle[] = R"pb(
  name: "test"
  store { currency: "EUR" locale: "en" display_name: "Toyland" }
  start_flow: "main"
  global_route { intent: "show_cart" flow: "cart" }
  global_route { intent: "human" flow: "human" }
  global_route { intent: "start_over" flow: "main" replace: true }
  event_route { event: "ad_click" flow: "invite" }
  handoff { enabled: true intent: "human" }
)pb";
// clang-format on

// clang-format off
constexpr char kTemplates[] = R"pb(
  locale: "en"
  template { id: "hello" variant: "Hi, welcome to {store}!" }
  template { id: "ask_age" variant: "How old is the lucky one?" }
  template { id: "ask_age_again" variant: "Just the age in years, e.g. 6?" }
  template { id: "ask_age_last" variant: "One last try: how many years old?" }
  template { id: "ask_budget" variant: "What's your budget?" }
  template { id: "ask_interest" variant: "What do they love?" }
  template { id: "building" variant: "Building" }
  template { id: "outdoor" variant: "Outdoor" }
  template { id: "picks" variant: "Gifts for a {age, plural, one {# year old} other {# year old}} ({interest})." }
  template { id: "cart" variant: "Your cart." }
  template { id: "handing_off" variant: "Connecting you." }
  template { id: "invite" variant: "Thanks for clicking {event.campaign}! A specialist can help." }
  template { id: "sure" variant: "Shall I order it?" }
  template { id: "ordered" variant: "Ordered." }
  template { id: "cancelled" variant: "Not ordered." }
)pb";
// clang-format on

// clang-format off
constexpr char kFlows[] = R"pb(
  flow {
    id: "main"
    state { id: "greet" say: "hello" }
  }
  flow {
    id: "gift"
    trigger_intent: "find_gift"
    slot {
      name: "age"
      type: "age"
      prompt: "ask_age"
      reprompt: "ask_age_again"
      reprompt: "ask_age_last"
    }
    slot { name: "budget" type: "money" prompt: "ask_budget" }
    slot {
      name: "interest"
      type: "choice"
      prompt: "ask_interest"
      choice { value: "building" title: "building" synonym: "lego" }
      choice { value: "outdoor" title: "outdoor" synonym: "outside" synonym: "extérieur" }
    }
    state {
      id: "ask"
      require: "age"
      require: "budget"
      require: "interest"
      action { say { template: "picks" } }
      action { recommend { budget_slot: "budget" age_slot: "age" } }
      route { intent: "buy" target: "confirm" }
    }
    state {
      id: "confirm"
      require: "sure"
      route { condition: "sure == yes" target: "done" action { clear_slots { slot: "sure" } } }
      route { condition: "sure == no" target: "ask" action { say { template: "cancelled" } } action { clear_slots { slot: "sure" } } }
    }
    state { id: "done" say: "ordered" end: true }
    slot { name: "sure" type: "yes_no" prompt: "sure" }
  }
  flow {
    id: "cart"
    state { id: "show" say: "cart" action { show_cart {} } end: true }
  }
  flow {
    id: "human"
    state { id: "h" say: "handing_off" action { handoff { reason: "asked" } } end: true }
  }
  flow {
    id: "invite"
    state { id: "i" say: "invite" end: true }
  }
)pb";
// clang-format on

struct Compiled {
  v1::Bundle bundle;
  TextSource bundle_source;
  std::unique_ptr<TemplateCatalog> templates;
  std::unique_ptr<const FlowGraph> graph;
  std::unique_ptr<Runtime> runtime;
};

std::unique_ptr<Compiled> Compile() {
  auto c = std::make_unique<Compiled>();
  c->bundle_source = TextSource::Parse("bundle.textproto", kBundle, &c->bundle).value();
  std::vector<TemplateCatalog::File> template_files(1);
  template_files[0].source =
      TextSource::Parse("en.textproto", kTemplates, &template_files[0].set).value();
  std::vector<std::string> errors;
  c->templates =
      std::make_unique<TemplateCatalog>(TemplateCatalog::Compile(template_files, {"en"}, &errors));
  std::vector<FlowGraph::File> files(1);
  files[0].source = TextSource::Parse("flows.textproto", kFlows, &files[0].set).value();
  c->graph =
      FlowGraph::Compile(c->bundle, c->bundle_source, std::move(files), *c->templates, {}, &errors);
  EXPECT_THAT(errors, IsEmpty());
  RuntimeConfig config;
  config.currency = "EUR";
  config.store_name = "Toyland";
  config.handoff_enabled = true;
  config.handoff_intent = "human";
  config.idle_reset_ms = 30 * 60 * 1000;
  c->runtime = std::make_unique<Runtime>(*c->graph, *c->templates, config);
  return c;
}

// Records the commerce actions the runtime asks for.
class FakeExecutor : public ActionExecutor {
 public:
  std::vector<std::string> actions;
  absl::Status Execute(const v1::Action& action, const FlowSpec& flow, TurnContext& turn) override {
    std::string name(v1::Action::descriptor()->FindFieldByNumber(action.kind_case())->name());
    actions.push_back(name);
    if (name == "recommend") {
      turn.set_last_shown({"lego-1", "lego-2"});
    }
    return absl::OkStatus();
  }
  std::optional<ConditionValue> Lookup(std::string_view name) const override {
    if (name == "cart.lines") return int64_t{0};
    return std::nullopt;
  }
};

Entity AgeEntity(int64_t years) {
  Entity e;
  e.type = "age";
  e.text = absl::StrCat(years, " year old");
  e.value.type = SlotType::kAge;
  e.value.number = years;
  return e;
}

Entity MoneyEntity(int64_t euros) {
  Entity e;
  e.type = "money";
  e.text = absl::StrCat("under ", euros, " euros");
  e.value.type = SlotType::kMoney;
  e.value.budget.kind = Budget::Kind::kUnder;
  e.value.budget.max = *Money::FromMinorUnits(euros * 100, "EUR");
  return e;
}

Entity NumberEntity(int64_t n) {
  Entity e;
  e.type = "number";
  e.text = absl::StrCat(n);
  e.value.number = n;
  return e;
}

class RuntimeTest : public ::testing::Test {
 protected:
  RuntimeTest() : compiled_(Compile()) { state_.random = 42; }

  v1::TurnResult Turn(std::string text, Understanding u = {}, int64_t minute = 0) {
    v1::TurnInput input;
    input.set_text(std::move(text));
    return Run(input, u, minute);
  }

  v1::TurnResult Payload(std::string payload, int64_t minute = 0) {
    v1::TurnInput input;
    input.set_payload(std::move(payload));
    return Run(input, {}, minute);
  }

  v1::TurnResult Run(v1::TurnInput& input, Understanding u, int64_t minute) {
    input.mutable_time()->set_seconds(1'800'000'000 + minute * 60 + clock_++);
    if (u.language.empty()) u.language = "en";
    if (u.confidence == 0 && !u.intent.empty()) u.confidence = 0.9;
    v1::TurnResult result;
    absl::Status status = compiled_->runtime->HandleTurn(input, u, executor_, state_, &result);
    EXPECT_OK(status);
    return result;
  }

  static std::vector<std::string> Texts(const v1::TurnResult& result) {
    std::vector<std::string> texts;
    for (const v1::Reply& reply : result.replies()) texts.push_back(reply.text());
    return texts;
  }

  static std::vector<std::string> Ids(const v1::TurnResult& result) {
    std::vector<std::string> ids;
    for (const v1::Reply& reply : result.replies()) ids.push_back(reply.template_id());
    return ids;
  }

  static Understanding Intent(std::string intent, std::vector<Entity> entities = {}) {
    Understanding u;
    u.intent = std::move(intent);
    u.entities = std::move(entities);
    return u;
  }

  std::unique_ptr<Compiled> compiled_;
  DialogueState state_;
  FakeExecutor executor_;
  int64_t clock_ = 0;
};

TEST_F(RuntimeTest, GreetsOnTheFirstWordsThatStartNothing) {
  v1::TurnResult r = Turn("hello", Intent("greet"));
  EXPECT_THAT(Texts(r), ElementsAre("Hi, welcome to Toyland!"));
  EXPECT_EQ(r.language(), "en");
}

TEST_F(RuntimeTest, AChoiceNamedInPassingIsNotAskedAgain) {
  Understanding u = Intent("find_gift", {AgeEntity(6), MoneyEntity(40)});
  u.words = {"a", "gift", "for", "my", "6", "year", "old", "who", "loves", "lego"};
  v1::TurnResult r = Turn("a gift for my 6 year old who loves lego, under 40 euros", u);
  EXPECT_THAT(Texts(r), ElementsAre("Gifts for a 6 year old (lego)."));
  EXPECT_THAT(executor_.actions, ElementsAre("recommend"));
}

TEST_F(RuntimeTest, AChoiceNamedAsNotWantedIsNoAnswer) {
  // "Nothing with lego, something outside": outdoor only, not both.
  Understanding u = Intent("find_gift", {AgeEntity(6), MoneyEntity(40)});
  u.words = {"nothing", "with", "lego", "something", "outside"};
  converse::Act no_lego;
  no_lego.kind = converse::ActKind::kExclude;
  no_lego.arg = "lego";
  u.acts.push_back(no_lego);
  Turn("nothing with lego, something outside", u);
  ASSERT_EQ(state_.slots.count("interest"), 1u);
  EXPECT_EQ(state_.slots.at("interest").text, "outdoor");
}

TEST_F(RuntimeTest, TwoChoicesNamedInPassingAreBothKeptAsAlternatives) {
  // "Sweet and nutty", "nere o blu", "lego or outside": either will do.
  Understanding u = Intent("find_gift", {AgeEntity(6), MoneyEntity(40)});
  u.words = {"lego", "or", "outside"};
  v1::TurnResult r = Turn("lego or outside", u);
  EXPECT_THAT(executor_.actions, ElementsAre("recommend"));
  ASSERT_EQ(state_.slots.count("interest"), 1u);
  EXPECT_EQ(state_.slots.at("interest").text, "building,outdoor");
}

TEST_F(RuntimeTest, AsksOnlyWhatIsStillUnknown) {
  // One sentence fills age and budget: only the interest is asked.
  v1::TurnResult r = Turn("a gift for my 6 year old under 40 euros",
                          Intent("find_gift", {AgeEntity(6), MoneyEntity(40)}));
  EXPECT_THAT(Texts(r), ElementsAre("What do they love?"));
  ASSERT_EQ(r.replies(0).quick_replies_size(), 2);
  EXPECT_EQ(r.replies(0).quick_replies(0).title(), "Building");
  EXPECT_EQ(r.replies(0).quick_replies(1).payload(), "outdoor");
  EXPECT_THAT(r.trace().slots_filled(), ElementsAre("age=6 year old", "budget=under 40 euros"));

  // A synonym answers the choice; the actions run once all is known.
  Understanding lego;
  lego.words = {"they", "love", "lego"};
  r = Turn("they love lego", lego);
  EXPECT_THAT(Texts(r), ElementsAre("Gifts for a 6 year old (lego)."));
  EXPECT_THAT(executor_.actions, ElementsAre("recommend"));
  EXPECT_THAT(state_.last_shown, ElementsAre("lego-1", "lego-2"));
}

TEST_F(RuntimeTest, SynonymsMatchWithoutTheirAccents) {
  Turn("a gift for my 6 year old under 40 euros",
       Intent("find_gift", {AgeEntity(6), MoneyEntity(40)}));
  Understanding typed;
  typed.words = {"plutot", "EXTERIEUR"};  // as typed on a phone
  Turn("plutot EXTERIEUR", typed);
  ASSERT_EQ(state_.slots.count("interest"), 1u);
  EXPECT_EQ(state_.slots.at("interest").text, "outdoor");
}

TEST_F(RuntimeTest, AGlobalIntentInterruptsAndTheFlowResumesWithItsSlots) {
  Turn("gift please", Intent("find_gift", {AgeEntity(6)}));
  ASSERT_EQ(state_.stack.back().asking, 1);  // budget
  v1::TurnResult r = Turn("show my cart", Intent("show_cart"));
  EXPECT_THAT(Ids(r), ElementsAre("cart", "chatcart.resume", "ask_budget"));
  EXPECT_THAT(executor_.actions, ElementsAre("show_cart"));
  ASSERT_EQ(state_.slots.count("age"), 1u);
  EXPECT_EQ(state_.slots.at("age").number, 6);
  // A bare number answers the budget question in euros.
  r = Turn("50", Intent("", {NumberEntity(50)}));
  EXPECT_EQ(state_.slots.at("budget").budget.max, *Money::FromMinorUnits(5000, "EUR"));
  EXPECT_THAT(Texts(r), ElementsAre("What do they love?"));
}

TEST_F(RuntimeTest, RepromptsRephraseThenAPersonIsOffered) {
  Turn("gift", Intent("find_gift"));
  EXPECT_THAT(Texts(Turn("dunno")), ElementsAre("Just the age in years, e.g. 6?"));
  EXPECT_THAT(Texts(Turn("hmm")), ElementsAre("One last try: how many years old?"));
  v1::TurnResult r = Turn("no idea");
  EXPECT_THAT(Ids(r), ElementsAre("chatcart.not_understood", "chatcart.offer_human"));
  ASSERT_EQ(r.replies(1).quick_replies_size(), 1);
  EXPECT_EQ(r.replies(1).quick_replies(0).payload(), "human");
  // The offer's payload hands off.
  r = Payload("human");
  EXPECT_THAT(Texts(r), ElementsAre("Connecting you."));
  EXPECT_THAT(executor_.actions, ElementsAre("handoff"));
}

TEST_F(RuntimeTest, ANumberPicksAnOfferedQuickReply) {
  Turn("gift", Intent("find_gift", {AgeEntity(8), MoneyEntity(30)}));
  v1::TurnResult r = Turn("2");
  EXPECT_EQ(state_.slots.at("interest").text, "outdoor");
  EXPECT_THAT(r.trace().transitions(), ::testing::Contains(HasSubstr("numbered answer 2")));
}

TEST_F(RuntimeTest, AYesNoAnswerRoutesAtOnce) {
  Turn("gift", Intent("find_gift", {AgeEntity(8), MoneyEntity(30)}));
  Payload("building");
  v1::TurnResult r = Turn("I'll take it", Intent("buy"));
  EXPECT_THAT(Texts(r), ElementsAre("Shall I order it?"));
  EXPECT_EQ(r.replies(0).quick_replies(0).payload(), "yes");
  r = Payload("yes");
  EXPECT_THAT(Texts(r), ElementsAre("Ordered."));
  EXPECT_EQ(state_.slots.count("sure"), 0u);  // cleared by the route
}

TEST_F(RuntimeTest, AnUnknownPayloadGetsADefinedReply) {
  Turn("gift", Intent("find_gift", {AgeEntity(8), MoneyEntity(30)}));
  v1::TurnResult r = Payload("no-such-payload");
  EXPECT_THAT(Ids(r), ElementsAre("chatcart.not_understood", "ask_interest"));
}

TEST_F(RuntimeTest, EventsStartTheirFlowWithTheirParameters) {
  v1::TurnInput input;
  input.mutable_event()->set_kind("ad_click");
  (*input.mutable_event()->mutable_param())["campaign"] = "laptops-fall";
  v1::TurnResult r = Run(input, {}, 0);
  EXPECT_THAT(Texts(r), ElementsAre("Thanks for clicking laptops-fall! A specialist can help."));

  v1::TurnInput unknown;
  unknown.mutable_event()->set_kind("meteor_strike");
  unknown.mutable_time()->set_seconds(1'900'000'000);
  v1::TurnResult ignored;
  EXPECT_THAT(compiled_->runtime->HandleTurn(unknown, {}, executor_, state_, &ignored),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("meteor_strike")));
}

TEST_F(RuntimeTest, AnIdleSessionStartsItsFlowOver) {
  Turn("gift", Intent("find_gift", {AgeEntity(8)}));
  EXPECT_EQ(state_.slots.size(), 1u);
  v1::TurnResult r = Turn("hello again", Intent("greet"), /*minute=*/45);
  EXPECT_TRUE(state_.slots.empty());
  EXPECT_THAT(Texts(r), ElementsAre("Hi, welcome to Toyland!"));
}

// Issue #22: a turn at INT64_MIN seconds after one in 2026 overflowed the
// idle check (signed overflow; in practice a wrapped difference that reset the
// flow). A turn earlier than the last is not idle time.
TEST_F(RuntimeTest, Issue22ATurnAtTheMinimumTimeAfterARecentOneIsNotIdle) {
  Turn("gift", Intent("find_gift", {AgeEntity(8)}));
  ASSERT_EQ(state_.slots.size(), 1u);
  v1::TurnInput input;
  input.set_text("hello again");
  input.mutable_time()->set_seconds(std::numeric_limits<int64_t>::min());
  Understanding u = Intent("greet");
  u.language = "en";
  u.confidence = 0.9;
  v1::TurnResult result;
  ASSERT_OK(compiled_->runtime->HandleTurn(input, u, executor_, state_, &result));
  EXPECT_EQ(state_.slots.size(), 1u) << "the flow was reset as idle";
}

TEST_F(RuntimeTest, StartOverReplacesTheStack) {
  Turn("gift", Intent("find_gift"));
  Turn("start over", Intent("start_over"));
  ASSERT_EQ(state_.stack.size(), 1u);
  EXPECT_EQ(compiled_->graph->flow(state_.stack[0].flow).id(), "main");
}

TEST_F(RuntimeTest, ASnapshotRestoresTheSameStateAndBytes) {
  Turn("gift", Intent("find_gift", {AgeEntity(6), MoneyEntity(40)}));
  v1::DialogueSnapshot proto;
  DialogueToProto(*compiled_->graph, state_, &proto);
  std::string bytes = proto.SerializeAsString();
  v1::DialogueSnapshot parsed;
  ASSERT_TRUE(parsed.ParseFromString(bytes));
  std::vector<v1::RestoreNote> dropped;
  absl::StatusOr<DialogueState> restored = DialogueFromProto(*compiled_->graph, parsed, &dropped);
  ASSERT_OK(restored);
  EXPECT_THAT(dropped, IsEmpty());
  EXPECT_EQ(*restored, state_);
  v1::DialogueSnapshot again;
  DialogueToProto(*compiled_->graph, *restored, &again);
  EXPECT_EQ(again.SerializeAsString(), bytes);
  // The restored session goes on exactly as the original would.
  DialogueState original = state_;
  v1::TurnResult a = Turn("2");
  state_ = *restored;
  v1::TurnResult b = Turn("2");
  EXPECT_EQ(a.SerializeAsString(), b.SerializeAsString());
}

TEST_F(RuntimeTest, RestoringIntoAChangedBundleDropsWhatIsGone) {
  Turn("gift", Intent("find_gift", {AgeEntity(6)}));
  v1::DialogueSnapshot proto;
  DialogueToProto(*compiled_->graph, state_, &proto);
  v1::FrameSnapshot* gone = proto.add_stack();
  gone->set_flow("retired_flow");
  gone->set_state("x");
  v1::SlotSnapshot* old_slot = proto.add_slots();
  old_slot->set_name("shoe_size");
  old_slot->set_type("size");
  v1::SlotSnapshot* retyped = proto.mutable_slots(0);  // "age", now claimed to be text
  retyped->set_type("text");
  std::vector<v1::RestoreNote> dropped;
  absl::StatusOr<DialogueState> restored = DialogueFromProto(*compiled_->graph, proto, &dropped);
  ASSERT_OK(restored);
  std::vector<std::string> said;
  for (const v1::RestoreNote& note : dropped) said.push_back(note.kind() + " " + note.subject());
  EXPECT_THAT(said, ElementsAre("flow retired_flow/x", "slot age", "slot shoe_size"));
  // The frames under a flow that is gone waited for it: the conversation
  // restarts at the start flow (#22).
  EXPECT_THAT(restored->stack, IsEmpty());
}

TEST(DialogueSnapshot, RejectsUnreadableSlots) {
  v1::SlotSnapshot slot;
  slot.set_name("x");
  slot.set_type("spaceship");
  EXPECT_THAT(SlotFromProto(slot), StatusIs(absl::StatusCode::kDataLoss, HasSubstr("spaceship")));
  slot.set_type("money");
  slot.set_budget_kind("whatever");
  EXPECT_THAT(SlotFromProto(slot), StatusIs(absl::StatusCode::kDataLoss, HasSubstr("budget kind")));
  slot.set_budget_kind("under");
  slot.mutable_budget_max()->set_currency("??");
  EXPECT_THAT(SlotFromProto(slot), StatusIs(absl::StatusCode::kDataLoss));
}

TEST(Runtime, TheSameInputsGiveTheSameBytes) {
  auto run = [] {
    auto compiled = Compile();
    DialogueState state;
    state.random = 7;
    FakeExecutor executor;
    std::string bytes;
    for (const char* text : {"hi", "gift", "6", "40", "lego", "what?"}) {
      v1::TurnInput input;
      input.set_text(text);
      input.mutable_time()->set_seconds(1'800'000'000);
      Understanding u;
      u.language = "en";
      if (std::string(text) == "gift") {
        u.intent = "find_gift";
        u.confidence = 0.9;
      }
      if (std::string(text) == "6") u.entities = {NumberEntity(6)};
      if (std::string(text) == "40") u.entities = {NumberEntity(40)};
      if (std::string(text) == "lego") u.words = {"lego"};
      v1::TurnResult result;
      EXPECT_OK(compiled->runtime->HandleTurn(input, u, executor, state, &result));
      bytes += result.SerializeAsString();
    }
    return bytes;
  };
  std::string first = run();
  EXPECT_FALSE(first.empty());
  EXPECT_EQ(first, run());
}

}  // namespace
}  // namespace chatcart::dialogue

namespace chatcart::dialogue {
namespace {

TEST(QuickReplyTitleHash, FoldsCaseSpacesAndPunctuation) {
  uint32_t title = QuickReplyTitleHash("Yes, help me choose");
  EXPECT_EQ(QuickReplyTitleHash("yes help me choose"), title);
  EXPECT_EQ(QuickReplyTitleHash("  YES -- help me  choose!! "), title);
  EXPECT_NE(QuickReplyTitleHash("yes help me chose"), title);
  EXPECT_NE(QuickReplyTitleHash("yeshelp me choose"), title);
  // Non-ASCII letters are kept as they are.
  EXPECT_NE(QuickReplyTitleHash("Sì"), QuickReplyTitleHash("Si"));
  // Snapshots keep these values: they never change.
  EXPECT_EQ(QuickReplyTitleHash(""), 2166136261u);
  EXPECT_EQ(QuickReplyTitleHash("a"), 0xe40c292cu);
}

}  // namespace
}  // namespace chatcart::dialogue
