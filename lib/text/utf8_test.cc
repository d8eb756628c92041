// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "text/utf8.h"

#include <random>
#include <string>

#include "common/utf8_scrub.h"
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

// The cart's scrubber (common/utf8_scrub.h, no ICU) and this one must read
// every text the same (#22): 200,000 random strings of the bytes that
// matter, and each one- to four-byte sequence.
TEST(Utf8, TheCommonScrubberAgreesWithIcu) {
  std::mt19937 random(22);
  static constexpr unsigned char kPick[] = {'a',  0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF,
                                            0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE1, 0xEC, 0xED,
                                            0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF};
  for (int round = 0; round < 200'000; ++round) {
    std::string text(std::uniform_int_distribution<int>(0, 8)(random), '\0');
    for (char& c : text) {
      c = static_cast<char>(kPick[std::uniform_int_distribution<int>(0, 23)(random)]);
    }
    std::string scrubbed = text;
    const bool changed = ScrubUtf8InPlace(&scrubbed);
    ASSERT_EQ(scrubbed, ScrubUtf8(text)) << "round " << round;
    ASSERT_EQ(IsWellFormedUtf8(text), IsValidUtf8(text)) << "round " << round;
    ASSERT_EQ(changed, !IsValidUtf8(text)) << "round " << round;
  }
  for (uint32_t b = 0; b < (1u << 16); ++b) {
    for (std::string tail : {"", "\x80", "\x80\x80", "a"}) {
      std::string text = {static_cast<char>(b >> 8), static_cast<char>(b & 0xFF)};
      text += tail;
      std::string scrubbed = text;
      ScrubUtf8InPlace(&scrubbed);
      ASSERT_EQ(scrubbed, ScrubUtf8(text)) << b;
    }
  }
}

}  // namespace
}  // namespace chatcart::text
