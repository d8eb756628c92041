// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include <string>
#include <thread>
#include <vector>

#include "chatcart/entities.h"
#include "common/testing/status_matchers.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace chatcart {
namespace {

using ::chatcart::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::ElementsAreArray;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

std::string Num(double v) {
  std::string s = std::to_string(v);
  s.erase(s.find_last_not_of('0') + 1);
  if (s.back() == '.') s.pop_back();
  return s;
}

// A compact, readable form of one entity: "money under 4000 GBP [under 40 quid]".
std::string Describe(std::string_view text, const Entity& e) {
  std::string out(EntityTypeName(e.type));
  switch (e.type) {
    case EntityType::kMoney:
      out += " " + std::string(MoneyKindName(e.money.kind));
      if (e.money.kind == MoneyKind::kBetween) {
        out += " " + std::to_string(e.money.min_minor) + "-" + std::to_string(e.money.max_minor);
      } else {
        out += " " + std::to_string(e.money.amount_minor);
      }
      out += " " + e.money.currency;
      break;
    case EntityType::kNumber:
    case EntityType::kQuantity:
    case EntityType::kOrdinal:
      out += " " + Num(e.number);
      break;
    case EntityType::kAge:
      out += " " + Num(e.number) + " " + e.detail;
      break;
    case EntityType::kSize:
    case EntityType::kCompatibility:
      out += " " + e.value + (e.detail.empty() ? "" : "/" + e.detail);
      break;
    default:
      out += " " + e.value;
  }
  return out + " [" + std::string(text.substr(e.start, e.end - e.start)) + "]";
}

struct Case {
  const char* language;
  const char* text;
  std::vector<std::string> expected;
};

void PrintTo(const Case& c, std::ostream* os) { *os << c.language << ": \"" << c.text << '"'; }

std::vector<std::string> Describe(const EntityExtractor& extractor, const char* language,
                                  const char* text) {
  std::vector<std::string> out;
  for (const Entity& e : extractor.Extract(text, language)) out.push_back(Describe(text, e));
  return out;
}

std::shared_ptr<const EntityExtractor> Extractor(const std::string& currency,
                                                 std::vector<LexiconEntry> lexicon = {}) {
  EntityExtractorOptions options;
  options.currency = currency;
  options.lexicon = std::move(lexicon);
  absl::StatusOr<std::shared_ptr<const EntityExtractor>> e = EntityExtractor::Create(options);
  EXPECT_OK(e);
  return e.ok() ? *e : nullptr;
}

class UsdStore : public ::testing::TestWithParam<Case> {};

TEST_P(UsdStore, FindsTheEntities) {
  auto extractor = Extractor("USD");
  EXPECT_THAT(Describe(*extractor, GetParam().language, GetParam().text),
              ElementsAreArray(GetParam().expected));
}

INSTANTIATE_TEST_SUITE_P(
    English, UsdStore,
    ::testing::Values(
        Case{"en",
             "got anything for my 6yo under 40 quid?",
             {"age 6 years [6yo]", "money under 4000 GBP [under 40 quid]"}},
        Case{"en", "$300", {"money exact 30000 USD [$300]"}},
        Case{"en", "300 bucks", {"money exact 30000 USD [300 bucks]"}},
        Case{"en",
             "between 250 and 700 dollars",
             {"money between 25000-70000 USD [between 250 and 700 dollars]"}},
        Case{"en", "from $20 to $30", {"money between 2000-3000 USD [from $20 to $30]"}},
        Case{"en", "200-300$", {"money between 20000-30000 USD [200-300$]"}},
        Case{"en", "my budget is 1.5k", {"money exact 150000 USD [1.5k]"}},
        Case{"en", "around 1.5k", {"money around 150000 USD [around 1.5k]"}},
        Case{"en", "less than €50", {"money under 5000 EUR [less than €50]"}},
        Case{"en", "no more than 20 pounds", {"money under 2000 GBP [no more than 20 pounds]"}},
        Case{"en", "over $1,200.50", {"money over 120050 USD [over $1,200.50]"}},
        Case{"en", "about 300 usd", {"money around 30000 USD [about 300 usd]"}},
        Case{"en", "300ish dollars", {"money around 30000 USD [300ish dollars]"}},
        Case{"en", "$50 max", {"money under 5000 USD [$50 max]"}},
        Case{"en", "100 dollars or more", {"money over 10000 USD [100 dollars or more]"}},
        Case{"en", "a hundred bucks", {"money exact 10000 USD [a hundred bucks]"}},
        Case{"en", "spend under 20", {"money under 2000 USD [under 20]"}},
        // A bare number after a cue is money only when the text speaks of money.
        Case{"en", "under 20", {"number 20 [20]"}},
        Case{"en", "I'll take two of those", {"quantity 2 [two]"}},
        Case{"en", "a dozen red roses", {"quantity 12 [a dozen]", "colour red [red]"}},
        Case{"en", "twenty-one", {"number 21 [twenty-one]"}},
        Case{"en", "one hundred and five", {"number 105 [one hundred and five]"}},
        Case{"en", "add 3 to my cart", {"quantity 3 [3]"}},
        Case{"en", "2 printers", {"quantity 2 [2]", "category printers [printers]"}},
        Case{"en", "the second one", {"ordinal 2 [second one]"}},
        Case{"en", "the last", {"ordinal -1 [last]"}}, Case{"en", "3rd", {"ordinal 3 [3rd]"}},
        Case{"en", "wait a second", {}},
        Case{"en", "for my 6 year old", {"age 6 years [6 year old]"}},
        Case{"en", "a 10-year-old boy", {"age 10 years [10-year-old]"}},
        Case{"en", "aged 8", {"age 8 years [aged 8]"}},
        Case{"en", "18 months old", {"age 18 months [18 months old]"}},
        Case{"en", "6 years warranty", {"number 6 [6]"}},
        Case{"en", "size XL in navy blue", {"size XL/letter [size XL]", "colour navy [navy blue]"}},
        Case{"en", "size M", {"size M/letter [size M]"}}, Case{"en", "I'm happy", {}},
        Case{"en", "US 9.5 sneakers", {"size 9.5/us [US 9.5]", "category shoes [sneakers]"}},
        Case{"en", "42 EU", {"size 42/eu [42 EU]"}},
        Case{"en", "32x30 jeans", {"size 32x30/waist_length [32x30]", "category trousers [jeans]"}},
        Case{"en", "W32 L30", {"size 32x30/waist_length [W32 L30]"}},
        Case{"en", "for an iPhone 5", {"compatibility iphone/5 [iPhone 5]"}},
        Case{"en", "works with Android", {"compatibility android [Android]"}},
        Case{"en",
             "print photos from my android phone",
             {"compatibility android [android]", "category phones [phone]"}},
        Case{"en", "iphone", {}},  // a bare mention says nothing about fit
        Case{"en", "order 113542617735902", {"number 113542617735902 [113542617735902]"}}));

class EurStore : public ::testing::TestWithParam<Case> {};

TEST_P(EurStore, FindsTheEntities) {
  auto extractor = Extractor("EUR");
  EXPECT_THAT(Describe(*extractor, GetParam().language, GetParam().text),
              ElementsAreArray(GetParam().expected));
}

INSTANTIATE_TEST_SUITE_P(
    Italian, EurStore,
    ::testing::Values(
        Case{"it", "sotto i 50 euro, per favore", {"money under 5000 EUR [sotto i 50 euro]"}},
        Case{"it", "tra 100 e 200 euro", {"money between 10000-20000 EUR [tra 100 e 200 euro]"}},
        Case{"it", "da 20 a 30€", {"money between 2000-3000 EUR [da 20 a 30€]"}},
        Case{"it", "circa 300 euro", {"money around 30000 EUR [circa 300 euro]"}},
        Case{"it", "al massimo 80 euro", {"money under 8000 EUR [al massimo 80 euro]"}},
        Case{"it", "1.500 euro", {"money exact 150000 EUR [1.500 euro]"}},
        Case{"it", "19,99 €", {"money exact 1999 EUR [19,99 €]"}},
        Case{"it", "non più di 40 €", {"money under 4000 EUR [non più di 40 €]"}},
        Case{"it", "centocinquanta euro", {"money exact 15000 EUR [centocinquanta euro]"}},
        Case{"it", "un budget di 200", {"number 200 [200]"}},
        Case{"it", "spendere meno di 200", {"money under 20000 EUR [meno di 200]"}},
        Case{"it", "50 dollari", {"money exact 5000 USD [50 dollari]"}},
        Case{"it", "tre", {"number 3 [tre]"}}, Case{"it", "ventitré", {"number 23 [ventitré]"}},
        Case{"it", "duemila cinquecento", {"number 2500 [duemila cinquecento]"}},
        Case{"it", "prendo tre", {"quantity 3 [tre]"}},
        Case{"it", "una dozzina di rose", {"quantity 12 [una dozzina]"}},
        Case{"it",
             "vorrei 2 paia di scarpe rosse taglia 42",
             {"quantity 2 [2]", "category shoes [scarpe]", "colour red [rosse]",
              "size 42 [taglia 42]"}},
        Case{"it", "mio figlio ha 6 anni", {"age 6 years [6 anni]"}},
        Case{"it", "una bimba di 18 mesi", {"age 18 months [18 mesi]"}},
        Case{"it", "il secondo", {"ordinal 2 [secondo]"}},
        Case{"it", "la prima", {"ordinal 1 [prima]"}}, Case{"it", "prima di comprare", {}},
        Case{"it", "per il mio iPhone 13 pro", {"compatibility iphone/13 pro [iPhone 13 pro]"}},
        Case{"it", "taglia M nera", {"size M/letter [taglia M]", "colour black [nera]"}}));

INSTANTIATE_TEST_SUITE_P(
    French, EurStore,
    ::testing::Values(
        Case{"fr", "entre 200 et 300 €", {"money between 20000-30000 EUR [entre 200 et 300 €]"}},
        Case{"fr", "moins de 20 euros", {"money under 2000 EUR [moins de 20 euros]"}},
        Case{"fr", "environ 50 euros", {"money around 5000 EUR [environ 50 euros]"}},
        Case{"fr", "50 euros maximum", {"money under 5000 EUR [50 euros maximum]"}},
        Case{"fr", "au moins 100 €", {"money over 10000 EUR [au moins 100 €]"}},
        Case{"fr", "de 20 à 30 euros", {"money between 2000-3000 EUR [de 20 à 30 euros]"}},
        Case{"fr", "1 500,50 €", {"number 1 [1]", "money exact 50050 EUR [500,50 €]"}},
        Case{"fr",
             "quatre-vingt-dix-sept euros",
             {"money exact 9700 EUR [quatre-vingt-dix-sept euros]"}},
        Case{"fr", "deux cents euros", {"money exact 20000 EUR [deux cents euros]"}},
        Case{"fr", "vingt et un", {"number 21 [vingt et un]"}},
        Case{"fr", "soixante et onze", {"number 71 [soixante et onze]"}},
        Case{"fr", "dix-sept", {"number 17 [dix-sept]"}},
        Case{"fr", "mille cinq cents", {"number 1500 [mille cinq cents]"}},
        Case{"fr",
             "deux paires de chaussures noires",
             {"quantity 2 [deux]", "category shoes [chaussures]", "colour black [noires]"}},
        Case{"fr", "une douzaine", {"quantity 12 [une douzaine]"}},
        Case{"fr", "mon fils a 6 ans", {"age 6 years [6 ans]"}},
        Case{"fr", "pointure 38", {"size 38/eu [pointure 38]"}},
        Case{"fr",
             "taille L en bleu marine",
             {"size L/letter [taille L]", "colour navy [bleu marine]"}},
        Case{"fr",
             "compatible avec mon Samsung Galaxy S21",
             {"compatibility android/galaxy s21 [Samsung Galaxy S21]"}},
        Case{"fr", "le deuxième", {"ordinal 2 [deuxième]"}},
        Case{"fr", "la dernière", {"ordinal -1 [dernière]"}}));

TEST(EntityExtractor, DollarsAreTheStoresDollarOrUsd) {
  auto cad = Extractor("CAD");
  EXPECT_THAT(Describe(*cad, "en", "$20"), ElementsAre("money exact 2000 CAD [$20]"));
  auto eur = Extractor("EUR");
  EXPECT_THAT(Describe(*eur, "en", "$20"), ElementsAre("money exact 2000 USD [$20]"));
  // A currency without minor units.
  auto jpy = Extractor("JPY");
  EXPECT_THAT(Describe(*jpy, "en", "under 3000 yen"),
              ElementsAre("money under 3000 JPY [under 3000 yen]"));
  EXPECT_THAT(Describe(*jpy, "en", "budget around 1.5k"),
              ElementsAre("money around 1500 JPY [around 1.5k]"));
}

TEST(EntityExtractor, MarksStatedCurrencies) {
  auto usd = Extractor("USD");
  std::vector<Entity> e = usd->Extract("$20 or budget under 30", "en");
  ASSERT_EQ(e.size(), 2u);
  EXPECT_TRUE(e[0].money.currency_stated);
  EXPECT_FALSE(e[1].money.currency_stated);
  EXPECT_GT(e[0].confidence, e[1].confidence);
}

TEST(EntityExtractor, MatchesTheLexiconOnStemsAndWithinOneEdit) {
  auto extractor =
      Extractor("EUR", {{EntityType::kBrand, "Canora", "canora", ""},
                        {EntityType::kProduct, "PhotoZen 6", "pr-zen6", ""},
                        {EntityType::kProduct, "PhotoZen 10 A3+", "pr-zen10", ""},
                        {EntityType::kCategory, "Photo Printers", "photo-printers", ""},
                        {EntityType::kCategory, "stampante fotografica", "photo-printers", "it"}});
  EXPECT_THAT(Describe(*extractor, "en", "the canora photozen 6 please"),
              ElementsAre("brand canora [canora]", "product pr-zen6 [photozen 6]"));
  EXPECT_THAT(Describe(*extractor, "en", "Photozen 10 A3+"),
              ElementsAre("product pr-zen10 [Photozen 10 A3]"));
  EXPECT_THAT(Describe(*extractor, "en", "any photo printer?"),
              ElementsAre("category photo-printers [photo printer]"));
  EXPECT_THAT(Describe(*extractor, "en", "a cannora?"),
              ElementsAre("brand canora [cannora]"));  // typo
  EXPECT_THAT(Describe(*extractor, "it", "stampanti fotografiche"),
              ElementsAre("category photo-printers [stampanti fotografiche]"));
  // Language-restricted entries stay in their language.
  EXPECT_THAT(Describe(*extractor, "fr", "stampante fotografica"), IsEmpty());
  // A number after a product name belongs to the product.
  EXPECT_THAT(Describe(*extractor, "en", "2 photozen 6"),
              ElementsAre("quantity 2 [2]", "product pr-zen6 [photozen 6]"));
}

TEST(EntityExtractor, RejectsBadOptions) {
  EntityExtractorOptions bad_currency;
  bad_currency.currency = "XXQ";
  EXPECT_THAT(EntityExtractor::Create(bad_currency),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("store currency")));
  EntityExtractorOptions bad_type;
  bad_type.lexicon.push_back({EntityType::kMoney, "cheap", "x", ""});
  EXPECT_THAT(EntityExtractor::Create(bad_type),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("lexicon entry 0")));
  EntityExtractorOptions empty_phrase;
  empty_phrase.lexicon.push_back({EntityType::kBrand, "!!", "x", ""});
  EXPECT_THAT(EntityExtractor::Create(empty_phrase),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("has no words")));
  EntityExtractorOptions bad_language;
  bad_language.lexicon.push_back({EntityType::kBrand, "Acme", "acme", "de"});
  EXPECT_THAT(EntityExtractor::Create(bad_language),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("unknown language")));
}

