// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// `chatcart demo`, run by scripts/demo.sh. Until the dialogue engine exists it
// prints the version and exercises what exists; it grows into the scripted
// demo conversation.

#include <cstdio>
#include <string>

#include "chatcart/money.h"
#include "chatcart/version.h"
#include "command.h"

namespace chatcart::cli {
namespace {

int RunDemo(Args& args) {
  if (std::string error = args.Finish(); !error.empty()) {
    std::fprintf(stderr, "chatcart demo: %s\n", error.c_str());
    return kExitUsage;
  }
  std::printf("chatcart %s\n\n", CHATCART_VERSION_STRING);

  std::printf("Money is exact: parsed from decimal strings, formatted by ICU.\n");
  struct Sample {
    const char* amount;
    const char* currency;
    const char* locale;
  } samples[] = {{"1234.56", "USD", "en-US"},
                 {"1234.56", "EUR", "it-IT"},
                 {"1234.56", "EUR", "fr-FR"},
                 {"1500", "JPY", "en-US"},
                 {"12.345", "KWD", "en-US"}};
  for (const Sample& s : samples) {
    absl::StatusOr<Money> money = Money::Parse(s.amount, s.currency);
    if (!money.ok()) {
      std::fprintf(stderr, "demo: %s\n", std::string(money.status().message()).c_str());
      return kExitFailure;
    }
    absl::StatusOr<std::string> text = money->Format(s.locale);
    if (!text.ok()) {
      std::fprintf(stderr, "demo: %s\n", std::string(text.status().message()).c_str());
      return kExitFailure;
    }
    std::printf("  %-10s %s in %-5s -> %s\n", s.amount, s.currency, s.locale, text->c_str());
  }
  absl::StatusOr<Money> rounded = Money::Parse("1.234", "USD");
  std::printf("\n  \"1.234\" USD is refused, never rounded:\n    %s\n",
              std::string(rounded.status().message()).c_str());
  absl::StatusOr<Money> mixed = Money::Parse("1", "USD")->Plus(*Money::Parse("1", "EUR"));
  std::printf("  USD plus EUR is refused:\n    %s\n",
              std::string(mixed.status().message()).c_str());
  return kExitOk;
}

CHATCART_CLI_COMMAND(demo, "demo", "Runs the scripted demo conversation", RunDemo);

}  // namespace
}  // namespace chatcart::cli
