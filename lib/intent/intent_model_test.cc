// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include <fstream>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include "chatcart/intent.h"
#include "common/testing/data.h"
#include "common/testing/status_matchers.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace chatcart {
namespace {

using ::chatcart::testing::StatusIs;
using ::testing::HasSubstr;

IntentDefinition Intent(std::string name, std::vector<std::string> en,
                        std::vector<std::string> it = {}, std::vector<std::string> fr = {}) {
  IntentDefinition def;
  def.name = std::move(name);
  for (auto& t : en) def.examples.push_back({.text = t, .language = "en", .source = ""});
  for (auto& t : it) def.examples.push_back({.text = t, .language = "it", .source = ""});
  for (auto& t : fr) def.examples.push_back({.text = t, .language = "fr", .source = ""});
  return def;
}

std::vector<IntentDefinition> ShopIntents() {
  return {
      Intent("show_cart",
             {"what's in my cart", "show me my cart", "view basket", "open my shopping cart",
              "what did I put in the cart", "cart contents please"},
             {"cosa c'è nel carrello", "mostrami il carrello", "vedi carrello",
              "apri il mio carrello"},
             {"qu'y a-t-il dans mon panier", "montre-moi mon panier", "voir le panier",
              "ouvrir mon panier"}),
      Intent("track_order",
             {"where is my order", "track my package", "when will my order arrive",
              "has my parcel shipped", "order status please", "tracking number for my order"},
             {"dov'è il mio ordine", "traccia il pacco", "quando arriva il mio ordine",
              "stato del mio ordine"},
             {"où est ma commande", "suivre mon colis", "quand arrive ma commande",
              "statut de ma commande"}),
      Intent("human_agent",
             {"talk to a human", "I want a real person", "connect me to an agent",
              "speak with customer service", "get me a representative", "human please"},
             {"voglio parlare con un operatore", "passami una persona vera", "parlare con un umano",
              "assistenza clienti per favore"},
             {"je veux parler à un conseiller", "un humain s'il vous plaît",
              "parler à une vraie personne", "service client svp"}),
      Intent("greet", {"hello", "hi there", "good morning", "hey", "hiya", "good evening"},
             {"ciao", "buongiorno", "salve", "buonasera"},
             {"bonjour", "salut", "bonsoir", "coucou"}),
      Intent("oos",
             {"what's the weather tomorrow", "tell me a joke", "who won the football game",
              "what is the capital of peru", "how tall is mount everest", "play some music"}),
  };
}

IntentModelOptions WithThreshold(double t) {
  IntentModelOptions o;
  o.oos_threshold = t;
  return o;
}

std::shared_ptr<const IntentModel> Build(std::vector<IntentDefinition> intents,
                                         IntentModelOptions options = {}) {
  absl::StatusOr<std::shared_ptr<const IntentModel>> model = IntentModel::Build(intents, options);
  EXPECT_OK(model);
  return model.ok() ? *model : nullptr;
}

TEST(IntentModel, ClassifiesNewPhrasingsInEachLanguage) {
  auto model = Build(ShopIntents(), WithThreshold(0.0));
  ASSERT_NE(model, nullptr);
  struct Case {
    const char* text;
    const char* intent;
    const char* language;
  } cases[] = {
      {"can you show what is in my cart", "show_cart", "en"},
      {"where's my order now", "track_order", "en"},
      {"I'd like to speak to a person", "human_agent", "en"},
      {"mostrami cosa c'è nel mio carrello", "show_cart", "it"},
      {"quando arriva il mio pacco?", "track_order", "it"},
      {"où est mon colis ?", "track_order", "fr"},
      {"je voudrais parler à un humain", "human_agent", "fr"},
  };
  for (const Case& c : cases) {
    IntentResult r = model->Classify(c.text);
    EXPECT_EQ(r.intent, c.intent) << c.text;
    EXPECT_EQ(r.language, c.language) << c.text;
    EXPECT_EQ(r.source, IntentSource::kClassifier) << c.text;
    EXPECT_FALSE(r.out_of_scope) << c.text;
    ASSERT_FALSE(r.top.empty());
    EXPECT_EQ(r.top[0].intent, c.intent);
    EXPECT_GT(r.confidence, 0.0);
    EXPECT_LE(r.confidence, 1.0);
  }
}

TEST(IntentModel, AnswersOutOfScopeWithTheExplicitClass) {
  auto model = Build(ShopIntents(), WithThreshold(0.0));
  IntentResult r = model->Classify("what's the weather in paris tomorrow");
  EXPECT_TRUE(r.out_of_scope);
  EXPECT_EQ(r.intent, "oos");
}

TEST(IntentModel, TheOutOfScopeIntentIsNeverAmongTheTopAnswers) {
  auto model = Build(ShopIntents(), WithThreshold(0.0));
  for (const char* text : {"what's the weather in paris tomorrow", "show me my cart"}) {
    IntentResult r = model->Classify(text);
    ASSERT_FALSE(r.top.empty()) << text;
    for (const IntentScore& s : r.top) EXPECT_NE(s.intent, "oos") << text;
  }
  // Out of scope because its class outscored every intent, even with no
  // threshold at all: the answer still says the best intent and its
  // (low) confidence.
  IntentResult r = model->Classify("tell me a joke about the weather");
  EXPECT_TRUE(r.out_of_scope);
  EXPECT_EQ(r.intent, "oos");
  EXPECT_EQ(r.confidence, r.top[0].confidence);
}

TEST(IntentModel, KeyboardMashingIsOutOfScope) {
  // Even with no threshold: nothing of it was seen in training.
  auto model = Build(ShopIntents(), WithThreshold(0.0));
  for (const char* text : {"asdfgh qwerty", "zxcv bnm", "lkjh poiu", "jjjjjj kkkk"}) {
    IntentResult r = model->Classify(text);
    EXPECT_TRUE(r.out_of_scope) << text;
    EXPECT_EQ(r.intent, "oos") << text;
    EXPECT_EQ(r.source, IntentSource::kClassifier) << text;
  }
  // Unseen words made of familiar pieces are still understood.
  for (const char* text : {"buonaseraa", "bonjourr", "salutt"}) {
    EXPECT_FALSE(model->Classify(text).out_of_scope) << text;
  }
}

TEST(IntentModel, TheThresholdIsAnOption) {
  auto strict = Build(ShopIntents(), WithThreshold(1.0));
  IntentResult r = strict->Classify("show me my cart");
  EXPECT_TRUE(r.out_of_scope);
  EXPECT_EQ(r.intent, "oos");
  ASSERT_FALSE(r.top.empty());
  EXPECT_EQ(r.top[0].intent, "show_cart");  // still says what it would have been
  EXPECT_EQ(strict->stats().oos_threshold, 1.0);
  // Chosen on folds otherwise: a probability.
  auto chosen = Build(ShopIntents());
  EXPECT_GE(chosen->stats().oos_threshold, 0.0);
  EXPECT_LE(chosen->stats().oos_threshold, 1.0);
  EXPECT_EQ(chosen->stats().folds, 3);
}

TEST(IntentModel, PatternsWinByPriorityAndLanguage) {
  std::vector<IntentDefinition> intents = ShopIntents();
  intents[0].patterns.push_back(
      {.regex = R"(\b(cart|basket)\b)", .language = "en", .priority = 1, .source = "p:1"});
  intents[1].patterns.push_back(
      {.regex = R"(\border\b)", .language = "", .priority = 2, .source = "p:2"});
  intents[2].patterns.push_back(
      {.regex = R"(\boperatore\b)", .language = "it", .priority = 0, .source = "p:3"});
  auto model = Build(intents);
  IntentResult r = model->Classify("is the ORDER in my cart?");
  EXPECT_EQ(r.intent, "track_order");  // priority 2 beats 1
  EXPECT_EQ(r.source, IntentSource::kPattern);
  EXPECT_EQ(r.confidence, 1.0);
  EXPECT_TRUE(r.top.empty());
  EXPECT_EQ(model->Classify("my basket").intent, "show_cart");
  // The Italian pattern applies to Italian text only.
  EXPECT_EQ(model->Classify("voglio un operatore adesso", {.language = "it"}).source,
            IntentSource::kPattern);
  EXPECT_NE(model->Classify("operatore", {.language = "en"}).source, IntentSource::kPattern);
  EXPECT_EQ(model->stats().patterns, 3);
}

TEST(IntentModel, ABadPatternFailsTheBuildNamingFileAndLine) {
  std::vector<IntentDefinition> intents = ShopIntents();
  intents[0].patterns.push_back(
      {.regex = "(cart", .language = "", .priority = 0, .source = "intents.textproto:17"});
  EXPECT_THAT(IntentModel::Build(intents, {}),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("intents.textproto:17: bad pattern /(cart/")));
}

