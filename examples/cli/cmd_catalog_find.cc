// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// `chatcart catalog find --catalog FILE --mapping FILE [--limit N]
// [--one-per-group] [--json] "text"`: the products whose name (brand, model,
// aliases, variant values) best matches the text, with scores;
// --one-per-group keeps the best variant of each product only.

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "catalog_cli.h"

namespace chatcart::cli {
namespace {

int RunCatalogFind(Args& args) {
  CatalogFlags flags;
  bool ok = ReadCatalogFlags("catalog find", args, &flags);
  const bool one_per_group = args.Switch("one-per-group");
  const std::string limit_text = args.ValueOr("limit", "10");
  std::string query;
  for (const std::string& word : args.Positional()) query += (query.empty() ? "" : " ") + word;
  if (std::string error = args.Finish(); !error.empty()) {
    std::fprintf(stderr, "chatcart catalog find: %s\n", error.c_str());
    return kExitUsage;
  }
  char* end = nullptr;
  const long limit = std::strtol(limit_text.c_str(), &end, 10);
  if (end == limit_text.c_str() || *end != '\0' || limit <= 0) {
    std::fprintf(stderr, "chatcart catalog find: --limit takes a positive number, got \"%s\"\n",
                 limit_text.c_str());
    return kExitUsage;
  }
  if (query.empty()) {
    std::fprintf(stderr,
                 "chatcart catalog find: give the text to look up, e.g. \"samsung 990 pro\"\n");
    return kExitUsage;
  }
  if (!ok) return kExitUsage;
  CatalogLoadReport report;
  std::shared_ptr<const Catalog> catalog = LoadCatalogOrReport("catalog find", flags, &report);
  if (catalog == nullptr) return kExitFailure;

  FindOptions options;
  options.limit = static_cast<int>(std::min<long>(limit, 1 << 30));
  options.one_per_variant_group = one_per_group;
  std::vector<NameMatch> matches = catalog->FindByName(query, options);
  if (flags.json) {
    JsonWriter w;
    w.BeginObject();
    w.Key("query");
    w.String(query);
    w.Key("matches");
    w.BeginArray();
    for (const NameMatch& m : matches) {
      w.BeginObject();
      w.Key("score");
      w.Double(m.score);
      w.Key("product");
      WriteProductJson(*catalog, m.product, &w);
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    std::printf("%s\n", w.str().c_str());
    return kExitOk;
  }
  if (matches.empty()) {
    std::printf("no match for \"%s\"\n", query.c_str());
    return kExitOk;
  }
  for (size_t k = 0; k < matches.size(); ++k) {
    Product p = catalog->product(matches[k].product);
    std::printf("%2zu. %.3f  %-24s %s  [%s]  %s\n", k + 1, matches[k].score,
                std::string(p.id).c_str(), std::string(p.name).c_str(), PriceText(p).c_str(),
                catalog->CategoryPath(p.category).c_str());
  }
  return kExitOk;
}

CHATCART_CLI_COMMAND(
    catalog_find,
    {.name = "catalog find",
     .summary = "Looks products up by name (fuzzy, ranked): catalog find ... \"text\"",
     .run = RunCatalogFind,
     .flags = CatalogFlagsAnd({{"limit", kValue, "N", "how many products (default 10)"},
                               {"one-per-group", kSwitch, "",
                                "keeps the best variant of each product only"}}),
     .positional = "TEXT",
     .example = "chatcart catalog find --catalog lib/catalog/testdata/tiny.jsonl "
                "--mapping lib/catalog/testdata/tiny.textproto --limit 1 \"rtx 3060\""});

}  // namespace
}  // namespace chatcart::cli
