// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "dialogue/flow_graph.h"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "common/testing/status_matchers.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace chatcart::dialogue {
namespace {

using ::testing::AllOf;
using ::testing::Contains;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

// clang-format off
constexpr char kBundle[] = R"pb(
  name: "test"
  store { currency: "EUR" locale: "en" locale: "it" }
  start_flow: "main"
  global_route { intent: "human" flow: "human" }
)pb";
// clang-format on

// clang-format off
constexpr char kTemplatesEn[] = R"pb(
  locale: "en"
  template { id: "hello" variant: "Hello!" }
  template { id: "ask_age" variant: "How old?" }
  template { id: "ask_budget" variant: "Budget?" }
  template { id: "bye" variant: "Bye." }
)pb";
// clang-format on

// clang-format off
constexpr char kTemplatesIt[] = R"pb(
  locale: "it"
  template { id: "hello" variant: "Ciao!" }
  template { id: "ask_age" variant: "Quanti anni?" }
  template { id: "ask_budget" variant: "Budget?" }
  template { id: "bye" variant: "Ciao." }
)pb";
// clang-format on

// clang-format off
constexpr char kGoodFlows[] = R"pb(
  flow {
    id: "main"
    slot { name: "age" type: "age" prompt: "ask_age" }
    slot { name: "budget" type: "money" prompt: "ask_budget" }
    state { id: "start" say: "hello" require: "age" require: "budget" next: "done" }
    state {
      id: "done"
      say: "bye"
      route { intent: "restart" target: "start" }
      route { condition: "age < 3" target: "end" }
    }
  }
  flow {
    id: "human"
    state {
      id: "handoff"
      action { handoff { reason: "asked" } }
      end: true
    }
  }
)pb";
// clang-format on

struct Compiled {
  std::unique_ptr<const FlowGraph> graph;
  std::vector<std::string> errors;
};

Compiled CompileBundle(const char* flows_text, const char* bundle_text = kBundle,
                       const char* it_text = kTemplatesIt, const char* en_text = kTemplatesEn) {
  Compiled out;
  v1::Bundle bundle;
  absl::StatusOr<TextSource> bundle_source =
      TextSource::Parse("bundle.textproto", bundle_text, &bundle);
  EXPECT_OK(bundle_source);
  std::vector<TemplateCatalog::File> template_files(2);
  template_files[0].source =
      TextSource::Parse("en.textproto", en_text, &template_files[0].set).value();
  template_files[1].source =
      TextSource::Parse("it.textproto", it_text, &template_files[1].set).value();
  std::vector<std::string> locales(bundle.store().locale().begin(), bundle.store().locale().end());
  TemplateCatalog templates = TemplateCatalog::Compile(template_files, locales, &out.errors);
  std::vector<FlowGraph::File> files(1);
  absl::StatusOr<TextSource> flow_source =
      TextSource::Parse("flows.textproto", flows_text, &files[0].set);
  EXPECT_OK(flow_source);
  files[0].source = *flow_source;
  FlowGraph::Options options;
  options.intent_known = [](std::string_view intent) {
    return intent == "restart" || intent == "human" || intent == "gift";
  };
  out.graph =
      FlowGraph::Compile(bundle, *bundle_source, std::move(files), templates, options, &out.errors);
  return out;
}

TEST(FlowGraph, CompilesAValidBundle) {
  Compiled c = CompileBundle(kGoodFlows);
  ASSERT_THAT(c.errors, IsEmpty());
  const FlowGraph& graph = *c.graph;
  ASSERT_EQ(graph.flow_count(), 2);
  EXPECT_EQ(graph.start_flow(), graph.FindFlow("main"));
  const FlowSpec& main = graph.flow(graph.FindFlow("main"));
  EXPECT_EQ(main.states[0].require, (std::vector<int>{0, 1}));
  EXPECT_EQ(main.states[0].next, 1);
  ASSERT_EQ(main.states[1].routes.size(), 2u);
  EXPECT_EQ(main.states[1].routes[0].target, TargetKind::kState);
  EXPECT_EQ(main.states[1].routes[1].target, TargetKind::kEnd);
  EXPECT_EQ(main.slots[1].type, SlotType::kMoney);
  EXPECT_EQ(graph.slot_types().at("age"), SlotType::kAge);
  ASSERT_EQ(graph.global_routes().size(), 1u);
  EXPECT_EQ(graph.global_routes()[0].flow, graph.FindFlow("human"));
}

