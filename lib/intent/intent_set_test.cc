// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include <string>
#include <vector>

#include "chatcart/intent.h"
#include "common/testing/status_matchers.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace chatcart {
namespace {

using ::chatcart::testing::StatusIs;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

// clang-format off
constexpr char kEnglish[] = R"(language: "en"
intent {
  name: "show_cart"
  example: "what's in my cart"
  pattern { regex: "\\bcart\\b" priority: 2 }
  pattern { regex: "\\bcarrello\\b" language: "it" }
  pattern { regex: "🛒" language: "*" }
}
)";

constexpr char kItalian[] = R"(language: "it"
intent {
  name: "show_cart"
  example: "cosa c'è nel carrello"
}
intent {
  name: "greet"
  example: "ciao"
}
)";
// clang-format on

TEST(ReadIntentSet, MergesIntentsByNameAcrossFilesEachWithItsFileAndLine) {
  std::vector<IntentDefinition> intents;
  ASSERT_TRUE(ReadIntentSet("intents/en.textproto", kEnglish, &intents).ok());
  ASSERT_TRUE(ReadIntentSet("intents/it.textproto", kItalian, &intents).ok());
  ASSERT_EQ(intents.size(), 2u);
  const IntentDefinition& cart = intents[0];
  EXPECT_EQ(cart.name, "show_cart");
  EXPECT_EQ(cart.source, "intents/en.textproto:2");
  ASSERT_EQ(cart.examples.size(), 2u);
  EXPECT_EQ(cart.examples[0].language, "en");
  EXPECT_EQ(cart.examples[0].source, "intents/en.textproto:4");
  EXPECT_EQ(cart.examples[1].language, "it");
  EXPECT_EQ(cart.examples[1].source, "intents/it.textproto:4");
  ASSERT_EQ(cart.patterns.size(), 3u);
  EXPECT_EQ(cart.patterns[0].language, "en");
  EXPECT_EQ(cart.patterns[0].priority, 2);
  EXPECT_EQ(cart.patterns[0].source, "intents/en.textproto:5");
  EXPECT_EQ(cart.patterns[1].language, "it");
  EXPECT_THAT(cart.patterns[2].language, IsEmpty());  // "*": every language
  EXPECT_EQ(intents[1].name, "greet");
  EXPECT_EQ(intents[1].source, "intents/it.textproto:6");
}

TEST(ReadIntentSet, RejectsAMissingOrUnknownLanguageAndAddsNothing) {
  std::vector<IntentDefinition> intents;
  EXPECT_THAT(ReadIntentSet("de.textproto", "language: \"de\"\nintent { name: \"a\" }\n", &intents),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("de.textproto:1: language \"de\" must be en, it or fr")));
  EXPECT_THAT(ReadIntentSet("none.textproto", "intent { name: \"a\" }\n", &intents),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("none.textproto: language \"\" must be en, it or fr")));
  EXPECT_THAT(intents, IsEmpty());
}

TEST(ReadIntentSet, ReportsSyntaxErrorsWithLineAndColumn) {
  std::vector<IntentDefinition> intents;
  EXPECT_THAT(
      ReadIntentSet("en.textproto", "language: \"en\"\nintent {\n  nam: \"a\"\n}\n", &intents),
      StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("en.textproto:3:")));
}

TEST(ReadIntentSet, SkipsEachIntentWithoutANameAndKeepsTheOthers) {
  std::vector<IntentDefinition> intents;
  absl::Status read = ReadIntentSet(
      "en.textproto",
      "language: \"en\"\nintent { example: \"x\" }\nintent { name: \"a\" }\nintent { }\n",
      &intents);
  EXPECT_THAT(read, StatusIs(absl::StatusCode::kInvalidArgument,
                             "en.textproto:2: intent without a name\n"
                             "en.textproto:4: intent without a name"));
  ASSERT_EQ(intents.size(), 1u);
  EXPECT_EQ(intents[0].name, "a");
}

}  // namespace
}  // namespace chatcart
