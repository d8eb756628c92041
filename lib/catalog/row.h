// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// RowValues: what the loader extracts from one JSON row through the mapping,
// before the row is committed to the catalog (a row that fails half-way
// leaves nothing behind). Reused from row to row to avoid allocations. Not
// thread-safe.

#ifndef CHATCART_CATALOG_ROW_H_
#define CHATCART_CATALOG_ROW_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace chatcart::catalog {

struct RowValues {
  std::string id, name, brand, model, description, image, url;
  std::vector<std::string> keys;  // one per mapping key, "" when absent
  std::vector<std::string> aliases;
  std::optional<int64_t> price, list_price;
  std::string currency;
  std::vector<std::string> category;
  std::optional<int64_t> stock;
  std::optional<double> rating;
  std::string group_key;  // folded; empty: own group

  struct Number {
    uint32_t column;
    double value;
  };
  struct Text {
    uint32_t column;
    std::string value;
  };
  struct List {
    uint32_t column;
    std::vector<std::string> values;
  };
  struct MapEntry {
    uint32_t map;
    std::string key;
    std::string value;
  };
  std::vector<Number> numbers;
  std::vector<Text> texts;  // kString, kEnum, kBool ("No"/"Yes")
  std::vector<List> lists;
  std::vector<MapEntry> map_entries;
  // "attribute: reason" for values dropped by drop_wrong_type.
  std::vector<std::string> dropped;

  void Clear() {
    id.clear();
    name.clear();
    brand.clear();
    model.clear();
    description.clear();
    image.clear();
    url.clear();
    for (std::string& k : keys) k.clear();
    aliases.clear();
    price.reset();
    list_price.reset();
    currency.clear();
    category.clear();
    stock.reset();
    rating.reset();
    group_key.clear();
    numbers.clear();
    texts.clear();
    lists.clear();
    map_entries.clear();
    dropped.clear();
  }
};

}  // namespace chatcart::catalog

#endif  // CHATCART_CATALOG_ROW_H_