TEST(FlowGraph, ReportsEveryErrorWithFileAndLine) {
  // clang-format off
  constexpr char kBad[] = R"pb(
    flow {
      id: "main"
      slot { name: "age" type: "years" prompt: "ask_age" }
      slot { name: "budget" type: "money" prompt: "no_such_prompt" }
      state { id: "start" require: "age" require: "colour" next: "loop" }
      state { id: "loop" next: "start" }
      state { id: "orphan" say: "hello" }
      state {
        id: "start"
        route { target: "start" }
      }
    }
    flow {
      id: "lonely"
      state {
        id: "a"
        route { intent: "unknown_intent" target: "nowhere" }
      }
    }
  )pb";
  // clang-format on
  Compiled c = CompileBundle(kBad);
  EXPECT_THAT(c.errors, Contains(AllOf(HasSubstr("flows.textproto:4:"),
                                       HasSubstr("unknown type \"years\""))));
  EXPECT_THAT(c.errors,
              Contains(AllOf(HasSubstr("flows.textproto:5:"),
                             HasSubstr("template \"no_such_prompt\" is missing for locale en"))));
  EXPECT_THAT(c.errors,
              Contains(HasSubstr("template \"no_such_prompt\" is missing for locale it")));
  EXPECT_THAT(c.errors, Contains(AllOf(HasSubstr("flows.textproto:6:"),
                                       HasSubstr("required slot \"colour\" is not a slot"))));
  EXPECT_THAT(c.errors, Contains(HasSubstr("cycle through next")));
  EXPECT_THAT(c.errors, Contains(AllOf(HasSubstr("flows.textproto:8:"),
                                       HasSubstr("state \"orphan\" is unreachable"))));
  EXPECT_THAT(c.errors, Contains(HasSubstr("state \"start\" is defined twice")));
  EXPECT_THAT(c.errors, Contains(HasSubstr("has no intent, payload or condition")));
  EXPECT_THAT(c.errors, Contains(HasSubstr("intent \"unknown_intent\" is not defined")));
  EXPECT_THAT(c.errors, Contains(HasSubstr("target state \"nowhere\" does not exist")));
  EXPECT_THAT(c.errors, Contains(HasSubstr("flow \"lonely\" is unreachable")));
  EXPECT_THAT(c.errors, Contains(AllOf(HasSubstr("bundle.textproto:"),
                                       HasSubstr("flow \"human\" does not exist"))));
}

TEST(FlowGraph, ReportsBadConditionsAndActions) {
  // clang-format off
  constexpr char kBad[] = R"pb(
    flow {
      id: "main"
      slot { name: "age" type: "age" prompt: "ask_age" }
      state {
        id: "start"
        route { condition: "age is 3" target: "start" }
        action { add_to_cart {} }
        action { recommend { budget_slot: "budget" slot_attribute: "age" } }
        action {}
      }
    }
    flow {
      id: "human"
      state { id: "h" end: true }
    }
  )pb";
  // clang-format on
  Compiled c = CompileBundle(kBad);
  EXPECT_THAT(c.errors, Contains(AllOf(HasSubstr("flows.textproto:7:"),
                                       HasSubstr("condition \"age is 3\""))));
  EXPECT_THAT(c.errors, Contains(HasSubstr("add_to_cart.product_slot is required")));
  EXPECT_THAT(c.errors,
              Contains(HasSubstr("recommend.budget_slot \"budget\" is a slot no flow declares")));
  EXPECT_THAT(c.errors, Contains(HasSubstr("\"age\" is not slot=attribute")));
  EXPECT_THAT(c.errors, Contains(HasSubstr("action is empty")));
}

