// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Brands, products and category names from a catalog: the demo store's
// (examples/bundles/demo/products.jsonl).

#include "chatcart/catalog.h"

#include "chatcart/v1/catalog_mapping.pb.h"
#include "common/testing/data.h"
#include "entities/catalog_names.h"
#include "entities/test_util.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace chatcart::entities {
namespace {

using ::chatcart::entities::testing::Case;
using ::chatcart::entities::testing::DemoCatalog;
using ::chatcart::entities::testing::DescribeAll;
using ::testing::ElementsAreArray;

std::shared_ptr<const EntityExtractor> DemoExtractor() {
  EntityExtractorOptions options;
  options.currency = "EUR";
  options.catalog = DemoCatalog().get();
  auto e = EntityExtractor::Create(options);
  EXPECT_TRUE(e.ok()) << e.status();
  return *e;
}

class CatalogTest : public ::testing::TestWithParam<Case> {};

TEST_P(CatalogTest, FindsBrandsProductsAndCategories) {
  static const auto extractor = DemoExtractor();
  const Case& c = GetParam();
  EXPECT_THAT(DescribeAll(extractor->Extract(c.text, c.language)), ElementsAreArray(c.expected));
}

INSTANTIATE_TEST_SUITE_P(
    Demo, CatalogTest,
    ::testing::Values(
        Case{"en",
             "do you have the canora photozen 6 in black?",
             {"product:pr-zen6 \"canora photozen 6\"", "colour:black \"black\""}},
        Case{"en", "the photozen 10", {"product:pr-zen10 \"photozen 10\""}},
        Case{"en", "a photozn 6 please", {"product:pr-zen6 \"photozn 6\""}},
        Case{"en", "is the Lumo CP-400 any good?", {"product:pr-cp400 \"Lumo CP-400\""}},
        Case{"en", "a Titan 16 for gaming", {"product:lap-titan16 \"Titan 16\""}},
        Case{"en",
             "the brickville fire station for my 6 year old",
             {"product:toy-fire \"brickville fire station\"", "age:6 \"6 year old\""}},
        Case{"en", "canora", {"brand:Canora \"canora\""}},
        Case{"en",
             "anything from Brickville under 30 euros?",
             {"brand:Brickville \"Brickville\"", "money:under ..30.00 EUR \"under 30 euros\""}},
        Case{"en",
             "photo printers under 300 euros",
             {"category:Photo Printers \"photo printers\"",
              "money:under ..300.00 EUR \"under 300 euros\""}},
        Case{"en", "photozen", {}}, Case{"en", "something for gaming", {}},
        // A number alone is no product, though "Kodex Mini 2" ends in one.
        Case{"en", "can you do 2 for 50?", {"number:2 \"2\"", "number:50 \"50\""}},
        Case{"en",
             "I want 2 photo printers",
             {"quantity:2 \"2\"", "category:Photo Printers \"photo printers\""}},
        Case{"en", "the CP-400", {"product:pr-cp400 \"CP-400\""}},
        Case{"it", "due Dodo Family", {"quantity:2 \"due\"", "product:toy-dodo \"Dodo Family\""}},
        Case{"it", "vorrei la canora photozen 6", {"product:pr-zen6 \"canora photozen 6\""}},
        Case{"fr",
             "le nimbus 13 est compatible avec Android ?",
             {"product:lap-nimbus13 \"nimbus 13\"", "compatibility:android \"Android\""}}));

TEST(CatalogNames, CategoriesFromTheCatalogCanBeTurnedOff) {
  EntityExtractorOptions options;
  options.catalog = DemoCatalog().get();
  options.categories_from_catalog = false;
  auto e = EntityExtractor::Create(options);
  ASSERT_TRUE(e.ok()) << e.status();
  EXPECT_THAT(DescribeAll((*e)->Extract("photo printers", "en")), ::testing::IsEmpty());
}

TEST(CatalogNames, RejectsAScoreOutsideZeroToOne) {
  EntityExtractorOptions options;
  options.catalog_min_score = 1.5;
  EXPECT_FALSE(EntityExtractor::Create(options).ok());
}

// A large catalog (66,778 PC parts): a model number names one product; a
// number many names share ("16" GB, "4070" cards) names none.
TEST(CatalogNames, LargeCatalogNeedsARareWord) {
  CHATCART_REQUIRE_DATA_FILE(path, "pcparts/products.jsonl");
  absl::StatusOr<v1::CatalogMapping> mapping =
      LoadCatalogMapping(::chatcart::testing::SourceDir() + "/examples/catalogs/pcparts.textproto");
  ASSERT_TRUE(mapping.ok()) << mapping.status();
  absl::StatusOr<std::shared_ptr<const Catalog>> catalog = Catalog::LoadJsonl(path, *mapping);
  ASSERT_TRUE(catalog.ok()) << catalog.status();
  EntityExtractorOptions options;
  options.catalog = catalog->get();
  auto e = EntityExtractor::Create(options);
  ASSERT_TRUE(e.ok()) << e.status();
  EXPECT_THAT(DescribeAll((*e)->Extract("is the ryzen 7 7800x3d in stock?", "en")),
              ElementsAreArray({"product:cpu-00002 \"ryzen 7 7800x3d\""}));
  EXPECT_THAT(DescribeAll((*e)->Extract("a Kingston 16 GB", "en")),
              ElementsAreArray({"brand:Kingston \"Kingston\"", "number:16 \"16\""}));
  EXPECT_THAT(DescribeAll((*e)->Extract("the rtx 4070", "en")),
              ElementsAreArray({"number:4070 \"4070\""}));
}

TEST(WithinEdits, CountsInsertionsDeletionsAndSubstitutions) {
  EXPECT_TRUE(WithinEdits("photozen", "photozen", 0));
  EXPECT_TRUE(WithinEdits("photozn", "photozen", 1));
  EXPECT_TRUE(WithinEdits("fotozen", "photozen", 2));
  EXPECT_FALSE(WithinEdits("fotozen", "photozen", 1));
  EXPECT_FALSE(WithinEdits("abc", "xyz", 2));
  EXPECT_TRUE(WithinEdits("", "ab", 2));
}

}  // namespace
}  // namespace chatcart::entities
