// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// chatcart redact [--lang en|it|fr] [--spans]: each line of stdin with its
// personal data masked (cards, IBANs, e-mails, phones; chatcart/redact.h),
// one line of stdout per line, for hosts' own logs and for evaluation.
// --spans prints instead, per line, a JSON array of the pieces found:
// [{"kind": "phone", "start": 8, "end": 22}] with byte offsets.

#include <cstdio>
#include <iostream>
#include <string>

#include "chatcart/redact.h"
#include "command.h"

namespace chatcart::cli {
namespace {

int RunRedact(Args& args) {
  std::string lang = args.ValueOr("lang", "");
  const bool spans = args.Switch("spans");
  if (std::string error = args.Finish(); !error.empty() || !args.Positional().empty()) {
    std::fprintf(stderr,
                 "chatcart redact: %s\nusage: chatcart redact [--lang en|it|fr] [--spans] < in\n",
                 error.empty() ? "takes no arguments (reads stdin)" : error.c_str());
    return kExitUsage;
  }
  if (!lang.empty() && lang != "en" && lang != "it" && lang != "fr") {
    std::fprintf(stderr, "chatcart redact: --lang must be en, it or fr, not \"%s\"\n",
                 lang.c_str());
    return kExitUsage;
  }
  std::string line;
  while (std::getline(std::cin, line)) {
    if (!spans) {
      std::string out = Redact(line, lang).text;
      std::fwrite(out.data(), 1, out.size(), stdout);
      std::fputc('\n', stdout);
      continue;
    }
    std::fputc('[', stdout);
    bool first = true;
    for (const PersonalDataSpan& s : FindPersonalData(line, lang)) {
      std::printf("%s{\"kind\":\"%s\",\"start\":%zu,\"end\":%zu}", first ? "" : ",",
                  std::string(PersonalDataName(s.kind)).c_str(), s.begin, s.end);
      first = false;
    }
    std::fputs("]\n", stdout);
  }
  return kExitOk;
}

CHATCART_CLI_COMMAND(
    redact,
    {.name = "redact",
     .summary = "Masks cards, IBANs, e-mails and phones in each line of stdin",
     .run = RunRedact,
     .flags = {{"lang", kValue, "LANG", "the language of the text: en, it or fr (default en)"},
               {"spans", kSwitch, "", "prints a JSON array of the pieces found per line"}},
     .example = "chatcart redact --lang it < chat.log"});

}  // namespace
}  // namespace chatcart::cli
