// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Entity extraction: what every chat turn pays after normalization. The
// extractor is built once; each iteration extracts from one utterance.

#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "benchmark/benchmark.h"
#include "chatcart/catalog.h"
#include "chatcart/entities.h"
#include "chatcart/v1/catalog_mapping.pb.h"

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

void Run(benchmark::State& state, const std::vector<Utterance>& utterances,
         std::shared_ptr<const EntityExtractor> extractor = Extractor()) {
  if (extractor == nullptr) {
    state.SkipWithError("no catalog (see the benchmark's comment)");
    return;
  }
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

// What shoppers actually type (#16): negations, lists, devices, cents,
// decimals; the budget for one shopper sentence is 3 µs p50.
void BM_Entities_Shopper(benchmark::State& state) {
  static const std::vector<Utterance> kUtterances = {
      {"it", "nn piu di 200 euro, nere o blu"},
      {"en", "I have a HTC Windows 8 phone. My wife has an iPhone5."},
      {"en", "i dont want to spend more than 80 on a phone case, not red"},
      {"en", "20 dollars 43 cents"},
      {"it", "mocassini donna 38 neri max 150"},
      {"fr", "pas + de 40 euros, rouge ou noir, pour mon Galaxy S7"},
      {"en", "a 15.6 inch laptop, about 1/2 the price, by 5:30 please"},
  };
  Run(state, kUtterances);
}
BENCHMARK(BM_Entities_Shopper)->ThreadRange(1, 2);

// Text with no entity at all: the floor (tokenize + one lookup per token).
void BM_Entities_None(benchmark::State& state) {
  static const std::vector<Utterance> kUtterances = {
      {"en", "hi there, can you help me track my order please?"},
  };
  Run(state, kUtterances);
}
BENCHMARK(BM_Entities_None);

std::shared_ptr<const Catalog> LoadCatalog(const std::string& jsonl, const std::string& mapping) {
  absl::StatusOr<v1::CatalogMapping> m = LoadCatalogMapping(mapping);
  if (!m.ok()) return nullptr;
  absl::StatusOr<std::shared_ptr<const Catalog>> c = Catalog::LoadJsonl(jsonl, *m);
  return c.ok() ? *c : nullptr;
}

// The demo store (examples/bundles/demo, 38 products).
std::shared_ptr<const Catalog> DemoCatalog() {
  static const std::shared_ptr<const Catalog> catalog = LoadCatalog(
      std::string(CHATCART_SOURCE_DIR) + "/examples/bundles/demo/products.jsonl",
      std::string(CHATCART_SOURCE_DIR) + "/examples/bundles/demo/products.mapping.textproto");
  return catalog;
}

// PC parts (66,778 products) from the data directory; null when absent.
std::shared_ptr<const Catalog> PcPartsCatalog() {
  static const std::shared_ptr<const Catalog> catalog = [] {
    const char* env = std::getenv("CHATCART_DATA_DIR");
    const std::string dir = env != nullptr && *env != '\0' ? env : CHATCART_DATA_DIR;
    return LoadCatalog(dir + "/pcparts/products.jsonl",
                       std::string(CHATCART_SOURCE_DIR) + "/examples/catalogs/pcparts.textproto");
  }();
  return catalog;
}

std::shared_ptr<const EntityExtractor> CatalogExtractor(const Catalog* catalog) {
  if (catalog == nullptr) return nullptr;
  EntityExtractorOptions options;
  options.currency = "EUR";
  options.catalog = catalog;
  absl::StatusOr<std::shared_ptr<const EntityExtractor>> e = EntityExtractor::Create(options);
  return e.ok() ? *e : nullptr;
}

// Shopping turns with brands and products (and some without), demo store.
void BM_Entities_Catalog(benchmark::State& state) {
  static const std::vector<Utterance> kUtterances = {
      {"en", "do you have the canora photozen 6 in black?"},
      {"en", "is the Lumo CP-400 any good?"},
      {"en", "anything from Brickville under 30 euros?"},
      {"en", "I need a photo printer that works with my iPhone 15, around $300, x2"},
      {"it", "vorrei il Titan 16 nero"},
      {"fr", "deux Inkwell Tank 3"},
  };
  static const auto extractor = CatalogExtractor(DemoCatalog().get());
  Run(state, kUtterances, extractor);
}
BENCHMARK(BM_Entities_Catalog);

// The same with a 66,778-product catalog (../shared/data/pcparts): the
// product look-up is a Catalog::FindByName over every name.
void BM_Entities_CatalogPcParts(benchmark::State& state) {
  static const std::vector<Utterance> kUtterances = {
      {"en", "is the ryzen 7 7800x3d in stock?"},
      {"en", "a Kingston 16 GB kit under 60 euros"},
      {"en", "something from Corsair for my build"},
      {"en", "I need a photo printer that works with my iPhone 15, around $300, x2"},
  };
  static const auto extractor = CatalogExtractor(PcPartsCatalog().get());
  Run(state, kUtterances, extractor);
}
BENCHMARK(BM_Entities_CatalogPcParts);

// Turns naming a model many PC parts share (a chipset, a CPU line): the
// product look-up ties, and the model look-up reads up to 1,000 name matches.
void BM_Entities_ModelPcParts(benchmark::State& state) {
  static const std::vector<Utterance> kUtterances = {
      {"en", "the rtx 4070"},
      {"en", "got a 4070 ti in stock?"},
      {"en", "any ryzen 7 under 300 dollars?"},
      {"en", "radeon rx 7800 xt"},
  };
  static const auto extractor = CatalogExtractor(PcPartsCatalog().get());
  Run(state, kUtterances, extractor);
}
BENCHMARK(BM_Entities_ModelPcParts);

// Building an extractor over the 66,778-product catalog (its name words).
void BM_Entities_CreatePcParts(benchmark::State& state) {
  const std::shared_ptr<const Catalog> catalog = PcPartsCatalog();
  if (catalog == nullptr) {
    state.SkipWithError("no ../shared/data/pcparts");
    return;
  }
  for (auto _ : state) {
    auto e = CatalogExtractor(catalog.get());
    benchmark::DoNotOptimize(e);
  }
}
BENCHMARK(BM_Entities_CreatePcParts)->Unit(benchmark::kMillisecond);

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