TEST(IntentModel, RejectsBadDefinitionsNamingWhere) {
  std::vector<IntentDefinition> dup = ShopIntents();
  dup[0].source = "a.textproto:3";
  dup.push_back(dup[0]);
  dup.back().source = "b.textproto:9";
  EXPECT_THAT(IntentModel::Build(dup, {}),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("b.textproto:9: intent \"show_cart\" declared twice (first at "
                                 "a.textproto:3)")));
  std::vector<IntentDefinition> lang = ShopIntents();
  lang[1].examples[0].language = "de";
  lang[1].examples[0].source = "x.textproto:5";
  EXPECT_THAT(IntentModel::Build(lang, {}),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("x.textproto:5: unknown language \"de\"")));
  std::vector<IntentDefinition> unnamed = ShopIntents();
  unnamed[2].name = "";
  EXPECT_THAT(
      IntentModel::Build(unnamed, {}),
      StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("intent #3: intent has no name")));
  EXPECT_THAT(IntentModel::Build(ShopIntents(), WithThreshold(1.5)),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("oos_threshold")));
}

TEST(IntentModel, TrainsTheSameBitsEveryTime) {
  auto a = Build(ShopIntents());
  auto b = Build(ShopIntents());
  EXPECT_EQ(a->stats().oos_threshold, b->stats().oos_threshold);
  EXPECT_EQ(a->stats().model_bytes, b->stats().model_bytes);
  for (const char* text : {"show me my cart", "hmm what about a human", "où est ma commande",
                           "random words entirely", "ciao"}) {
    IntentResult ra = a->Classify(text), rb = b->Classify(text);
    EXPECT_EQ(ra.intent, rb.intent) << text;
    EXPECT_EQ(ra.confidence, rb.confidence) << text;  // bit-identical
  }
}

