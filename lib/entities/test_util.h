// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Test helpers: an entity as one compact line, so parameter tables can state
// the whole expected result of an utterance:
//   money:under ..40.00 GBP "under 40 quid"
//   money:between 250.00..700.00 USD "between 250 and 700 dollars"
//   money:exact 300.00 USD "$300"
//   age:6 "6yo"      colour:red "rosso"      size:EU 42 "EU 42"
//   colour:black,blue "nere o blu"   colour:!red "not red"   number:1.5 "1.5"

#ifndef CHATCART_ENTITIES_TEST_UTIL_H_
#define CHATCART_ENTITIES_TEST_UTIL_H_

#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "chatcart/catalog.h"
#include "chatcart/entities.h"
#include "chatcart/v1/catalog_mapping.pb.h"
#include "common/testing/data.h"
#include "gtest/gtest.h"

namespace chatcart::entities::testing {

inline std::string Describe(const Entity& e) {
  std::string out = e.type + ":";
  if (e.type == "money") {
    out += std::string(BudgetKindName(e.money.kind)) + " ";
    const Money* any = e.money.min ? &*e.money.min : (e.money.max ? &*e.money.max : nullptr);
    if (e.money.kind == BudgetKind::kExact || e.money.kind == BudgetKind::kAround) {
      out += e.money.min ? e.money.min->ToDecimalString() : "?";
      if (!(e.money.min && e.money.max && *e.money.min == *e.money.max)) out += "(min!=max)";
    } else {
      out += (e.money.min ? e.money.min->ToDecimalString() : "") + ".." +
             (e.money.max ? e.money.max->ToDecimalString() : "");
    }
    out += " " + (any != nullptr ? std::string(any->currency()) : std::string("?"));
  } else if (e.type == "number" && !e.value.empty()) {
    out += e.value;  // "1.5"
  } else if (e.type == "number" || e.type == "quantity" || e.type == "ordinal" || e.type == "age") {
    out += std::to_string(e.number);
  } else {
    if (e.negated) out += "!";
    out += e.value;
  }
  out += " \"" + e.text + "\"";
  return out;
}

inline std::vector<std::string> DescribeAll(const std::vector<Entity>& entities) {
  std::vector<std::string> out;
  for (const Entity& e : entities) out.push_back(Describe(e));
  return out;
}

// An utterance and every entity expected in it, in text order.
struct Case {
  const char* language;
  const char* text;
  std::vector<std::string> expected;
};

inline void PrintTo(const Case& c, std::ostream* os) {
  *os << c.language << ": \"" << c.text << "\"";
}

// The extractor most tests use: every language, store currency EUR.
inline std::shared_ptr<const EntityExtractor> DefaultExtractor(const char* currency = "EUR") {
  EntityExtractorOptions options;
  options.currency = currency;
  absl::StatusOr<std::shared_ptr<const EntityExtractor>> e = EntityExtractor::Create(options);
  EXPECT_TRUE(e.ok()) << e.status();
  return e.ok() ? *e : nullptr;
}

// The demo store's catalog (examples/bundles/demo), loaded once.
inline std::shared_ptr<const Catalog> DemoCatalog() {
  static const std::shared_ptr<const Catalog> catalog = [] {
    const std::string dir = ::chatcart::testing::SourceDir() + "/examples/bundles/demo/";
    absl::StatusOr<v1::CatalogMapping> mapping =
        LoadCatalogMapping(dir + "products.mapping.textproto");
    EXPECT_TRUE(mapping.ok()) << mapping.status();
    if (!mapping.ok()) return std::shared_ptr<const Catalog>();
    absl::StatusOr<std::shared_ptr<const Catalog>> c =
        Catalog::LoadJsonl(dir + "products.jsonl", *mapping);
    EXPECT_TRUE(c.ok()) << c.status();
    return c.ok() ? *c : nullptr;
  }();
  return catalog;
}

}  // namespace chatcart::entities::testing

#endif  // CHATCART_ENTITIES_TEST_UTIL_H_
