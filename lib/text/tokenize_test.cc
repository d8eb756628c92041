// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "text/tokenize.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace chatcart::text {
namespace {

using ::testing::ElementsAre;

// "text@begin" for each token, for compact expectations.
std::vector<std::string> Spans(std::string_view text, TokenizeOptions options = {}) {
  std::vector<std::string> out;
  for (const Token& t : Tokenize(text, options)) {
    out.push_back(t.text + "@" + std::to_string(t.begin));
  }
  return out;
}

std::vector<std::string> Texts(std::string_view text) {
  std::vector<std::string> out;
  for (const Token& t : Tokenize(text)) out.push_back(t.text);
  return out;
}

TEST(Tokenize, FoldsWordsAndKeepsByteSpansIntoTheOriginal) {
  const std::string text = "Got 2 “iPhone 15” cases? PERCHÉ!";
  std::vector<Token> tokens = Tokenize(text);
  ASSERT_EQ(tokens.size(), 6u);
  EXPECT_EQ(tokens[2].text, "iphone");
  EXPECT_EQ(text.substr(tokens[2].begin, tokens[2].end - tokens[2].begin), "iPhone");
  EXPECT_EQ(tokens[5].text, "perché");
  EXPECT_EQ(text.substr(tokens[5].begin, tokens[5].end - tokens[5].begin), "PERCHÉ");
  EXPECT_EQ(tokens[1].kind, TokenKind::kNumber);
  EXPECT_EQ(tokens[0].kind, TokenKind::kWord);
}

TEST(Tokenize, KeepsNumbersWithSeparatorsTogether) {
  EXPECT_THAT(Texts("1,500.50 and 1.5k, then 3. Done"),
              ElementsAre("1,500.50", "and", "1.5k", "then", "3", "done"));
  std::vector<Token> t = Tokenize("1.5k 32x30 6yo 42");
  EXPECT_EQ(t[0].kind, TokenKind::kAlnum);
  EXPECT_EQ(t[1].kind, TokenKind::kAlnum);
  EXPECT_EQ(t[2].kind, TokenKind::kAlnum);
  EXPECT_EQ(t[3].kind, TokenKind::kNumber);
}

TEST(Tokenize, SplitsElisionsHyphensAndPunctuation) {
  EXPECT_THAT(Texts("l’iPhone dell'ordine don't t-shirt wi-fi."),
              ElementsAre("l", "iphone", "dell", "ordine", "don", "t", "t", "shirt", "wi", "fi"));
}

TEST(Tokenize, DropsSymbolsUnlessAsked) {
  EXPECT_THAT(Spans("$300 – 20% €5"), ElementsAre("300@1", "20@9", "5@16"));
  EXPECT_THAT(Spans("$300 – 20% €5", {.keep_symbols = true}),
              ElementsAre("$@0", "300@1", "-@5", "20@9", "%@11", "€@13", "5@16"));
  EXPECT_THAT(Spans("<50 ~30 >9 #1", {.keep_symbols = true}),
              ElementsAre("<@0", "50@1", "~@4", "30@5", ">@8", "9@9", "1@12"));
}

TEST(Tokenize, HandlesEmojiAndMixedScripts) {
  EXPECT_THAT(Texts("hi👋there 😀😀"), ElementsAre("hi", "there"));
  EXPECT_THAT(Texts("iPhoneПро 東京で"), ElementsAre("iphone", "про", "東", "京", "で"));
  EXPECT_THAT(Texts("ＩＰＨＯＮＥ１５"), ElementsAre("iphone15"));
}

TEST(Tokenize, KeepsCombiningMarksWithTheirLetter) {
  const std::string text = "cafe\xCC\x81 ok";  // e + COMBINING ACUTE
  std::vector<Token> t = Tokenize(text);
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t[0].text, "café");
  EXPECT_EQ(t[0].end, 6u);
}

TEST(Tokenize, SeparatesAtIllFormedUtf8) {
  EXPECT_THAT(Spans("ab\xFF"
                    "cd \xC3"),
              ElementsAre("ab@0", "cd@3"));
  EXPECT_TRUE(Tokenize("").empty());
  EXPECT_TRUE(Tokenize("?!... \xFF\xFE").empty());
}

TEST(Tokenize, ReusesTheCallersVector) {
  std::vector<Token> tokens;
  Tokenize("one two three", {}, &tokens);
  EXPECT_EQ(tokens.size(), 3u);
  Tokenize("four", {}, &tokens);
  ASSERT_EQ(tokens.size(), 1u);
  EXPECT_EQ(tokens[0].text, "four");
}

TEST(Tokenize, CopesWithLongInput) {
  std::string text;
  for (int i = 0; i < 20000; ++i) text += "word ";
  EXPECT_EQ(Tokenize(text).size(), 20000u);
}

}  // namespace
}  // namespace chatcart::text
