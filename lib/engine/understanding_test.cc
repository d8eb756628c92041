// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Issue #16 through the engine: the language of a first message with no
// locale hint (the bundle's own words, the primary locale on a tie),
// devices and pair categories a bundle adds (checked at load, file:line),
// an amount in another currency (the store's, with a note, never an error),
// lists reaching slots.
//
// The first-message figures (lib/intent/testdata/first_messages.jsonl, a
// development set since its first run; first_messages2.jsonl, fresh) are
// printed; the floors sit just below them.

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "chatcart/engine.h"
#include "chatcart/entities.h"
#include "chatcart/session.h"
#include "common/testing/data.h"
#include "common/testing/status_matchers.h"
#include "engine/demo_testing.h"
#include "engine/shopper_testing.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace chatcart {
namespace {

using ::chatcart::testing::CopyOfDemo;
using ::chatcart::testing::ReadText;
using ::chatcart::testing::Say;
using ::chatcart::testing::ShownIds;
using ::chatcart::testing::StatusIs;
using ::chatcart::testing::StoreEngine;
using ::testing::HasSubstr;

// A copy of the demo bundle whose bundle.textproto has `from` replaced by
// `to` and `extra` appended.
std::string DemoCopy(const std::string& name, const std::string& from, const std::string& to,
                     const std::string& extra = "") {
  const std::filesystem::path dir = CopyOfDemo(name);
  std::string bundle = ReadText(dir / "bundle.textproto");
  if (!from.empty()) {
    const size_t at = bundle.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    if (at != std::string::npos) bundle.replace(at, from.size(), to);
  }
  std::ofstream(dir / "bundle.textproto") << bundle << "\n" << extra << "\n";
  return dir.string();
}

// The engine of the bundle in `dir` (a copy), or null after a test failure.
std::shared_ptr<const Engine> Load(const std::string& dir) {
  absl::StatusOr<std::shared_ptr<const Engine>> e = Engine::Create(dir);
  EXPECT_TRUE(e.ok()) << e.status();
  return e.ok() ? *e : nullptr;
}

struct FirstMessage {
  std::string text;
  std::string language;
};

std::vector<FirstMessage> FirstMessages(const std::string& file) {
  std::ifstream in(chatcart::testing::SourceDir() + "/lib/intent/testdata/" + file);
  std::vector<FirstMessage> rows;
  std::string line;
  auto field = [](const std::string& l, const std::string& key) {
    const size_t at = l.find("\"" + key + "\": \"");
    std::string out;
    if (at == std::string::npos) return out;
    for (size_t i = at + key.size() + 5; i < l.size() && l[i] != '"'; ++i) {
      if (l[i] == '\\') ++i;
      out += l[i];
    }
    return out;
  };
  while (std::getline(in, line)) rows.push_back({field(line, "text"), field(line, "lang")});
  return rows;
}

// The share of first messages whose session starts in the right language,
// per language written.
std::map<std::string, double> FirstMessageAccuracy(const Engine& engine, const char* name,
                                                   const std::string& file) {
  std::map<std::string, int> right, total;
  std::string misses;
  for (const FirstMessage& m : FirstMessages(file)) {
    std::unique_ptr<Session> session = engine.NewSession("s", 1);
    const v1::TurnResult r = Say(*session, m.text);
    ++total[m.language];
    if (r.language() == m.language) {
      ++right[m.language];
    } else {
      misses += "  " + m.text + " (" + m.language + "): " + r.language() + "\n";
    }
  }
  std::map<std::string, double> accuracy;
  std::printf("%s, %s:", file.c_str(), name);
  for (const auto& [language, n] : total) {
    accuracy[language] = static_cast<double>(right[language]) / n;
    std::printf(" %s %d/%d", language.c_str(), right[language], n);
  }
  std::printf("\n%s", misses.c_str());
  return accuracy;
}

TEST(FirstMessage, StartsInTheLanguageItsWordsSay) {
  // The demo speaks English first; the same bundle with Italian or French
  // first (only the locale order changes).
  auto english_first = StoreEngine("demo");
  auto italian_first = Load(DemoCopy("italian_first", "locale: \"en\"\n  locale: \"it\"",
                                     "locale: \"it\"\n  locale: \"en\""));
  auto french_first =
      Load(DemoCopy("french_first", "locale: \"en\"\n  locale: \"it\"\n  locale: \"fr\"",
                    "locale: \"fr\"\n  locale: \"it\"\n  locale: \"en\""));
  ASSERT_TRUE(english_first && italian_first && french_first);
  for (const auto& [engine, name] :
       {std::pair{english_first.get(), "en first"}, std::pair{italian_first.get(), "it first"},
        std::pair{french_first.get(), "fr first"}}) {
    std::map<std::string, double> a = FirstMessageAccuracy(*engine, name, "first_messages.jsonl");
    EXPECT_GE(a["it"], 0.85) << name;
    EXPECT_GE(a["fr"], 0.85) << name;
    EXPECT_GE(a["en"], 0.85) << name;
    // Fresh set 2, first run: en-first store en 15/15 fr 13/15 it 14/15;
    // it-first en 12/15 fr 13/15 it 15/15; fr-first en 12/15 fr 14/15 it 14/15.
    std::map<std::string, double> fresh =
        FirstMessageAccuracy(*engine, name, "first_messages2.jsonl");
    EXPECT_GE(fresh["it"], 0.9) << name;
    EXPECT_GE(fresh["fr"], 0.85) << name;
    EXPECT_GE(fresh["en"], 0.75) << name;
  }
  // The sentence, in the Italian-first store and the demo.
  for (const auto& engine : {italian_first, english_first}) {
    auto session = engine->NewSession("s", 1);
    EXPECT_EQ(Say(*session, "mocassini donna 38 neri max 150").language(), "it");
  }
  // Nothing either way: the primary locale.
  for (const auto& [engine, want] : {std::pair{english_first, "en"}, std::pair{italian_first, "it"},
                                     std::pair{french_first, "fr"}}) {
    auto session = engine->NewSession("s", 1);
    EXPECT_EQ(Say(*session, "38 max 150").language(), want);
  }
}

TEST(BundleDevices, AreReadAndCheckedWithTheirLine) {
  auto engine = Load(DemoCopy("devices", "", "",
                              "understanding {\n"
                              "  device { name: \"Fairphone\" compatibility: \"android\" }\n"
                              "  device { name: \"telefonino\" compatibility: \"android\" "
                              "language: \"it\" }\n"
                              "}"));
  ASSERT_NE(engine, nullptr);
  std::vector<Entity> found =
      engine->entity_extractor()->Extract("I have a Fairphone 4 and an iPhone", "en");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].value, "android,iphone");
  EXPECT_EQ(found[0].text, "Fairphone 4 and an iPhone");
  EXPECT_EQ(engine->entity_extractor()->Extract("il mio telefonino", "it").size(), 1u);
  EXPECT_TRUE(engine->entity_extractor()->Extract("my telefonino", "en").empty());

  for (const auto& [bad, says] :
       {std::pair{"understanding { device { name: \"Kindle\" compatibility: \"kindle\" } }",
                  "no product is compatible with \"kindle\" (the catalog's values: "},
        std::pair{"understanding { device { name: \"   \" compatibility: \"android\" } }",
                  "understanding.device.name"},
        std::pair{"understanding { device { name: \"Fairphone\" } }", "compatibility is required"},
        std::pair{"understanding {\n  device { name: \"Fairphone\" compatibility: \"android\" "
                  "language: \"de\" }\n}",
                  "unknown language \"de\""},
        std::pair{"understanding { pair_category: \"Socks\" }",
                  "understanding.pair_category: \"Socks\" is no category of the catalog"}}) {
    absl::StatusOr<std::shared_ptr<const Engine>> e =
        Engine::Create(DemoCopy("bad_devices", "", "", bad));
    EXPECT_THAT(e, StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr(says))) << bad;
    EXPECT_THAT(e, StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("bundle.textproto:")))
        << bad;
  }
}

