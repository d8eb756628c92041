// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// The recommender's words: parsing preferences and critiques, numbers and
// money per language, reasons in en/it/fr.

#include "recommend/text.h"

#include <string>

#include "chatcart/recommend.h"
#include "common/testing/status_matchers.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "recommend/test_shop.h"

namespace chatcart {
namespace {

using ::chatcart::testing::Eur;
using ::chatcart::testing::ShopRecommender;
using ::chatcart::testing::StatusIs;
using ::testing::HasSubstr;

struct ParseCase {
  const char* text;
  PreferenceKind kind;
  const char* attribute;
  std::vector<std::string> values;
  double weight;
  const char* round_trip;
};

TEST(Preference, ParsesEveryForm) {
  const ParseCase kCases[] = {
      {"cheap_to_run", PreferenceKind::kNamed, "cheap_to_run", {}, 1, "cheap_to_run"},
      {" more:storage ", PreferenceKind::kMaximize, "storage", {}, 1, "more:storage"},
      {"less:noise_level*2", PreferenceKind::kMinimize, "noise_level", {}, 2, "less:noise_level*2"},
      {"screen_size~27 in",
       PreferenceKind::kTarget,
       "screen_size",
       {"27 in"},
       1,
       "screen_size~27 in"},
      {"brand=Asus|MSI", PreferenceKind::kLike, "brand", {"Asus", "MSI"}, 1, "brand=Asus|MSI"},
      {"brand!=Razer*0.5", PreferenceKind::kDislike, "brand", {"Razer"}, 0.5, "brand!=Razer*0.5"},
      {"like:pr-zen6", PreferenceKind::kSimilarTo, "", {"pr-zen6"}, 1, "like:pr-zen6"},
  };
  for (const ParseCase& c : kCases) {
    absl::StatusOr<Preference> p = Preference::Parse(c.text);
    ASSERT_OK(p) << c.text;
    EXPECT_EQ(p->kind, c.kind) << c.text;
    EXPECT_EQ(p->attribute, c.attribute) << c.text;
    EXPECT_EQ(p->values, c.values) << c.text;
    EXPECT_EQ(p->weight, c.weight) << c.text;
    EXPECT_EQ(p->ToString(), c.round_trip) << c.text;
  }
}

TEST(Preference, RejectsMalformedText) {
  for (const char* text : {"", "*2", "cheap*0", "cheap*-1", "cheap*x", "more:", "like:", "~27",
                           "brand=", "=Asus", "what is this?"}) {
    EXPECT_THAT(Preference::Parse(text), StatusIs(absl::StatusCode::kInvalidArgument))
        << "\"" << text << "\"";
  }
}

TEST(Critique, ParsesEveryForm) {
  const std::pair<const char*, CritiqueKind> kCases[] = {
      {"cheaper", CritiqueKind::kCheaper},       {"other_brand", CritiqueKind::kOtherBrand},
      {"more_like", CritiqueKind::kMoreLike},    {"more:screen_size", CritiqueKind::kMore},
      {"less:noise_level", CritiqueKind::kLess}, {"bigger_screen", CritiqueKind::kNamed},
  };
  for (const auto& [text, kind] : kCases) {
    absl::StatusOr<Critique> c = Critique::Parse(text);
    ASSERT_OK(c) << text;
    EXPECT_EQ(c->kind, kind) << text;
    EXPECT_EQ(c->ToString(), text);
  }
  EXPECT_THAT(Critique::Parse("more:"), StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(Critique::Parse("cheaper please!"), StatusIs(absl::StatusCode::kInvalidArgument));
}

TEST(Text, NumbersCountsAndMoneyPerLanguage) {
  using recommend::Lang;
  EXPECT_EQ(recommend::FormatNumber(4.6, Lang::kEnglish), "4.6");
  EXPECT_EQ(recommend::FormatNumber(4.6, Lang::kItalian), "4,6");
  EXPECT_EQ(recommend::FormatNumber(4.0, Lang::kFrench), "4");
  EXPECT_EQ(recommend::FormatNumber(13.333, Lang::kEnglish), "13.33");
  EXPECT_EQ(recommend::FormatCount(1540, Lang::kEnglish), "1,540");
  EXPECT_EQ(recommend::FormatCount(1540, Lang::kItalian), "1.540");
  EXPECT_EQ(recommend::FormatCount(1540000, Lang::kFrench), "1\u202f540\u202f000");
  EXPECT_EQ(recommend::FormatCount(12, Lang::kEnglish), "12");
  EXPECT_EQ(recommend::FormatMoney(Eur("229"), Lang::kEnglish), "€229.00");
  EXPECT_EQ(recommend::FormatMoney(Eur("229"), Lang::kItalian), "229,00\u00a0€");
}

TEST(Text, ItalianArticlesFollowTheNumber) {
  using recommend::ItalianPreposition;
  EXPECT_EQ(ItalianPreposition("da", 5), "dai");
  EXPECT_EQ(ItalianPreposition("da", 8), "dagli");
  EXPECT_EQ(ItalianPreposition("a", 11), "agli");
  EXPECT_EQ(ItalianPreposition("a", 12), "ai");
  EXPECT_EQ(ItalianPreposition("da", 80), "dagli");
  EXPECT_EQ(ItalianPreposition("da", 1), "dall'");
}

TEST(Text, ReasonsInEveryLanguage) {
  auto r = ShopRecommender();
  ASSERT_NE(r, nullptr);
  RecommendRequest q;
  q.where = {"category=Photo Printers"};
  q.contains_all = {{"compatible_with", {"iphone", "windows_phone"}}};
  q.budget.max = Eur("300");
  q.prefer = {*Preference::Parse("cheap_to_run")};
  q.top = 3;
  const std::pair<const char*, std::vector<const char*>> kWant[] = {
      {"en",
       {"€229.00, €71.00 under your budget", "rated 4.6/5 by 1,540 reviewers",
        "Cost per print: 8 cents, the lowest of the 3 that fit"}},
      {"it",
       {"229,00\u00a0€, 71,00\u00a0€ sotto il tuo budget", "voto 4,6/5 su 1.540 recensioni",
        "Cost per print: 8 cents, il valore più basso tra i 3 adatti"}},
      {"fr",
       {"229,00\u00a0€, 71,00\u00a0€ sous votre budget", "noté 4,6/5 sur 1\u202f540 avis",
        "Cost per print : 8 cents, le plus bas des 3 qui conviennent"}},
  };
  for (const auto& [locale, texts] : kWant) {
    q.locale = locale;
    absl::StatusOr<Recommendation> rec = r->Recommend(q);
    ASSERT_OK(rec);
    const std::string all = ::chatcart::testing::ReasonText(rec->picks[0]);
    for (const char* t : texts) EXPECT_THAT(all, HasSubstr(t)) << locale;
    const std::string alt = ::chatcart::testing::ReasonText(rec->picks[1]);
    EXPECT_THAT(alt, HasSubstr(std::string(locale) == "en"   ? "a cheaper choice"
                               : std::string(locale) == "it" ? "una scelta più economica"
                                                             : "un choix moins cher"));
  }
}

}  // namespace
}  // namespace chatcart
