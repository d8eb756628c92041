// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "intent/numbers.h"

#include <string>
#include <vector>

#include "absl/strings/str_split.h"
#include "gtest/gtest.h"

namespace chatcart::intent {
namespace {

using text::Language;

struct DigitsCase {
  const char* text;
  Language language;
  int64_t mantissa;
  int scale;
};

class Digits : public ::testing::TestWithParam<DigitsCase> {};

TEST_P(Digits, ParseWithTheLanguagesSeparators) {
  Decimal d;
  ASSERT_TRUE(ParseDigits(GetParam().text, GetParam().language, &d)) << GetParam().text;
  EXPECT_EQ(d.mantissa, GetParam().mantissa) << GetParam().text;
  EXPECT_EQ(d.scale, GetParam().scale) << GetParam().text;
}

INSTANTIATE_TEST_SUITE_P(Numbers, Digits,
                         ::testing::Values(DigitsCase{"42", Language::kEnglish, 42, 0},
                                           DigitsCase{"1,500", Language::kEnglish, 1500, 0},
                                           DigitsCase{"1.500", Language::kEnglish, 1500, 3},
                                           DigitsCase{"1.500", Language::kItalian, 1500, 0},
                                           DigitsCase{"1.500", Language::kFrench, 1500, 0},
                                           DigitsCase{"19,99", Language::kItalian, 1999, 2},
                                           DigitsCase{"19.99", Language::kItalian, 1999, 2},
                                           DigitsCase{"1.5", Language::kEnglish, 15, 1},
                                           DigitsCase{"1,200.50", Language::kEnglish, 120050, 2},
                                           DigitsCase{"1.200,50", Language::kItalian, 120050, 2},
                                           DigitsCase{"1,000,000", Language::kEnglish, 1000000,
                                                      0}));

TEST(Digits, RejectsMalformedNumbers) {
  Decimal d;
  for (const char* bad : {"", "abc", "1,50,0", "12,34,567", "1234567890123456789", ",5"}) {
    EXPECT_FALSE(ParseDigits(bad, Language::kEnglish, &d)) << bad;
  }
}

int64_t Words(const std::string& text, Language language, size_t* length = nullptr) {
  std::vector<std::string> parts = absl::StrSplit(text, ' ');
  std::vector<WordToken> tokens;
  for (const std::string& p : parts) tokens.push_back({p});
  std::optional<WordNumber> n = ParseWordNumber(tokens, 0, language);
  if (length != nullptr) *length = n.has_value() ? n->length : 0;
  return n.has_value() ? n->value : -1;
}

TEST(WordNumbers, English) {
  EXPECT_EQ(Words("seven", Language::kEnglish), 7);
  EXPECT_EQ(Words("twenty one", Language::kEnglish), 21);
  EXPECT_EQ(Words("a dozen", Language::kEnglish), 12);
  EXPECT_EQ(Words("two dozen", Language::kEnglish), 24);
  EXPECT_EQ(Words("a couple", Language::kEnglish), 2);
  EXPECT_EQ(Words("one hundred and five", Language::kEnglish), 105);
  EXPECT_EQ(Words("fifteen hundred", Language::kEnglish), 1500);
  EXPECT_EQ(Words("two thousand three hundred forty two", Language::kEnglish), 2342);
  EXPECT_EQ(Words("a", Language::kEnglish), -1);
  EXPECT_EQ(Words("an apple", Language::kEnglish), -1);
  size_t length = 0;
  EXPECT_EQ(Words("two three", Language::kEnglish, &length), 2);
  EXPECT_EQ(length, 1u);
  EXPECT_EQ(Words("five and six", Language::kEnglish, &length), 5);
  EXPECT_EQ(length, 1u);
}

TEST(WordNumbers, Italian) {
  EXPECT_EQ(Words("tre", Language::kItalian), 3);
  EXPECT_EQ(Words("ventitre", Language::kItalian), 23);
  EXPECT_EQ(Words("trentuno", Language::kItalian), 31);
  EXPECT_EQ(Words("centocinquanta", Language::kItalian), 150);
  EXPECT_EQ(Words("duecento", Language::kItalian), 200);
  EXPECT_EQ(Words("duemila", Language::kItalian), 2000);
  EXPECT_EQ(Words("duemilacinquecento", Language::kItalian), 2500);
  EXPECT_EQ(Words("un paio", Language::kItalian), 2);
  EXPECT_EQ(Words("una dozzina", Language::kItalian), 12);
  EXPECT_EQ(Words("una", Language::kItalian), -1);
  EXPECT_EQ(Words("novembre", Language::kItalian), -1);
  EXPECT_EQ(Words("centro", Language::kItalian), -1);
  EXPECT_EQ(Words("tremendo", Language::kItalian), -1);
}

TEST(WordNumbers, French) {
  EXPECT_EQ(Words("vingt et un", Language::kFrench), 21);
  EXPECT_EQ(Words("soixante dix", Language::kFrench), 70);
  EXPECT_EQ(Words("soixante et onze", Language::kFrench), 71);
  EXPECT_EQ(Words("quatre vingts", Language::kFrench), 80);
  EXPECT_EQ(Words("quatre vingt dix sept", Language::kFrench), 97);
  EXPECT_EQ(Words("dix sept", Language::kFrench), 17);
  EXPECT_EQ(Words("deux cents", Language::kFrench), 200);
  EXPECT_EQ(Words("mille cinq cents", Language::kFrench), 1500);
  EXPECT_EQ(Words("une douzaine", Language::kFrench), 12);
  EXPECT_EQ(Words("un", Language::kFrench), -1);
}

}  // namespace
}  // namespace chatcart::intent
