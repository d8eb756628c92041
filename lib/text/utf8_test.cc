// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "text/utf8.h"

#include <string>

#include "gtest/gtest.h"

namespace chatcart::text {
namespace {

TEST(Utf8, DecodesAndAdvances) {
  const std::string s = "a€😀";
  size_t pos = 0;
  EXPECT_EQ(DecodeUtf8(s, &pos), U'a');
  EXPECT_EQ(pos, 1u);
  EXPECT_EQ(DecodeUtf8(s, &pos), 0x20ACu);
  EXPECT_EQ(pos, 4u);
  EXPECT_EQ(DecodeUtf8(s, &pos), 0x1F600u);
  EXPECT_EQ(pos, 8u);
}

TEST(Utf8, IllFormedSequencesDecodeAsReplacementAndAdvance) {
  const std::string s = "\xFF\xC3(\xE2\x82";
  size_t pos = 0;
  EXPECT_EQ(DecodeUtf8(s, &pos), kReplacementChar);
  EXPECT_EQ(pos, 1u);
  EXPECT_EQ(DecodeUtf8(s, &pos), kReplacementChar);  // C3 then '(' is no continuation
  EXPECT_EQ(pos, 2u);
  EXPECT_EQ(DecodeUtf8(s, &pos), U'(');
  EXPECT_EQ(DecodeUtf8(s, &pos), kReplacementChar);  // truncated at the end
  EXPECT_EQ(pos, s.size());
}

TEST(Utf8, ValidatesAndScrubs) {
  EXPECT_TRUE(IsValidUtf8(""));
  EXPECT_TRUE(IsValidUtf8("plain ascii"));
  EXPECT_TRUE(IsValidUtf8("perché 😀 \xEF\xBF\xBD"));
  EXPECT_FALSE(IsValidUtf8("bad \xFF byte"));
  EXPECT_FALSE(IsValidUtf8("\xC0\xAF"));  // overlong '/'
  EXPECT_EQ(ScrubUtf8("a\xFF"
                      "b"),
            "a\xEF\xBF\xBD"
            "b");
  EXPECT_EQ(ScrubUtf8("perché"), "perché");
  EXPECT_TRUE(IsValidUtf8(ScrubUtf8("\xC0\xAF\xF5\x80\x80\x80\xED\xB0\x80")));
}

TEST(Utf8, AppendsEncodings) {
  std::string out;
  AppendUtf8(U'a', &out);
  AppendUtf8(0xE9, &out);
  AppendUtf8(0x1F600, &out);
  AppendUtf8(0xD800, &out);  // a lone surrogate cannot be encoded
  EXPECT_EQ(out, "aé😀\xEF\xBF\xBD");
}

TEST(Utf8, PrefixesNeverSplitACharacter) {
  const std::string s = "aé😀b";
  EXPECT_EQ(Utf8PrefixBytes(s, 0), 0u);
  EXPECT_EQ(Utf8PrefixBytes(s, 1), 1u);
  EXPECT_EQ(Utf8PrefixBytes(s, 2), 3u);
  EXPECT_EQ(Utf8PrefixBytes(s, 3), 7u);
  EXPECT_EQ(Utf8PrefixBytes(s, 100), s.size());
}

TEST(Utf8, DetectsAscii) {
  EXPECT_TRUE(IsAscii(""));
  EXPECT_TRUE(IsAscii("a long enough ascii string to use the wide path"));
  EXPECT_FALSE(IsAscii("a long enough ascii string with é in the wide path"));
  EXPECT_FALSE(IsAscii("é"));
}

}  // namespace
}  // namespace chatcart::text
