// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "common/locale.h"

#include "gtest/gtest.h"

namespace chatcart {
namespace {

TEST(LocaleLanguage, IsThePrimarySubtagAsWritten) {
  EXPECT_EQ(LocaleLanguage("it-IT"), "it");
  EXPECT_EQ(LocaleLanguage("fr_CH"), "fr");
  EXPECT_EQ(LocaleLanguage("en"), "en");
  EXPECT_EQ(LocaleLanguage("EN-us"), "EN");
  EXPECT_EQ(LocaleLanguage(""), "");
  EXPECT_EQ(LocaleLanguage("-US"), "");
}

TEST(LocaleSpeaks, ComparesTheLanguageOnly) {
  EXPECT_TRUE(LocaleSpeaks("it-IT", "it"));
  EXPECT_TRUE(LocaleSpeaks("it", "it"));
  EXPECT_FALSE(LocaleSpeaks("ita", "it"));
  EXPECT_FALSE(LocaleSpeaks("fr-FR", "it"));
}

}  // namespace
}  // namespace chatcart
