// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "catalog/mapping.h"

#include <string>

#include "chatcart/catalog.h"
#include "chatcart/v1/catalog_mapping.pb.h"
#include "common/testing/data.h"
#include "common/testing/status_matchers.h"
#include "common/utf8_scrub.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace chatcart {
namespace {

using ::chatcart::testing::StatusIs;
using ::testing::HasSubstr;
using ::testing::StartsWith;

TEST(CatalogMapping, TheShippedMappingsLoad) {
  for (const char* name : {"bestbuy", "pcparts", "flipkart"}) {
    std::string path =
        ::chatcart::testing::SourceDir() + "/examples/catalogs/" + name + ".textproto";
    absl::StatusOr<v1::CatalogMapping> mapping = LoadCatalogMapping(path);
    ASSERT_TRUE(mapping.ok()) << mapping.status();
    EXPECT_EQ(mapping->catalog_name(), name);
  }
}

TEST(CatalogMapping, TheDemoBundlesCatalogLoads) {
  const std::string dir = ::chatcart::testing::SourceDir() + "/examples/bundles/demo/";
  absl::StatusOr<v1::CatalogMapping> mapping =
      LoadCatalogMapping(dir + "products.mapping.textproto");
  ASSERT_TRUE(mapping.ok()) << mapping.status();
  CatalogLoadReport report;
  absl::StatusOr<std::shared_ptr<const Catalog>> c =
      Catalog::LoadJsonl(dir + "products.jsonl", *mapping, {}, &report);
  ASSERT_TRUE(c.ok()) << c.status();
  EXPECT_GT((*c)->size(), 0u);
  EXPECT_EQ(report.rows_skipped, 0);
}

TEST(CatalogMapping, ASyntaxErrorNamesFileLineAndColumn) {
  EXPECT_THAT(ParseCatalogMapping("id: \"id\"\nname: \"name\"\nbogus: 1\n", "m.textproto"),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("m.textproto:3:")));
}

struct BadMapping {
  const char* text;
  const char* message;
};

class CatalogMappingRejects : public ::testing::TestWithParam<BadMapping> {};

TEST_P(CatalogMappingRejects, WithFileLineAndWhat) {
  EXPECT_THAT(ParseCatalogMapping(GetParam().text, "m.textproto"),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr(GetParam().message)));
}

