// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// The engine loading the demo bundle, and copies of it edited to be at fault:
// every error reported at once, each at its file:line. Conversations are in
// conversation_test.cc, sessions in session_test.cc.

#include "chatcart/engine.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "chatcart/intent.h"
#include "common/testing/status_matchers.h"
#include "engine/demo_testing.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace chatcart {
namespace {

using ::chatcart::testing::CopyOfDemo;
using ::chatcart::testing::Demo;
using ::chatcart::testing::ReadText;
using ::chatcart::testing::StatusIs;
using ::testing::AllOf;
using ::testing::Contains;
using ::testing::HasSubstr;
using ::testing::StartsWith;

TEST(Engine, LoadsTheDemoBundle) {
  ASSERT_NE(Demo(), nullptr);
  EXPECT_EQ(Demo()->identity().name, "demo");
  EXPECT_NE(Demo()->identity().fingerprint, 0u);
  EXPECT_EQ(Demo()->currency(), "EUR");
  EXPECT_GE(Demo()->load_stats().intents, 20);
  EXPECT_GE(Demo()->load_stats().products, 30u);
}

// A copy of the demo bundle with `extra` appended to its bundle.textproto.
std::string DemoWith(const std::string& name, const std::string& extra) {
  const std::filesystem::path dir = CopyOfDemo(name);
  std::ofstream(dir / "bundle.textproto", std::ios::app) << "\n" << extra << "\n";
  return dir.string();
}

// In the bundle copy `dir`, replaces the one occurrence of `from` in `file`
// by `to`; returns the line (1-based) it was on.
int Edit(const std::string& dir, const std::string& file, const std::string& from,
         const std::string& to) {
  const std::filesystem::path path = std::filesystem::path(dir) / file;
  std::string text = ReadText(path);
  const size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << file << " has no " << from;
  EXPECT_EQ(text.find(from, at + 1), std::string::npos) << file << " has " << from << " twice";
  if (at == std::string::npos) return 0;
  text.replace(at, from.size(), to);
  std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + at, '\n'));
}

// The lines of a failed load's message after its "bundle ... has N errors:".
std::vector<std::string> LoadErrors(const absl::StatusOr<std::shared_ptr<const Engine>>& e) {
  std::vector<std::string> lines;
  if (e.ok()) return lines;
  std::string message(e.status().message());
  size_t start = message.find('\n');
  while (start != std::string::npos) {
    size_t end = message.find('\n', start + 1);
    lines.push_back(message.substr(start + 1, end == std::string::npos ? end : end - start - 1));
    start = end;
  }
  return lines;
}

TEST(Engine, ReportsEveryBundleErrorAtOnce) {
  EXPECT_THAT(Engine::Create("/no/such/bundle"), StatusIs(absl::StatusCode::kNotFound));

  // One fault in each file: every one is reported, each at its file:line.
  const std::string dir = DemoWith("every_error", "");
  const int zone = Edit(dir, "bundle.textproto", "\"Europe/Rome\"", "\"Mars/Olympus\"");
  const int target = Edit(dir, "flows.textproto", "condition: \"budget known\" target: \"flow:laptop\"",
                          "condition: \"budget known\" target: \"flow:laptp\"");
  const int variant = Edit(dir, "templates/fr.textproto", "{count, plural, one {Voici # idée}",
                           "{compte} {count, plural, one {Voici # idée}");
  const int category =
      Edit(dir, "cart_policy.textproto", "categories: \"Toys\"", "categories: \"Toyz\"");
  const int example = Edit(dir, "intents/it.textproto", "language: \"it\"", "language: \"de\"");
  absl::StatusOr<std::shared_ptr<const Engine>> e = Engine::Create(dir);
  ASSERT_THAT(e, StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("has 5 errors:")));
  EXPECT_THAT(LoadErrors(e),
              ::testing::UnorderedElementsAre(
                  AllOf(StartsWith(absl::StrCat("bundle.textproto:", zone, ":")),
                        HasSubstr("\"Mars/Olympus\"")),
                  AllOf(StartsWith(absl::StrCat("flows.textproto:", target, ":")),
                        HasSubstr("flow \"laptp\" does not exist")),
                  AllOf(StartsWith(absl::StrCat("templates/fr.textproto:", variant, ":")),
                        HasSubstr("{compte} is set by nothing")),
                  AllOf(StartsWith(absl::StrCat("cart_policy.textproto:", category, ":")),
                        HasSubstr("\"Toyz\" is no category path")),
                  AllOf(StartsWith(absl::StrCat("intents/it.textproto:", example, ":")),
                        HasSubstr("language \"de\" must be en, it or fr"))));
}

