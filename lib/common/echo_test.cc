// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "common/echo.h"

#include <string>

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

}  // namespace
}  // namespace chatcart
