// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "text/stem.h"

#include <string>
#include <thread>
#include <vector>

#include "gtest/gtest.h"
#include "text/language.h"

namespace chatcart::text {
namespace {

TEST(Stemmer, StemsEachLanguageWithItsOwnAlgorithm) {
  Stemmer en(Language::kEnglish);
  EXPECT_EQ(en.Stem("ordering"), "order");
  EXPECT_EQ(en.Stem("orders"), "order");
  EXPECT_EQ(en.Stem("shoes"), "shoe");
  Stemmer it(Language::kItalian);
  EXPECT_EQ(it.Stem("scarpe"), it.Stem("scarpa"));
  EXPECT_EQ(it.Stem("ordini"), it.Stem("ordine"));
  Stemmer fr(Language::kFrench);
  EXPECT_EQ(fr.Stem("chaussures"), fr.Stem("chaussure"));
  EXPECT_EQ(fr.Stem("commandes"), fr.Stem("commande"));
  EXPECT_EQ(en.Stem("running"), "run");
  EXPECT_EQ(fr.Stem("running"), "running");
}

TEST(Stemmer, PassesOverlongAndEmptyWordsThrough) {
  Stemmer en(Language::kEnglish);
  EXPECT_EQ(en.Stem(""), "");
  const std::string id(100, 'x');
  EXPECT_EQ(en.Stem(id), id);
}

TEST(Stemmer, SurvivesIllFormedBytes) {
  Stemmer fr(Language::kFrench);
  const std::string bad = "\xFF\xFEmangé\xC3";
  const std::string once(fr.Stem(bad));
  // Something of the word comes back, never more than it, the same each
  // time, and the stemmer still stems well-formed words afterwards.
  EXPECT_FALSE(once.empty());
  EXPECT_LE(once.size(), bad.size());
  EXPECT_EQ(fr.Stem(bad), once);
  EXPECT_EQ(fr.Stem("mangées"), fr.Stem("mangé"));
  EXPECT_EQ(fr.Stem("commandes"), "command");
}

TEST(Stemmer, MovesOwnership) {
  Stemmer a(Language::kFrench);
  Stemmer b = std::move(a);
  EXPECT_EQ(b.language(), Language::kFrench);
  EXPECT_EQ(b.Stem("commandes"), "command");
}

TEST(ThreadLocalStemmer, GivesEachThreadItsOwn) {
  std::vector<std::thread> threads;
  std::vector<std::string> results(4);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([t, &results] {
      std::string last;
      for (int i = 0; i < 2000; ++i) {
        last = std::string(ThreadLocalStemmer(Language::kEnglish)
                               .Stem((t % 2 == 0) ? "recommendations" : "cancelled"));
      }
      results[t] = last;
    });
  }
  for (std::thread& th : threads) th.join();
  EXPECT_EQ(results[0], "recommend");
  EXPECT_EQ(results[1], "cancel");
  EXPECT_EQ(results[2], "recommend");
  EXPECT_EQ(results[3], "cancel");
  EXPECT_EQ(&ThreadLocalStemmer(Language::kItalian), &ThreadLocalStemmer(Language::kItalian));
}

}  // namespace
}  // namespace chatcart::text
