// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Tests' access to the real catalogs (../shared/data: pcparts, bestbuy,
// flipkart, through examples/catalogs/<name>.textproto) and the demo bundle's
// catalog, each loaded once per test binary with its recommender.

#ifndef CHATCART_RECOMMEND_REAL_SHOPS_H_
#define CHATCART_RECOMMEND_REAL_SHOPS_H_

#include <map>
#include <memory>
#include <string>

#include "chatcart/catalog.h"
#include "chatcart/recommend.h"
#include "chatcart/v1/catalog_mapping.pb.h"
#include "common/testing/data.h"
#include "gtest/gtest.h"

namespace chatcart::testing {

struct RealShop {
  std::shared_ptr<const Catalog> catalog;
  std::shared_ptr<const Recommender> recommender;
};

// "pcparts", "bestbuy", "flipkart" (from the shared data; nullptr when the
// file is absent) or "demo" (examples/bundles/demo). Loads once.
inline const RealShop* LoadShop(const std::string& name) {
  static auto* cache = new std::map<std::string, RealShop>();
  if (auto it = cache->find(name); it != cache->end()) return &it->second;
  std::string products, mapping_path;
  if (name == "demo") {
    const std::string dir = SourceDir() + "/examples/bundles/demo/";
    products = dir + "products.jsonl";
    mapping_path = dir + "products.mapping.textproto";
  } else {
    std::optional<std::string> file = DataFile(name + "/products.jsonl");
    if (!file) return nullptr;
    products = *file;
    mapping_path = SourceDir() + "/examples/catalogs/" + name + ".textproto";
  }
  absl::StatusOr<v1::CatalogMapping> mapping = LoadCatalogMapping(mapping_path);
  EXPECT_TRUE(mapping.ok()) << mapping.status();
  if (!mapping.ok()) return nullptr;
  absl::StatusOr<std::shared_ptr<const Catalog>> catalog = Catalog::LoadJsonl(products, *mapping);
  EXPECT_TRUE(catalog.ok()) << catalog.status();
  if (!catalog.ok()) return nullptr;
  absl::StatusOr<std::shared_ptr<const Recommender>> r = Recommender::Create(*catalog);
  EXPECT_TRUE(r.ok()) << r.status();
  if (!r.ok()) return nullptr;
  return &cache->emplace(name, RealShop{*catalog, *r}).first->second;
}

}  // namespace chatcart::testing

#endif  // CHATCART_RECOMMEND_REAL_SHOPS_H_
