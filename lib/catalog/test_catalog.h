// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// A small mapping and catalog for the catalog's unit tests.

#ifndef CHATCART_CATALOG_TEST_CATALOG_H_
#define CHATCART_CATALOG_TEST_CATALOG_H_

#include <memory>
#include <string>

#include "chatcart/catalog.h"
#include "chatcart/v1/catalog_mapping.pb.h"
#include "gtest/gtest.h"

namespace chatcart::testing {

inline constexpr char kTestMapping[] = R"pb(
  catalog_name: "test"
  id: "id"
  name: "name"
  brand: "brand"
  keys { name: "sku" path: "sku" }
  price { path: "price" }
  currency: "currency"
  default_currency: "USD"
  category { path: "cat" }
  rating: "rating"
  stock: "stock"
  variants { group_by: "name" axes: "gb" }
  attributes { name: "gb" path: "specs.gb" type: NUMBER unit: "GB" label: "Capacity" }
  attributes { name: "color" path: "specs.color" type: ENUM }
  attributes { name: "wireless" path: "specs.wireless" type: BOOL }
  attributes { name: "ports" path: "specs.ports" type: LIST }
  attributes { name: "note" path: "specs.note" type: STRING }
)pb";

inline constexpr char kTestRows[] =
    R"({"id": "p1", "sku": 1001, "name": "Samsung 990 Pro", "brand": "Samsung", "price": "149.99", "cat": ["Storage", "SSD"], "specs": {"gb": 2000, "color": "Black"}, "stock": 5})"
    "\n"
    R"({"id": "p2", "sku": 1002, "name": "Samsung 990 Pro", "brand": "Samsung", "price": "89.99", "cat": ["Storage", "SSD"], "specs": {"gb": 1000, "color": "Black"}})"
    "\n"
    R"({"id": "p3", "name": "Crucial P3 Plus", "brand": "Crucial", "price": 56.95, "cat": ["Storage", "SSD"], "specs": {"gb": 1000}})"
    "\n"
    R"({"id": "p4", "name": "WD Blue", "brand": "Western Digital", "price": null, "cat": ["Storage", "HDD"], "specs": {"gb": 4000, "color": "blue"}})"
    "\n"
    "\n"
    R"({"id": "p5", "name": "Logitech MX Master 3S", "brand": "Logitech", "price": "99", "cat": ["Peripherals", "Mice"], "rating": "4.5", "specs": {"color": "Graphite", "wireless": true, "ports": ["USB-C", "Bluetooth"]}})"
    "\n"
    R"({"id": "p6", "name": "Razer DeathAdder", "brand": "Razer", "price": "49.90", "cat": ["Peripherals", "Mice"], "rating": 4, "specs": {"color": "Black", "wireless": "no", "ports": ["USB-A"], "note": "wired"}})"
    "\n"
    R"({"id": "p7", "name": "Mystery Part", "price": "10", "currency": "EUR"})"
    "\n";

inline v1::CatalogMapping TestMapping() {
  absl::StatusOr<v1::CatalogMapping> m = ParseCatalogMapping(kTestMapping, "test.textproto");
  EXPECT_TRUE(m.ok()) << m.status();
  return m.ok() ? *m : v1::CatalogMapping();
}

inline std::shared_ptr<const Catalog> TestCatalog() {
  absl::StatusOr<std::shared_ptr<const Catalog>> c =
      Catalog::FromJsonlText(kTestRows, "test.jsonl", TestMapping());
  EXPECT_TRUE(c.ok()) << c.status();
  return c.ok() ? *c : nullptr;
}

}  // namespace chatcart::testing

#endif  // CHATCART_CATALOG_TEST_CATALOG_H_