TEST(BundlePairs, APairOfAPairCategoryIsOneItem) {
  auto engine = Load(DemoCopy("pairs", "", "", "understanding { pair_category: \"Audio\" }"));
  ASSERT_NE(engine, nullptr);
  std::vector<Entity> found = engine->entity_extractor()->Extract("a pair of audio", "en");
  ASSERT_FALSE(found.empty());
  EXPECT_EQ(found[0].type, "quantity");
  EXPECT_EQ(found[0].number, 1);
}

TEST(ForeignCurrency, IsTheStoresWithANoteNeverAnError) {
  auto engine = StoreEngine("demo");
  ASSERT_NE(engine, nullptr);
  auto session = engine->NewSession("s", 1);
  v1::TurnResult r = Say(*session, "a gift for my 6 year old under 30 bucks");
  ASSERT_GT(r.replies_size(), 0);
  EXPECT_EQ(r.replies(0).template_id(), "chatcart.currency_assumed");
  EXPECT_EQ(r.replies(0).text(), "I've read $30.00 as €30.00, the currency we sell in.");
  for (const v1::Reply& reply : r.replies()) {
    EXPECT_NE(reply.template_id(), "chatcart.failed") << reply.text();
  }
  // The next turn works on the same budget.
  r = Say(*session, "he likes science");
  for (const v1::Reply& reply : r.replies()) {
    EXPECT_NE(reply.template_id(), "chatcart.failed") << reply.text();
    EXPECT_THAT(reply.text(), ::testing::Not(HasSubstr("USD"))) << reply.text();
  }
}