// Issue #23: an operand with a typo used to compile and never fire.
TEST(FlowGraph, RefusesConditionOperandsThatNameNothing) {
  // clang-format off
  constexpr char kFlows[] = R"pb(
    flow {
      id: "main"
      slot { name: "age" type: "age" prompt: "ask_age" profile_key: "child_age" }
      slot { name: "budget" type: "money" prompt: "ask_budget" }
      state {
        id: "start"
        route { condition: "cart.line > 0" target: "end" }
        route { condition: "order.status == shiped" target: "end" }
        route { condition: "age == many" target: "end" }
        route { condition: "profile.shoe_size known" target: "end" }
        route { condition: "age.max > 3" target: "end" }
        route { condition: "cart.confirmable == maybe" target: "end" }
        route { condition: "cart.lines > 0 and budget.max >= 100 and profile.child_age < 6" target: "end" }
        route { condition: "order.status == shipped and quiet_hours == no and session.turns > 1" target: "end" }
      }
    }
    flow { id: "human" state { id: "h" end: true } }
  )pb";
  // clang-format on
  Compiled c = CompileBundle(kFlows);
  EXPECT_THAT(c.errors, Contains(AllOf(HasSubstr("flows.textproto:8:"),
                                       HasSubstr("\"cart.line\" is neither a slot"),
                                       HasSubstr("cart.lines"))));
  EXPECT_THAT(c.errors, Contains(AllOf(HasSubstr("flows.textproto:9:"),
                                       HasSubstr("\"shiped\" is never its value"))));
  EXPECT_THAT(c.errors, Contains(AllOf(HasSubstr("flows.textproto:10:"),
                                       HasSubstr("\"many\" is not a number"))));
  EXPECT_THAT(c.errors, Contains(AllOf(HasSubstr("flows.textproto:11:"),
                                       HasSubstr("\"profile.shoe_size\" names no slot's"))));
  EXPECT_THAT(c.errors, Contains(AllOf(HasSubstr("flows.textproto:12:"),
                                       HasSubstr("has no field \"max\""))));
  EXPECT_THAT(c.errors, Contains(AllOf(HasSubstr("flows.textproto:13:"),
                                       HasSubstr("not yes, no, true or false"))));
  EXPECT_EQ(c.errors.size(), 6u) << ::testing::PrintToString(c.errors);
}

// Issue #23: "{colour}" reached shoppers when no slot was called colour.
TEST(FlowGraph, RefusesTemplateArgumentsNothingSets) {
  // clang-format off
  constexpr char kEn[] = R"pb(
    locale: "en"
    template { id: "hello" variant: "Hello from {store}!" variant: "Hello, a {colour} one?" }
    template { id: "ask_age" variant: "How old, {age}?" }
    template { id: "ask_budget" variant: "{count} found" }
    template { id: "bye" variant: "Bye." }
    template { id: "chatcart.failed" variant: "No: {reason} {why}" }
  )pb";
  // clang-format on
  Compiled c = CompileBundle(kGoodFlows, kBundle, kTemplatesIt, kEn);
  EXPECT_THAT(c.errors, Contains(AllOf(HasSubstr("en.textproto:3:"),
                                       HasSubstr("template \"hello\" (en): {colour} is set by "
                                                 "nothing"))));
  EXPECT_THAT(c.errors, Contains(AllOf(HasSubstr("en.textproto:5:"), HasSubstr("{count}"))));
  EXPECT_THAT(c.errors, Contains(AllOf(HasSubstr("en.textproto:7:"), HasSubstr("{why}"),
                                       HasSubstr("what the engine passes it ({reason})"))));
  EXPECT_EQ(c.errors.size(), 3u) << ::testing::PrintToString(c.errors);
}

TEST(FlowGraph, RecommendIntroTemplatesMayCount) {
  // clang-format off
  constexpr char kFlows[] = R"pb(
    flow {
      id: "main"
      slot { name: "budget" type: "money" prompt: "ask_budget" }
      state { id: "start" action { recommend { budget_slot: "budget" intro: "bye" } } end: true }
    }
    flow { id: "human" state { id: "h" end: true } }
  )pb";
  constexpr char kEn[] = R"pb(
    locale: "en"
    template { id: "hello" variant: "Hello!" }
    template { id: "ask_age" variant: "How old?" }
    template { id: "ask_budget" variant: "Budget?" }
    template { id: "bye" variant: "{count, plural, one {# pick} other {# picks}}" }
  )pb";
  // clang-format on
  Compiled c = CompileBundle(kFlows, kBundle, kTemplatesIt, kEn);
  EXPECT_THAT(c.errors, IsEmpty());
}