// Issue #23: a slot filtering a number column failed in front of shoppers.
TEST(Engine, RefusesASlotFilteringANumberAttributeAtItsLine) {
  const std::string dir = DemoWith("slot_number", "");
  const int line = Edit(dir, "flows.textproto", "slot_attribute: \"phone=compatible_with\"",
                        "slot_attribute: \"phone=ink_cartridges\"");
  absl::StatusOr<std::shared_ptr<const Engine>> e = Engine::Create(dir);
  EXPECT_THAT(LoadErrors(e), ::testing::ElementsAre(AllOf(
                                 StartsWith(absl::StrCat("flows.textproto:", line, ":")),
                                 HasSubstr("\"ink_cartridges\" holds a number"))));
  const std::string missing = DemoWith("slot_missing", "");
  Edit(missing, "flows.textproto", "slot_attribute: \"phone=compatible_with\"",
       "slot_attribute: \"phone=works_with\"");
  EXPECT_THAT(LoadErrors(Engine::Create(missing)),
              ::testing::ElementsAre(HasSubstr("the catalog has no attribute \"works_with\"")));
}

// Issue #23: a discount whose category matched no path applied to nothing.
TEST(Engine, RefusesDiscountAndTaxCategoriesNoCatalogPathHas) {
  const std::string dir = DemoWith("categories", "");
  const int code = Edit(dir, "cart_policy.textproto", "categories: \"Toys\"",
                        "categories: \"Plush\" product_ids: \"toy-nope\"");
  const int rate = Edit(dir, "cart_policy.textproto", "rates { region: \"FR\" percent: \"20\" }",
                        "rates { region: \"FR\" category: \"Books\" percent: \"5.5\" }");
  EXPECT_THAT(LoadErrors(Engine::Create(dir)),
              ::testing::UnorderedElementsAre(
                  AllOf(StartsWith(absl::StrCat("cart_policy.textproto:", code, ":")),
                        HasSubstr("TOYS5: category \"Plush\" is no category path of the "
                                  "catalog (the full path: \"Toys > Plush\")")),
                  AllOf(StartsWith(absl::StrCat("cart_policy.textproto:", code, ":")),
                        HasSubstr("product \"toy-nope\" is not in the catalog")),
                  AllOf(StartsWith(absl::StrCat("cart_policy.textproto:", rate, ":")),
                        HasSubstr("tax rate category \"Books\""))));
}

// Issue #23: one bad catalog row used to bring ten errors about the flows
// that use the catalog, at their `flow {` lines.
TEST(Engine, AFailedCatalogIsReportedOnceAndItsUsersAreNot) {
  const std::string dir = DemoWith("bad_row", "");
  const int row = Edit(dir, "products.jsonl", "\"price\": \"699.00\"", "\"price\": \"lots\"");
  EXPECT_THAT(LoadErrors(Engine::Create(dir)),
              ::testing::ElementsAre(StartsWith(absl::StrCat("products.jsonl:", row, ":"))));
}

// Without a catalog at all, each action that needs one says so at its line.
TEST(Engine, ActionsNeedingAMissingComponentAreReportedAtTheirLines) {
  const std::string dir = DemoWith("no_catalog", "");
  Edit(dir, "bundle.textproto", "catalog {", "# catalog {");
  // The printers' recommend action, not its flow's first line.
  const int line = Edit(dir, "flows.textproto", "    action {\n      recommend {\n        where: \"category=Photo Printers\"",
                        "    action {\n      recommend {\n        where: \"category=Photo Printers\"");
  std::vector<std::string> errors = LoadErrors(Engine::Create(dir));
  EXPECT_THAT(errors, Contains(AllOf(StartsWith(absl::StrCat("flows.textproto:", line, ":")),
                                     HasSubstr("recommend needs a catalog"))));
  EXPECT_THAT(errors, Contains(HasSubstr("cart and order actions need a catalog")));
}

TEST(Engine, TheBundleMovesTheOutOfScopeThreshold) {
  absl::StatusOr<std::shared_ptr<const Engine>> fixed =
      Engine::Create(DemoWith("fixed_threshold", "understanding { oos_threshold: 0.99 }"));
  ASSERT_OK(fixed);
  EXPECT_EQ((*fixed)->intent_model()->stats().oos_threshold, 0.99);
  EXPECT_TRUE((*fixed)->intent_model()->Classify("I'd like something for my nephew").out_of_scope);

  absl::StatusOr<std::shared_ptr<const Engine>> stricter =
      Engine::Create(DemoWith("recall", "understanding { oos_target_recall: 1.0 }"));
  ASSERT_OK(stricter);
  EXPECT_GT((*stricter)->intent_model()->stats().oos_threshold,
            Demo()->intent_model()->stats().oos_threshold);
  EXPECT_EQ((*stricter)->intent_model()->stats().fold_oos_recall, 1.0);

  for (const auto& [bad, says] :
       {std::pair{"understanding { oos_threshold: 1.5 }", "understanding.oos_threshold"},
        std::pair{"understanding { oos_target_recall: 0 }", "understanding.oos_target_recall"}}) {
    EXPECT_THAT(Engine::Create(DemoWith("bad_understanding", bad)),
                StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr(says)))
        << bad;
  }
}

}  // namespace
}  // namespace chatcart
