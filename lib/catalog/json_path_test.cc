// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "catalog/json_path.h"

#include <string>

#include "common/testing/status_matchers.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "simdjson.h"

namespace chatcart::catalog {
namespace {

using ::chatcart::testing::StatusIs;
using ::testing::HasSubstr;

struct BadPath {
  const char* path;
  const char* why;
};

class JsonPathRejects : public ::testing::TestWithParam<BadPath> {};

TEST_P(JsonPathRejects, WithAMessageNamingThePath) {
  EXPECT_THAT(JsonPath::Parse(GetParam().path),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr(GetParam().why)));
}

INSTANTIATE_TEST_SUITE_P(
    Table, JsonPathRejects,
    ::testing::Values(BadPath{"", "empty"}, BadPath{"a..b", "empty key"},
                      BadPath{"a.", "ends with '.'"}, BadPath{"a[", "'[' without ']'"},
                      BadPath{"a[x]", "bad index [x]"}, BadPath{"a[-1]", "bad index [-1]"},
                      BadPath{"a[0]b", "expected '.' or '['"}, BadPath{"a\\", "dangling"}));

class JsonPathTest : public ::testing::Test {
 protected:
  simdjson::dom::element Parse(const std::string& json) {
    json_ = simdjson::padded_string(json);
    return parser_.parse(json_).value();
  }
  simdjson::dom::parser parser_;
  simdjson::padded_string json_;
};

TEST_F(JsonPathTest, ResolvesKeysIndexesAndEscapedDots) {
  simdjson::dom::element root = Parse(R"({"a": {"b": [10, 20, {"c": "x"}]}, "d.e": 5, "n": null})");
  simdjson::dom::element out;
  ASSERT_EQ(JsonPath::Parse("a.b[1]")->Resolve(root, &out), JsonPath::Result::kFound);
  EXPECT_EQ(int64_t(out.get_int64()), 20);
  ASSERT_EQ(JsonPath::Parse("a.b[2].c")->Resolve(root, &out), JsonPath::Result::kFound);
  EXPECT_EQ(std::string_view(out.get_string()), "x");
  ASSERT_EQ(JsonPath::Parse("d\\.e")->Resolve(root, &out), JsonPath::Result::kFound);
  EXPECT_EQ(int64_t(out.get_int64()), 5);
}

TEST_F(JsonPathTest, MissingKeysNullsAndOutOfRangeIndexesAreAbsent) {
  simdjson::dom::element root = Parse(R"({"a": {"b": [10]}, "n": null})");
  simdjson::dom::element out;
  EXPECT_EQ(JsonPath::Parse("zz")->Resolve(root, &out), JsonPath::Result::kAbsent);
  EXPECT_EQ(JsonPath::Parse("n")->Resolve(root, &out), JsonPath::Result::kAbsent);
  EXPECT_EQ(JsonPath::Parse("n.x")->Resolve(root, &out), JsonPath::Result::kAbsent);
  EXPECT_EQ(JsonPath::Parse("a.b[3]")->Resolve(root, &out), JsonPath::Result::kAbsent);
}

TEST_F(JsonPathTest, AStepThroughTheWrongKindOfValueIsWrongType) {
  simdjson::dom::element root = Parse(R"({"a": 5, "b": {"c": 1}})");
  simdjson::dom::element out;
  EXPECT_EQ(JsonPath::Parse("a.x")->Resolve(root, &out), JsonPath::Result::kWrongType);
  EXPECT_EQ(JsonPath::Parse("b[0]")->Resolve(root, &out), JsonPath::Result::kWrongType);
}

}  // namespace
}  // namespace chatcart::catalog
