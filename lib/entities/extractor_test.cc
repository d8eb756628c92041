// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// EntityExtractor as a whole: options, languages, spans, overlaps, bad
// input, threads.

#include <string>
#include <thread>
#include <vector>

#include "chatcart/entities.h"
#include "common/testing/status_matchers.h"
#include "entities/test_util.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace chatcart {
namespace {

using ::chatcart::entities::testing::DefaultExtractor;
using ::chatcart::entities::testing::DescribeAll;
using ::chatcart::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

TEST(EntityExtractorCreate, RejectsBadOptionsNamingTheField) {
  EntityExtractorOptions bad_currency;
  bad_currency.currency = "euro";
  EXPECT_THAT(EntityExtractor::Create(bad_currency),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("EntityExtractorOptions.currency: \"euro\"")));
  EntityExtractorOptions no_language;
  no_language.languages.clear();
  EXPECT_THAT(EntityExtractor::Create(no_language),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("languages: empty")));
  EntityExtractorOptions bad_language;
  bad_language.languages = {"en", "de"};
  EXPECT_THAT(EntityExtractor::Create(bad_language),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("languages[1]: unknown language \"de\"")));
  EntityExtractorOptions empty_phrase;
  empty_phrase.categories = {{.phrase = "printer", .value = "Printers", .language = ""},
                             {.phrase = " !! ", .value = "Nothing", .language = ""}};
  EXPECT_THAT(EntityExtractor::Create(empty_phrase),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("categories[1]: phrase \" !! \" has no words")));
  EntityExtractorOptions empty_value;
  empty_value.colours = {{.phrase = "mint", .value = "", .language = ""}};
  EXPECT_THAT(EntityExtractor::Create(empty_value),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("colours[0] (\"mint\"): empty value")));
  EntityExtractorOptions vocabulary_language;
  vocabulary_language.compatibility = {{.phrase = "kindle", .value = "kindle", .language = "xx"}};
  EXPECT_THAT(EntityExtractor::Create(vocabulary_language),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("compatibility[0] (\"kindle\"): unknown language \"xx\"")));
}

TEST(EntityExtractor, ReportsSpansIntoTheTextAsGiven) {
  auto e = DefaultExtractor();
  const std::string text = "Got anything for my 6yo under 40 quid?";
  std::vector<Entity> found = e->Extract(text, "en");
  ASSERT_EQ(found.size(), 2u);
  for (const Entity& entity : found) {
    EXPECT_EQ(text.substr(entity.start, entity.end - entity.start), entity.text);
  }
  EXPECT_EQ(found[1].type, "money");
  EXPECT_EQ(found[1].money.kind, BudgetKind::kUnder);
  EXPECT_FALSE(found[1].money.min.has_value());
  EXPECT_EQ(found[1].money.max->minor_units(), 4000);
  EXPECT_EQ(found[1].money.max->currency(), "GBP");
}

TEST(EntityExtractor, UsesTheFirstLanguageWhenNoneOrAnUnknownOneIsGiven) {
  EntityExtractorOptions options;
  options.languages = {"it", "fr"};
  options.currency = "EUR";
  auto e = EntityExtractor::Create(options);
  ASSERT_OK(e);
  ExtractResult result;
  (*e)->Extract("tre", "", &result);
  EXPECT_EQ(result.language, "it");
  EXPECT_THAT(DescribeAll(result.entities), ElementsAre("number:3 \"tre\""));
  (*e)->Extract("trois", "en", &result);  // English is not among the options
  EXPECT_EQ(result.language, "it");
  EXPECT_THAT(result.entities, IsEmpty());
  (*e)->Extract("trois", "fr-FR", &result);
  EXPECT_EQ(result.language, "fr");
  EXPECT_THAT(DescribeAll(result.entities), ElementsAre("number:3 \"trois\""));
}

TEST(EntityExtractor, NoByteBelongsToTwoEntities) {
  auto e = DefaultExtractor();
  const char* texts[] = {
      "between 2 and 3 iPhone 15 cases for my 6 year old, size 32x30, under 40 quid, x2",
      "ne prendo due taglia M sotto i 50 euro per un bambino di 5 anni, il secondo",
      "j'en prends deux, entre 200 et 300 €, pour un enfant de 5 ans, le troisième",
  };
  for (const char* text : texts) {
    std::vector<Entity> found =
        e->Extract(text, text[0] == 'n' ? "it" : (text[0] == 'j' ? "fr" : "en"));
    ASSERT_FALSE(found.empty()) << text;
    for (size_t i = 1; i < found.size(); ++i) {
      EXPECT_LE(found[i - 1].end, found[i].start) << text;
    }
  }
}

TEST(EntityExtractorBadInput, EmptyTextHasNoEntities) {
  auto e = DefaultExtractor();
  ExtractResult result;
  e->Extract("", "en", &result);
  EXPECT_THAT(result.entities, IsEmpty());
  EXPECT_FALSE(result.truncated);
  e->Extract("   \n\t ", "en", &result);
  EXPECT_THAT(result.entities, IsEmpty());
}

