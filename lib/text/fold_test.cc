// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "text/fold.h"

#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "text/utf8.h"

namespace chatcart::text {
namespace {

struct FoldCase {
  const char* in;
  const char* out;
};

void PrintTo(const FoldCase& c, std::ostream* os) { *os << '"' << c.in << '"'; }

class FoldTable : public ::testing::TestWithParam<FoldCase> {};

TEST_P(FoldTable, GivesTheFoldedForm) { EXPECT_EQ(Fold(GetParam().in), GetParam().out); }

INSTANTIATE_TEST_SUITE_P(
    Fold, FoldTable,
    ::testing::Values(FoldCase{"", ""}, FoldCase{"Hello World", "hello world"},
                      FoldCase{"Track `order`", "track 'order'"},
                      // Case folding goes beyond ASCII and beyond lower-casing.
                      FoldCase{"PERCHÉ", "perché"}, FoldCase{"Straße", "strasse"},
                      FoldCase{"ÇA VA", "ça va"},
                      // NFKC: full-width forms, ligatures, superscripts, no-break spaces.
                      FoldCase{"ＩＰＨＯＮＥ １５", "iphone 15"}, FoldCase{"ﬁne", "fine"},
                      FoldCase{"m²", "m2"}, FoldCase{"50\xC2\xA0€", "50 €"},
                      FoldCase{"1\xE2\x80\xAF"
                               "000",
                               "1 000"},
                      // Composed and decomposed accents fold alike.
                      FoldCase{"cafe\xCC\x81", "café"},
                      // Punctuation unification.
                      FoldCase{"l’iPhone", "l'iphone"}, FoldCase{"dell‘ordine", "dell'ordine"},
                      FoldCase{"«prix»", "\"prix\""}, FoldCase{"“BEST”", "\"best\""},
                      FoldCase{"200–300 — ok", "200-300 - ok"}, FoldCase{"−5", "-5"},
                      // Default-ignorable code points disappear (an LRM from a catalogue).
                      FoldCase{"\xE2\x80\x8E"
                               "AMD",
                               "amd"},
                      FoldCase{"soft\xC2\xADhyphen", "softhyphen"},
                      // Emoji and other scripts pass through folded.
                      FoldCase{"Hi 👋", "hi 👋"}, FoldCase{"ПРИВЕТ", "привет"},
                      FoldCase{"東京", "東京"}));

TEST(Fold, StripsAccentsOnlyWhenAsked) {
  EXPECT_EQ(Fold("Perché ÇA où"), "perché ça où");
  EXPECT_EQ(Fold("Perché ÇA où", {.strip_accents = true}), "perche ca ou");
  EXPECT_EQ(Fold("naïve Zoë", {.strip_accents = true}), "naive zoe");
}

TEST(EqualsIgnoringAccents, SetsCaseAndAccentsAside) {
  for (auto [a, b] :
       {std::pair{"Expériences", "experiences"}, std::pair{"perché", "PERCHE"},
        std::pair{"ÇA", "ca"}, std::pair{"naïve", "naive"}, std::pair{"e\u0301te\u0301", "été"},
        std::pair{"", ""}, std::pair{"Zoë", "zoe"}, std::pair{"\xFF", "\xFE"}}) {
    EXPECT_TRUE(EqualsIgnoringAccents(a, b)) << a << " / " << b;
    EXPECT_TRUE(EqualsIgnoringAccents(b, a)) << b << " / " << a;
  }
  for (auto [a, b] : {std::pair{"expérience", "experiences"}, std::pair{"ou", "où?"},
                      std::pair{"cœur", "coeur"}, std::pair{"a", ""}, std::pair{"lego", "légo "}}) {
    EXPECT_FALSE(EqualsIgnoringAccents(a, b)) << a << " / " << b;
    EXPECT_FALSE(EqualsIgnoringAccents(b, a)) << b << " / " << a;
  }
}

TEST(Fold, ReplacesIllFormedUtf8AndNeverFails) {
  EXPECT_EQ(Fold("ab\xFF"
                 "C"),
            "ab\xEF\xBF\xBD"
            "c");
  EXPECT_EQ(Fold("\xC3"), "\xEF\xBF\xBD");                                    // truncated sequence
  EXPECT_EQ(Fold("\xED\xA0\x80X"), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBDx");  // a surrogate
  const std::string garbage = "\xF0\x9F\x98\x80\xF0\x9F\x98\x80\x80\x80\xC0\xAF\xE0\x80";
  EXPECT_TRUE(IsValidUtf8(Fold(garbage)));
}

TEST(Fold, AppendsToWhatIsThere) {
  std::string out = "x:";
  FoldTo("ÉTÉ", {}, &out);
  FoldTo("OK", {}, &out);
  EXPECT_EQ(out, "x:étéok");
}

TEST(Fold, IsIdempotent) {
  for (const char* s : {"Ｃafé’s “BEST”—deal", "Straße ﬁ", "l’iPhone 15 Pro Max"}) {
    const std::string once = Fold(s);
    EXPECT_EQ(Fold(once), once) << s;
  }
}

TEST(UnifyPunctuation, MapsEachFamilyToItsAsciiForm) {
  EXPECT_EQ(UnifyPunctuation(0x2019), U'\'');
  EXPECT_EQ(UnifyPunctuation(0x00AB), U'"');
  EXPECT_EQ(UnifyPunctuation(0x2014), U'-');
  EXPECT_EQ(UnifyPunctuation(U'a'), U'a');
  EXPECT_EQ(UnifyPunctuation(0x20AC), 0x20ACu);  // € is not punctuation
}

}  // namespace
}  // namespace chatcart::text