TEST(Lists, ReachTheCompatibilitySlotWhole) {
  auto engine = StoreEngine("demo");
  ASSERT_NE(engine, nullptr);
  auto session = engine->NewSession("s", 1);
  v1::TurnResult r = Say(
      *session, "I have a HTC Windows 8 phone. My wife has an iPhone5. We want to print photos");
  bool traced_both = false;
  for (const v1::TraceEntity& e : r.trace().entities()) {
    traced_both = traced_both || (e.type() == "compatibility" && e.text() == "HTC Windows 8 phone");
  }
  EXPECT_TRUE(traced_both) << r.DebugString();
}

// Intents as turns read them (catalog mentions masked), on the demo's
// Italian and French test sets and the product-laden sets (#16).
double IntentAccuracy(const Engine& engine, const std::string& file) {
  std::ifstream in(chatcart::testing::SourceDir() + "/lib/intent/testdata/" + file);
  auto field = [](const std::string& l, const std::string& key) {
    const size_t at = l.find("\"" + key + "\": \"");
    std::string out;
    if (at == std::string::npos) return out;
    for (size_t i = at + key.size() + 5; i < l.size() && l[i] != '"'; ++i) {
      if (l[i] == '\\') ++i;
      out += l[i];
    }
    return out;
  };
  std::string line, misses;
  int right = 0, total = 0;
  while (std::getline(in, line)) {
    const std::string text = field(line, "text"), want = field(line, "intent");
    const IntentResult r = engine.ClassifyTurn(text, field(line, "lang"));
    ++total;
    if (r.intent == want) {
      ++right;
    } else {
      misses += "  " + text + ": " + std::string(r.intent) + " (want " + want + ")\n";
    }
  }
  std::printf("%s: %d/%d = %.2f %%\n%s", file.c_str(), right, total,
              total == 0 ? 0.0 : 100.0 * right / total, misses.c_str());
  return total == 0 ? 0 : static_cast<double>(right) / total;
}

TEST(Intents, ProductLadenRequestsKeepTheirIntent) {
  auto engine = StoreEngine("demo");
  ASSERT_NE(engine, nullptr);
  EXPECT_GE(IntentAccuracy(*engine, "demo_it.jsonl"), 0.85);
  EXPECT_GE(IntentAccuracy(*engine, "demo_fr.jsonl"), 0.8);
  // Development sets since their first run (72.8 / 71.6 / 71.6 %, main's
  // classifier before #16).
  EXPECT_GE(IntentAccuracy(*engine, "products_en.jsonl"), 0.9);
  EXPECT_GE(IntentAccuracy(*engine, "products_it.jsonl"), 0.9);
  EXPECT_GE(IntentAccuracy(*engine, "products_fr.jsonl"), 0.9);
  // Fresh sets 2, written after the fixes: floors just below their first
  // run (en 31/36, it 29/36, fr 31/36).
  EXPECT_GE(IntentAccuracy(*engine, "products2_en.jsonl"), 0.85);
  EXPECT_GE(IntentAccuracy(*engine, "products2_it.jsonl"), 0.8);
  EXPECT_GE(IntentAccuracy(*engine, "products2_fr.jsonl"), 0.85);
}