TEST(EntityExtractorBadInput, LongTextIsCutAndFlagged) {
  auto e = DefaultExtractor();
  std::string text = "under 40 euros ";
  while (text.size() < 100 * 1024) text += "blah ";
  text += "and 7 of those";
  ExtractResult result;
  e->Extract(text, "en", &result);
  EXPECT_TRUE(result.truncated);
  EXPECT_THAT(DescribeAll(result.entities),
              ElementsAre("money:under ..40.00 EUR \"under 40 euros\""));

  EntityExtractorOptions options;
  options.max_text_chars = 8;
  auto short_cut = EntityExtractor::Create(options);
  ASSERT_OK(short_cut);
  (*short_cut)->Extract("€20 and €30", "en", &result);  // cut after "€20 and " (8 code points)
  EXPECT_TRUE(result.truncated);
  EXPECT_THAT(DescribeAll(result.entities), ElementsAre("money:exact 20.00 EUR \"€20\""));
}

// Issue #22: Entity.text was the scrubbed text (U+FFFD for each ill-formed
// byte), not the span's bytes as typed that entities.h promises.
TEST(EntityExtractorBadInput, Issue22IllFormedUtf8SeparatesWordsAndTextIsTheSpanAsTyped) {
  auto e = DefaultExtractor();
  const std::string text = "under 40\xff\xfe euros, size \xc3M";
  std::vector<Entity> found = e->Extract(text, "en");
  ASSERT_THAT(DescribeAll(found), ElementsAre("money:under ..40.00 EUR \"under 40\xff\xfe euros\"",
                                              "size:M \"size \xc3M\""));
  EXPECT_EQ(found[0].start, 0);
  EXPECT_EQ(found[0].end, 16);  // bytes of the input, ill-formed ones included
  for (const Entity& entity : found) {
    EXPECT_EQ(entity.text, text.substr(entity.start, entity.end - entity.start));
  }
}

TEST(EntityExtractorBadInput, EmojiAndOtherScriptsAreSkipped) {
  auto e = DefaultExtractor();
  EXPECT_THAT(DescribeAll(e->Extract("🎁🎁 for my 👧 6yo 💶 under 40€ 🙏", "en")),
              ElementsAre("age:6 \"6yo\"", "money:under ..40.00 EUR \"under 40€\""));
  EXPECT_THAT(DescribeAll(e->Extract("подарок до 40 евро 礼物 ٤٠", "en")),
              ElementsAre("number:40 \"40\""));
  EXPECT_THAT(e->Extract("🎁🎁🎁", "fr"), IsEmpty());
  EXPECT_THAT(DescribeAll(e->Extract("東京 $12 привет", "en")),
              ElementsAre("money:exact 12.00 USD \"$12\""));
  // Full-width digits fold to ASCII ones.
  EXPECT_THAT(DescribeAll(e->Extract("ｕｎｄｅｒ ４０ ｅｕｒｏｓ", "en")),
              ElementsAre("money:under ..40.00 EUR \"ｕｎｄｅｒ ４０ ｅｕｒｏｓ\""));
}

TEST(EntityExtractor, SaysWhetherTheCurrencyWasStated) {
  auto e = DefaultExtractor("USD");
  std::vector<Entity> found = e->Extract("$20 or a budget under 30", "en");
  ASSERT_EQ(found.size(), 2u);
  EXPECT_TRUE(found[0].money.currency_stated);
  EXPECT_FALSE(found[1].money.currency_stated);
  EXPECT_GT(found[0].confidence, found[1].confidence);
}

TEST(EntityExtractorBadInput, HugeNumbersAreNotAmounts) {
  auto e = DefaultExtractor();
  EXPECT_THAT(e->Extract("$99999999999999999999999", "en"), IsEmpty());
  EXPECT_THAT(DescribeAll(e->Extract("order 113542617735902", "en")),
              ElementsAre("number:113542617735902 \"113542617735902\""));
}

TEST(EntityExtractor, IsSafeAndDeterministicAcrossThreads) {
  auto e = DefaultExtractor();
  const std::vector<std::string> texts = {
      "got anything for my 6yo under 40 quid?", "sotto i 50 euro, per favore",
      "entre 200 et 300 € pour un enfant de 5 ans", "the second one in XL, x2"};
  const std::vector<std::string> langs = {"en", "it", "fr", "en"};
  std::vector<std::vector<std::string>> expected;
  for (size_t i = 0; i < texts.size(); ++i) {
    expected.push_back(DescribeAll(e->Extract(texts[i], langs[i])));
  }
  std::vector<std::thread> threads;
  std::vector<int> mismatches(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < 200; ++round) {
        const size_t i = static_cast<size_t>((t + round) % 4);
        if (DescribeAll(e->Extract(texts[i], langs[i])) != expected[i]) ++mismatches[t];
      }
    });
  }
  for (std::thread& th : threads) th.join();
  for (int m : mismatches) EXPECT_EQ(m, 0);
}

TEST(BudgetKindName, NamesEveryKind) {
  EXPECT_EQ(BudgetKindName(BudgetKind::kExact), "exact");
  EXPECT_EQ(BudgetKindName(BudgetKind::kUnder), "under");
  EXPECT_EQ(BudgetKindName(BudgetKind::kOver), "over");
  EXPECT_EQ(BudgetKindName(BudgetKind::kBetween), "between");
  EXPECT_EQ(BudgetKindName(BudgetKind::kAround), "around");
}

}  // namespace
}  // namespace chatcart