TEST(IntentModel, GivesADefinedResultForBadInput) {
  auto model = Build(ShopIntents());
  // Empty, whitespace, punctuation and emoji only: nothing known.
  for (const char* text : {"", "   ", "?!...", "😀😀👍", "\xFF\xFE\xFD"}) {
    IntentResult r = model->Classify(text);
    EXPECT_TRUE(r.out_of_scope) << text;
    EXPECT_EQ(r.intent, "oos") << text;
    EXPECT_EQ(r.source, IntentSource::kNone) << text;
    EXPECT_FALSE(r.truncated);
  }
  // Ill-formed UTF-8 around real words: replaced, understood.
  EXPECT_EQ(model->Classify("show \xFF me my \xC3 cart", {}).intent,
            model->Classify("show me my cart", {}).intent);
  // Emoji and other scripts around real words.
  EXPECT_EQ(model->Classify("👋 hello 😀").top[0].intent, "greet");
  IntentResult mixed = model->Classify("東京 привет where is my order");
  ASSERT_FALSE(mixed.top.empty());
  EXPECT_EQ(mixed.top[0].intent, "track_order");
  // 100 KB: cut at max_text_chars and flagged.
  std::string big = "where is my order ";
  while (big.size() < 100 * 1024) big += "blah ";
  IntentResult r = model->Classify(big);
  EXPECT_TRUE(r.truncated);
  EXPECT_EQ(r.source, IntentSource::kClassifier);
  IntentModelOptions five;
  five.max_text_chars = 5;
  auto short_model = Build(ShopIntents(), five);
  EXPECT_TRUE(short_model->Classify("hello there").truncated);
  EXPECT_FALSE(short_model->Classify("hello").truncated);
  EXPECT_FALSE(short_model->Classify("héllo").truncated);  // five characters, six bytes
}

