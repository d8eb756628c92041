// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// `chatcart catalog query --catalog FILE --mapping FILE --where 'category=Video
// Card' --where 'price<=300 USD' --where 'memory>=12' [--sort price|-price|
// rating|-rating|ATTRIBUTE] [--limit 10] [--json]`: the products meeting every
// constraint (see Constraint in chatcart/catalog.h for the syntax).

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "catalog_cli.h"

namespace chatcart::cli {
namespace {

// Orders `products` by --sort; products without the value go last.
bool Sort(const Catalog& catalog, const std::string& sort, std::vector<ProductIndex>* products) {
  if (sort.empty()) return true;
  const bool descending = sort[0] == '-';
  const std::string field = descending ? sort.substr(1) : sort;
  std::vector<double> key(catalog.size(), NAN);
  if (field == "price") {
    std::span<const int64_t> prices = catalog.price_column();
    for (ProductIndex i : *products) {
      if (prices[i] != Catalog::kNoPrice) key[i] = static_cast<double>(prices[i]);
    }
  } else if (field == "rating") {
    for (ProductIndex i : *products) key[i] = catalog.rating_column().Get(i).value_or(NAN);
  } else {
    std::optional<AttributeId> a = catalog.FindAttribute(field);
    if (!a || catalog.attributes()[*a].type != AttributeType::kNumber) {
      std::fprintf(stderr,
                   "chatcart catalog query: --sort takes price, rating or a number attribute; "
                   "\"%s\" is neither\n",
                   field.c_str());
      return false;
    }
    for (ProductIndex i : *products) key[i] = catalog.number_column(*a).Get(i).value_or(NAN);
  }
  std::stable_sort(products->begin(), products->end(), [&](ProductIndex x, ProductIndex y) {
    if (std::isnan(key[x]) || std::isnan(key[y])) return !std::isnan(key[x]) && std::isnan(key[y]);
    return descending ? key[x] > key[y] : key[x] < key[y];
  });
  return true;
}

int RunCatalogQuery(Args& args) {
  CatalogFlags flags;
  bool ok = ReadCatalogFlags("catalog query", args, &flags);
  std::vector<std::string> wheres = args.Values("where");
  const std::string sort = args.ValueOr("sort", "");
  const std::string limit_text = args.ValueOr("limit", "10");
  if (std::string error = args.Finish(); !error.empty()) {
    std::fprintf(stderr, "chatcart catalog query: %s\n", error.c_str());
    return kExitUsage;
  }
  char* end = nullptr;
  const long limit = std::strtol(limit_text.c_str(), &end, 10);
  if (end == limit_text.c_str() || *end != '\0' || limit < 0) {
    std::fprintf(stderr, "chatcart catalog query: --limit takes a number, got \"%s\"\n",
                 limit_text.c_str());
    return kExitUsage;
  }
  std::vector<Constraint> constraints;
  for (const std::string& w : wheres) {
    absl::StatusOr<Constraint> c = Constraint::Parse(w);
    if (!c.ok()) {
      std::fprintf(stderr, "chatcart catalog query: %s\n",
                   std::string(c.status().message()).c_str());
      return kExitUsage;
    }
    constraints.push_back(*std::move(c));
  }
  if (!ok) return kExitUsage;
  CatalogLoadReport report;
  std::shared_ptr<const Catalog> catalog = LoadCatalogOrReport("catalog query", flags, &report);
  if (catalog == nullptr) return kExitFailure;

  absl::StatusOr<ProductSet> selected = catalog->Select(constraints);
  if (!selected.ok()) {
    std::fprintf(stderr, "chatcart catalog query: %s\n",
                 std::string(selected.status().message()).c_str());
    return kExitUsage;
  }
  std::vector<ProductIndex> products = selected->ToVector();
  if (!Sort(*catalog, sort, &products)) return kExitUsage;
  const size_t shown = std::min(products.size(), static_cast<size_t>(limit));
  if (flags.json) {
    JsonWriter w;
    w.BeginObject();
    w.Key("where");
    w.BeginArray();
    for (const Constraint& c : constraints) w.String(c.ToString());
    w.EndArray();
    w.Key("count");
    w.Int(static_cast<int64_t>(products.size()));
    w.Key("products");
    w.BeginArray();
    for (size_t k = 0; k < shown; ++k) WriteProductJson(*catalog, products[k], &w);
    w.EndArray();
    w.EndObject();
    std::printf("%s\n", w.str().c_str());
    return kExitOk;
  }
  std::printf("%zu products match", products.size());
  if (shown < products.size()) std::printf(" (first %zu shown)", shown);
  std::printf("\n");
  for (size_t k = 0; k < shown; ++k) {
    Product p = catalog->product(products[k]);
    std::string details;
    for (const Constraint& c : constraints) {
      std::optional<AttributeId> a = catalog->FindAttribute(c.field);
      if (!a) continue;
      details +=
          "  " + catalog->attributes()[*a].name + "=" + catalog->AttributeValueText(*a, p.index);
    }
    std::printf("  %-24s %-50s %14s%s\n", std::string(p.id).c_str(), std::string(p.name).c_str(),
                PriceText(p).c_str(), details.c_str());
  }
  return kExitOk;
}

CHATCART_CLI_COMMAND(
    catalog_query,
    {.name = "catalog query",
     .summary = "Filters a catalog: catalog query ... --where 'price<=300 USD' --limit 10",
     .run = RunCatalogQuery,
     .flags = CatalogFlagsAnd({{"where", kRepeated, "C", "a constraint: 'price<=300 USD'"},
                               {"sort", kValue, "KEY", "price|-price|rating|-rating|ATTRIBUTE"},
                               {"limit", kValue, "N", "how many products (default 10)"}}),
     .example = "chatcart catalog query --catalog lib/catalog/testdata/tiny.jsonl "
                "--mapping lib/catalog/testdata/tiny.textproto --where 'memory>=12'"});

}  // namespace
}  // namespace chatcart::cli
