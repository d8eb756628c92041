// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Entity extraction: what every chat turn pays after normalization. The
// extractor is built once; each iteration extracts from one utterance.

#include <memory>
#include <string>
#include <vector>

#include "benchmark/benchmark.h"
#include "chatcart/entities.h"

namespace chatcart {
namespace {

struct Utterance {
  const char* language;
  const char* text;
};

std::shared_ptr<const EntityExtractor> Extractor() {
  static const std::shared_ptr<const EntityExtractor> extractor = [] {
    EntityExtractorOptions options;
    options.currency = "EUR";
    options.categories = {
        {.phrase = "photo printer", .value = "Photo Printers", .language = ""},
        {.phrase = "stampante fotografica", .value = "Photo Printers", .language = "it"},
        {.phrase = "imprimante photo", .value = "Photo Printers", .language = "fr"},
        {.phrase = "phone case", .value = "Phone Cases", .language = ""},
        {.phrase = "running shoes", .value = "Running Shoes", .language = "en"}};
    return *EntityExtractor::Create(options);
  }();
  return extractor;
}

void Run(benchmark::State& state, const std::vector<Utterance>& utterances) {
  const auto extractor = Extractor();
  ExtractResult result;
  size_t i = 0, bytes = 0, entities = 0;
  for (auto _ : state) {
    const Utterance& u = utterances[i++ % utterances.size()];
    extractor->Extract(u.text, u.language, &result);
    benchmark::DoNotOptimize(result.entities.data());
    bytes += std::char_traits<char>::length(u.text);
    entities += result.entities.size();
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  state.counters["entities"] =
      benchmark::Counter(static_cast<double>(entities), benchmark::Counter::kAvgIterations);
}

// Budgets in the three languages: the examples.
void BM_Entities_Money(benchmark::State& state) {
  static const std::vector<Utterance> kUtterances = {
      {"en", "got anything for my 6yo under 40 quid?"},
      {"en", "between 250 and 700 dollars"},
      {"it", "sotto i 50 euro, per favore"},
      {"it", "tra 20 e 30 €"},
      {"fr", "entre 200 et 300 €"},
      {"fr", "pas plus de 50 €"},
  };
  Run(state, kUtterances);
}
BENCHMARK(BM_Entities_Money)->ThreadRange(1, 2);

// A typical shopping turn with several entity types.
void BM_Entities_Mixed(benchmark::State& state) {
  static const std::vector<Utterance> kUtterances = {
      {"en", "I need a photo printer that works with my iPhone 15, around $300, x2"},
      {"en", "the second one in XL, red or navy blue, size 32x30"},
      {"it", "ne prendo due, taglia M, per un bambino di 5 anni"},
      {"fr", "une imprimante photo compatible avec Android pour moins de deux cents euros"},
  };
  Run(state, kUtterances);
}
BENCHMARK(BM_Entities_Mixed);

// Text with no entity at all: the floor (tokenize + one lookup per token).
void BM_Entities_None(benchmark::State& state) {
  static const std::vector<Utterance> kUtterances = {
      {"en", "hi there, can you help me track my order please?"},
  };
  Run(state, kUtterances);
}
BENCHMARK(BM_Entities_None);

// The cost of building an extractor (all three languages), paid once per
// bundle load.
void BM_Entities_Create(benchmark::State& state) {
  EntityExtractorOptions options;
  options.currency = "EUR";
  for (auto _ : state) {
    auto e = EntityExtractor::Create(options);
    benchmark::DoNotOptimize(e);
  }
}
BENCHMARK(BM_Entities_Create)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace chatcart
