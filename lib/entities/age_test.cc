// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Ages in English, Italian and French, and durations that are not ages.

#include "entities/age.h"

#include "entities/test_util.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace chatcart::entities {
namespace {

using ::chatcart::entities::testing::Case;
using ::chatcart::entities::testing::DefaultExtractor;
using ::chatcart::entities::testing::DescribeAll;
using ::testing::ElementsAreArray;

class AgeTest : public ::testing::TestWithParam<Case> {};

TEST_P(AgeTest, FindsAgesNotDurations) {
  static const auto extractor = DefaultExtractor();
  const Case& c = GetParam();
  EXPECT_THAT(DescribeAll(extractor->Extract(c.text, c.language)), ElementsAreArray(c.expected));
}

INSTANTIATE_TEST_SUITE_P(
    English, AgeTest,
    ::testing::Values(Case{"en", "for my 6 year old", {"age:6 \"6 year old\""}},
                      // A comma ends the clause too.
                      Case{"en", "my daughter is 9, and she loves puzzles", {"age:9 \"9\""}},
                      Case{"en", "6yo", {"age:6 \"6yo\""}},
                      Case{"en", "a 10-year-old girl", {"age:10 \"10-year-old\""}},
                      Case{"en", "a six year old", {"age:6 \"six year old\""}},
                      Case{"en", "aged 7", {"age:7 \"aged 7\""}},
                      Case{"en", "she is turning 5", {"age:5 \"turning 5\""}},
                      Case{"en", "he just turned 11", {"age:11 \"turned 11\""}},
                      Case{"en", "my son is 6 years", {"age:6 \"6 years\""}},
                      Case{"en", "an 18 month old", {"age:1 \"18 month old\""}},
                      Case{"en", "for a 3 y/o", {"age:3 \"3 y/o\""}},
                      Case{"en", "2 years warranty", {"number:2 \"2\""}},
                      Case{"en", "3 years ago", {"number:3 \"3\""}},
                      Case{"en", "my daughter is 7", {"age:7 \"7\""}},
                      Case{"en", "my son's 6", {"age:6 \"6\""}},
                      Case{"en", "my son is 6 feet tall", {"number:6 \"6\""}},
                      Case{"en", "I was 7", {"number:7 \"7\""}},
                      Case{"en", "for a toddler, 18 months", {"age:1 \"18 months\""}},
                      Case{"en",
                           "a gift for a 10 year old girl, max 30 quid",
                           {"age:10 \"10 year old\"", "money:under ..30.00 GBP \"max 30 quid\""}}));

INSTANTIATE_TEST_SUITE_P(
    Italian, AgeTest,
    ::testing::Values(Case{"it", "ha 6 anni", {"age:6 \"6 anni\""}},
                      Case{"it", "per un bambino di 5 anni", {"age:5 \"5 anni\""}},
                      Case{"it", "mia figlia compie tre anni", {"age:3 \"tre anni\""}},
                      Case{"it", "6 anni", {"age:6 \"6 anni\""}},
                      Case{"it", "un bimbo di 18 mesi", {"age:1 \"18 mesi\""}},
                      Case{"it", "garanzia di 2 anni", {"number:2 \"2\""}},
                      Case{"it", "lo uso da 3 anni", {"number:3 \"3\""}},
                      Case{"it", "3 anni fa", {"number:3 \"3\""}},
                      // "per" right before the number says whom it is for, unless a
                      // duration word comes first.
                      Case{"it", "giochi per 6 anni", {"age:6 \"6 anni\""}},
                      Case{"it", "garanzia valida per 2 anni", {"number:2 \"2\""}},
                      Case{"it", "per un ragazzino di undici anni", {"age:11 \"undici anni\""}},
                      Case{"it",
                           "per mio nipote di 8 anni sotto i 30 euro",
                           {"age:8 \"8 anni\"", "money:under ..30.00 EUR \"sotto i 30 euro\""}}));

INSTANTIATE_TEST_SUITE_P(
    French, AgeTest,
    ::testing::Values(Case{"fr", "il a 8 ans", {"age:8 \"8 ans\""}},
                      Case{"fr", "pour un enfant de 5 ans", {"age:5 \"5 ans\""}},
                      Case{"fr", "âgé de 4 ans", {"age:4 \"4 ans\""}},
                      Case{"fr", "elle a deux ans", {"age:2 \"deux ans\""}},
                      Case{"fr", "garantie 2 ans", {"number:2 \"2\""}},
                      Case{"fr", "depuis 2 ans", {"number:2 \"2\""}},
                      Case{"fr", "il y a 3 ans", {"number:3 \"3\""}},
                      Case{"fr", "des jeux pour 7 ans", {"age:7 \"7 ans\""}},
                      Case{"fr", "garantie valable pour 2 ans", {"number:2 \"2\""}},
                      Case{"fr",
                           "pour ma fille de 7 ans, moins de 25 €",
                           {"age:7 \"7 ans\"", "money:under ..25.00 EUR \"moins de 25 €\""}}));

TEST(Age, IsSureWithOldAndLessSureAlone) {
  auto e = DefaultExtractor();
  std::vector<Entity> old = e->Extract("6 year old", "en");
  std::vector<Entity> bare = e->Extract("6 anni", "it");
  ASSERT_EQ(old.size(), 1u);
  ASSERT_EQ(bare.size(), 1u);
  EXPECT_GT(old[0].confidence, bare[0].confidence);
}

}  // namespace
}  // namespace chatcart::entities
