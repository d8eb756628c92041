// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "common/echo.h"

#include <string>

#include "common/utf8_scrub.h"
#include "gtest/gtest.h"

namespace chatcart {
namespace {

TEST(Echo, KeepsShortInputWhole) {
  EXPECT_EQ(Echo(""), "");
  EXPECT_EQ(Echo(std::string(64, 'a')), std::string(64, 'a'));
}

TEST(Echo, CutsLongInputToAPrefixAndAnEllipsis) {
  EXPECT_EQ(Echo(std::string(10 << 20, 'a')), std::string(64, 'a') + "\xE2\x80\xA6");
  EXPECT_EQ(Echo("abcdef", 3), "abc\xE2\x80\xA6");
}

TEST(Echo, NeverSplitsAUtf8Sequence) {
  // "é" is C3 A9: a cut after C3 backs off to before it.
  EXPECT_EQ(Echo("ab\xC3\xA9z", 3), "ab\xE2\x80\xA6");
  EXPECT_EQ(Echo("ab\xC3\xA9z", 4), "ab\xC3\xA9\xE2\x80\xA6");
  // Ill-formed input stays bounded.
  EXPECT_LE(Echo(std::string(100, '\x80'), 8).size(), 8u + 3u);
}

// Issue #22: a quote is well-formed UTF-8 (an error message goes into
// protobuf string fields, whose ill-formed bytes protobuf logs as ERRORs).
TEST(Echo, QuotesIllFormedBytesAsReplacementCharacters) {
  EXPECT_EQ(Echo("caff\xE8"), "caff\xEF\xBF\xBD");
  EXPECT_EQ(Echo(std::string("a\xFF\xFE") + "b"), std::string("a\uFFFD\uFFFD") + "b");
  EXPECT_EQ(Echo("\xFF\xFEzzzz", 2), "\xEF\xBF\xBD\xEF\xBF\xBD\xE2\x80\xA6");
  const std::string cut = Echo(std::string(10 << 20, '\xFF'));
  EXPECT_TRUE(IsWellFormedUtf8(cut));
  EXPECT_LE(cut.size(), 3 * kMaxEchoBytes + 3);
}

}  // namespace
}  // namespace chatcart
