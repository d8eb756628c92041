// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// JsonPath: a compiled mapping path ("source_specs.speed[1]", "images[0]")
// resolved against a simdjson DOM element. Immutable; thread-safe.

#ifndef CHATCART_CATALOG_JSON_PATH_H_
#define CHATCART_CATALOG_JSON_PATH_H_

#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "simdjson.h"

namespace chatcart::catalog {

class JsonPath {
 public:
  JsonPath() = default;

  // Compiles `text`: keys joined by '.', array elements as [i], '\' escaping
  // '.', '[' and '\' inside a key. INVALID_ARGUMENT for an empty path, an
  // empty key, a bad index or a dangling escape.
  static absl::StatusOr<JsonPath> Parse(std::string_view text);

  bool empty() const { return steps_.empty(); }
  const std::string& text() const { return text_; }

  // Outcome of Resolve.
  enum class Result {
    kFound,     // *out holds the value (never JSON null)
    kAbsent,    // a key is missing, an index is out of range, or the value is null
    kWrongType  // a step met a value that is not an object (key) or array (index)
  };
  Result Resolve(simdjson::dom::element root, simdjson::dom::element* out) const;

  // The steps, for the loader's key dispatch.
  size_t size() const { return steps_.size(); }
  bool is_key(size_t i) const { return steps_[i].index < 0; }
  const std::string& key(size_t i) const { return steps_[i].key; }
  // The path of steps [from, size()); its text() stays the whole path's, for
  // messages.
  JsonPath Tail(size_t from) const;
  // The path of steps [0, n), same text().
  JsonPath Head(size_t n) const;

 private:
  struct Step {
    std::string key;  // used when index < 0
    int64_t index = -1;
  };
  std::string text_;
  std::vector<Step> steps_;
};

}  // namespace chatcart::catalog

#endif  // CHATCART_CATALOG_JSON_PATH_H_
