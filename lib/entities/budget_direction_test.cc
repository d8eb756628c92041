// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Budget direction (issue #16): at least 60 ways per language of saying a
// budget, each with its direction and amount checked. A budget read the
// wrong way round is the worst error a shop assistant can make, so every
// negation, chat spelling and cue position is here: "nn più di", "non + di",
// "pas + de", "don't want to spend more than", "tops", "au maximum".

#include <string>
#include <vector>

#include "entities/test_util.h"
#include "gtest/gtest.h"

namespace chatcart::entities {
namespace {

using ::chatcart::entities::testing::DefaultExtractor;

struct BudgetCase {
  const char* language;
  const char* text;
  BudgetKind kind;
  const char* amount;  // exact/around/under/over: the bound; between: "lo..hi"
  const char* currency = "EUR";
};

void PrintTo(const BudgetCase& c, std::ostream* os) {
  *os << c.language << ": \"" << c.text << "\"";
}

constexpr BudgetKind U = BudgetKind::kUnder;
constexpr BudgetKind O = BudgetKind::kOver;
constexpr BudgetKind B = BudgetKind::kBetween;
constexpr BudgetKind A = BudgetKind::kAround;
constexpr BudgetKind E = BudgetKind::kExact;

class BudgetDirection : public ::testing::TestWithParam<BudgetCase> {};

TEST_P(BudgetDirection, ReadsTheDirectionAndTheAmount) {
  const BudgetCase& c = GetParam();
  static const auto extractor = DefaultExtractor("EUR");
  const std::vector<Entity> entities = extractor->Extract(c.text, c.language);
  const Entity* money = nullptr;
  int count = 0;
  for (const Entity& e : entities) {
    if (e.type == "money") {
      money = &e;
      ++count;
    }
  }
  ASSERT_EQ(count, 1) << "want one budget in \"" << c.text << "\"";
  EXPECT_EQ(BudgetKindName(money->money.kind), BudgetKindName(c.kind)) << money->text;
  const std::string amount = c.amount;
  std::string got;
  switch (c.kind) {
    case BudgetKind::kUnder:
      ASSERT_TRUE(money->money.max.has_value()) << money->text;
      EXPECT_FALSE(money->money.min.has_value()) << money->text;
      got = money->money.max->ToDecimalString();
      break;
    case BudgetKind::kOver:
      ASSERT_TRUE(money->money.min.has_value()) << money->text;
      EXPECT_FALSE(money->money.max.has_value()) << money->text;
      got = money->money.min->ToDecimalString();
      break;
    case BudgetKind::kBetween:
      ASSERT_TRUE(money->money.min.has_value() && money->money.max.has_value()) << money->text;
      got = money->money.min->ToDecimalString() + ".." + money->money.max->ToDecimalString();
      break;
    case BudgetKind::kExact:
    case BudgetKind::kAround:
      ASSERT_TRUE(money->money.min.has_value()) << money->text;
      got = money->money.min->ToDecimalString();
      break;
  }
  EXPECT_EQ(got, amount) << money->text;
  const Money& any = money->money.min.has_value() ? *money->money.min : *money->money.max;
  EXPECT_EQ(any.currency(), c.currency) << money->text;
}

INSTANTIATE_TEST_SUITE_P(
    English, BudgetDirection,
    ::testing::Values(
        BudgetCase{"en", "under 40 euros", U, "40.00"}, BudgetCase{"en", "below 40", U, "40.00"},
        BudgetCase{"en", "less than 40 euros", U, "40.00"},
        BudgetCase{"en", "no more than 60 euros", U, "60.00"},
        BudgetCase{"en", "not more than 60", U, "60.00"},
        BudgetCase{"en", "not over 45€", U, "45.00"},
        BudgetCase{"en", "not above 45 euros", U, "45.00"},
        BudgetCase{"en", "nothing over $40", U, "40.00", "USD"},
        BudgetCase{"en", "nothing more than 20 bucks", U, "20.00", "USD"},
        BudgetCase{"en", "up to 90 euros", U, "90.00"}, BudgetCase{"en", "max 80€", U, "80.00"},
        BudgetCase{"en", "max. 80 euros", U, "80.00"},
        BudgetCase{"en", "maximum 80 euros", U, "80.00"},
        BudgetCase{"en", "at most 25 quid", U, "25.00", "GBP"},
        BudgetCase{"en", "80 euros max", U, "80.00"},
        BudgetCase{"en", "80 euros maximum", U, "80.00"}, BudgetCase{"en", "300 tops", U, "300.00"},
        BudgetCase{"en", "300 euros tops", U, "300.00"},
        BudgetCase{"en", "50 euros or less", U, "50.00"},
        BudgetCase{"en", "50 or under", U, "50.00"},
        BudgetCase{"en", "500 euros at the very most", U, "500.00"},
        BudgetCase{"en", "cheaper than 15 bucks", U, "15.00", "USD"},
        BudgetCase{"en", "within 100 euros", U, "100.00"},
        BudgetCase{"en", "no higher than 70 euros", U, "70.00"},
        BudgetCase{"en", "i dont want to spend more than 80", U, "80.00"},
        BudgetCase{"en", "i don't want to spend more than 80 euros", U, "80.00"},
        BudgetCase{"en", "I do not want to pay more than 80", U, "80.00"},
        BudgetCase{"en", "i can't go over 150 euros", U, "150.00"},
        BudgetCase{"en", "can't spend more than 200 on it", U, "200.00"},
        BudgetCase{"en", "i won't pay more than 90 euros", U, "90.00"},
        BudgetCase{"en", "don't go above 60", U, "60.00"},
        BudgetCase{"en", "don't show me anything above 500", U, "500.00"},
        BudgetCase{"en", "it must not cost more than 35€", U, "35.00"},
        BudgetCase{"en", "it shouldn't cost over 35 euros", U, "35.00"},
        BudgetCase{"en", "shouldn't exceed 40 euros", U, "40.00"},
        BudgetCase{"en", "not exceeding 40 euros", U, "40.00"},
        BudgetCase{"en", "max budget two hundred dollars", U, "200.00", "USD"},
        BudgetCase{"en", "my max budget is 200", U, "200.00"},
        BudgetCase{"en", "budget 300 max", U, "300.00"},
        BudgetCase{"en", "my limit is 120 euros", U, "120.00"},
        BudgetCase{"en", "30 bucks max", U, "30.00", "USD"},
        BudgetCase{"en", "less than 1.5k", U, "1500.00"},
        BudgetCase{"en", "under $1k", U, "1000.00", "USD"}, BudgetCase{"en", "<50€", U, "50.00"},
        BudgetCase{"en", "more than 100 is too much", U, "100.00"},
        BudgetCase{"en", "over 200 euros is too expensive", U, "200.00"},
        BudgetCase{"en", "not under 100 euros", O, "100.00"},
        BudgetCase{"en", "not below 100", O, "100.00"},
        BudgetCase{"en", "not less than 50 euros", O, "50.00"},
        BudgetCase{"en", "no less than 50 euros", O, "50.00"},
        BudgetCase{"en", "at least 1k", O, "1000.00"},
        BudgetCase{"en", "more than 200 euros is fine", O, "200.00"},
        BudgetCase{"en", "over 300 is fine", O, "300.00"},
        BudgetCase{"en", "above 50 dollars", O, "50.00", "USD"},
        BudgetCase{"en", "100 euros or more", O, "100.00"},
        BudgetCase{"en", "starting at 20 euros", O, "20.00"},
        BudgetCase{"en", "minimum 100 euros", O, "100.00"},
        BudgetCase{"en", "i don't mind paying more than 50 euros", O, "50.00"},
        BudgetCase{"en", "between 40 and 60 euros", B, "40.00..60.00"},
        BudgetCase{"en", "from 100 to 200 euros", B, "100.00..200.00"},
        BudgetCase{"en", "40-60€", B, "40.00..60.00"},
        BudgetCase{"en", "£20-£30", B, "20.00..30.00", "GBP"},
        BudgetCase{"en", "around 75 euros", A, "75.00"},
        BudgetCase{"en", "about 40 pounds", A, "40.00", "GBP"},
        BudgetCase{"en", "500ish", A, "500.00"}, BudgetCase{"en", "~50€", A, "50.00"},
        BudgetCase{"en", "roughly 60 euros", A, "60.00"},
        // "about" needs a currency unless a budget leads it.
        BudgetCase{"en", "she starts uni in sept. budget about 600", A, "600.00"},
        BudgetCase{"en", "my budget is about 600", A, "600.00"},
        BudgetCase{"en", "i have 300 bucks", E, "300.00", "USD"},
        BudgetCase{"en", "20 dollars 43 cents", E, "20.43", "USD"},
        BudgetCase{"en", "$20 and 43c", E, "20.43", "USD"},
        BudgetCase{"en", "twelve euros fifty", E, "12.50"}));

INSTANTIATE_TEST_SUITE_P(
    Italian, BudgetDirection,
    ::testing::Values(
        BudgetCase{"it", "sotto i 50 euro", U, "50.00"}, BudgetCase{"it", "sotto 80", U, "80.00"},
        BudgetCase{"it", "sotto ai 100 euro", U, "100.00"},
        BudgetCase{"it", "meno di 15 €", U, "15.00"},
        BudgetCase{"it", "non più di 200 euro", U, "200.00"},
        BudgetCase{"it", "nn piu di 200 euro", U, "200.00"},
        BudgetCase{"it", "nn più di 200", U, "200.00"},
        BudgetCase{"it", "non + di 50 euro", U, "50.00"},
        BudgetCase{"it", "nn + di 30€", U, "30.00"},
        BudgetCase{"it", "non oltre 90 euro", U, "90.00"},
        BudgetCase{"it", "nn oltre 40 €", U, "40.00"},
        BudgetCase{"it", "non oltre i 90", U, "90.00"},
        BudgetCase{"it", "non sopra i 70 euro", U, "70.00"},
        BudgetCase{"it", "non superiore a 60 euro", U, "60.00"},
        BudgetCase{"it", "inferiore a 60 euro", U, "60.00"},
        BudgetCase{"it", "max 150", U, "150.00"}, BudgetCase{"it", "max 50 euro", U, "50.00"},
        BudgetCase{"it", "al max 60", U, "60.00"}, BudgetCase{"it", "massimo 40 euro", U, "40.00"},
        BudgetCase{"it", "al massimo 120 euro", U, "120.00"},
        BudgetCase{"it", "100 euro al massimo", U, "100.00"},
        BudgetCase{"it", "100 euro massimo", U, "100.00"},
        BudgetCase{"it", "100 euro max", U, "100.00"},
        BudgetCase{"it", "50 euro o meno", U, "50.00"},
        BudgetCase{"it", "fino a 80 euro", U, "80.00"},
        BudgetCase{"it", "mmm alzo a 50, fammi vedere qualcos'altro", U, "50.00"},
        BudgetCase{"it", "posso arrivare a 80", U, "80.00"},
        BudgetCase{"it", "raga cerco sneakers in pelle x me, uomo, 41, max 100", U, "100.00"},
        BudgetCase{"fr", "bon je monte à 60", U, "60.00"},
        BudgetCase{"it", "entro i 70 euro", U, "70.00"}, BudgetCase{"it", "entro 50 €", U, "50.00"},
        BudgetCase{"it", "non voglio spendere più di 60 euro", U, "60.00"},
        BudgetCase{"it", "non posso spendere oltre 100 euro", U, "100.00"},
        BudgetCase{"it", "non deve costare più di 25 euro", U, "25.00"},
        BudgetCase{"it", "non spenderei più di 35 euro", U, "35.00"},
        BudgetCase{"it", "nn voglio spendere + di 40 euro", U, "40.00"},
        BudgetCase{"it", "che non superi i 50 euro", U, "50.00"},
        BudgetCase{"it", "senza superare i 50 euro", U, "50.00"},
        BudgetCase{"it", "budget massimo 250 euro", U, "250.00"},
        BudgetCase{"it", "il mio limite è 100 euro", U, "100.00"},
        BudgetCase{"it", "max 1,5k", U, "1500.00"},
        BudgetCase{"it", "mille euro massimo", U, "1000.00"},
        BudgetCase{"it", "30 dollari max", U, "30.00", "USD"},
        BudgetCase{"it", "più di 200 no", U, "200.00"},
        BudgetCase{"it", "più di 100 è troppo", U, "100.00"},
        BudgetCase{"it", "massimo 35 euro e 50", U, "35.50"},
        BudgetCase{"it", "non meno di 100 euro", O, "100.00"},
        BudgetCase{"it", "non sotto i 50", O, "50.00"},
        BudgetCase{"it", "almeno 300 euro", O, "300.00"},
        BudgetCase{"it", "più di 30 euro", O, "30.00"},
        BudgetCase{"it", "oltre 300 euro", O, "300.00"},
        BudgetCase{"it", "sopra i 100 euro", O, "100.00"},
        BudgetCase{"it", "100 euro o più", O, "100.00"},
        BudgetCase{"it", "a partire da 50 euro", O, "50.00"},
        BudgetCase{"it", "minimo 40 euro", O, "40.00"},
        BudgetCase{"it", "superiore a 60 euro", O, "60.00"},
        BudgetCase{"it", "tra 20 e 30 €", B, "20.00..30.00"},
        BudgetCase{"it", "tra i 50 e gli 80 euro", B, "50.00..80.00"},
        BudgetCase{"it", "dai 20 ai 30 euro", B, "20.00..30.00"},
        BudgetCase{"it", "da 50 a 80 euro", B, "50.00..80.00"},
        BudgetCase{"it", "fra 100 e 150 euro", B, "100.00..150.00"},
        BudgetCase{"it", "sui 40 euro", A, "40.00"}, BudgetCase{"it", "circa 50 euro", A, "50.00"},
        BudgetCase{"it", "intorno ai 60 euro", A, "60.00"},
        BudgetCase{"it", "più o meno 70 euro", A, "70.00"},
        BudgetCase{"it", "centocinquanta euro circa", A, "150.00"},
        BudgetCase{"it", "costa tipo 60 euro", E, "60.00"},
        BudgetCase{"it", "venti euro e cinquanta", E, "20.50"},
        BudgetCase{"it", "12 euro e 90 centesimi", E, "12.90"},
        BudgetCase{"it", "19,99 €", E, "19.99"}, BudgetCase{"it", "ho 5 mila euro", E, "5000.00"}));

INSTANTIATE_TEST_SUITE_P(
    French, BudgetDirection,
    ::testing::Values(
        BudgetCase{"fr", "moins de 25 euros", U, "25.00"},
        BudgetCase{"fr", "pas plus de 50 €", U, "50.00"},
        BudgetCase{"fr", "pas + de 40 euros", U, "40.00"},
        BudgetCase{"fr", "pas + de 60", U, "60.00"},
        BudgetCase{"fr", "pas plus de 40 balles", U, "40.00"},
        BudgetCase{"fr", "pas plus cher que 35 €", U, "35.00"},
        BudgetCase{"fr", "pas au-dessus de 60 euros", U, "60.00"},
        BudgetCase{"fr", "au maximum 80 euros", U, "80.00"},
        BudgetCase{"fr", "80 euros au maximum", U, "80.00"},
        BudgetCase{"fr", "80 euros maximum", U, "80.00"},
        BudgetCase{"fr", "80 euros max", U, "80.00"},
        BudgetCase{"fr", "100 balles max", U, "100.00"},
        BudgetCase{"fr", "max 30 balles", U, "30.00"},
        BudgetCase{"fr", "maxi 70 euros", U, "70.00"},
        BudgetCase{"fr", "au plus 120 €", U, "120.00"},
        BudgetCase{"fr", "jusqu'à 150 €", U, "150.00"},
        BudgetCase{"fr", "sous les 100 euros", U, "100.00"},
        BudgetCase{"fr", "en dessous de 30 euros", U, "30.00"},
        BudgetCase{"fr", "inférieur à 60 euros", U, "60.00"},
        BudgetCase{"fr", "50 euros ou moins", U, "50.00"},
        BudgetCase{"fr", "je ne veux pas dépenser plus de 60 euros", U, "60.00"},
        BudgetCase{"fr", "je veux pas mettre plus de 100 €", U, "100.00"},
        BudgetCase{"fr", "je mettrais pas plus de 35 euros", U, "35.00"},
        BudgetCase{"fr", "il ne faut pas que ça coûte plus de 20 euros", U, "20.00"},
        BudgetCase{"fr", "ça ne doit pas dépasser 45 euros", U, "45.00"},
        BudgetCase{"fr", "sans dépasser 70 €", U, "70.00"},
        BudgetCase{"fr", "je ne dépasserai pas 90 €", U, "90.00"},
        BudgetCase{"fr", "je peux pas aller au-delà de 120 euros", U, "120.00"},
        BudgetCase{"fr", "budget max 250 €", U, "250.00"},
        BudgetCase{"fr", "ma limite c'est 100 euros", U, "100.00"},
        BudgetCase{"fr", "1,5k max", U, "1500.00"},
        BudgetCase{"fr", "mille euros maximum", U, "1000.00"},
        BudgetCase{"fr", "30 dollars max", U, "30.00", "USD"},
        BudgetCase{"fr", "plus de 300 €, non", U, "300.00"},
        BudgetCase{"fr", "plus de 100 euros c'est trop", U, "100.00"},
        BudgetCase{"fr", "deux cents euros max", U, "200.00"},
        BudgetCase{"fr", "moins de cent euros", U, "100.00"},
        BudgetCase{"fr", "pas moins de 100 euros", O, "100.00"},
        BudgetCase{"fr", "pas en dessous de 30 €", O, "30.00"},
        BudgetCase{"fr", "au moins 200 €", O, "200.00"},
        BudgetCase{"fr", "plus de 500 €", O, "500.00"},
        BudgetCase{"fr", "au-dessus de 50 euros", O, "50.00"},
        BudgetCase{"fr", "à partir de 100 euros", O, "100.00"},
        BudgetCase{"fr", "100 euros ou plus", O, "100.00"},
        BudgetCase{"fr", "minimum 40 euros", O, "40.00"},
        BudgetCase{"fr", "supérieur à 60 euros", O, "60.00"},
        BudgetCase{"fr", "au-delà de 80 euros", O, "80.00"},
        BudgetCase{"fr", "entre 40 et 60 euros", B, "40.00..60.00"},
        BudgetCase{"fr", "de 20 à 30 €", B, "20.00..30.00"},
        BudgetCase{"fr", "entre 150 et 250 euros", B, "150.00..250.00"},
        BudgetCase{"fr", "dans les 50 balles", A, "50.00"},
        BudgetCase{"fr", "environ 90 euros", A, "90.00"},
        BudgetCase{"fr", "à peu près 70 euros", A, "70.00"},
        BudgetCase{"fr", "autour de 25 €", A, "25.00"},
        BudgetCase{"fr", "vers 15 euros", A, "15.00"},
        BudgetCase{"fr", "30 € environ", A, "30.00"},
        BudgetCase{"fr", "autour de 2 mille euros", A, "2000.00"},
        BudgetCase{"fr", "20€50", E, "20.50"},
        BudgetCase{"fr", "dix euros cinquante", E, "10.50"},
        BudgetCase{"fr", "12 euros et 90 centimes", E, "12.90"},
        BudgetCase{"fr", "5 euros 50", E, "5.50"},
        BudgetCase{"fr", "1 200 €", E, "1200.00"},
        BudgetCase{"fr", "3 mille euros", E, "3000.00"},
        BudgetCase{"fr", "pas trop cher, genre 40 €", E, "40.00"}));

}  // namespace
}  // namespace chatcart::entities
