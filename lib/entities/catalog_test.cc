// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Brands, products, models and category names from a catalog: the demo store's
// (examples/bundles/demo/products.jsonl).

#include "chatcart/catalog.h"

#include <algorithm>

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
        // A short code of the name alone names it, unless another of its
        // shape beside it says formats are meant.
        Case{"it", "e quella professionale A3?", {"product:pr-zen10 \"A3\""}},
        Case{"it", "carta A4 o A3?", {}},
        Case{"fr", "papier A4 ou A3 ?", {}},
        // "To" (terabytes) and "1" are no words of "USB-C to Lightning Cable, 1 m".
        Case{"fr", "1 To minimum", {"number:1 \"1\""}},
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
        // Two PhotoZen printers fit "photozen": no product, the model.
        Case{"en", "photozen", {"model:PhotoZen \"photozen\""}},
        Case{"en",
             "is the canora photozn any good in white?",
             {"brand:Canora \"canora\"", "model:PhotoZen \"photozn\"", "colour:white \"white\""}},
        Case{"en",
             "two photozen printers under 400 euros",
             {"quantity:2 \"two\"", "model:PhotoZen \"photozen\"",
              "money:under ..400.00 EUR \"under 400 euros\""}},
        Case{"it", "la photozen è buona?", {"model:PhotoZen \"photozen\""}},
        Case{"fr", "la photozen est-elle bonne ?", {"model:PhotoZen \"photozen\""}},
        // Words many names share are no model: "junior" (three brands), "mini"
        // (not the start of Pixio Snap Mini), "robot" (not the start of either
        // name).
        Case{"en", "something junior", {}}, Case{"en", "a mini one", {}}, Case{"en", "a robot", {}},
        Case{"en", "something for gaming", {}},
        // Two products side by side; a model number glued ("cp400" for "CP-400").
        Case{"en",
             "titan 16 versus aero 14",
             {"product:lap-titan16 \"titan 16\"", "product:lap-aero14 \"aero 14\""}},
        Case{"en", "is a cp400 worth it", {"product:pr-cp400 \"cp400\""}},
        // Words no name holds around a name ("va", "quanto") do not hide it.
        Case{"it", "l'aero 15 pro quanto dura", {"product:lap-aero15 \"aero 15 pro\""}},
        // A coined word one name holds is enough; a plain one is not ("fox").
        Case{"en", "how loud are the quietone?", {"product:aud-quiet \"quietone\""}},
        Case{"en", "a fox", {}},
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
             {"product:lap-nimbus13 \"nimbus 13\"", "compatibility:android \"Android\""}},
        // A category word counts for no word of a name.
        Case{"en", "a gaming laptop", {"category:Laptops \"laptop\""}},
        // A category word as a modifier still counts ("Plush" is a category here).
        Case{"en", "the plush fox", {"product:toy-fox \"plush fox\""}},
        Case{
            "en", "the titan 16 gaming laptop", {"product:lap-titan16 \"titan 16 gaming laptop\""}},
        // A child noun may start a name, but names nothing alone.
        Case{"en",
             "is the kids keyboard good for a 6 year old",
             {"product:toy-keys \"kids keyboard\"", "age:6 \"6 year old\""}},
        Case{"en", "toys for kids", {"category:Toys \"toys\""}},
        // A count before a name is no word of it.
        Case{"en",
             "3 lightning cables",
             {"quantity:3 \"3\"", "product:acc-light \"lightning cables\""}},
        Case{"en",
             "2 kick scooters",
             {"quantity:2 \"2\"", "product:toy-scooter \"kick scooters\""}}));

