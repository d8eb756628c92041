// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// The recommender tests' own small shop (testdata/shop.jsonl and its
// mapping) and helpers to ask it things.

#ifndef CHATCART_RECOMMEND_TEST_SHOP_H_
#define CHATCART_RECOMMEND_TEST_SHOP_H_

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "chatcart/catalog.h"
#include "chatcart/recommend.h"
#include "chatcart/v1/catalog_mapping.pb.h"
#include "common/testing/data.h"
#include "gtest/gtest.h"

namespace chatcart::testing {

inline std::string ShopFile(const std::string& name) {
  return SourceDir() + "/lib/recommend/testdata/" + name;
}

inline std::shared_ptr<const Catalog> ShopCatalog() {
  static const std::shared_ptr<const Catalog> catalog = [] {
    absl::StatusOr<v1::CatalogMapping> mapping = LoadCatalogMapping(ShopFile("shop.textproto"));
    EXPECT_TRUE(mapping.ok()) << mapping.status();
    if (!mapping.ok()) return std::shared_ptr<const Catalog>();
    absl::StatusOr<std::shared_ptr<const Catalog>> c =
        Catalog::LoadJsonl(ShopFile("shop.jsonl"), *mapping);
    EXPECT_TRUE(c.ok()) << c.status();
    return c.ok() ? *c : std::shared_ptr<const Catalog>();
  }();
  return catalog;
}

inline std::shared_ptr<const Recommender> ShopRecommender(const RecommenderOptions& options = {}) {
  std::shared_ptr<const Catalog> catalog = ShopCatalog();
  if (!catalog) return nullptr;
  absl::StatusOr<std::shared_ptr<const Recommender>> r = Recommender::Create(catalog, options);
  EXPECT_TRUE(r.ok()) << r.status();
  return r.ok() ? *r : nullptr;
}

inline Money Eur(const char* amount) { return *Money::Parse(amount, "EUR"); }

inline std::vector<std::string> PickIds(const Recommendation& r) {
  std::vector<std::string> ids;
  for (const Pick& p : r.picks) ids.push_back(p.id);
  return ids;
}

// Every reason text of a pick, joined, for substring checks.
inline std::string ReasonText(const Pick& p) {
  std::string s;
  for (const Reason& r : p.reasons) s += r.text + " | ";
  return s;
}

inline const Reason* FindReason(const Pick& p, ReasonKind kind) {
  auto it = std::find_if(p.reasons.begin(), p.reasons.end(),
                         [&](const Reason& r) { return r.kind == kind; });
  return it == p.reasons.end() ? nullptr : &*it;
}

}  // namespace chatcart::testing

#endif  // CHATCART_RECOMMEND_TEST_SHOP_H_
