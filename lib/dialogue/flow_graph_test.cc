// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "dialogue/flow_graph.h"

#include <string>
#include <vector>

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
                       const char* it_text = kTemplatesIt) {
  Compiled out;
  v1::Bundle bundle;
  absl::StatusOr<TextSource> bundle_source =
      TextSource::Parse("bundle.textproto", bundle_text, &bundle);
  EXPECT_OK(bundle_source);
  std::vector<TemplateCatalog::File> template_files(2);
  template_files[0].source =
      TextSource::Parse("en.textproto", kTemplatesEn, &template_files[0].set).value();
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
  EXPECT_THAT(c.errors, Contains(HasSubstr("recommend.budget_slot \"budget\" is not a slot")));
  EXPECT_THAT(c.errors, Contains(HasSubstr("\"age\" is not slot=attribute")));
  EXPECT_THAT(c.errors, Contains(HasSubstr("action is empty")));
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

TEST(TextSource, ReportsSyntaxErrorsWithLineAndColumn) {
  v1::FlowSet flows;
  EXPECT_THAT(TextSource::Parse("flows.textproto", "flow {\n  id: \"a\"\n  bogus: 1\n}\n", &flows),
              chatcart::testing::StatusIs(absl::StatusCode::kInvalidArgument,
                                          HasSubstr("flows.textproto:3:")));
}

}  // namespace
}  // namespace chatcart::dialogue
