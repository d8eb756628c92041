// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Compiling a CatalogMapping (proto/chatcart/v1/catalog_mapping.proto) into
// what the loader runs: parsed paths, attribute declarations grouped into
// columns, every conflict reported before a row is read. Immutable after
// compilation; thread-safe.

#ifndef CHATCART_CATALOG_MAPPING_H_
#define CHATCART_CATALOG_MAPPING_H_

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "catalog/json_path.h"
#include "chatcart/catalog.h"
#include "chatcart/v1/catalog_mapping.pb.h"

namespace chatcart::catalog {

// One attribute column.
struct ColumnSpec {
  std::string name;
  std::string label;
  std::string unit;
  AttributeType type = AttributeType::kString;
  bool compatibility = false;
  bool searchable = false;
  bool variant_axis = false;
  LocalizedLabels labels;                                            // Attribute.labels
  std::map<std::string, LocalizedLabels, std::less<>> value_labels;  // key: value, ASCII lower case
};

// One declaration feeding a column.
struct AttributeSource {
  uint32_t column = 0;
  JsonPath path;
  double scale = 1;
  v1::Attribute::Reduce reduce = v1::Attribute::NONE;
  JsonPath when_path;  // empty: always
  std::vector<std::string> when_equals;
  bool drop_wrong_type = false;
};

struct MapSource {
  JsonPath path;
  AttributeType type = AttributeType::kEnum;
  std::string prefix;
  int32_t min_rows = 1;
  std::vector<std::string> exclude_keys;
};

struct PriceSpec {
  JsonPath path;  // empty: none
  bool minor_units = false;
};

struct KeySpec {
  std::string name;
  JsonPath path;
};

// A CatalogMapping.quality entry, checked: its columns are NUMBER ones.
struct QualityDecl {
  std::string category;
  std::vector<QualityAttribute> attributes;  // AttributeId = column index here
  int index = 0;                             // in the mapping, for messages
};

struct CompiledMapping {
  std::string catalog_name;
  JsonPath id, name, brand, model, description, image, url;
  std::vector<KeySpec> keys;
  std::vector<JsonPath> aliases;
  PriceSpec price, list_price;
  JsonPath currency;
  std::string default_currency;
  JsonPath category;
  std::string category_separator;
  JsonPath stock, rating;
  std::vector<JsonPath> group_by;
  std::vector<std::string> axes;  // column names
  std::vector<ColumnSpec> columns;
  std::vector<AttributeSource> sources;
  std::vector<MapSource> maps;
  std::vector<QualityDecl> quality;
};

// Says where a mapping field is, for messages: ("attributes", 3) ->
// "pcparts.textproto:41". `index` is -1 for a singular field.
using MappingLocator = std::function<std::string(std::string_view field, int index)>;

// Validates and compiles. Errors are INVALID_ARGUMENT, prefixed by the
// locator's answer for the offending field.
absl::StatusOr<CompiledMapping> CompileMapping(const v1::CatalogMapping& mapping,
                                               const MappingLocator& locate);

// Folds an attribute-map key or label into a column name: lower case ASCII
// letters, digits and '_' ("Ideal For" -> "ideal_for", "Pack of" -> "pack_of").
std::string ColumnNameFromKey(std::string_view key);

}  // namespace chatcart::catalog

#endif  // CHATCART_CATALOG_MAPPING_H_