// Issue #23: slots are shared by name, so a flow uses another's slot without
// declaring it again; a name no flow declares is an error.
TEST(FlowGraph, SlotsAreSharedByNameAcrossFlows) {
  // clang-format off
  constexpr char kFlows[] = R"pb(
    flow {
      id: "main"
      slot { name: "age" type: "age" prompt: "ask_age" }
      slot { name: "budget" type: "money" prompt: "ask_budget" }
      state { id: "start" require: "age" require: "budget" end: true }
    }
    flow {
      id: "human"
      trigger_intent: "gift"
      state {
        id: "h"
        route { condition: "age < 3" target: "end" }
        action { recommend { budget_slot: "budget" age_slot: "age" } }
        action { recommend { budget_slot: "wallet" } }
        action { set_slot { slot: "age" value: "4" } }
        end: true
      }
    }
  )pb";
  // clang-format on
  Compiled c = CompileBundle(kFlows);
  EXPECT_THAT(c.errors, Contains(AllOf(HasSubstr("flows.textproto:15:"),
                                       HasSubstr("\"wallet\" is a slot no flow declares"))));
  EXPECT_THAT(c.errors, Contains(AllOf(HasSubstr("flows.textproto:16:"),
                                       HasSubstr("set_slot.slot \"age\" is not a slot of the "
                                                 "flow (another flow declares it"))));
  EXPECT_EQ(c.errors.size(), 2u) << ::testing::PrintToString(c.errors);
}

// Issue #23: a number slot filtering an attribute filtered nothing.
TEST(FlowGraph, RefusesSlotsOfTheWrongTypeForTheirField) {
  // clang-format off
  constexpr char kFlows[] = R"pb(
    flow {
      id: "main"
      slot { name: "age" type: "age" prompt: "ask_age" }
      slot { name: "budget" type: "money" prompt: "ask_budget" }
      state {
        id: "start"
        require: "age"
        action { recommend { budget_slot: "age" } }
        action { recommend { age_slot: "budget" } }
        action { recommend { slot_attribute: "budget=colour" } }
        end: true
      }
    }
    flow { id: "human" state { id: "h" end: true } }
  )pb";
  // clang-format on
  Compiled c = CompileBundle(kFlows);
  EXPECT_THAT(c.errors, Contains(AllOf(HasSubstr("flows.textproto:9:"),
                                       HasSubstr("\"age\" is a slot of type age; this field "
                                                 "reads slots of type money"))));
  EXPECT_THAT(c.errors, Contains(AllOf(HasSubstr("flows.textproto:10:"),
                                       HasSubstr("reads slots of type age, number"))));
  EXPECT_THAT(c.errors, Contains(AllOf(HasSubstr("flows.textproto:11:"),
                                       HasSubstr("slot_attribute \"budget\" is a slot of type "
                                                 "money"))));
  EXPECT_EQ(c.errors.size(), 3u) << ::testing::PrintToString(c.errors);
}

TEST(FlowGraph, EveryActionIsVisitedWithItsLine) {
  Compiled c = CompileBundle(kGoodFlows);
  ASSERT_THAT(c.errors, IsEmpty());
  std::vector<std::string> seen;
  c.graph->ForEachAction([&](const ActionSite& site) {
    seen.push_back(absl::StrCat(site.flow->id(), " ", site.Where()));
  });
  EXPECT_THAT(seen, ::testing::ElementsAre("human flows.textproto:18"));
}

TEST(FlowGraph, RequiresEveryLocaleToHaveItsTemplates) {
  // clang-format off
  constexpr char kItMissingBye[] = R"pb(
    locale: "it"
    template { id: "hello" variant: "Ciao!" }
    template { id: "ask_age" variant: "Quanti anni?" }
    template { id: "ask_budget" variant: "Budget?" }
  )pb";
  // clang-format on
  Compiled c = CompileBundle(kGoodFlows, kBundle, kItMissingBye);
  EXPECT_THAT(c.errors,
              Contains(AllOf(HasSubstr("flows.textproto:9:"),
                             HasSubstr("say template \"bye\" is missing for locale it"))));
}

}  // namespace
}  // namespace chatcart::dialogue
