// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Attribute values for people in the session's language: numbers with the
// language's decimal separator and their unit translated ("12 years" ->
// "12 anni", "13,3 pouces"), amounts in cents as money in the store's
// currency ("8 cents" -> "0,08 €"), list and enum values through the
// mapping's value labels. Pure functions; thread-safe.

#ifndef CHATCART_ENGINE_UNITS_H_
#define CHATCART_ENGINE_UNITS_H_

#include <string>
#include <string_view>

#include "chatcart/catalog.h"

namespace chatcart::engine {

// `unit` ("years", "in", "h", "GB") in `language` ("it"); the unit itself
// when it has no translation or needs none.
std::string_view UnitIn(std::string_view unit, std::string_view language);

// Product `i`'s value of attribute `a` for people in `language`; money
// units ("cents") are formatted in `currency` for `locale`. Empty when the
// product has no value.
std::string LocalizedValue(const Catalog& catalog, AttributeId a, ProductIndex i,
                           std::string_view language, std::string_view currency,
                           std::string_view locale);

}  // namespace chatcart::engine

#endif  // CHATCART_ENGINE_UNITS_H_