TEST(IntentModel, StaysWithTheSessionLanguage) {
  auto model = Build(ShopIntents());
  EXPECT_EQ(model->Classify("ok", {.language = "it"}).language, "it");
  EXPECT_EQ(model->Classify("ok", {.language = "fr"}).language, "fr");
  EXPECT_EQ(model->Classify("ok", {.language = "xx"}).language, "en");
  EXPECT_EQ(model->Classify("je voudrais voir mon panier", {.language = "it"}).language, "fr");
}

TEST(IntentModel, WorksWithPatternsOnlyOrNothing) {
  IntentDefinition only_patterns;
  only_patterns.name = "checkout";
  only_patterns.patterns.push_back(
      {.regex = "check ?out", .language = "", .priority = 0, .source = ""});
  auto model = Build({only_patterns});
  EXPECT_EQ(model->Classify("let's checkout").intent, "checkout");
  IntentResult none = model->Classify("hello");
  EXPECT_TRUE(none.out_of_scope);
  EXPECT_EQ(none.source, IntentSource::kNone);
  auto empty = Build({});
  EXPECT_TRUE(empty->Classify("hello").out_of_scope);
  EXPECT_EQ(empty->stats().intents, 0);
}

TEST(IntentModel, IsSafeToShareAcrossThreads) {
  auto model = Build(ShopIntents());
  const std::vector<std::string> texts = {"show me my cart", "où est ma commande",
                                          "voglio un operatore", "hello", "tell me a joke"};
  std::vector<std::string> expected;
  for (const std::string& t : texts) expected.emplace_back(model->Classify(t).intent);
  std::vector<std::thread> threads;
  std::vector<int> mismatches(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      IntentResult r;
      for (int i = 0; i < 500; ++i) {
        const size_t k = (i + t) % texts.size();
        model->Classify(texts[k], {}, &r);
        if (r.intent != expected[k]) ++mismatches[t];
      }
    });
  }
  for (std::thread& th : threads) th.join();
  EXPECT_EQ(mismatches, std::vector<int>(4, 0));
}

// Bitext customer-support intents: train on train, check dev. The figures
// the issue asks for come from `chatcart eval`; this guards against a broken
// pipeline, not a tuned number.
TEST(IntentModel, LearnsBitextCustomerSupportIntents) {
  CHATCART_REQUIRE_DATA_FILE(train_path, "bitext/train.jsonl");
  CHATCART_REQUIRE_DATA_FILE(dev_path, "bitext/dev.jsonl");
  auto read = [](const std::string& path) {
    std::vector<std::pair<std::string, std::string>> rows;
    std::ifstream in(path);
    std::string line;
    auto field = [](const std::string& l, const std::string& key) {
      const size_t at = l.find("\"" + key + "\": \"");
      if (at == std::string::npos) return std::string();
      const size_t start = at + key.size() + 5;
      std::string out;
      for (size_t i = start; i < l.size() && l[i] != '"'; ++i) {
        if (l[i] == '\\' && i + 1 < l.size()) ++i;
        out += l[i];
      }
      return out;
    };
    while (std::getline(in, line))
      rows.emplace_back(field(line, "utterance"), field(line, "intent"));
    return rows;
  };
  std::map<std::string, IntentDefinition> by_name;
  for (const auto& [text, label] : read(train_path)) {
    by_name[label].name = label;
    by_name[label].examples.push_back({.text = text, .language = "en", .source = ""});
  }
  std::vector<IntentDefinition> intents;
  for (auto& [name, def] : by_name) intents.push_back(def);
  auto model = Build(intents);
  ASSERT_NE(model, nullptr);
  size_t right = 0, total = 0;
  for (const auto& [text, label] : read(dev_path)) {
    right += model->Classify(text).intent == label;
    ++total;
  }
  ASSERT_GT(total, 400u);
  EXPECT_GT(static_cast<double>(right) / total, 0.97);
}

}  // namespace
}  // namespace chatcart
