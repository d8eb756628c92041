// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Money and budgets in English, Italian and French (store currency EUR).

#include "entities/money.h"

#include "entities/test_util.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace chatcart::entities {
namespace {

using ::chatcart::entities::testing::Case;
using ::chatcart::entities::testing::DefaultExtractor;
using ::chatcart::entities::testing::DescribeAll;
using ::testing::ElementsAreArray;

class MoneyTest : public ::testing::TestWithParam<Case> {};

TEST_P(MoneyTest, ReadsTheBudget) {
  static const auto extractor = DefaultExtractor("EUR");
  const Case& c = GetParam();
  EXPECT_THAT(DescribeAll(extractor->Extract(c.text, c.language)), ElementsAreArray(c.expected));
}

INSTANTIATE_TEST_SUITE_P(
    English, MoneyTest,
    ::testing::Values(
        Case{"en", "$300", {"money:exact 300.00 USD \"$300\""}},
        Case{"en", "300 bucks", {"money:exact 300.00 USD \"300 bucks\""}},
        // "nothing over" bounds from above.
        Case{"en", "nothing over $40", {"money:under ..40.00 USD \"nothing over $40\""}},
        Case{
            "en", "nothing above 50 euros", {"money:under ..50.00 EUR \"nothing above 50 euros\""}},
        Case{"fr", "maxi 70 euros", {"money:under ..70.00 EUR \"maxi 70 euros\""}},
        // A currency before a comma names the amount before it.
        Case{"en",
             "up to 60 euros, 70 at most",
             {"money:under ..60.00 EUR \"up to 60 euros\"",
              "money:under ..70.00 EUR \"70 at most\""}},
        Case{"en",
             "betwen 20 and 30 euros",
             {"money:between 20.00..30.00 EUR \"betwen 20 and 30 euros\""}},
        Case{"it", "un budget di 2mila euro", {"money:exact 2000.00 EUR \"2mila euro\""}},
        Case{"en", "1.5k", {"money:exact 1500.00 EUR \"1.5k\""}},
        // Four digits and a k are a model number, not 7.7 million.
        Case{"en", "the 7700k or the 14600k", {}},
        Case{"en", "40 quid", {"money:exact 40.00 GBP \"40 quid\""}},
        Case{"en", "under 40 euros", {"money:under ..40.00 EUR \"under 40 euros\""}},
        Case{"en",
             "between 250 and 700 dollars",
             {"money:between 250.00..700.00 USD \"between 250 and 700 dollars\""}},
        Case{"en", "around 100", {"money:around 100.00 EUR \"around 100\""}},
        Case{"en", "less than $50", {"money:under ..50.00 USD \"less than $50\""}},
        Case{"en", "$300-$500", {"money:between 300.00..500.00 USD \"$300-$500\""}},
        Case{"en",
             "300 to 500 dollars",
             {"money:between 300.00..500.00 USD \"300 to 500 dollars\""}},
        Case{"en", "50 or less", {"money:under ..50.00 EUR \"50 or less\""}},
        Case{"en", "at least 100 bucks", {"money:over 100.00.. USD \"at least 100 bucks\""}},
        Case{"en",
             "from 200 to 300 euros",
             {"money:between 200.00..300.00 EUR \"from 200 to 300 euros\""}},
        Case{"en", "1-2k", {"money:between 1000.00..2000.00 EUR \"1-2k\""}},
        Case{"en", "2 grand", {"money:exact 2000.00 EUR \"2 grand\""}},
        Case{"en", "99 cents", {"money:exact 0.99 EUR \"99 cents\""}},
        Case{"en", "50 SEK", {"money:exact 50.00 SEK \"50 SEK\""}},
        Case{"en", "~50 USD", {"money:around 50.00 USD \"~50 USD\""}},
        Case{"en", "<50€", {"money:under ..50.00 EUR \"<50€\""}},
        Case{"en", "> $100", {"money:over 100.00.. USD \"> $100\""}},
        Case{"en", "from $20 to $30", {"money:between 20.00..30.00 USD \"from $20 to $30\""}},
        Case{"en", "200-300$", {"money:between 200.00..300.00 USD \"200-300$\""}},
        Case{"en", "over $1,200.50", {"money:over 1200.50.. USD \"over $1,200.50\""}},
        Case{"en", "$50 max", {"money:under ..50.00 USD \"$50 max\""}},
        Case{"en", "100 dollars or more", {"money:over 100.00.. USD \"100 dollars or more\""}},
        Case{"en", "a hundred bucks", {"money:exact 100.00 USD \"a hundred bucks\""}},
        Case{"en", "around 1.5k", {"money:around 1500.00 EUR \"around 1.5k\""}},
        Case{"en", "300ish", {"money:around 300.00 EUR \"300ish\""}},
        Case{"en", "my budget is 300", {"money:exact 300.00 EUR \"300\""}},
        Case{"en", "$1,500.50", {"money:exact 1500.50 USD \"$1,500.50\""}},
        Case{"en", "fifty bucks", {"money:exact 50.00 USD \"fifty bucks\""}},
        Case{"en",
             "between 700 and 250 dollars",
             {"money:between 250.00..700.00 USD \"between 700 and 250 dollars\""}},
        Case{"en", "under 5 kg", {"number:5 \"5\""}}, Case{"en", "a 4k TV", {}},
        Case{"en", "1.234 dollars", {"number:1.234 \"1.234\""}},
        Case{"en",
             "got anything for my 6yo under 40 quid?",
             {"age:6 \"6yo\"", "money:under ..40.00 GBP \"under 40 quid\""}},
        Case{"en",
             "my 6 year old under 40 euros",
             {"age:6 \"6 year old\"", "money:under ..40.00 EUR \"under 40 euros\""}},
        Case{"en", "under 6 years old", {"age:6 \"6 years old\""}}));

INSTANTIATE_TEST_SUITE_P(
    Italian, MoneyTest,
    ::testing::Values(
        Case{"it", "sotto i 50 euro", {"money:under ..50.00 EUR \"sotto i 50 euro\""}},
        Case{"it", "tra 20 e 30 €", {"money:between 20.00..30.00 EUR \"tra 20 e 30 €\""}},
        Case{"it",
             "tra i 20 e i 30 euro",
             {"money:between 20.00..30.00 EUR \"tra i 20 e i 30 euro\""}},
        Case{"it", "circa 80 euro", {"money:around 80.00 EUR \"circa 80 euro\""}},
        Case{"it", "19,99 €", {"money:exact 19.99 EUR \"19,99 €\""}},
        Case{"it", "massimo 100 euro", {"money:under ..100.00 EUR \"massimo 100 euro\""}},
        Case{"it", "più di 50 euro", {"money:over 50.00.. EUR \"più di 50 euro\""}},
        Case{"it", "da 20 a 30 euro", {"money:between 20.00..30.00 EUR \"da 20 a 30 euro\""}},
        Case{"it", "non più di 40 €", {"money:under ..40.00 EUR \"non più di 40 €\""}},
        Case{"it", "duemila euro", {"money:exact 2000.00 EUR \"duemila euro\""}},
        Case{"it",
             "duemila cinquecento euro",
             {"money:exact 2500.00 EUR \"duemila cinquecento euro\""}},
        Case{"it", "centocinquanta euro", {"money:exact 150.00 EUR \"centocinquanta euro\""}},
        Case{"it", "50 euro o meno", {"money:under ..50.00 EUR \"50 euro o meno\""}},
        Case{"it", "1.500 euro", {"money:exact 1500.00 EUR \"1.500 euro\""}},
        Case{"it", "sotto i 50 euro, per favore", {"money:under ..50.00 EUR \"sotto i 50 euro\""}},
        Case{"it", "cinquanta dollari", {"money:exact 50.00 USD \"cinquanta dollari\""}}));

INSTANTIATE_TEST_SUITE_P(
    French, MoneyTest,
    ::testing::Values(
        Case{"fr",
             "entre 200 et 300 €",
             {"money:between 200.00..300.00 EUR \"entre 200 et 300 €\""}},
        Case{"fr", "moins de 20 euros", {"money:under ..20.00 EUR \"moins de 20 euros\""}},
        Case{"fr", "pas plus de 50 €", {"money:under ..50.00 EUR \"pas plus de 50 €\""}},
        Case{"fr", "environ 60 €", {"money:around 60.00 EUR \"environ 60 €\""}},
        Case{"fr", "19,99 €", {"money:exact 19.99 EUR \"19,99 €\""}},
        Case{"fr", "plus de 100 euros", {"money:over 100.00.. EUR \"plus de 100 euros\""}},
        Case{"fr", "de 20 à 30 €", {"money:between 20.00..30.00 EUR \"de 20 à 30 €\""}},
        Case{"fr", "vingt euros", {"money:exact 20.00 EUR \"vingt euros\""}},
        Case{"fr", "50 balles", {"money:exact 50.00 EUR \"50 balles\""}},
        Case{"fr", "au moins 30 €", {"money:over 30.00.. EUR \"au moins 30 €\""}},
        Case{"fr", "jusqu'à 80 €", {"money:under ..80.00 EUR \"jusqu'à 80 €\""}},
        Case{"fr", "1 000 €", {"money:exact 1000.00 EUR \"1 000 €\""}},
        Case{"fr", "1 500,50 €", {"money:exact 1500.50 EUR \"1 500,50 €\""}},
        Case{"fr",
             "quatre-vingt-dix-sept euros",
             {"money:exact 97.00 EUR \"quatre-vingt-dix-sept euros\""}},
        Case{"fr", "50 euros maximum", {"money:under ..50.00 EUR \"50 euros maximum\""}},
        Case{"fr",
             "entre 1 500 et 2 000 euros",
             {"money:between 1500.00..2000.00 EUR \"entre 1 500 et 2 000 euros\""}}));

TEST(Money, DollarsAreTheStoresDollarWhenItHasOne) {
  auto cad = DefaultExtractor("CAD");
  EXPECT_THAT(DescribeAll(cad->Extract("$40", "en")),
              ElementsAreArray({"money:exact 40.00 CAD \"$40\""}));
  EXPECT_THAT(DescribeAll(cad->Extract("around 40", "en")),
              ElementsAreArray({"money:around 40.00 CAD \"around 40\""}));
  auto inr = DefaultExtractor("INR");
  EXPECT_THAT(DescribeAll(inr->Extract("under 500 rupees", "en")),
              ElementsAreArray({"money:under ..500.00 INR \"under 500 rupees\""}));
  EXPECT_THAT(DescribeAll(inr->Extract("₹1,999", "en")),
              ElementsAreArray({"money:exact 1999.00 INR \"₹1,999\""}));
}

TEST(Money, AmountsFollowTheCurrencysDecimals) {
  auto jpy = DefaultExtractor("JPY");
  EXPECT_THAT(DescribeAll(jpy->Extract("under 5000 yen", "en")),
              ElementsAreArray({"money:under ..5000 JPY \"under 5000 yen\""}));
  // 1.5 yen cannot be paid: not an amount, a number.
  EXPECT_THAT(DescribeAll(jpy->Extract("1.5 yen", "en")),
              ElementsAreArray({"number:1.5 \"1.5\""}));
}

TEST(Money, ConfidenceIsLowerWithoutACurrency) {
  auto e = DefaultExtractor();
  std::vector<Entity> said = e->Extract("under 40 euros", "en");
  std::vector<Entity> guessed = e->Extract("under 40", "en");
  ASSERT_EQ(said.size(), 1u);
  ASSERT_EQ(guessed.size(), 1u);
  EXPECT_GT(said[0].confidence, guessed[0].confidence);
  EXPECT_EQ(guessed[0].money.max->currency(), "EUR");
}

// The over cues a negation turns round and the raises read as the new most,
// spelled with or without accents; other spans stay as they are.
TEST(Money, AMostToSpendSaidWithAnOverCueOrARaiseShowsAsMax) {
  EXPECT_EQ(MostToSpendDisplay("over 900"), "max 900");
  EXPECT_EQ(MostToSpendDisplay("More than 60 €"), "max 60 €");
  EXPECT_EQ(MostToSpendDisplay("più di 60 euro"), "max 60 euro");
  EXPECT_EQ(MostToSpendDisplay("piu di 60 euro"), "max 60 euro");
  EXPECT_EQ(MostToSpendDisplay("depasser 90 euros"), "max 90 euros");
  EXPECT_EQ(MostToSpendDisplay("superare 50 euro"), "max 50 euro");
  EXPECT_EQ(MostToSpendDisplay("alzo a 50"), "max 50");
  EXPECT_EQ(MostToSpendDisplay("arrivo fino a 80"), "max 80");
  EXPECT_EQ(MostToSpendDisplay("je peux aller à 80 euros"), "max 80 euros");
  EXPECT_EQ(MostToSpendDisplay("je monte a 80"), "max 80");
  EXPECT_EQ(MostToSpendDisplay("under 50"), "under 50");
  EXPECT_EQ(MostToSpendDisplay("nothing over 150"), "nothing over 150");
  EXPECT_EQ(MostToSpendDisplay("over"), "over");
  EXPECT_EQ(MostToSpendDisplay("overpriced 50"), "overpriced 50");
}

}  // namespace
}  // namespace chatcart::entities