TEST(EntityExtractor, GivesADefinedResultForBadInput) {
  auto extractor = Extractor("USD");
  EXPECT_THAT(extractor->Extract("", "en"), IsEmpty());
  EXPECT_THAT(extractor->Extract("😀👍 ?!", "en"), IsEmpty());
  EXPECT_THAT(Describe(*extractor, "xx", "$5"),
              ElementsAre("money exact 500 USD [$5]"));  // English
  // Ill-formed UTF-8 around an amount: spans still point into the input.
  const std::string bad = "\xFF under \xC3 $40 \xFE";
  std::vector<Entity> e = extractor->Extract(bad, "en");
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0].money.kind, MoneyKind::kUnder);
  EXPECT_EQ(bad.substr(e[0].start, e[0].end - e[0].start), "under \xC3 $40");
  // Mixed scripts.
  EXPECT_THAT(Describe(*extractor, "en", "東京 $12 привет"),
              ElementsAre("money exact 1200 USD [$12]"));
  // 100 KB: the part past max_text_chars is ignored.
  std::string big = "under $40 ";
  while (big.size() < 100 * 1024) big += "and $5 ";
  e = extractor->Extract(big, "en");
  EXPECT_FALSE(e.empty());
  EXPECT_LE(e.back().end, 2000u);
  // Overflowing amounts are no money.
  for (const Entity& big_amount : extractor->Extract("$99999999999999999", "en")) {
    EXPECT_NE(big_amount.type, EntityType::kMoney);
  }
}

TEST(EntityExtractor, IsSafeToShareAcrossThreads) {
  auto extractor = Extractor("EUR");
  const std::vector<std::pair<std::string, std::string>> texts = {
      {"en", "under $40 for my 6yo"}, {"it", "tra 100 e 200 euro"}, {"fr", "moins de 20 euros"}};
  std::vector<std::vector<std::string>> expected;
  for (const auto& [l, t] : texts) expected.push_back(Describe(*extractor, l.c_str(), t.c_str()));
  std::vector<int> mismatches(4, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 300; ++i) {
        const size_t k = (i + t) % texts.size();
        if (Describe(*extractor, texts[k].first.c_str(), texts[k].second.c_str()) != expected[k]) {
          ++mismatches[t];
        }
      }
    });
  }
  for (std::thread& th : threads) th.join();
  EXPECT_EQ(mismatches, std::vector<int>(4, 0));
}

}  // namespace
}  // namespace chatcart
