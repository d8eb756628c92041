// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// The demo bundle's intents (examples/bundles/demo/intents, en/it/fr) trained
// as the engine trains them, scored on our own Italian and French test sets
// (lib/intent/testdata/demo_{it,fr}.jsonl: utterances written for this test,
// none a copy of a training example). The figures are reported by
// `chatcart eval`; this guards the pipeline against regressions.

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "chatcart/intent.h"
#include "common/testing/data.h"
#include "gtest/gtest.h"

namespace chatcart {
namespace {

std::string ReadFile(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<IntentDefinition> DemoIntents() {
  std::vector<IntentDefinition> intents;
  for (const char* lang : {"en", "it", "fr"}) {
    const std::string path =
        testing::SourceDir() + "/examples/bundles/demo/intents/" + lang + ".textproto";
    EXPECT_TRUE(ReadIntentSet(path, ReadFile(path), &intents).ok()) << path;
  }
  return intents;
}

// The share of a test set's utterances classified as labelled.
double Accuracy(const IntentModel& model, const std::string& file, const char* lang) {
  std::ifstream in(testing::SourceDir() + "/lib/intent/testdata/" + file);
  std::string line;
  size_t right = 0, total = 0;
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
  while (std::getline(in, line)) {
    const IntentResult r = model.Classify(field(line, "text"), {.language = lang});
    right += r.intent == field(line, "intent");
    ++total;
  }
  EXPECT_GT(total, 150u) << file;
  return total == 0 ? 0 : static_cast<double>(right) / total;
}

TEST(DemoBundle, UnderstandsOurItalianAndFrenchTestSets) {
  absl::StatusOr<std::shared_ptr<const IntentModel>> model =
      IntentModel::Build(DemoIntents(), IntentModelOptions());
  ASSERT_TRUE(model.ok()) << model.status();
  EXPECT_EQ((*model)->stats().intents, 24);
  EXPECT_GT(Accuracy(**model, "demo_it.jsonl", "it"), 0.8);
  EXPECT_GT(Accuracy(**model, "demo_fr.jsonl", "fr"), 0.8);
}

// The classifier hears "mets-le moi" as forget_me through the letters of
// "oublie-moi"; no word of it is one of forget_me's own. Typos of a word an
// intent owns still count, and a pattern hit always has support.
TEST(DemoBundle, WordSupportSaysWhetherTheTextsWordsAreTheIntents) {
  absl::StatusOr<std::shared_ptr<const IntentModel>> model =
      IntentModel::Build(DemoIntents(), IntentModelOptions());
  ASSERT_TRUE(model.ok()) << model.status();
  struct Row {
    const char* text;
    const char* language;
    bool supported;
  };
  for (const Row& row :
       {Row{"parfait, mets-le moi", "fr", false}, Row{"vous répondez le samedi ?", "fr", false},
        Row{"oublie-moi", "fr", true}, Row{"ajoute-le au panier", "fr", true},
        Row{"show me my cart", "en", true}, Row{"show me my cartt", "en", true},
        Row{"mostrami il carrello", "it", true}}) {
    const IntentResult r = (*model)->Classify(row.text, {.language = row.language});
    EXPECT_EQ(r.word_support, row.supported)
        << row.text << " -> " << r.intent << " (" << r.confidence << ")";
  }
}

}  // namespace
}  // namespace chatcart
