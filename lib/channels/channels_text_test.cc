// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Fitting text: word boundaries, UTF-8, prices, SMS encodings and segments.

#include <string>

#include "channels/cat.h"
#include "channels/text_fit.h"
#include "channels/wire.h"
#include "chatcart/channels.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace chatcart::channels {

using internal::Append;
using internal::Cat;
namespace {

using internal::FitText;
using internal::Utf16Length;

TEST(FitText, TextThatFitsIsUnchanged) {
  bool cut = true;
  EXPECT_EQ(FitText("Find a gift", 20, "\u2026", &cut), "Find a gift");
  EXPECT_FALSE(cut);
  EXPECT_EQ(FitText("", 0), "");
}

TEST(FitText, CutsAtAWordBoundaryWithAnEllipsis) {
  bool cut = false;
  std::string out = FitText("Brickville Fire Station with ladder", 20, "\u2026", &cut);
  EXPECT_TRUE(cut);
  EXPECT_EQ(out, "Brickville Fire\u2026");
  EXPECT_LE(Utf16Length(out), 20u);
}

TEST(FitText, DropsPunctuationBeforeTheEllipsis) {
  EXPECT_EQ(FitText("Red, green, blue and yellow", 13), "Red, green\u2026");
}

TEST(FitText, NeverSeparatesAnAmountFromItsCurrency) {
  // "34,99 €" (a space before the euro sign): the cut goes before the amount.
  std::string out = FitText("Plush Fox only 34,99 \u20ac today", 21);
  EXPECT_EQ(out, "Plush Fox only\u2026");
  out = FitText("Total: \u20ac 34.99 with shipping", 12);
  EXPECT_EQ(out, "Total\u2026");
  out = FitText("It costs USD 12 only", 13);
  EXPECT_EQ(out, "It costs\u2026");
}

TEST(FitText, OneLongWordIsCutAtACharacterBoundary) {
  std::string word(30, 'a');
  std::string out = FitText(word, 10);
  EXPECT_EQ(out, std::string(9, 'a') + "\u2026");
  // Multi-byte characters are never split.
  std::string accents;
  for (int i = 0; i < 30; ++i) accents += "\u00e9";
  out = FitText(accents, 10);
  EXPECT_EQ(Utf16Length(out), 10u);
  EXPECT_EQ(internal::ValidUtf8(out), out);
}

TEST(FitText, EmojiCountAsTwoUnitsAndAreNeverSplit) {
  std::string out = FitText("\U0001F381\U0001F381\U0001F381\U0001F381", 5);
  EXPECT_EQ(out, "\U0001F381\U0001F381\u2026");
  EXPECT_EQ(Utf16Length("\U0001F381"), 2u);
  // A skin-tone modifier stays with its emoji.
  out = FitText("\U0001F44D\U0001F3FD\U0001F44D\U0001F3FD", 6);
  EXPECT_EQ(out, "\U0001F44D\U0001F3FD\u2026");
}

TEST(FitText, IllFormedUtf8BecomesReplacementCharacters) {
  EXPECT_EQ(internal::ValidUtf8("a\xff" "b"), "a\uFFFDb");
  EXPECT_EQ(internal::ValidUtf8("\xe2\x82"), "\uFFFD");
  EXPECT_EQ(internal::ValidUtf8("ok \u20ac"), "ok \u20ac");
}

TEST(SmsCost, GsmSevenBitUpTo160InOneSegment) {
  SmsCost cost = SmsCostOf(std::string(160, 'a'));
  EXPECT_EQ(cost.encoding, SmsEncoding::kGsm7);
  EXPECT_EQ(cost.units, 160);
  EXPECT_EQ(cost.segments, 1);
  cost = SmsCostOf(std::string(161, 'a'));
  EXPECT_EQ(cost.segments, 2);
  cost = SmsCostOf(std::string(306, 'a'));
  EXPECT_EQ(cost.segments, 2);
  cost = SmsCostOf(std::string(307, 'a'));
  EXPECT_EQ(cost.segments, 3);
}

TEST(SmsCost, ExtensionCharactersCostTwoSeptets) {
  // 80 euro signs: 160 septets, still one segment; one more character: two.
  std::string euros;
  for (int i = 0; i < 80; ++i) euros += "\u20ac";
  SmsCost cost = SmsCostOf(euros);
  EXPECT_EQ(cost.encoding, SmsEncoding::kGsm7);
  EXPECT_EQ(cost.units, 160);
  EXPECT_EQ(cost.segments, 1);
  EXPECT_EQ(SmsCostOf(euros + "a").segments, 2);
  EXPECT_EQ(SmsCostOf("{[|]}~^\\").units, 16);
}

TEST(SmsCost, AnEscapePairIsNeverSplitAcrossParts) {
  // 152 septets then a euro sign: it cannot start in septet 153 of part 1.
  std::string text = std::string(152, 'a') + "\u20ac" + std::string(10, 'b');
  SmsCost cost = SmsCostOf(text);
  EXPECT_EQ(cost.units, 164);
  EXPECT_EQ(cost.segments, 2);
}

TEST(SmsCost, OneCharacterOutsideGsmSwitchesTheWholeMessageToUcs2) {
  SmsCost cost = SmsCostOf("Ciao! Ecco le idee \U0001F381");
  EXPECT_EQ(cost.encoding, SmsEncoding::kUcs2);
  EXPECT_EQ(cost.units, 21);
  EXPECT_EQ(SmsCostOf(std::string(70, 'a') + "\u0107").segments, 2);  // ć is not GSM
  std::string ucs(67, 'x');
  ucs += "\u0107";  // 68 units
  EXPECT_EQ(SmsCostOf(ucs).segments, 1);
  EXPECT_EQ(SmsCostOf(std::string(134, 'x') + "\u0107").segments, 3);
  // Accents of the GSM alphabet stay GSM-7; others do not.
  EXPECT_EQ(SmsCostOf("caff\u00e8 \u00e0 \u00f9").encoding, SmsEncoding::kGsm7);
  EXPECT_EQ(SmsCostOf("\u00ea").encoding, SmsEncoding::kUcs2);
}

TEST(Wire, FormEncodingRoundTrips) {
  std::string text = "Hi & bye = 100% \u20ac+";
  auto decoded = internal::FormDecode(Cat("Body=", internal::FormEncode(text)));
  ASSERT_TRUE(decoded.ok());
  ASSERT_EQ(decoded->size(), 1u);
  EXPECT_EQ((*decoded)[0].second, text);
  EXPECT_FALSE(internal::FormDecode("Body=%zz").ok());
  EXPECT_FALSE(internal::FormDecode("Body=%4").ok());
}

}  // namespace
}  // namespace chatcart::channels