// A classifier guess no word of the text supports is not acted on: "mets-le
// moi" after gift ideas is no request to be forgotten.
TEST(Intents, AGuessNoWordSupportsStartsNothing) {
  auto engine = StoreEngine("demo");
  ASSERT_NE(engine, nullptr);
  std::unique_ptr<Session> session = engine->NewSession("fr-1", 1);
  Say(*session, "cadeau pour mon filleul de 11 ans, il aime la robotique, 35 € max");
  const v1::TurnResult r = Say(*session, "parfait, mets-le moi");
  for (const v1::HostActionRequest& action : r.host_actions()) {
    EXPECT_NE(action.kind(), "forget_shopper");
  }
  EXPECT_NE(r.trace().intent(), "forget_me");
  // Said in its own words, it is heard.
  std::unique_ptr<Session> other = engine->NewSession("fr-2", 2);
  const v1::TurnResult forget = Say(*other, "oublie tout de moi s'il te plaît");
  bool forgot = false;
  for (const v1::HostActionRequest& action : forget.host_actions()) {
    forgot |= action.kind() == "forget_shopper";
  }
  EXPECT_TRUE(forgot);
}

// "How big are the stickers?" among printers that print no stickers: the
// printer of the same category whose description says it, its clause whole
// ("5x7.6" is no sentence end), and it is the one in focus after.
TEST(Questions, AProductNearTheOnesShownAnswersWhatNoneOfThemSays) {
  auto engine = StoreEngine("demo");
  ASSERT_NE(engine, nullptr);
  std::unique_ptr<Session> session = engine->NewSession("en-1", 1);
  Say(*session, "i want to print photos from my iphone");
  const v1::TurnResult r = Say(*session, "how big are the stickers?");
  ASSERT_GE(r.replies_size(), 1);
  EXPECT_THAT(r.replies(0).text(), HasSubstr("Pixio Snap"));
  EXPECT_THAT(r.replies(0).text(), HasSubstr("5x7.6 stickers"));
  const v1::TurnResult add = Say(*session, "ok I'll take that one");
  ASSERT_NE(session->cart(), nullptr);
  ASSERT_EQ(session->cart()->state().lines.size(), 1u);
  EXPECT_EQ(session->cart()->state().lines[0].product_id, "pr-snap");
}

// A search flow an intent starts would ask first ("how much would you like
// to spend?"); the product the words name is shown with the question.
TEST(Questions, AProductNamedInARequestIsShownWithTheFirstQuestion) {
  auto engine = StoreEngine("demo");
  ASSERT_NE(engine, nullptr);
  std::unique_ptr<Session> session = engine->NewSession("fr-casque", 1);
  const v1::TurnResult r = Say(*session, "casque audio pour mon fils de 7 ans");
  const std::vector<std::string> shown = ShownIds(r);
  EXPECT_THAT(shown, ::testing::Contains("aud-kids"));
  ASSERT_GE(r.replies_size(), 2);
  EXPECT_FALSE(r.replies(r.replies_size() - 1).text().empty());  // the question still asked
}

// "En stock ?" asks whether a product is in stock, not for the attribute
// whose label starts like it ("Stockage").
TEST(Questions, InStockIsAvailabilityNotStorage) {
  auto engine = StoreEngine("demo");
  ASSERT_NE(engine, nullptr);
  std::unique_ptr<Session> session = engine->NewSession("fr-stock", 1);
  const v1::TurnResult r = Say(*session, "bonjour, vous avez le robot coccinelle en stock ?");
  ASSERT_GE(r.replies_size(), 1);
  EXPECT_THAT(r.replies(0).text(), ::testing::Not(HasSubstr("Stockage")));
  EXPECT_THAT(r.replies(0).text(), HasSubstr("Ladybug"));
}

}  // namespace
}  // namespace chatcart
