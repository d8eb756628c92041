// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// The entity evaluation sets (testdata/{en,it,fr}.jsonl, written for the
// demo store's domain, see testdata/make_eval.py): precision, recall and F1
// per entity type, an entity counting as right only when its type, value and
// span text all match. Prints the figures; fails below a floor (overall F1,
// and precision and recall of each type with enough examples) so a
// regression shows.
//
// {en,it,fr}.jsonl were written while the recognizers were tuned: a
// development set, its figures an upper bound on unseen text.
// {en,it,fr}_fresh.jsonl were labelled before the extractor ran on them and
// not tuned on since; they are small (80 utterances) and written by the
// same team in the same domain, so their figures are optimistic too.
// {en,it,fr}_fresh2.jsonl (300 utterances, make_eval_fresh2.py) were
// labelled by hand before the extractor ran on them; their first run
// measured F1 en 0.908, it 0.933, fr 0.942, and the general fixes those
// misses pointed to raised that (see the floors below). The misses left are
// in the set on purpose. {en,it,fr}_fresh3.jsonl (273 utterances,
// make_eval_fresh3.py), written for generality (new budget, number, size,
// age and compatibility forms, times, dates and phone numbers that are no
// numbers), labelled the same way: first run F1 en 0.856, it 0.907, fr 0.895.
//
//   build/tests/entities_test --gtest_filter='Entities/EntityEval*'

#include <cstdio>
#include <map>
#include <ostream>
#include <string>
#include <vector>

#include "common/testing/data.h"
#include "entities/test_util.h"
#include "gtest/gtest.h"
#include "simdjson.h"