INSTANTIATE_TEST_SUITE_P(
    Table, CatalogMappingRejects,
    ::testing::Values(
        BadMapping{"name: \"n\"\n", "\"id\" is required"},
        BadMapping{"id: \"id\"\n", "\"name\" is required"},
        BadMapping{"id: \"a..b\"\nname: \"n\"\n", "m.textproto:1: path \"a..b\": empty key"},
        BadMapping{"id: \"id\"\nname: \"n\"\nprice { path: \"p\" }\n",
                   "needs \"currency\" or \"default_currency\""},
        BadMapping{"id: \"id\"\nname: \"n\"\ndefault_currency: \"XXY\"\n", "XXY"},
        BadMapping{"id: \"id\"\nname: \"n\"\n\nattributes { name: \"Bad Name\" path: \"x\" }\n",
                   "m.textproto:4: attribute name \"Bad Name\" must be lower case"},
        BadMapping{"id: \"id\"\nname: \"n\"\nattributes { name: \"price\" path: \"x\" }\n",
                   "reserved"},
        BadMapping{"id: \"id\"\nname: \"n\"\nattributes { name: \"a\" path: \"x\" type: ENUM "
                   "unit: \"GB\" }\n",
                   "NUMBER attributes only"},
        BadMapping{"id: \"id\"\nname: \"n\"\nattributes { name: \"a\" path: \"x\" }\n"
                   "attributes { name: \"a\" path: \"y\" }\n",
                   "needs a \"when\""},
        BadMapping{"id: \"id\"\nname: \"n\"\n"
                   "attributes { name: \"a\" path: \"x\" when { path: \"t\" equals: \"1\" } }\n"
                   "attributes { name: \"a\" path: \"y\" unit: \"GB\" when { path: \"t\" "
                   "equals: \"2\" } }\n",
                   "m.textproto:4: attribute \"a\" is declared again with another type or unit"},
        BadMapping{"id: \"id\"\nname: \"n\"\nvariants { axes: \"nope\" }\n",
                   "variant axis \"nope\" is not a declared attribute"},
        BadMapping{"id: \"id\"\nname: \"n\"\nkeys { name: \"sku\" path: \"s\" }\n"
                   "keys { name: \"sku\" path: \"t\" }\n",
                   "m.textproto:4: key \"sku\" declared twice"},
        BadMapping{"id: \"id\"\nname: \"n\"\nattributes { name: \"a\" path: \"x\" type: ENUM "
                   "labels { key: \"it-IT\" value: \"A\" } }\n",
                   "m.textproto:3: attribute \"a\": labels: \"it-IT\" is not a language code"},
        BadMapping{"id: \"id\"\nname: \"n\"\nattributes { name: \"a\" path: \"x\" type: ENUM "
                   "labels { key: \"it\" value: \"\" } }\n",
                   "attribute \"a\": labels: the \"it\" label is empty"},
        BadMapping{"id: \"id\"\nname: \"n\"\nattributes { name: \"a\" path: \"x\" "
                   "value_labels { value: \"1\" labels { key: \"it\" value: \"uno\" } } }\n",
                   "value_labels apply to ENUM, BOOL, STRING and LIST only"},
        BadMapping{"id: \"id\"\nname: \"n\"\nattributes { name: \"a\" path: \"x\" type: LIST "
                   "value_labels { value: \"x\" } }\n",
                   "attribute \"a\": value_labels \"x\": no labels"},
        BadMapping{"id: \"id\"\nname: \"n\"\nattributes { name: \"a\" path: \"x\" type: LIST "
                   "value_labels { labels { key: \"it\" value: \"y\" } } }\n",
                   "a value_labels entry has no value"},
        BadMapping{"id: \"id\"\nname: \"n\"\nattributes { name: \"a\" path: \"x\" type: ENUM "
                   "value_labels { value: \"Red\" labels { key: \"it\" value: \"rosso\" } }\n"
                   "value_labels { value: \"red\" labels { key: \"it\" value: \"rossa\" } } }\n",
                   "value_labels \"red\": \"it\" is labelled both \"rosso\" and \"rossa\""},
        BadMapping{"id: \"id\"\nname: \"n\"\n"
                   "attributes { name: \"a\" path: \"x\" labels { key: \"fr\" value: \"A\" } "
                   "when { path: \"t\" equals: \"1\" } }\n"
                   "attributes { name: \"a\" path: \"y\" labels { key: \"fr\" value: \"B\" } "
                   "when { path: \"t\" equals: \"2\" } }\n",
                   "m.textproto:4: attribute \"a\": labels: \"fr\" is labelled both"}));

