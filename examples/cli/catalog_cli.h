// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// What the `chatcart catalog ...` commands share: the --catalog, --mapping
// and --lenient flags, loading with the report printed on failure, and how a
// product is printed. Uses the public headers only.

#ifndef CHATCART_EXAMPLES_CLI_CATALOG_CLI_H_
#define CHATCART_EXAMPLES_CLI_CATALOG_CLI_H_

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "args.h"
#include "chatcart/catalog.h"
#include "chatcart/v1/catalog_mapping.pb.h"
#include "command.h"
#include "json_writer.h"

namespace chatcart::cli {

struct CatalogFlags {
  std::string catalog;
  std::string mapping;
  bool lenient = false;
  bool json = false;
};

// The shared flags' declarations followed by `more`, the command's own.
inline std::vector<Flag> CatalogFlagsAnd(std::vector<Flag> more) {
  std::vector<Flag> flags = {
      {"catalog", kValue, "FILE", "the products, JSON Lines (required)"},
      {"mapping", kValue, "FILE", "the catalog mapping, text format or .json (required)"},
      {"lenient", kSwitch, "", "skips bad rows instead of failing on the first"},
      {"json", kSwitch, "", "prints JSON instead of text"}};
  flags.insert(flags.end(), more.begin(), more.end());
  return flags;
}

// Reads the shared flags; false (after printing why) when one is missing.
inline bool ReadCatalogFlags(const char* command, Args& args, CatalogFlags* flags) {
  flags->lenient = args.Switch("lenient");
  flags->json = args.Switch("json");
  flags->catalog = args.ValueOr("catalog", "");
  flags->mapping = args.ValueOr("mapping", "");
  if (flags->catalog.empty() || flags->mapping.empty()) {
    std::fprintf(stderr, "chatcart %s: --catalog FILE.jsonl and --mapping FILE are required\n",
                 command);
    return false;
  }
  return true;
}

// Loads; on failure prints the error and returns nullptr.
inline std::shared_ptr<const Catalog> LoadCatalogOrReport(const char* command,
                                                          const CatalogFlags& flags,
                                                          CatalogLoadReport* report) {
  absl::StatusOr<v1::CatalogMapping> mapping = LoadCatalogMapping(flags.mapping);
  if (!mapping.ok()) {
    std::fprintf(stderr, "chatcart %s: %s\n", command,
                 std::string(mapping.status().message()).c_str());
    return nullptr;
  }
  CatalogLoadOptions options;
  options.lenient = flags.lenient;
  absl::StatusOr<std::shared_ptr<const Catalog>> catalog =
      Catalog::LoadJsonl(flags.catalog, *mapping, options, report);
  if (!catalog.ok()) {
    std::fprintf(stderr, "chatcart %s: %s\n", command,
                 std::string(catalog.status().message()).c_str());
    return nullptr;
  }
  return *std::move(catalog);
}

// "451.50 USD", or "-" when there is no price.
inline std::string PriceText(const Product& p) {
  return p.price ? p.price->ToString() : std::string("-");
}

// A product as a JSON object: id, name, brand, price (exact decimal string and
// currency), category path, and the attributes with a value.
inline void WriteProductJson(const Catalog& catalog, ProductIndex i, JsonWriter* w) {
  Product p = catalog.product(i);
  w->BeginObject();
  w->Key("index");
  w->Int(i);
  w->Key("id");
  w->String(p.id);
  w->Key("name");
  w->String(p.name);
  w->Key("brand");
  if (p.brand.empty()) {
    w->Null();
  } else {
    w->String(p.brand);
  }
  w->Key("price");
  if (p.price) {
    w->BeginObject();
    w->Key("amount");
    w->String(p.price->ToDecimalString());
    w->Key("currency");
    w->String(p.price->currency());
    w->EndObject();
  } else {
    w->Null();
  }
  w->Key("category");
  w->String(catalog.CategoryPath(p.category));
  w->Key("attributes");
  w->BeginObject();
  for (const AttributeInfo& a : catalog.attributes()) {
    std::string text = catalog.AttributeValueText(a.id, i);
    if (text.empty()) continue;
    w->Key(a.name);
    w->String(text);
  }
  w->EndObject();
  w->EndObject();
}

}  // namespace chatcart::cli

#endif  // CHATCART_EXAMPLES_CLI_CATALOG_CLI_H_
