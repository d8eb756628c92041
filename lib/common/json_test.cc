// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "chatcart/json.h"

#include <string>

#include "gtest/gtest.h"

namespace chatcart {
namespace {

std::string Json(std::string_view text) {
  std::string out;
  AppendJsonString(text, &out);
  return out;
}

TEST(AppendJsonString, EscapesQuotesBackslashesAndControlCharacters) {
  EXPECT_EQ(Json("a\"b\\c\n\x01\xff\u20ac"), "\"a\\\"b\\\\c\\n\\u0001\uFFFD\u20ac\"");
  EXPECT_EQ(Json("\r\t\b\f\x1f"), "\"\\r\\t\\b\\f\\u001f\"");
  EXPECT_EQ(Json(""), "\"\"");
}

TEST(AppendJsonString, CopiesWellFormedUtf8AndReplacesEachIllFormedSubpart) {
  EXPECT_EQ(Json("caff\u00e8 \U0001F6D2"), "\"caff\u00e8 \U0001F6D2\"");
  // A lone continuation byte, a truncated sequence, a surrogate, an overlong.
  EXPECT_EQ(Json("\x80"), "\"\uFFFD\"");
  EXPECT_EQ(Json("\xE2\x82"), "\"\uFFFD\"");
  EXPECT_EQ(Json("\xE2\x82x"), "\"\uFFFDx\"");
  EXPECT_EQ(Json("\xED\xA0\x80"), "\"\uFFFD\uFFFD\uFFFD\"");
  EXPECT_EQ(Json("\xC0\xAF"), "\"\uFFFD\uFFFD\"");
}

TEST(AppendJsonString, Appends) {
  std::string out = "{\"k\":";
  AppendJsonString("v", &out);
  EXPECT_EQ(out, "{\"k\":\"v\"");
}

}  // namespace
}  // namespace chatcart