TEST(CatalogMapping, LabelsAndValueLabelsSpeakTheSessionsLanguage) {
  absl::StatusOr<v1::CatalogMapping> m = ParseCatalogMapping(
      R"(id: "id" name: "name"
         attributes { name: "hobby" path: "hobby" type: LIST label: "Hobbies"
           labels { key: "it" value: "Passioni" } labels { key: "fr" value: "Loisirs" }
           value_labels { value: "science" labels { key: "it" value: "scienza" } }
           value_labels { value: "windows_phone" labels { key: "*" value: "Windows Phone" } } }
         attributes { name: "colour" path: "colour" type: ENUM })",
      "m.textproto");
  ASSERT_TRUE(m.ok()) << m.status();
  absl::StatusOr<std::shared_ptr<const Catalog>> c =
      Catalog::FromJsonlText(R"({"id": "1", "name": "Kit", "colour": "red",)"
                             R"( "hobby": ["Science", "windows_phone", "music"]})",
                             "rows.jsonl", *m);
  ASSERT_TRUE(c.ok()) << c.status();
  const AttributeInfo& hobby = (*c)->attributes()[*(*c)->FindAttribute("hobby")];
  EXPECT_EQ(hobby.LabelIn("it"), "Passioni");
  EXPECT_EQ(hobby.LabelIn("fr-CH"), "Loisirs");
  EXPECT_EQ(hobby.LabelIn("IT_it"), "Passioni");
  EXPECT_EQ(hobby.LabelIn("en"), "Hobbies");
  EXPECT_EQ(hobby.LabelIn(""), "Hobbies");
  EXPECT_EQ(hobby.ValueIn("SCIENCE", "it"), "scienza");
  EXPECT_EQ(hobby.ValueIn("science", "fr"), "science");
  EXPECT_EQ(hobby.ValueIn("windows_phone", "en"), "Windows Phone");
  EXPECT_EQ(hobby.ValueIn("music", "it"), "music");
  EXPECT_EQ((*c)->AttributeValueText(hobby.id, 0, "it-IT"), "scienza, Windows Phone, music");
  EXPECT_EQ((*c)->AttributeValueText(hobby.id, 0, "fr"), "Science, Windows Phone, music");
  EXPECT_EQ((*c)->AttributeValueText(hobby.id, 0), "Science, windows_phone, music");
  const AttributeInfo& colour = (*c)->attributes()[*(*c)->FindAttribute("colour")];
  EXPECT_EQ(colour.LabelIn("it"), "colour");
  EXPECT_EQ((*c)->AttributeValueText(colour.id, 0, "it"), "red");
}

TEST(CatalogMapping, ReadsProtobufJson) {
  absl::StatusOr<v1::CatalogMapping> m = ParseCatalogMapping(
      R"({"catalogName": "j", "id": "sku", "name": "title",
          "attributes": [{"name": "gb", "path": "cap", "type": "NUMBER", "unit": "GB"}]})",
      "m.json", /*json=*/true);
  ASSERT_TRUE(m.ok()) << m.status();
  EXPECT_EQ(m->attributes(0).unit(), "GB");
  EXPECT_THAT(ParseCatalogMapping(R"({"id": 5)", "m.json", true),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("m.json")));
}

// Issue #22: protobuf's JSON parser quotes the input in its complaint (an
// unknown key or a bad value whole, the bytes around a syntax error as they
// are), and the mapping passed it on: a 1 MB key made a 1 MB error,
// ill-formed bytes an error no protobuf string or JSON could hold. It is
// echoed now, after the mapping's name.
TEST(CatalogMapping, Issue22JsonParserComplaintsAreShortAndWellFormed) {
  const std::string big(1 << 20, 'k');
  const std::string inputs[] = {
      R"({"id": "sku", ")" + big + R"(": 1})",
      R"({"id": "sku", "attributes": [{"type": ")" + big + R"("}]})",
      "{\"id\": \"sk\xff\xfe\"}",
      "{\"id\": \"sku\", \xc0\xaf" + big,
  };
  for (const std::string& json : inputs) {
    absl::StatusOr<v1::CatalogMapping> m = ParseCatalogMapping(json, "shop.mapping.json", true);
    EXPECT_THAT(m, StatusIs(absl::StatusCode::kInvalidArgument, StartsWith("shop.mapping.json: ")))
        << json.substr(0, 40);
    const std::string message(m.status().message());
    EXPECT_LT(message.size(), 700u) << message.substr(0, 300);
    EXPECT_TRUE(IsWellFormedUtf8(message)) << message;
  }
}

TEST(CatalogMapping, ColumnNamesFromKeys) {
  EXPECT_EQ(catalog::ColumnNameFromKey("Ideal For"), "ideal_for");
  EXPECT_EQ(catalog::ColumnNameFromKey("Men's Size (UK)"), "mens_size_uk");
  EXPECT_EQ(catalog::ColumnNameFromKey("Precious/Artificial Jewellery"),
            "precious_artificial_jewellery");
}

TEST(CatalogMapping, AMissingFileIsNotFound) {
  EXPECT_THAT(LoadCatalogMapping("/nonexistent/m.textproto"),
              StatusIs(absl::StatusCode::kNotFound, HasSubstr("/nonexistent/m.textproto")));
}

}  // namespace
}  // namespace chatcart
