// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Catalog::Select takes one of two paths: an indexed constraint drives
// (its postings, refined by the others product by product), or every
// constraint fills a bitmap by a scan and the bitmaps are intersected. A
// constraint alone is always its postings or its scan, so on randomized
// catalogs and queries Select of several constraints must equal the
// intersection of each constraint's own selection, whichever path it took.

#include <memory>
#include <random>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "chatcart/catalog.h"
#include "chatcart/v1/catalog_mapping.pb.h"
#include "gtest/gtest.h"

namespace chatcart {
namespace {

constexpr char kMapping[] = R"pb(
  catalog_name: "random"
  id: "id"
  name: "name"
  brand: "brand"
  price { path: "price" }
  default_currency: "USD"
  category { path: "cat" }
  rating: "rating"
  attributes { name: "dense" path: "specs.dense" type: NUMBER }
  attributes { name: "sparse" path: "specs.sparse" type: NUMBER }
  attributes { name: "color" path: "specs.color" type: ENUM }
)pb";

const char* const kCategories[] = {"Memory", "Storage", "Fans", "Cases"};
const char* const kBrands[] = {"A", "B", "C", "D", "E"};
const char* const kColors[] = {"Black", "White", "Red"};

// Rows whose first category holds about half of the products (a driver too
// large for the 1/8 rule), the others fewer; a dense column (90 % of rows),
// a sparse one (in "Memory" rows only), prices on 60 % of rows.
std::string RandomRows(std::mt19937& rng, int n) {
  std::string rows;
  for (int i = 0; i < n; ++i) {
    const int cat = rng() % 2 == 0 ? 0 : 1 + static_cast<int>(rng() % 3);
    std::string specs = absl::StrCat("\"color\": \"", kColors[rng() % 3], "\"");
    if (rng() % 10 != 0) absl::StrAppend(&specs, ", \"dense\": ", rng() % 64);
    if (cat == 0 && rng() % 3 != 0) absl::StrAppend(&specs, ", \"sparse\": ", rng() % 32);
    absl::StrAppend(&rows, "{\"id\": \"p", i, "\", \"name\": \"Part ", i, "\", \"brand\": \"",
                    kBrands[rng() % 5], "\", \"cat\": [\"", kCategories[cat], "\"]");
    if (rng() % 5 < 3) absl::StrAppend(&rows, ", \"price\": \"", 1 + rng() % 300, ".00\"");
    if (rng() % 2 == 0) absl::StrAppend(&rows, ", \"rating\": ", rng() % 50 / 10.0);
    absl::StrAppend(&rows, ", \"specs\": {", specs, "}}\n");
  }
  return rows;
}

std::string RandomConstraint(std::mt19937& rng) {
  const char* const ops[] = {"<=", ">=", "<", ">", "=", "!="};
  const char* op = ops[rng() % 6];
  switch (rng() % 7) {
    case 0:
      return absl::StrCat("category=", kCategories[rng() % 2 == 0 ? 0 : rng() % 4]);
    case 1:
      return absl::StrCat("brand=", kBrands[rng() % 5]);
    case 2:
      return absl::StrCat("color", rng() % 4 == 0 ? "!=" : "=", kColors[rng() % 3]);
    case 3:
      return absl::StrCat("dense", op, rng() % 64);
    case 4:
      return absl::StrCat("sparse", op, rng() % 32);
    case 5:
      return absl::StrCat("price", ops[rng() % 4], 1 + rng() % 300, " USD");
    default:
      return absl::StrCat("rating", ops[rng() % 4], rng() % 50 / 10.0);
  }
}

TEST(SelectPaths, DrivenAndScannedSelectionsAgreeOnRandomQueries) {
  absl::StatusOr<v1::CatalogMapping> mapping = ParseCatalogMapping(kMapping, "random.textproto");
  ASSERT_TRUE(mapping.ok()) << mapping.status();
  for (uint32_t seed = 1; seed <= 4; ++seed) {
    std::mt19937 rng(seed);
    absl::StatusOr<std::shared_ptr<const Catalog>> catalog =
        Catalog::FromJsonlText(RandomRows(rng, 3000), "random.jsonl", *mapping);
    ASSERT_TRUE(catalog.ok()) << catalog.status();
    const Catalog& c = **catalog;
    // The category drives past the 1/8 rule only by the cost rule.
    const Constraint memory = *Constraint::Parse("category=Memory");
    ASSERT_GT(c.Select({&memory, 1})->Count(), c.size() / 8);
    for (int q = 0; q < 300; ++q) {
      std::vector<Constraint> constraints;
      std::string text;
      // Half of the queries start with the large category, the driver the
      // cost rule lets drive.
      if (q % 2 == 0) constraints.push_back(memory);
      const int more = 1 + static_cast<int>(rng() % 3);
      for (int k = 0; k < more; ++k) {
        absl::StatusOr<Constraint> parsed = Constraint::Parse(RandomConstraint(rng));
        ASSERT_TRUE(parsed.ok()) << parsed.status();
        constraints.push_back(*parsed);
      }
      ProductSet expected = ProductSet::All(c.size());
      for (const Constraint& one : constraints) {
        absl::StatusOr<ProductSet> alone = c.Select({&one, 1});
        ASSERT_TRUE(alone.ok()) << alone.status();
        expected.IntersectWith(*alone);
        absl::StrAppend(&text, one.ToString(), "; ");
      }
      absl::StatusOr<ProductSet> together = c.Select(constraints);
      ASSERT_TRUE(together.ok()) << together.status();
      EXPECT_EQ(together->ToVector(), expected.ToVector()) << "seed " << seed << ": " << text;
    }
  }
}

}  // namespace
}  // namespace chatcart
