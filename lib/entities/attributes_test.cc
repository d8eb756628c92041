// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Sizes, colours and compatibility in English, Italian and French.

#include "entities/test_util.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace chatcart::entities {
namespace {

using ::chatcart::entities::testing::Case;
using ::chatcart::entities::testing::DefaultExtractor;
using ::chatcart::entities::testing::DescribeAll;
using ::testing::ElementsAreArray;

class AttributesTest : public ::testing::TestWithParam<Case> {};

TEST_P(AttributesTest, FindsTheCanonicalValue) {
  static const auto extractor = DefaultExtractor();
  const Case& c = GetParam();
  EXPECT_THAT(DescribeAll(extractor->Extract(c.text, c.language)), ElementsAreArray(c.expected));
}

INSTANTIATE_TEST_SUITE_P(
    Size, AttributesTest,
    ::testing::Values(
        Case{"en", "size M", {"size:M \"size M\""}}, Case{"en", "in XL please", {"size:XL \"XL\""}},
        Case{"en", "a 2XL hoodie", {"size:XXL \"2XL\""}},
        Case{"it", "bottiglie trasparenti", {"colour:transparent \"trasparenti\""}},
        Case{"fr", "des boîtes transparentes", {"colour:transparent \"transparentes\""}},
        Case{"en", "size XL in navy blue", {"size:XL \"size XL\"", "colour:navy \"navy blue\""}},
        Case{"en", "42 EU", {"size:EU 42 \"42 EU\""}},
        Case{"en", "US 9.5 sneakers", {"size:US 9.5 \"US 9.5\""}}, Case{"en", "I'm happy", {}},
        Case{"it", "taglia M nera", {"size:M \"taglia M\"", "colour:black \"nera\""}},
        Case{"fr",
             "taille L en bleu marine",
             {"size:L \"taille L\"", "colour:navy \"bleu marine\""}},
        Case{"en", "do you have it in M?", {"size:M \"M\""}},
        Case{"en", "I'm looking for L'Oréal", {}}, Case{"en", "size 42", {"size:42 \"size 42\""}},
        Case{"en", "size 9.5 US", {"size:US 9.5 \"size 9.5 US\""}},
        // "shoe" names the kind of size; the span is the size.
        Case{"en", "shoe size 11 US", {"size:US 11 \"size 11 US\""}},
        Case{"en", "shoe size 42", {"size:42 \"size 42\""}},
        // The system before the cue; waist and length in words.
        Case{"en", "US size 10 shoes", {"size:US 10 \"US size 10\""}},
        Case{"en", "waist 34 length 32", {"size:34x32 \"waist 34 length 32\""}},
        Case{"en", "waist 34 inseam 30", {"size:34x30 \"waist 34 inseam 30\""}},
        Case{"en", "waist 34", {"size:34 \"waist 34\""}},
        // Two size words either way are sizes; an article or a category word
        // makes them adjectives.
        Case{"en", "either small or medium is fine", {"size:S,M \"small or medium\""}},
        Case{"en", "a small or large box", {}}, Case{"en", "the small or the large one", {}},
        Case{"it", "taglia small", {"size:S \"taglia small\""}},
        // Size words after an Italian or French cue; alone they are no size.
        Case{"it", "taglia media", {"size:M \"taglia media\""}},
        Case{"it", "una grande stampante", {}},
        Case{"fr", "en taille moyenne", {"size:M \"taille moyenne\""}},
        Case{"en", "EU 42", {"size:EU 42 \"EU 42\""}},
        Case{"en", "shoes in US 9", {"size:US 9 \"US 9\""}},
        Case{"en", "send us 2", {"number:2 \"2\""}},
        Case{"en", "jeans 32x30", {"size:32x30 \"32x30\""}},
        Case{"en", "32 x 30 jeans", {"size:32x30 \"32 x 30\""}},
        Case{"en", "W32 L30", {"size:32x30 \"W32 L30\""}},
        Case{"en", "extra large", {"size:XL \"extra large\""}},
        Case{"en", "size small", {"size:S \"size small\""}}, Case{"en", "a large pizza", {}},
        Case{"it", "taglia L", {"size:L \"taglia L\""}},
        Case{"it", "taglia 42", {"size:42 \"taglia 42\""}},
        Case{"it", "delle decollete rosse n 37", {"colour:red \"rosse\"", "size:37 \"n 37\""}},
        Case{"it", "nr 42", {"size:42 \"nr 42\""}},
        Case{"it", "n 3", {"number:3 \"3\""}},
        Case{"it", "scarpe numero 40", {"size:40 \"numero 40\""}},
        Case{"it", "eu42", {"size:EU 42 \"eu42\""}},
        Case{"fr", "taille S", {"size:S \"taille S\""}},
        Case{"fr", "pointure 38,5", {"size:38.5 \"pointure 38,5\""}},
        Case{"en", "I wear a medium", {"size:M \"medium\""}},
        Case{"en", "she wears size 8", {"size:8 \"size 8\""}}, Case{"en", "I wear glasses", {}},
        Case{"fr", "l'iPhone", {"compatibility:iphone \"iPhone\""}}));

INSTANTIATE_TEST_SUITE_P(
    Colour, AttributesTest,
    ::testing::Values(
        Case{"en", "a red dress", {"colour:red \"red\""}},
        Case{"en", "gray or navy blue", {"colour:grey,navy \"gray or navy blue\""}},
        Case{"en", "light blue", {"colour:light blue \"light blue\""}},
        Case{"en", "dark green", {"colour:dark green \"dark green\""}},
        Case{"en", "rose gold", {"colour:rose gold \"rose gold\""}},
        Case{"it", "scarpe rosse", {"colour:red \"rosse\""}},
        Case{"it", "verde scuro", {"colour:dark green \"verde scuro\""}},
        Case{"it", "azzurro", {"colour:light blue \"azzurro\""}},
        Case{"it", "nera o bianca", {"colour:black,white \"nera o bianca\""}},
        Case{"fr", "bleu marine", {"colour:navy \"bleu marine\""}},
        Case{"fr", "une robe noire", {"colour:black \"noire\""}},
        Case{"fr", "vert clair", {"colour:light green \"vert clair\""}},
        Case{"fr", "or ou argent", {"colour:silver \"argent\""}}));

INSTANTIATE_TEST_SUITE_P(
    Compatibility, AttributesTest,
    ::testing::Values(
        Case{"en", "a case for an iPhone 5", {"compatibility:iphone \"iPhone 5\""}},
        Case{"en", "works with Android", {"compatibility:android \"Android\""}},
        Case{"en",
             "my wife's Windows phone and my iPhone 15 Pro",
             {"compatibility:windows_phone \"Windows phone\"",
              "compatibility:iphone \"iPhone 15 Pro\""}},
        Case{"en", "iphone15", {"compatibility:iphone \"iphone15\""}},
        Case{"en", "a PS5 controller", {"compatibility:playstation \"PS5\""}},
        Case{"en", "Windows 11 laptop", {"compatibility:windows \"Windows 11\""}},
        Case{"it", "per iPhone", {"compatibility:iphone \"iPhone\""}},
        Case{"it",
             "compatibile con Android e iPhone",
             {"compatibility:android,iphone \"Android e iPhone\""}},
        Case{"fr", "compatible avec Android", {"compatibility:android \"Android\""}},
        Case{"fr",
             "compatible avec mon Samsung Galaxy S21",
             {"compatibility:android \"Samsung Galaxy S21\""}},
        Case{"it", "per il mio iPhone 13 pro", {"compatibility:iphone \"iPhone 13 pro\""}},
        Case{"en",
             "print photos from my android phone",
             {"compatibility:android \"android phone\""}},
        Case{"fr", "pour mon Mac", {"compatibility:mac \"Mac\""}},
        Case{"it", "una cover per il mio Samsung", {"compatibility:android \"Samsung\""}},
        Case{"en", "a Samsung", {}}, Case{"en", "for my Samsung TV", {}},
        // The console after a feminine article or possessive; a network switch is none.
        Case{"fr", "une manette pour la Switch", {"compatibility:nintendo_switch \"Switch\""}},
        Case{"it", "un gioco per la mia Switch", {"compatibility:nintendo_switch \"Switch\""}},
        Case{"fr", "le switch réseau", {}}, Case{"it", "lo switch della luce", {}},
        Case{"en", "nintendo switch games", {"compatibility:nintendo_switch \"nintendo switch\""}},
        Case{
            "en", "a case for my Android phone, 64GB", {"compatibility:android \"Android phone\""}},
        Case{"en", "with my iPhone 15 Pro", {"compatibility:iphone \"iPhone 15 Pro\""}}));

TEST(Compatibility, ConfidenceRisesWithACue) {
  auto e = DefaultExtractor();
  std::vector<Entity> cued = e->Extract("works with android", "en");
  std::vector<Entity> bare = e->Extract("android", "en");
  ASSERT_EQ(cued.size(), 1u);
  ASSERT_EQ(bare.size(), 1u);
  EXPECT_GT(cued[0].confidence, bare[0].confidence);
}

TEST(Vocabularies, ExtendColoursAndPlatforms) {
  EntityExtractorOptions options;
  options.colours = {{.phrase = "bleu nuit", .value = "navy", .language = "fr"},
                     {.phrase = "mint", .value = "mint", .language = ""}};
  options.compatibility = {{.phrase = "kindle", .value = "kindle", .language = ""}};
  auto e = EntityExtractor::Create(options);
  ASSERT_TRUE(e.ok()) << e.status();
  EXPECT_THAT(DescribeAll((*e)->Extract("une housse bleu nuit pour Kindle", "fr")),
              ElementsAreArray({"colour:navy \"bleu nuit\"", "compatibility:kindle \"Kindle\""}));
  EXPECT_THAT(DescribeAll((*e)->Extract("mint case for kindle", "en")),
              ElementsAreArray({"colour:mint \"mint\"", "compatibility:kindle \"kindle\""}));
  // "bleu nuit" is French only; in English "bleu" is no colour.
  EXPECT_THAT(DescribeAll((*e)->Extract("bleu nuit", "en")), ::testing::IsEmpty());
}

}  // namespace
}  // namespace chatcart::entities