TEST(CatalogNames, AModelSaysHowManyProductsCarryIt) {
  EntityExtractorOptions options;
  options.catalog = DemoCatalog().get();
  auto e = EntityExtractor::Create(options);
  ASSERT_TRUE(e.ok()) << e.status();
  const std::vector<Entity> found = (*e)->Extract("any photozen in stock?", "en");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].type, "model");
  EXPECT_EQ(found[0].value, "PhotoZen");
  EXPECT_EQ(found[0].number, 2);
  EXPECT_GT(found[0].confidence, 0.5);
  EXPECT_LE(found[0].confidence, 0.9);
}

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
TEST(CatalogNames, LargeCatalogNeedsARareWordAndFindsModels) {
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
  EXPECT_THAT(DescribeAll((*e)->Extract("a 4070", "en")),
              ElementsAreArray({"number:4070 \"4070\""}));

  // A brand stays a brand, though Asus sells a "Noctua OC" line.
  EXPECT_THAT(DescribeAll((*e)->Extract("noctua", "en")),
              ElementsAreArray({"brand:Noctua \"noctua\""}));
  // A model number with a k is no amount: the product wins.
  EXPECT_THAT(DescribeAll((*e)->Extract("core i5 14600k", "en")),
              ::testing::Not(::testing::Contains(::testing::StartsWith("money"))));

  // Models: a chipset many cards share, a line of CPU names.
  struct ModelCase {
    const char* text;
    const char* described;
    int64_t at_least;  // products carrying it
  };
  for (const ModelCase& c : {
           ModelCase{"the rtx 4070", "model:GeForce RTX 4070 \"rtx 4070\"", 50},
           ModelCase{"got a 4070 ti in stock?", "model:GeForce RTX 4070 Ti \"4070 ti\"", 50},
           ModelCase{"a geforce rtx 4070 super",
                     "model:GeForce RTX 4070 SUPER \"geforce rtx 4070 super\"", 20},
           ModelCase{"any ryzen 7 under 300 dollars?", "model:Ryzen 7 \"ryzen 7\"", 10},
           ModelCase{"Noctua NH-D15", "model:NH-D15 \"NH-D15\"", 2},
       }) {
    const std::vector<Entity> found = (*e)->Extract(c.text, "en");
    auto model =
        std::find_if(found.begin(), found.end(), [](const Entity& x) { return x.type == "model"; });
    ASSERT_NE(model, found.end()) << c.text;
    EXPECT_EQ(::chatcart::entities::testing::Describe(*model), c.described) << c.text;
    EXPECT_GE(model->number, c.at_least) << c.text;
  }
}

// Models from a searchable ENUM attribute, without the PC-parts data: the
// chipset many cards and boards share, whatever their names.
TEST(CatalogNames, ModelsFromAnAttribute) {
  constexpr char kMapping[] = R"pb(
    catalog_name: "parts"
    id: "id"
    name: "name"
    brand: "brand"
    price { path: "price" }
    default_currency: "USD"
    attributes { name: "chipset" path: "chipset" type: ENUM searchable: true }
    attributes { name: "interests" path: "interests" type: ENUM searchable: true }
  )pb";
  constexpr char kRows[] =
      R"({"id": "g1", "name": "Gigabyte WINDFORCE OC", "brand": "Gigabyte", "price": 599, "chipset": "GeForce RTX 4070"}
{"id": "g2", "name": "Asus DUAL EVO OC", "brand": "Asus", "price": 579, "chipset": "GeForce RTX 4070"}
{"id": "g3", "name": "MSI VENTUS 3X", "brand": "MSI", "price": 799, "chipset": "GeForce RTX 4070 Ti"}
{"id": "g4", "name": "Zotac Trinity", "brand": "Zotac", "price": 829, "chipset": "GeForce RTX 4070 Ti"}
{"id": "m1", "name": "Gigabyte EAGLE AX", "brand": "Gigabyte", "price": 189, "chipset": "AMD B650"}
{"id": "m2", "name": "MSI PRO WIFI", "brand": "MSI", "price": 179, "chipset": "AMD B650"}
{"id": "m3", "name": "Asus PRIME", "brand": "Asus", "price": 229, "chipset": "Intel Z790"}
{"id": "k1", "name": "Star Lab", "brand": "Kidco", "price": 29, "interests": "science"}
{"id": "k2", "name": "Moon Lab", "brand": "Kidco", "price": 39, "interests": "science"}
)";
  absl::StatusOr<v1::CatalogMapping> mapping = ParseCatalogMapping(kMapping, "parts.textproto");
  ASSERT_TRUE(mapping.ok()) << mapping.status();
  absl::StatusOr<std::shared_ptr<const Catalog>> catalog =
      Catalog::FromJsonlText(kRows, "parts.jsonl", *mapping);
  ASSERT_TRUE(catalog.ok()) << catalog.status();
  EntityExtractorOptions options;
  options.catalog = catalog->get();
  auto e = EntityExtractor::Create(options);
  ASSERT_TRUE(e.ok()) << e.status();
  struct ModelCase {
    const char* text;
    std::vector<std::string> described;
    int64_t products;  // of the model, when there is one
  };
  for (const ModelCase& c : {
           ModelCase{"the rtx 4070", {"model:GeForce RTX 4070 \"rtx 4070\""}, 2},
           ModelCase{"a 4070 ti", {"model:GeForce RTX 4070 Ti \"4070 ti\""}, 2},
           ModelCase{"any b650 board?", {"model:AMD B650 \"b650\""}, 2},
           // Digits alone are no model; a value without digits is none.
           ModelCase{"a 4070", {"number:4070 \"4070\""}, 0},
           ModelCase{"science", {}, 0},
       }) {
    const std::vector<Entity> found = (*e)->Extract(c.text, "en");
    EXPECT_THAT(DescribeAll(found), ElementsAreArray(c.described)) << c.text;
    for (const Entity& x : found) {
      if (x.type == "model") {
        EXPECT_EQ(x.number, c.products) << c.text;
      }
    }
  }
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
