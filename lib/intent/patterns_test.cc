// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "intent/patterns.h"

#include "common/testing/status_matchers.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace chatcart::intent {
namespace {

using ::chatcart::testing::StatusIs;
using ::testing::HasSubstr;

TEST(PatternSet, TheHighestPriorityWinsThenTheFirstDeclared) {
  PatternSet set;
  ASSERT_OK(set.Add(R"(\bcart\b)", 0, 1, "a:1"));
  ASSERT_OK(set.Add(R"(\bcheckout\b)", 1, 5, "a:2"));
  ASSERT_OK(set.Add(R"(\bmy cart\b)", 2, 1, "a:3"));
  ASSERT_OK(set.Compile());
  EXPECT_EQ(set.Match("show my cart")->label, 0);  // tie: declared first
  EXPECT_EQ(set.Match("checkout my cart")->label, 1);
  EXPECT_EQ(set.Match("checkout my cart")->priority, 5);
  EXPECT_FALSE(set.Match("hello").has_value());
}

TEST(PatternSet, IgnoresCase) {
  PatternSet set;
  ASSERT_OK(set.Add("Carrello", 3, 0, "it:1"));
  ASSERT_OK(set.Compile());
  EXPECT_EQ(set.Match("il mio carrello")->label, 3);
}

TEST(PatternSet, NamesWhereABadPatternWasWritten) {
  PatternSet set;
  EXPECT_THAT(set.Add("(unclosed", 0, 0, "intents.it.textproto:42"),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("intents.it.textproto:42: bad pattern /(unclosed/: missing )")));
}

TEST(PatternSet, EmptySetsMatchNothing) {
  PatternSet set;
  ASSERT_OK(set.Compile());
  EXPECT_FALSE(set.Match("anything").has_value());
}

TEST(PatternSet, MatchesInvalidUtf8WithoutCrashing) {
  PatternSet set;
  ASSERT_OK(set.Add("cart", 0, 0, "x"));
  ASSERT_OK(set.Compile());
  EXPECT_EQ(set.Match("\xFF\xFE cart \xC3")->label, 0);
}

}  // namespace
}  // namespace chatcart::intent
