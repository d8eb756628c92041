// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Catalog::Rep: everything a loaded catalog holds. Built by CatalogBuilder,
// then immutable and shared read-only across threads.

#ifndef CHATCART_CATALOG_CATALOG_REP_H_
#define CHATCART_CATALOG_CATALOG_REP_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "catalog/lexicon.h"
#include "catalog/string_column.h"
#include "chatcart/catalog.h"

namespace chatcart {

// One attribute's storage.
struct AttributeStore {
  AttributeInfo info;
  NumberColumn numbers;                 // kNumber
  CodeColumn codes;                     // kString, kEnum, kBool
  std::vector<std::string> dictionary;  // code -> value
  // kList: rows with values (ascending), their [offsets[k], offsets[k+1]) in
  // list_codes.
  std::vector<ProductIndex> list_rows;
  std::vector<uint32_t> list_offsets;
  std::vector<uint32_t> list_codes;
  // kEnum, kBool, kList: products per code.
  catalog::Postings postings;
  // kEnum, kBool, kList: folded value -> codes with that folded form.
  absl::flat_hash_map<std::string, std::vector<uint32_t>> folded_codes;

  size_t MemoryUsage() const;
};

struct CatalogKey {
  std::string name;
  catalog::StringColumn values;
  std::unique_ptr<catalog::KeyIndex> index;
};

struct Catalog::Rep {
  std::string name;
  size_t size = 0;

  catalog::StringColumn ids, names, models, descriptions, images, urls;
  std::unique_ptr<catalog::KeyIndex> id_index;
  std::vector<CatalogKey> keys;

  // Brands: codes 1..brands.size() (0 = none), postings by code - 1.
  std::vector<std::string> brands;
  std::vector<uint32_t> brand_of;
  catalog::Postings brand_postings;
  absl::flat_hash_map<std::string, std::vector<uint32_t>> folded_brands;  // -> codes

  // Prices in minor units (kNoPrice when none); the currency per product when
  // there are several (index into currencies), else empty.
  std::vector<int64_t> price, list_price;
  std::vector<std::string> currencies;
  std::vector<uint8_t> currency_of;
  NumberColumn rating;
  Column<int64_t> stock;

  // Categories in preorder: node c's subtree is [c, nodes[c].subtree_end).
  std::vector<CategoryNode> categories;
  std::vector<uint32_t> category_of;
  catalog::Postings category_products;  // products directly in each node
  absl::flat_hash_map<std::string, std::vector<CategoryId>> folded_categories;

  // Variant groups: group_of[i], and each group's members ascending.
  std::vector<uint32_t> group_of;
  catalog::Postings groups;
  std::vector<AttributeId> variant_axes;

  std::vector<AttributeStore> attributes;
  std::vector<AttributeInfo> infos;  // attributes[a].info, contiguous for attributes()
  absl::flat_hash_map<std::string, AttributeId> attribute_by_name;  // folded name and label

  // Quality declarations, and per category the index of the one that holds
  // for it (-1: none).
  std::vector<QualitySpec> quality;
  std::vector<int32_t> quality_of_category;

  catalog::Lexicon lexicon;

  size_t MemoryUsage() const;
};

}  // namespace chatcart

#endif  // CHATCART_CATALOG_CATALOG_REP_H_
