// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// RowParser: one JSON Lines row -> RowValues, through a compiled mapping.
// Every problem comes back as a RowError with a short reason (the key the
// load report counts skipped rows under) and a message naming the field. Not
// thread-safe (it owns a simdjson parser); one per load.

#ifndef CHATCART_CATALOG_ROW_PARSER_H_
#define CHATCART_CATALOG_ROW_PARSER_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "catalog/mapping.h"
#include "catalog/row.h"
#include "simdjson.h"

namespace chatcart::catalog {

struct RowError {
  std::string reason;   // "malformed JSON", "missing field \"id\"", "unparsable price", ...
  std::string message;  // "field \"price\": \"1.234\" has more decimals than USD allows"
};

class RowParser {
 public:
  explicit RowParser(const CompiledMapping* mapping);

  // Parses `line`, which must be followed in memory by at least
  // simdjson::SIMDJSON_PADDING readable bytes. Returns false and fills
  // *error on a bad row; *row is then unspecified.
  bool Parse(std::string_view line, RowValues* row, RowError* error);

 private:
  bool ParseRow(simdjson::dom::element root, RowValues* row, RowError* error);
  bool ParseAttributes(simdjson::dom::element root, RowValues* row, RowError* error);

  // Resolves every attribute source of the row into resolved_/found_.
  void ResolveSources(simdjson::dom::element root);
  // Whether source s's "when" condition holds (cached per row).
  bool When(simdjson::dom::element root, size_t s);

  const CompiledMapping* mapping_;
  simdjson::dom::parser parser_;

  // Many sources under one object ("source_specs.*"): the object's fields are
  // walked once and dispatched by key, instead of one key search per source.
  struct Dispatch {
    JsonPath parent;
    std::vector<uint32_t> sources;
    absl::flat_hash_map<std::string, std::vector<std::pair<uint32_t, JsonPath>>> by_key;
  };
  std::vector<Dispatch> dispatch_;
  std::vector<uint32_t> direct_;  // sources resolved one by one
  std::vector<JsonPath::Result> resolved_;
  std::vector<simdjson::dom::element> found_;
  std::vector<uint32_t> present_;  // sources not kAbsent in this row, ascending
  // Distinct "when" paths, each resolved at most once per row.
  std::vector<JsonPath> when_paths_;
  std::vector<int> when_of_;        // per source, -1 for none
  std::vector<int8_t> when_state_;  // per when path: 0 unknown, 1 string, 2 none
  std::vector<std::string_view> when_value_;
};

}  // namespace chatcart::catalog

#endif  // CHATCART_CATALOG_ROW_PARSER_H_
