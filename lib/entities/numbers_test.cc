// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Numbers in digits and words, in English, Italian and French.

#include "entities/numbers.h"

#include <optional>

#include "entities/test_util.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace chatcart::entities {
namespace {

using ::chatcart::entities::testing::Case;
using ::chatcart::entities::testing::DefaultExtractor;
using ::chatcart::entities::testing::DescribeAll;
using ::testing::ElementsAreArray;

class NumbersTest : public ::testing::TestWithParam<Case> {};

TEST_P(NumbersTest, FindsEveryNumberAndOnlyThose) {
  static const auto extractor = DefaultExtractor();
  const Case& c = GetParam();
  EXPECT_THAT(DescribeAll(extractor->Extract(c.text, c.language)), ElementsAreArray(c.expected));
}

INSTANTIATE_TEST_SUITE_P(
    English, NumbersTest,
    ::testing::Values(
        Case{"en", "1,500", {"number:1500 \"1,500\""}},
        Case{"en", "a dozen", {"number:12 \"a dozen\""}},
        Case{"en", "two dozen roses", {"number:24 \"two dozen\""}},
        Case{"en", "half a dozen eggs", {"number:6 \"half a dozen\""}},
        Case{"en", "twenty-five", {"number:25 \"twenty-five\""}},
        Case{"en", "twenty five", {"number:25 \"twenty five\""}},
        Case{"en", "one hundred and five", {"number:105 \"one hundred and five\""}},
        Case{"en", "a hundred", {"number:100 \"a hundred\""}},
        Case{"en", "two thousand five hundred", {"number:2500 \"two thousand five hundred\""}},
        Case{"en", "2 thousand", {"number:2000 \"2 thousand\""}},
        Case{"en", "one please", {"number:1 \"one\""}},
        Case{"en", "I have 3 kids", {"number:3 \"3\""}},
        Case{"en", "five twenty", {"number:5 \"five\"", "number:20 \"twenty\""}},
        Case{"en", "the red one", {"colour:red \"red\""}}, Case{"en", "this one", {}},
        Case{"en", "a cheaper one", {}}, Case{"en", "a cat", {}},
        Case{"en", "zero", {"number:0 \"zero\""}},
        Case{"en", "fifteen hundred", {"number:1500 \"fifteen hundred\""}},
        Case{"en",
             "two thousand three hundred forty two",
             {"number:2342 \"two thousand three hundred forty two\""}},
        Case{"en", "five and six", {"number:5 \"five\"", "number:6 \"six\""}},
        Case{"en", "two three", {"number:2 \"two\"", "number:3 \"three\""}},
        Case{"en", "a couple", {"number:2 \"a couple\""}}, Case{"en", "1.5 apples", {"number:1.5 \"1.5\""}}));

INSTANTIATE_TEST_SUITE_P(
    Italian, NumbersTest,
    ::testing::Values(Case{"it", "tre", {"number:3 \"tre\""}}, Case{"it", "ok, grazie mille!", {}},
                      Case{"it", "ventuno", {"number:21 \"ventuno\""}},
                      Case{"it", "ventitré", {"number:23 \"ventitré\""}},
                      Case{"it", "ventitre", {"number:23 \"ventitre\""}},
                      Case{"it", "trentotto", {"number:38 \"trentotto\""}},
                      Case{"it", "centocinquanta", {"number:150 \"centocinquanta\""}},
                      Case{"it", "centottanta", {"number:180 \"centottanta\""}},
                      Case{"it", "trecento", {"number:300 \"trecento\""}},
                      Case{"it", "duemila", {"number:2000 \"duemila\""}},
                      Case{"it", "duemilacinquecento", {"number:2500 \"duemilacinquecento\""}},
                      Case{"it", "milleduecento", {"number:1200 \"milleduecento\""}},
                      Case{"it", "mille", {"number:1000 \"mille\""}},
                      Case{"it", "una dozzina", {"number:12 \"una dozzina\""}},
                      Case{"it", "un paio", {"number:2 \"un paio\""}},
                      Case{"it", "1.500", {"number:1500 \"1.500\""}}, Case{"it", "un libro", {}},
                      Case{"it", "Milano", {}}, Case{"it", "decente", {}}));

INSTANTIATE_TEST_SUITE_P(
    French, NumbersTest,
    ::testing::Values(Case{"fr", "vingt et un", {"number:21 \"vingt et un\""}},
                      Case{"fr", "vingt-et-un", {"number:21 \"vingt-et-un\""}},
                      Case{"fr", "vingt-deux", {"number:22 \"vingt-deux\""}},
                      Case{"fr", "soixante-dix", {"number:70 \"soixante-dix\""}},
                      Case{"fr", "soixante et onze", {"number:71 \"soixante et onze\""}},
                      Case{"fr", "quatre-vingts", {"number:80 \"quatre-vingts\""}},
                      Case{"fr", "quatre-vingt-dix-sept", {"number:97 \"quatre-vingt-dix-sept\""}},
                      Case{"fr", "dix-sept", {"number:17 \"dix-sept\""}},
                      Case{"fr", "deux cents", {"number:200 \"deux cents\""}},
                      Case{"fr", "deux cent cinquante", {"number:250 \"deux cent cinquante\""}},
                      Case{"fr", "trois mille", {"number:3000 \"trois mille\""}},
                      Case{"fr", "une douzaine", {"number:12 \"une douzaine\""}},
                      Case{"fr", "mille cinq cents", {"number:1500 \"mille cinq cents\""}},
                      Case{"fr", "soixante dix", {"number:70 \"soixante dix\""}},
                      Case{"fr", "quatre vingt dix sept", {"number:97 \"quatre vingt dix sept\""}},
                      Case{"fr", "1 500", {"number:1500 \"1 500\""}},
                      Case{"fr", "de 1 à 500", {"number:1 \"1\"", "number:500 \"500\""}},
                      Case{"fr", "un café", {}}));

// Times, dates and phone numbers are no numbers (not_amounts.h); order
// numbers, ranges and counts next to them still are.
INSTANTIATE_TEST_SUITE_P(
    NotAmounts, NumbersTest,
    ::testing::Values(
        Case{"en", "open until 5:30 today", {}}, Case{"en", "by 5 pm", {}},
        Case{"en", "call me at 555-0199", {}}, Case{"en", "347 1234567", {}},
        Case{"en", "delivered on March 3rd", {}}, Case{"en", "the 3rd of May", {}},
        Case{"en", "on 12/05/2024", {}}, Case{"en", "May I have 2", {"number:2 \"2\""}},
        Case{"en", "order 77120", {"number:77120 \"77120\""}},
        Case{"en", "20-40", {"number:20 \"20\"", "number:40 \"40\""}},
        Case{"en", "1000-1500", {"number:1000 \"1000\"", "number:1500 \"1500\""}},
        Case{"it", "consegna entro le 18?", {}}, Case{"it", "dalle 9 alle 18", {}},
        Case{"it", "è arrivato il 3 maggio 2024", {}}, Case{"it", "le 3 cover", {"number:3 \"3\""}},
        Case{"fr", "mon numéro : 06 12 34 56 78", {}}, Case{"fr", "livré le 3 mars", {}},
        Case{"fr", "vers 18 heures", {}}, Case{"fr", "1 500", {"number:1500 \"1 500\""}}));

TEST(ItalianNumberWord, ReadsFusedForms) {
  EXPECT_EQ(ParseItalianNumberWord("ventotto"), 28);
  EXPECT_EQ(ParseItalianNumberWord("novantanove"), 99);
  EXPECT_EQ(ParseItalianNumberWord("cento"), 100);
  EXPECT_EQ(ParseItalianNumberWord("centouno"), 101);
  EXPECT_EQ(ParseItalianNumberWord("centuno"), 101);  // both spellings are in use
  EXPECT_EQ(ParseItalianNumberWord("novecentonovantanove"), 999);
  EXPECT_EQ(ParseItalianNumberWord("diecimila"), 10000);
  EXPECT_EQ(ParseItalianNumberWord("centomila"), 100000);
  EXPECT_EQ(ParseItalianNumberWord("novecentonovantanovemilanovecentonovantanove"), 999999);
  EXPECT_EQ(ParseItalianNumberWord("unomila"), std::nullopt);  // "mille"
  EXPECT_EQ(ParseItalianNumberWord("cent"), std::nullopt);
  EXPECT_EQ(ParseItalianNumberWord("accento"), std::nullopt);
  EXPECT_EQ(ParseItalianNumberWord("milano"), std::nullopt);
}

}  // namespace
}  // namespace chatcart::entities