namespace chatcart::entities {
namespace {

using ::chatcart::entities::testing::DemoCatalog;
using ::chatcart::entities::testing::DescribeAll;

// A set and its floors: overall F1, and, per type with at least kMinSupport
// expected entities, precision and recall.
struct EvalSet {
  const char* name;  // testdata/<name>.jsonl
  const char* language;
  int min_rows;
  double min_f1;
  double min_type_precision;
  double min_type_recall;
};

void PrintTo(const EvalSet& set, std::ostream* os) { *os << set.name; }

constexpr int kMinSupport = 4;

struct Counts {
  int tp = 0, fp = 0, fn = 0;
  double Precision() const { return tp + fp == 0 ? 1 : static_cast<double>(tp) / (tp + fp); }
  double Recall() const { return tp + fn == 0 ? 1 : static_cast<double>(tp) / (tp + fn); }
  double F1() const {
    const double p = Precision(), r = Recall();
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }
};

std::shared_ptr<const EntityExtractor> StoreExtractor() {
  EntityExtractorOptions options;
  options.currency = "EUR";
  auto add = [&](const char* phrase, const char* value, const char* language) {
    options.categories.push_back({.phrase = phrase, .value = value, .language = language});
  };
  add("photo printer", "Photo Printers", "en");
  add("printer", "Printers", "en");
  add("laptop", "Laptops", "en");
  add("phone case", "Phone Cases", "en");
  add("headphones", "Headphones", "en");
  add("toy", "Toys", "en");
  add("stampante fotografica", "Photo Printers", "it");
  add("stampante", "Printers", "it");
  add("portatile", "Laptops", "it");
  add("cover", "Phone Cases", "it");
  add("cuffie", "Headphones", "it");
  add("giocattolo", "Toys", "it");
  add("imprimante photo", "Photo Printers", "fr");
  add("imprimante", "Printers", "fr");
  add("ordinateur portable", "Laptops", "fr");
  add("coque", "Phone Cases", "fr");
  add("casque", "Headphones", "fr");
  add("jouet", "Toys", "fr");
  // Brands and products from the demo catalog; the categories above stand
  // for its category names.
  options.pair_categories = {"Headphones"};
  options.catalog = DemoCatalog().get();
  options.categories_from_catalog = false;
  auto e = EntityExtractor::Create(options);
  EXPECT_TRUE(e.ok()) << e.status();
  return *e;
}

std::string TypeOf(const std::string& described) {
  return described.substr(0, described.find(':'));
}

class EntityEval : public ::testing::TestWithParam<EvalSet> {};

TEST_P(EntityEval, ScoresTheSet) {
  const EvalSet& set = GetParam();
  const std::string language = set.language;
  const std::string path =
      ::chatcart::testing::SourceDir() + "/lib/entities/testdata/" + set.name + ".jsonl";
  simdjson::padded_string content;
  ASSERT_EQ(simdjson::padded_string::load(path).get(content), simdjson::SUCCESS) << path;
  static const auto extractor = StoreExtractor();
  std::map<std::string, Counts> by_type;
  Counts all;
  int utterances = 0;
  std::string misses;
  simdjson::ondemand::parser parser;
  simdjson::ondemand::document_stream stream;
  ASSERT_EQ(parser.iterate_many(content).get(stream), simdjson::SUCCESS);
  for (auto doc : stream) {
    std::string_view text;
    ASSERT_EQ(doc["text"].get_string().get(text), simdjson::SUCCESS) << path;
    const std::string text_copy(text);
    std::vector<std::string> expected;
    simdjson::ondemand::array entities;
    ASSERT_EQ(doc["entities"].get_array().get(entities), simdjson::SUCCESS) << path;
    for (auto item : entities) {
      std::string_view s;
      ASSERT_EQ(item.get_string().get(s), simdjson::SUCCESS);
      expected.emplace_back(s);
    }
    ++utterances;
    std::vector<std::string> got = DescribeAll(extractor->Extract(text_copy, language));
    std::vector<bool> used(expected.size(), false);
    for (const std::string& g : got) {
      bool hit = false;
      for (size_t k = 0; k < expected.size() && !hit; ++k) {
        if (!used[k] && expected[k] == g) used[k] = hit = true;
      }
      Counts& c = by_type[TypeOf(g)];
      (hit ? c.tp : c.fp)++;
      (hit ? all.tp : all.fp)++;
      if (!hit) misses += "  extra:  " + g + "   in \"" + text_copy + "\"\n";
    }
    for (size_t k = 0; k < expected.size(); ++k) {
      if (used[k]) continue;
      by_type[TypeOf(expected[k])].fn++;
      all.fn++;
      misses += "  missed: " + expected[k] + "   in \"" + text_copy + "\"\n";
    }
  }
  std::printf("%s: %d utterances, %d expected entities\n", set.name, utterances, all.tp + all.fn);
  for (const auto& [type, c] : by_type) {
    std::printf("  %-14s P %.3f  R %.3f  F1 %.3f  (tp %d fp %d fn %d)\n", type.c_str(),
                c.Precision(), c.Recall(), c.F1(), c.tp, c.fp, c.fn);
  }
  std::printf("  %-14s P %.3f  R %.3f  F1 %.3f\n%s", "all", all.Precision(), all.Recall(), all.F1(),
              misses.c_str());
  EXPECT_GE(utterances, set.min_rows) << path << ": the set lost rows";
  EXPECT_GE(all.F1(), set.min_f1) << set.name;
  for (const auto& [type, c] : by_type) {
    if (c.tp + c.fn < kMinSupport) continue;
    EXPECT_GE(c.Precision(), set.min_type_precision) << set.name << " " << type;
    EXPECT_GE(c.Recall(), set.min_type_recall) << set.name << " " << type;
  }
}

// The development sets (tuned on): high floors. The fresh sets (never tuned
// on, see make_eval.py; all 101 entities right when first run): floors with
// room under that, so a regression shows without inviting tuning to them.
INSTANTIATE_TEST_SUITE_P(Entities, EntityEval,
                         ::testing::Values(EvalSet{"en", "en", 70, 0.95, 0.9, 0.8},
                                           EvalSet{"it", "it", 50, 0.95, 0.9, 0.8},
                                           EvalSet{"fr", "fr", 50, 0.95, 0.9, 0.8},
                                           EvalSet{"en_fresh", "en", 30, 0.9, 0.85, 0.75},
                                           EvalSet{"it_fresh", "it", 25, 0.9, 0.85, 0.75},
                                           EvalSet{"fr_fresh", "fr", 25, 0.9, 0.85, 0.75},
                                           // Just below what they measure after the
                                           // fresh3 fixes (F1 en 0.980, it 0.980, fr
                                           // 0.992; weakest type with 4+ entities: en
                                           // number P/R 0.750, brand R 0.750, it
                                           // product 0.889, fr product 0.941).
                                           EvalSet{"en_fresh2", "en", 100, 0.97, 0.7, 0.7},
                                           EvalSet{"it_fresh2", "it", 95, 0.97, 0.85, 0.85},
                                           EvalSet{"fr_fresh2", "fr", 95, 0.98, 0.9, 0.9},
                                           // fresh3 first run, before any fix: F1 en
                                           // 0.856, it 0.907, fr 0.895. Floors just
                                           // below what they measure after the general
                                           // fixes, tuned on since (F1 en 0.978, it
                                           // 0.986, fr 0.991; weakest: en number P
                                           // 0.571, quantity R 0.909, it number P 0.800,
                                           // quantity R 0.857, fr number P 0.900,
                                           // quantity R 0.857).
                                           EvalSet{"en_fresh3", "en", 95, 0.97, 0.55, 0.9},
                                           EvalSet{"it_fresh3", "it", 85, 0.98, 0.75, 0.85},
                                           EvalSet{"fr_fresh3", "fr", 85, 0.98, 0.85, 0.85},
                                           // fresh4 (#16, make_eval_fresh4.py): first
                                           // run before any #16 change, F1 en 0.573,
                                           // it 0.585, fr 0.578 (lists, negations,
                                           // devices, minor units, decimals were new).
                                           // Tuned on since (1.000 each): floors keep
                                           // it from sliding back.
                                           EvalSet{"en_fresh4", "en", 150, 0.98, 0.9, 0.9},
                                           EvalSet{"it_fresh4", "it", 150, 0.98, 0.9, 0.9},
                                           EvalSet{"fr_fresh4", "fr", 150, 0.98, 0.9, 0.9},
                                           // fresh5 (#16, make_eval_fresh5.py), written
                                           // after the fresh4 fixes: first run F1 en
                                           // 0.907, it 0.935, fr 0.912 (the figure #16
                                           // counts; target 0.97 missed). Tuned on
                                           // since (en 0.987, it 0.989, fr 0.989).
                                           // English keeps two misses of 4-5 entities
                                           // each: "he's 10" read as an age (labelled a
                                           // number) and "10x15 prints" as the kiosk
                                           // voucher (labelled nothing); its per-type
                                           // precision floor is the measured 0.8.
                                           EvalSet{"en_fresh5", "en", 150, 0.97, 0.8, 0.85},
                                           EvalSet{"it_fresh5", "it", 150, 0.97, 0.85, 0.85},
                                           EvalSet{"fr_fresh5", "fr", 150, 0.97, 0.85, 0.85}));

}  // namespace
}  // namespace chatcart::entities
