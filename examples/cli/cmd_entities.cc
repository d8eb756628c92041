// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// `chatcart entities`: the commerce entities of each text, as JSON Lines.
// With --catalog and --mapping (as for `chatcart catalog`), brands, products,
// models and the catalog's category names are found too.
//
//   chatcart entities --lang en|it|fr [--currency USD] [--category PHRASE=VALUE]...
//       [--catalog FILE --mapping FILE] [TEXT...]
//
// With no TEXT, reads one text per line from stdin. Prints one JSON object
// per text (the shape is relied on):
//
//   {"text":"under 40 quid","entities":[{"type":"money","start":0,"end":13,
//    "text":"under 40 quid","confidence":0.95,
//    "value":{"kind":"under","amount_minor":4000,"currency":"GBP"}}]}
//
// Values by type: money {"kind", "amount_minor", "currency"}, where the
// amount is the maximum for under and the minimum for over, and between has
// "min_minor" and "max_minor" instead of "amount_minor"; number, quantity,
// ordinal and age {"number": n}; colour, size, compatibility, category and
// brand {"name": "..."}; product {"product_id": "..."}; model {"name": "...",
// "products": n}, the model as the catalog writes it and how many products
// carry it. A text cut at the
// maximum length adds "truncated":true.

#include <cstdio>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "catalog_cli.h"
#include "chatcart/catalog.h"
#include "chatcart/entities.h"
#include "command.h"
#include "json_writer.h"

namespace chatcart::cli {
namespace {

void WriteValue(const Entity& e, JsonWriter& w) {
  w.BeginObject();
  if (e.type == "money") {
    const BudgetValue& b = e.money;
    w.Key("kind");
    w.String(BudgetKindName(b.kind));
    const Money* any = b.min.has_value() ? &*b.min : (b.max.has_value() ? &*b.max : nullptr);
    if (b.kind == BudgetKind::kBetween) {
      w.Key("min_minor");
      w.Int(b.min->minor_units());
      w.Key("max_minor");
      w.Int(b.max->minor_units());
    } else if (any != nullptr) {
      // exact, around: the amount; under: the maximum; over: the minimum.
      w.Key("amount_minor");
      w.Int(any->minor_units());
    }
    if (any != nullptr) {
      w.Key("currency");
      w.String(any->currency());
    }
  } else if (e.type == "number" || e.type == "quantity" || e.type == "ordinal" || e.type == "age") {
    w.Key("number");
    w.Int(e.number);
  } else if (e.type == "model") {
    w.Key("name");
    w.String(e.value);
    w.Key("products");
    w.Int(e.number);
  } else {
    w.Key(e.type == "product" ? "product_id" : "name");
    w.String(e.value);
  }
  w.EndObject();
}

std::string ToJson(std::string_view text, const ExtractResult& result) {
  JsonWriter w;
  w.BeginObject();
  w.Key("text");
  w.String(text);
  w.Key("entities");
  w.BeginArray();
  for (const Entity& e : result.entities) {
    w.BeginObject();
    w.Key("type");
    w.String(e.type);
    w.Key("start");
    w.Int(e.start);
    w.Key("end");
    w.Int(e.end);
    w.Key("text");
    w.String(e.text);
    char confidence[32];
    std::snprintf(confidence, sizeof(confidence), "%.2f", e.confidence);
    w.Key("confidence");
    w.Raw(confidence);
    w.Key("value");
    WriteValue(e, w);
    w.EndObject();
  }
  w.EndArray();
  if (result.truncated) {
    w.Key("truncated");
    w.Bool(true);
  }
  w.EndObject();
  return w.str();
}

int RunEntities(Args& args) {
  EntityExtractorOptions options;
  const std::string language = args.ValueOr("lang", "en");
  options.languages = {language};
  options.currency = args.ValueOr("currency", "USD");
  for (const std::string& category : args.Values("category")) {
    const size_t eq = category.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == category.size()) {
      std::fprintf(stderr, "chatcart entities: --category \"%s\": want PHRASE=VALUE\n",
                   category.c_str());
      return kExitUsage;
    }
    options.categories.push_back(
        {.phrase = category.substr(0, eq), .value = category.substr(eq + 1), .language = ""});
  }
  const std::optional<std::string> catalog = args.Value("catalog");
  const std::optional<std::string> mapping = args.Value("mapping");
  std::vector<std::string> texts = args.Positional();
  if (std::string error = args.Finish(); !error.empty()) {
    std::fprintf(stderr, "chatcart entities: %s\n", error.c_str());
    return kExitUsage;
  }
  std::shared_ptr<const Catalog> loaded;  // outlives the extractor
  if (catalog.has_value() != mapping.has_value()) {
    std::fprintf(stderr, "chatcart entities: --catalog and --mapping go together\n");
    return kExitUsage;
  }
  if (catalog.has_value()) {
    CatalogFlags flags;
    flags.catalog = *catalog;
    flags.mapping = *mapping;
    CatalogLoadReport report;
    loaded = LoadCatalogOrReport("entities", flags, &report);
    if (loaded == nullptr) return kExitUsage;
    options.catalog = loaded.get();
  }
  absl::StatusOr<std::shared_ptr<const EntityExtractor>> extractor =
      EntityExtractor::Create(options);
  if (!extractor.ok()) {
    std::fprintf(stderr, "chatcart entities: %s\n",
                 std::string(extractor.status().message()).c_str());
    return kExitUsage;
  }
  ExtractResult result;
  auto print = [&](std::string_view text) {
    (*extractor)->Extract(text, language, &result);
    std::string line = ToJson(text, result);
    line += '\n';
    std::fwrite(line.data(), 1, line.size(), stdout);
  };
  if (!texts.empty()) {
    for (const std::string& text : texts) print(text);
    return kExitOk;
  }
  std::string line;
  while (std::getline(std::cin, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    print(line);
  }
  return kExitOk;
}

CHATCART_CLI_COMMAND(
    entities,
    {.name = "entities",
     .summary = "Prints the entities (money, numbers, age, size...) of each text as JSON",
     .run = RunEntities,
     .flags = {{"lang", kValue, "LANG", "en, it or fr (default en)"},
               {"currency", kValue, "CODE", "the store's ISO 4217 currency (default USD)"},
               {"category", kRepeated, "PHRASE=VALUE", "a category phrase and its value"},
               {"catalog", kValue, "FILE", "a catalog, for brands, products and models"},
               {"mapping", kValue, "FILE", "the catalog's mapping (with --catalog)"}},
     .positional = "[TEXT...]",
     .example = "chatcart entities --lang it --currency EUR \"sotto i 50 euro\""});

}  // namespace
}  // namespace chatcart::cli
