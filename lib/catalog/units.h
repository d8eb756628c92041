// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Unit conversion for filters ("capacity>=2 TB" on a GB column) and lookup
// terms ("2tb" for 2000 GB). A small table of SI-style units by dimension;
// storage units are decimal (1 TB = 1000 GB), as drive makers label them.
// Thread-safe (pure functions).

#ifndef CHATCART_CATALOG_UNITS_H_
#define CHATCART_CATALOG_UNITS_H_

#include <optional>
#include <string>
#include <string_view>

namespace chatcart::catalog {

// `value` in unit `from` expressed in unit `to` (case-insensitive names);
// nullopt when either unit is unknown or they measure different things.
// Equal names always convert (factor 1), known or not.
std::optional<double> ConvertUnit(double value, std::string_view from, std::string_view to);

// The next larger unit of the same dimension and the factor to it ("GB" ->
// {"TB", 1000}, "MHz" -> {"GHz", 1000}); nullopt when none.
struct LargerUnit {
  std::string unit;
  double factor;
};
std::optional<LargerUnit> NextLargerUnit(std::string_view unit);

}  // namespace chatcart::catalog

#endif  // CHATCART_CATALOG_UNITS_H_
