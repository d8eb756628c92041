// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// `chatcart catalog stats --catalog FILE --mapping FILE [--lenient] [--json]`:
// loads a catalog and prints its load report and what it holds (categories,
// brands, variant groups, attributes with fill rates).

#include <algorithm>
#include <cstdio>
#include <set>
#include <string>

#include "catalog_cli.h"

namespace chatcart::cli {
namespace {

size_t VariantGroups(const Catalog& catalog) {
  size_t groups = 0;
  for (ProductIndex i = 0; i < catalog.size(); ++i) {
    if (catalog.Variants(i).front() == i) ++groups;
  }
  return groups;
}

uint32_t MaxDepth(const Catalog& catalog) {
  uint32_t depth = 0;
  for (const CategoryNode& c : catalog.categories()) depth = std::max(depth, c.depth);
  return depth;
}

void PrintJson(const Catalog& catalog, const CatalogLoadReport& r) {
  JsonWriter w;
  w.BeginObject();
  w.Key("name");
  w.String(catalog.name());
  w.Key("report");
  w.BeginObject();
  w.Key("source");
  w.String(r.source);
  w.Key("rows_read");
  w.Int(r.rows_read);
  w.Key("rows_kept");
  w.Int(r.rows_kept);
  w.Key("rows_skipped");
  w.Int(r.rows_skipped);
  w.Key("rows_without_price");
  w.Int(r.rows_without_price);
  w.Key("skipped_by_reason");
  w.BeginObject();
  for (const auto& [reason, n] : r.skipped_by_reason) {
    w.Key(reason);
    w.Int(n);
  }
  w.EndObject();
  w.Key("error_examples");
  w.BeginArray();
  for (const std::string& e : r.error_examples) w.String(e);
  w.EndArray();
  w.Key("values_dropped");
  w.BeginObject();
  for (const auto& [what, n] : r.values_dropped) {
    w.Key(what);
    w.Int(n);
  }
  w.EndObject();
  w.Key("fill_rates");
  w.BeginObject();
  for (const auto& [name, fill] : r.fill_rates) {
    w.Key(name);
    w.Double(fill);
  }
  w.EndObject();
  w.Key("load_seconds");
  w.Double(r.load_seconds);
  w.Key("bytes_in_memory");
  w.Int(r.bytes_in_memory);
  w.EndObject();
  w.Key("products");
  w.Int(static_cast<int64_t>(catalog.size()));
  w.Key("currencies");
  w.BeginArray();
  for (const std::string& c : catalog.currencies()) w.String(c);
  w.EndArray();
  w.Key("categories");
  w.Int(static_cast<int64_t>(catalog.categories().size() - 1));
  w.Key("category_depth");
  w.Int(MaxDepth(catalog));
  w.Key("brands");
  w.Int(static_cast<int64_t>(catalog.brands().size()));
  w.Key("variant_groups");
  w.Int(static_cast<int64_t>(VariantGroups(catalog)));
  w.Key("attributes");
  w.BeginArray();
  for (const AttributeInfo& a : catalog.attributes()) {
    w.BeginObject();
    w.Key("name");
    w.String(a.name);
    w.Key("label");
    w.String(a.label);
    w.Key("type");
    w.String(AttributeTypeName(a.type));
    w.Key("unit");
    w.String(a.unit);
    w.Key("rows_with_value");
    w.Int(a.rows_with_value);
    w.Key("fill_rate");
    w.Double(a.fill_rate);
    if (a.type == AttributeType::kNumber) {
      w.Key("min");
      w.Double(a.min_value);
      w.Key("max");
      w.Double(a.max_value);
    } else {
      w.Key("distinct_values");
      w.Int(static_cast<int64_t>(a.distinct_values));
    }
    w.Key("indexed");
    w.Bool(a.indexed);
    w.Key("compatibility");
    w.Bool(a.compatibility);
    w.Key("variant_axis");
    w.Bool(a.variant_axis);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  std::printf("%s\n", w.str().c_str());
}

void PrintText(const Catalog& catalog, const CatalogLoadReport& r) {
  std::printf("catalog \"%s\" from %s\n", std::string(catalog.name()).c_str(), r.source.c_str());
  std::printf("rows: %lld read, %lld kept, %lld skipped; %lld without a price (not purchasable)\n",
              static_cast<long long>(r.rows_read), static_cast<long long>(r.rows_kept),
              static_cast<long long>(r.rows_skipped), static_cast<long long>(r.rows_without_price));
  for (const auto& [reason, n] : r.skipped_by_reason) {
    std::printf("  skipped, %s: %lld\n", reason.c_str(), static_cast<long long>(n));
  }
  for (const std::string& e : r.error_examples) std::printf("    e.g. %s\n", e.c_str());
  for (const auto& [what, n] : r.values_dropped) {
    std::printf("  values dropped, %s: %lld\n", what.c_str(), static_cast<long long>(n));
  }
  std::printf("load: %.3f s; %.1f MiB in memory\n", r.load_seconds,
              static_cast<double>(r.bytes_in_memory) / (1024.0 * 1024.0));
  std::string currencies;
  for (const std::string& c : catalog.currencies())
    currencies += (currencies.empty() ? "" : ", ") + c;
  std::printf("currencies: %s\n", currencies.empty() ? "-" : currencies.c_str());
  std::printf("categories: %zu (depth %u); brands: %zu; variant groups: %zu\n",
              catalog.categories().size() - 1, MaxDepth(catalog), catalog.brands().size(),
              VariantGroups(catalog));
  std::printf("attributes: %zu\n", catalog.attributes().size());
  std::printf("  %-22s %-6s %-6s %8s %7s  %s\n", "name", "type", "unit", "rows", "fill", "values");
  for (const AttributeInfo& a : catalog.attributes()) {
    char values[96];
    if (a.type == AttributeType::kNumber) {
      std::snprintf(values, sizeof values, "%g .. %g", a.min_value, a.max_value);
    } else {
      std::snprintf(values, sizeof values, "%zu distinct", a.distinct_values);
    }
    std::string flags;
    if (a.compatibility) flags += " [compat]";
    if (a.variant_axis) flags += " [variant]";
    std::printf("  %-22s %-6s %-6s %8lld %6.1f%%  %s%s\n", a.name.c_str(),
                std::string(AttributeTypeName(a.type)).c_str(), a.unit.c_str(),
                static_cast<long long>(a.rows_with_value), 100.0 * a.fill_rate, values,
                flags.c_str());
  }
}

int RunCatalogStats(Args& args) {
  CatalogFlags flags;
  bool ok = ReadCatalogFlags("catalog stats", args, &flags);
  if (std::string error = args.Finish(); !error.empty()) {
    std::fprintf(stderr, "chatcart catalog stats: %s\n", error.c_str());
    return kExitUsage;
  }
  if (!ok) return kExitUsage;
  CatalogLoadReport report;
  std::shared_ptr<const Catalog> catalog = LoadCatalogOrReport("catalog stats", flags, &report);
  if (catalog == nullptr) return kExitFailure;
  if (flags.json) {
    PrintJson(*catalog, report);
  } else {
    PrintText(*catalog, report);
  }
  return kExitOk;
}

CHATCART_CLI_COMMAND(
    catalog_stats,
    {.name = "catalog stats",
     .summary = "Loads a catalog (--catalog, --mapping) and prints its report and contents",
     .run = RunCatalogStats,
     .flags = CatalogFlagsAnd({}),
     .example = "chatcart catalog stats --catalog lib/catalog/testdata/tiny.jsonl "
                "--mapping lib/catalog/testdata/tiny.textproto --json"});

}  // namespace
}  // namespace chatcart::cli
