// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "common/text_source.h"

#include "chatcart/v1/bundle.pb.h"
#include "common/testing/status_matchers.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace chatcart {
namespace {

using ::chatcart::testing::StatusIs;
using ::testing::HasSubstr;

TEST(TextSource, ReportsSyntaxErrorsWithLineAndColumn) {
  v1::FlowSet flows;
  EXPECT_THAT(TextSource::Parse("flows.textproto", "flow {\n  id: \"a\"\n  bogus: 1\n}\n", &flows),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("flows.textproto:3:")));
}

TEST(TextSource, ReportsTheLineAndColumnOfAnUnknownField) {
  v1::IntentSet set;
  absl::StatusOr<TextSource> source =
      TextSource::Parse("en.textproto", "language: \"en\"\nbogus: 1\nother: 2\n", &set);
  ASSERT_FALSE(source.ok());
  // The parser stops at the first unknown field: file:line:column.
  EXPECT_THAT(source.status().message(), HasSubstr("en.textproto:2:6: "));
}

TEST(TextSource, WhereNamesTheLineOfANestedField) {
  v1::IntentSet set;
  absl::StatusOr<TextSource> source = TextSource::Parse(
      "en.textproto",
      "language: \"en\"\nintent {\n  name: \"greet\"\n  example: \"hi\"\n  example: \"hello\"\n}\n",
      &set);
  ASSERT_TRUE(source.ok()) << source.status();
  EXPECT_EQ(source->Where({{"language", -1}}), "en.textproto:1");
  EXPECT_EQ(source->Where({{"intent", 0}}), "en.textproto:2");
  EXPECT_EQ(source->Where({{"intent", 0}, {"example", 1}}), "en.textproto:5");
}

TEST(TextSource, WhereFallsBackToTheDeepestWrittenAncestorThenTheName) {
  v1::IntentSet set;
  absl::StatusOr<TextSource> source =
      TextSource::Parse("en.textproto", "intent {\n  name: \"greet\"\n}\n", &set);
  ASSERT_TRUE(source.ok()) << source.status();
  EXPECT_EQ(source->Where({{"intent", 0}, {"pattern", 0}}), "en.textproto:1");
  EXPECT_EQ(source->Where({{"language", -1}}), "en.textproto");
  EXPECT_EQ(source->Where({{"no_such_field", -1}}), "en.textproto");
  EXPECT_EQ(TextSource().Where({{"intent", 0}}), "");
}

}  // namespace
}  // namespace chatcart
