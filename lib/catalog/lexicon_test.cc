// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include <chrono>
#include <iterator>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "catalog/test_catalog.h"
#include "chatcart/catalog.h"
#include "chatcart/v1/catalog_mapping.pb.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace chatcart {
namespace {

constexpr char kRows[] =
    R"({"id": "ssd1", "name": "Samsung 990 Pro", "brand": "Samsung", "specs": {"gb": 1000}})"
    "\n"
    R"({"id": "ssd2", "name": "Samsung 990 Pro", "brand": "Samsung", "specs": {"gb": 2000}})"
    "\n"
    R"({"id": "ssd3", "name": "Samsung 990 Pro with Heatsink", "brand": "Samsung", "specs": {"gb": 2000}})"
    "\n"
    R"({"id": "ssd4", "name": "Samsung 980 Pro", "brand": "Samsung", "specs": {"gb": 2000}})"
    "\n"
    R"({"id": "ph1", "name": "Apple iPhone 5 16GB", "brand": "Apple"})"
    "\n"
    R"({"id": "ph2", "name": "Apple iPhone 15 Pro", "brand": "Apple"})"
    "\n"
    R"({"id": "gpu", "name": "MSI GeForce RTX3060 Ventus", "brand": "MSI"})"
    "\n"
    R"({"id": "mouse", "name": "Logitech G502 HERO Wireless Gaming Mouse", "brand": "Logitech"})"
    "\n"
    R"({"id": "wifi", "name": "TP-Link Wi-Fi 6 Adapter", "brand": "TP-Link"})"
    "\n"
    "{\"id\": \"lrm\", \"name\": \"\xE2\x80\x8E"
    "Corsair RM850x\", \"brand\": \"Corsair\"}"
    "\n"
    R"({"id": "kbd", "name": "Keychron Q1 Mechanical Keyboard", "brand": "Keychron"})"
    "\n";

class FindByName : public ::testing::Test {
 protected:
  void SetUp() override {
    absl::StatusOr<std::shared_ptr<const Catalog>> c =
        Catalog::FromJsonlText(kRows, "lex.jsonl", ::chatcart::testing::TestMapping());
    ASSERT_TRUE(c.ok()) << c.status();
    catalog_ = *c;
  }
  // Ids of the matches, best first.
  std::vector<std::string> Ids(std::string_view query, int limit = 3) {
    FindOptions options;
    options.limit = limit;
    std::vector<std::string> ids;
    for (const NameMatch& m : catalog_->FindByName(query, options))
      ids.emplace_back(catalog_->id(m.product));
    return ids;
  }
  std::string Top(std::string_view query) {
    std::vector<std::string> ids = Ids(query, 1);
    return ids.empty() ? "" : ids[0];
  }
  std::shared_ptr<const Catalog> catalog_;
};

TEST_F(FindByName, AnExactNameScoresOne) {
  std::vector<NameMatch> m = catalog_->FindByName("Samsung 990 Pro");
  ASSERT_FALSE(m.empty());
  EXPECT_DOUBLE_EQ(m[0].score, 1.0);
  EXPECT_EQ(catalog_->product_name(m[0].product), "Samsung 990 Pro");
  // The longer name that contains every word ranks below the exact ones.
  std::vector<std::string> ids = Ids("samsung 990 pro", 4);
  EXPECT_THAT(ids, ::testing::ElementsAre("ssd1", "ssd2", "ssd3", "ssd4"));
}

TEST_F(FindByName, OnePerVariantGroupKeepsTheBestOfEach) {
  FindOptions options;
  options.limit = 4;
  options.one_per_variant_group = true;
  std::vector<std::string> ids;
  for (const NameMatch& m : catalog_->FindByName("samsung 990 pro 2tb", options)) {
    ids.emplace_back(catalog_->id(m.product));
  }
  // ssd1 and ssd2 are one group ("Samsung 990 Pro"): only the 2 TB one stays.
  EXPECT_THAT(ids, ::testing::ElementsAre("ssd2", "ssd3", "ssd4"));
}

TEST_F(FindByName, AVariantValuePicksTheVariant) {
  EXPECT_EQ(Top("samsung 990 pro 2tb"), "ssd2");
  EXPECT_EQ(Top("990 pro 1 tb"), "ssd1");
  EXPECT_EQ(Top("990 pro 1000gb"), "ssd1");
}

struct Lookup {
  const char* query;
  const char* top;
};

class FindByNameTable : public FindByName, public ::testing::WithParamInterface<Lookup> {};

TEST_P(FindByNameTable, RanksTheIntendedProductFirst) {
  EXPECT_EQ(Top(GetParam().query), GetParam().top) << "query: " << GetParam().query;
}

INSTANTIATE_TEST_SUITE_P(
    Table, FindByNameTable,
    ::testing::Values(Lookup{"iphone5", "ph1"},  // glued number
                      Lookup{"iPhone 5", "ph1"}, Lookup{"iphone 15 pro", "ph2"},
                      Lookup{"rtx 3060", "gpu"},  // split alphanumeric in the name
                      Lookup{"rtx3060", "gpu"}, Lookup{"logitec g502", "mouse"},  // one typo
                      Lookup{"logitech mosue", "mouse"},                          // a transposition
                      Lookup{"wireles gaming mouse", "mouse"},                    // a deletion
                      Lookup{"keychron mechanicla keybaord", "kbd"},  // two typos in long words
                      Lookup{"wifi adapter", "wifi"},                 // "Wi-Fi" joined
                      Lookup{"corsair rm850x", "lrm"},  // U+200E in the name is ignored
                      Lookup{"CORSAIR", "lrm"},         // a brand
                      Lookup{"Samsung 980", "ssd4"},
                      Lookup{"keych", "kbd"}));  // an unfinished last word

TEST_F(FindByName, NumbersAreNeverFuzzy) {
  // 3070 is one edit from 3060, but a different card: it counts as an unknown
  // word, exactly like "zzzz".
  std::vector<NameMatch> number = catalog_->FindByName("rtx 3070");
  std::vector<NameMatch> unknown = catalog_->FindByName("rtx zzzz");
  ASSERT_FALSE(number.empty());
  ASSERT_FALSE(unknown.empty());
  EXPECT_EQ(number[0].score, unknown[0].score);
  EXPECT_LT(number[0].score, catalog_->FindByName("rtx 3060")[0].score);
}

TEST_F(FindByName, VeryLongWordsAreLookedUpExactlyOnly) {
  // A 2,000-letter word once took 11 s of typo search; past 40 letters a word
  // is matched exactly or not at all (and the query still answers).
  std::string long_word(2000, 'a');
  EXPECT_TRUE(catalog_->FindByName(long_word).empty());
  std::vector<NameMatch> with_name = catalog_->FindByName("keychron " + long_word);
  ASSERT_FALSE(with_name.empty());
  EXPECT_LT(with_name[0].score, catalog_->FindByName("keychron")[0].score);
}

// "Mechanical keyboards" names the keyboard as well as "mechanical keyboard"
// does: a plural is the word, not a typo of it.
TEST_F(FindByName, APluralScoresAsTheWord) {
  std::vector<NameMatch> singular = catalog_->FindByName("mechanical keyboard");
  std::vector<NameMatch> plural = catalog_->FindByName("mechanical keyboards");
  ASSERT_FALSE(singular.empty());
  ASSERT_FALSE(plural.empty());
  EXPECT_EQ(catalog_->id(plural[0].product), "kbd");
  EXPECT_DOUBLE_EQ(plural[0].score, singular[0].score);
  // A typo still costs: "keybord" is below the plural.
  std::vector<NameMatch> typo = catalog_->FindByName("mechanical keybord");
  ASSERT_FALSE(typo.empty());
  EXPECT_LT(typo[0].score, plural[0].score);
}

TEST_F(FindByName, UnknownWordsLowerTheScore) {
  std::vector<NameMatch> exact = catalog_->FindByName("keychron q1");
  std::vector<NameMatch> noisy = catalog_->FindByName("keychron q1 zzzz qqqq");
  ASSERT_FALSE(exact.empty());
  ASSERT_FALSE(noisy.empty());
  EXPECT_LT(noisy[0].score, exact[0].score);
}

TEST_F(FindByName, RespectsLimitAndMinScore) {
  FindOptions options;
  options.limit = 2;
  EXPECT_EQ(catalog_->FindByName("samsung", options).size(), 2u);
  options.limit = 10;
  options.min_score = 0.99;
  for (const NameMatch& m : catalog_->FindByName("samsung pro", options)) EXPECT_GE(m.score, 0.99);
  EXPECT_TRUE(catalog_->FindByName("zzzz qqqq").empty());
  EXPECT_TRUE(catalog_->FindByName("").empty());
  EXPECT_TRUE(catalog_->FindByName("  ,;. ").empty());
}

TEST_F(FindByName, ScoresAreBetweenZeroAndOneAndSorted) {
  for (const char* q : {"samsung", "pro", "apple iphone", "msi rtx", "g502 wireless"}) {
    FindOptions options;
    options.min_score = 0;
    std::vector<NameMatch> m = catalog_->FindByName(q, options);
    for (size_t k = 0; k < m.size(); ++k) {
      EXPECT_GT(m[k].score, 0);
      EXPECT_LE(m[k].score, 1.0);
      if (k > 0) {
        EXPECT_GE(m[k - 1].score, m[k].score);
      }
    }
  }
}

// Issue #22: two inputs took time growing with the square of their size. The
// bounds below are generous smoke checks (any build, a loaded machine); the
// timings belong to bench/ and docs/RELIABILITY.md.
TEST(FindByNameLimits, Issue22ANameOfOne160000LetterWordBuildsInLinearTime) {
  std::mt19937_64 rng(22);
  std::string word;
  for (int i = 0; i < 160'000; ++i) word.push_back(static_cast<char>('a' + rng() % 26));
  const std::string rows =
      std::string(kRows) + R"({"id": "long", "name": ")" + word + R"(", "brand": "Acme"})" + "\n";
  const auto start = std::chrono::steady_clock::now();
  absl::StatusOr<std::shared_ptr<const Catalog>> catalog =
      Catalog::FromJsonlText(rows, "long.jsonl", ::chatcart::testing::TestMapping());
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  ASSERT_TRUE(catalog.ok()) << catalog.status();
  EXPECT_LT(seconds, 10.0);
  // Found exactly, never by a typo; the other products keep their typos.
  std::vector<NameMatch> found = (*catalog)->FindByName(word);
  ASSERT_FALSE(found.empty());
  EXPECT_EQ((*catalog)->id(found[0].product), "long");
  ASSERT_FALSE((*catalog)->FindByName("keychrom").empty());
}

TEST(FindByNameLimits, Issue22AFourMegabyteQueryAnswersInLinearTime) {
  absl::StatusOr<std::shared_ptr<const Catalog>> catalog =
      Catalog::FromJsonlText(kRows, "lex.jsonl", ::chatcart::testing::TestMapping());
  ASSERT_TRUE(catalog.ok()) << catalog.status();
  // Words of the catalog, typos of them and unknown words, in random order.
  static const char* kWords[] = {"samsung",    "pro",      "apple",  "iphone",  "keychron",
                                 "mechanical", "keybaord", "mouse",  "wireles", "heatsink",
                                 "corsair",    "geforce",  "ventus", "zzzz",    "adapter"};
  std::mt19937_64 rng(22);
  std::string query;
  // 4 MB: in quadratic time (a 1 MB query took 3.8 s) this takes minutes.
  while (query.size() < (4 << 20)) {
    query += kWords[rng() % std::size(kWords)];
    query += ' ';
  }
  FindOptions options;
  options.min_score = 0;  // every word is scanned: the worst case
  const auto start = std::chrono::steady_clock::now();
  std::vector<NameMatch> found = (*catalog)->FindByName(query, options);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_LT(seconds, 10.0);
  EXPECT_FALSE(found.empty());
}

}  // namespace
}  // namespace chatcart
